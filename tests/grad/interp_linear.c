/* cotan: grad -f interp_linear */
/* interp_linear.c: piecewise-linear interpolation in a table: a while loop
 * finds the segment (a data-dependent count), then a weighted sum. */
double interp_linear(const double *xs, const double *ys, int n, double x) {
  int i = 0;
  while (i < n - 2 && x > xs[i + 1])
    i++;
  double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
  return (1.0 - t) * ys[i] + t * ys[i + 1];
}

#ifdef COTAN_TEST
#include "check.h"
double interp_linear_grad(const double *xs, double *d_xs, const double *ys, double *d_ys, int n, double x, double *d_x);

static double xs[6], ys[6], x, d_xs[6], d_ys[6], d_x;
static double f(void) { return interp_linear(xs, ys, 6, x); }
static double g(void) { return interp_linear_grad(xs, d_xs, ys, d_ys, 6, x, &d_x); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < 6; i++) xs[i] = i + check_rand(-0.2, 0.2);
    check_fill(ys, 6, -1, 1);
    x = 0.5 + 1.3 * p + check_rand(-0.1, 0.1); /* inside segments 0, 1, 3, 4 */
    check_begin("interp_linear", f, g);
    CHECK_ARG(xs, d_xs, 6);
    CHECK_ARG(ys, d_ys, 6);
    CHECK_SCALAR(x, d_x);
    check_run();
  }
  return check_done();
}
#endif
