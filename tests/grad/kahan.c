/* cotan: grad -f kahan */
/* kahan.c: Kahan compensated summation of x[i] * w (the compensation term
 * is overwritten every iteration). */
double kahan(const double *x, int n, double w) {
  double sum = 0.0, c = 0.0;
  for (int i = 0; i < n; i++) {
    double y = x[i] * w - c;
    double t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

#ifdef COTAN_TEST
#include "check.h"
double kahan_grad(const double *x, double *d_x, int n, double w, double *d_w);

static double x[10], d_x[10], w, d_w;
static double f(void) { return kahan(x, 10, w); }
static double g(void) { return kahan_grad(x, d_x, 10, w, &d_w); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 10, -1, 1);
    w = check_rand(0.5, 2);
    check_begin("kahan", f, g);
    CHECK_ARG(x, d_x, 10);
    CHECK_SCALAR(w, d_w);
    check_run();
  }
  return check_done();
}
#endif
