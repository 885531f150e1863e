/* cotan: grad -f overwrite_square */
/* overwrite_square.c: a variable overwritten with a function of itself in a
 * loop (x = x * x), so the reverse sweep needs every old value. */
#include <math.h>

double overwrite_square(double x, double a, int n) {
  for (int i = 0; i < n; i++) {
    x = x * x;
    x = sin(x) + a * x;
  }
  double y = x;
  y = y * y + x;
  return y;
}

#ifdef COTAN_TEST
#include "check.h"
double overwrite_square_grad(double x, double *d_x, double a, double *d_a, int n);

static double x, a, d_x, d_a;
static double f(void) { return overwrite_square(x, a, 5); }
static double g(void) { return overwrite_square_grad(x, &d_x, a, &d_a, 5); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(-1, 1);
    a = check_rand(0.1, 0.6);
    check_begin("overwrite_square", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
