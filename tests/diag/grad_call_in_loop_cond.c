/* a call that updates its argument in place, inside a loop condition */
static double step(double *v) { v[0] = 0.5 * v[0] + 0.1; return v[0]; }
double f(const double *x, int n) {
  double v[1] = {x[0]};
  int k = 0;
  while (step(v) > 0.3 && k < n) k++;
  return v[0] * x[1];
}
