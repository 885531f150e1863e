/* cotan: grad -f wrt_scalar --wrt c,a */
/* wrt_scalar.c: --wrt naming scalars out of order; the adjoints still
 * follow the parameter order (a, d_a, b, c, d_c). */
#include <math.h>

double wrt_scalar(double a, double b, double c) {
  return a * exp(b * c) + sin(a * c) * b;
}

#ifdef COTAN_TEST
#include "check.h"
double wrt_scalar_grad(double a, double *d_a, double b, double c, double *d_c);

static double a, b, c, d_a, d_c;
static double f(void) { return wrt_scalar(a, b, c); }
static double g(void) { return wrt_scalar_grad(a, &d_a, b, c, &d_c); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    a = check_rand(-1, 1);
    b = check_rand(-1, 1);
    c = check_rand(-1, 1);
    check_begin("wrt_scalar", f, g);
    CHECK_SCALAR(a, d_a);
    CHECK_SCALAR(c, d_c);
    check_run();
  }
  return check_done();
}
#endif
