/* A helper that updates its pointer argument in place, called on the
 * caller's own pointer parameter: the extent is unknown, so cotan cannot
 * save it for the helper's derivative. */
static void scale(double *v, int n, double a) {
  for (int i = 0; i < n; i++)
    v[i] = a * v[i] * v[i];
}

double f(double *x, int n, double a) {
  scale(x, n, a);
  return x[0] + x[1];
}
