/* an array of pointers reached through another pointer */
double f(const double *x, int n) {
  const double *rows[2];
  rows[0] = x; rows[1] = x + 2;
  const double **pr = rows;
  double s = pr[0][0] * pr[1][1] + pr[1][0] * (n > 0 ? pr[0][1] : 0);
  return s;
}
