/* the result is a pointer: neither differentiable nor a status code */
double *solve(const double *a, double *x, int n) {
  for (int i = 0; i < n; i++)
    x[i] = 1.0 / a[i];
  return x;
}
