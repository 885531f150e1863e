/* cotan: grad -f array_param */
/* array_param.c: parameters declared as arrays, double x[] and double w[4]
 * (their adjoints are double *). */
#include <math.h>

double array_param(double x[], const double w[4], int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += w[i % 4] * exp(-x[i] * x[i]);
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double array_param_grad(double x[], double *d_x, const double w[4], double *d_w, int n);

static double x[6], w[4], d_x[6], d_w[4];
static double f(void) { return array_param(x, w, 6); }
static double g(void) { return array_param_grad(x, d_x, w, d_w, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 6, -1.5, 1.5);
    check_fill(w, 4, -1, 1);
    check_begin("array_param", f, g);
    CHECK_ARG(x, d_x, 6);
    CHECK_ARG(w, d_w, 4);
    check_run();
  }
  return check_done();
}
#endif
