/* cotan: grad -f logistic_map */
/* logistic_map.c: a long recurrence with overwrites, x = r x (1 - x), the
 * iterates averaged (every old x is needed by the reverse sweep). */
double logistic_map(double x, double r, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    x = r * x * (1.0 - x);
    s += x;
  }
  return s / n;
}

#ifdef COTAN_TEST
#include "check.h"
double logistic_map_grad(double x, double *d_x, double r, double *d_r, int n);

static double x, r, d_x, d_r;
static double f(void) { return logistic_map(x, r, 200); }
static double g(void) { return logistic_map_grad(x, &d_x, r, &d_r, 200); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    x = check_rand(0.2, 0.8);
    r = check_rand(2.2, 2.8); /* a stable fixed point: derivatives stay bounded */
    check_begin("logistic_map", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(r, d_r);
    check_run();
  }
  return check_done();
}
#endif
