/* An anonymous union member: s->radius is a union member too. */
struct shape {
  int kind;
  union {
    double radius;
    double side;
  };
};

double f(const struct shape *s) {
  if (s->kind == 0)
    return 3.14159 * s->radius * s->radius;
  return s->side * s->side;
}
