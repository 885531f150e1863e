/* A pointer to active memory stored in an integer variable, no cast. */
static double second(const double *v) { return v[1]; }

double f(double *x) {
  long where;
  where = x;
  (void)where;
  return second(x) * x[0];
}
