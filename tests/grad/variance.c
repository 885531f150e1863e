/* cotan: grad -f variance */
/* variance.c: the two-pass sample standard deviation. */
#include <math.h>

double variance(const double *x, int n) {
  double mean = 0.0;
  for (int i = 0; i < n; i++) mean += x[i];
  mean /= n;
  double ss = 0.0;
  for (int i = 0; i < n; i++) {
    double d = x[i] - mean;
    ss += d * d;
  }
  return sqrt(ss / (n - 1));
}

#ifdef COTAN_TEST
#include "check.h"
double variance_grad(const double *x, double *d_x, int n);

static double x[8], d_x[8];
static double f(void) { return variance(x, 8); }
static double g(void) { return variance_grad(x, d_x, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 8, -2, 2);
    check_begin("variance", f, g);
    CHECK_ARG(x, d_x, 8);
    check_run();
  }
  return check_done();
}
#endif
