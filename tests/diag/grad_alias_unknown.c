/* A write through a pointer loaded from an array of pointers: cotan cannot
 * tell which variable it writes, so it must not guess (it would miss the
 * write to store and give a silently wrong derivative). */
static void fill(double **rows, const double *x, int n) {
  double *p = rows[0];
  for (int i = 0; i < n; i++)
    p[i] = x[i] * x[i];
}

double f(const double *x, double *store, int n) {
  double *rows[1];
  rows[0] = store;
  fill(rows, x, n);
  double r = 0;
  for (int i = 0; i < n; i++)
    r += store[i];
  return r;
}
