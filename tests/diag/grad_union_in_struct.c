/* A union inside a struct parameter, holding the active size. */
struct shape {
  int kind;
  union {
    double radius;
    double side;
  } size;
};

double f(const struct shape *s) {
  return s->size.radius * s->size.radius;
}
