/* cotan: grad -f newton_sqrt */
/* newton_sqrt.c: Newton iterations for sqrt(a) in a while loop until the
 * relative change is below a tolerance, then used in a larger expression. */
#include <math.h>

static double newton_root(double a) {
  double y = a, prev = 0.0;
  while (fabs(y - prev) > 1e-14 * y) {
    prev = y;
    y = 0.5 * (y + a / y);
  }
  return y;
}

double newton_sqrt(double a, double b) {
  double r = newton_root(a * a + b);
  return r * b + newton_root(b);
}

#ifdef COTAN_TEST
#include "check.h"
double newton_sqrt_grad(double a, double *d_a, double b, double *d_b);

static double a, b, d_a, d_b;
static double f(void) { return newton_sqrt(a, b); }
static double g(void) { return newton_sqrt_grad(a, &d_a, b, &d_b); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    a = check_rand(-3, 3);
    b = check_rand(0.5, 9);
    check_begin("newton_sqrt", f, g);
    CHECK_SCALAR(a, d_a);
    CHECK_SCALAR(b, d_b);
    check_run();
  }
  return check_done();
}
#endif
