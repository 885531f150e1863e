/* cotan: grad -f switch_return */
/* switch_return.c: a switch whose every case returns (a piecewise
 * activation chosen by an int), with a braced case holding a local.  Issue
 * 3's code kept only the first case of such a switch (every other case got
 * a zero derivative); found by the issue 4 corpus (shape_union.c). */
#include <math.h>

double switch_return(double x, double a, int kind) {
  switch (kind) {
  case 0:
    return tanh(a * x);
  case 1: {
    double e = exp(-a * x);
    return 1 / (1 + e);
  }
  case 2:
  case 3:
    return x > 0 ? a * x : 0.1 * a * x;
  default:
    return log(1 + exp(a * x)) / a;
  }
}

#ifdef COTAN_TEST
#include "check.h"
double switch_return_grad(double x, double *d_x, double a, double *d_a, int kind);

static double x, a, d_x, d_a;
static int kind;
static double f(void) { return switch_return(x, a, kind); }
static double g(void) { return switch_return_grad(x, &d_x, a, &d_a, kind); }

int main(void) {
  for (int p = 0; p < 10; p++) {
    kind = p % 5;
    x = check_rand(0.2, 1.5) * (p % 2 ? 1 : -1);
    a = check_rand(0.5, 2);
    check_begin("switch_return", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
