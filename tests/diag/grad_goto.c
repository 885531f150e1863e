/* goto cannot be reversed: the error names the way around it. */
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    if (x[i] < 0)
      goto done;
    s += x[i] * x[i];
  }
done:
  return s;
}
