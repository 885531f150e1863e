/* cotan: grad -f rosenbrock */
/* rosenbrock.c: the n-dimensional Rosenbrock function. */
double rosenbrock(const double *x, int n) {
  double s = 0.0;
  for (int i = 0; i < n - 1; i++) {
    double a = 1.0 - x[i], b = x[i + 1] - x[i] * x[i];
    s += a * a + 100.0 * b * b;
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double rosenbrock_grad(const double *x, double *d_x, int n);

static double x[5], d_x[5];
static double f(void) { return rosenbrock(x, 5); }
static double g(void) { return rosenbrock_grad(x, d_x, 5); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 5, -1.5, 1.5);
    check_begin("rosenbrock", f, g);
    CHECK_ARG(x, d_x, 5);
    check_run();
  }
  return check_done();
}
#endif
