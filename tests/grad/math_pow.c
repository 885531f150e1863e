/* cotan: grad -f math_pow */
/* math_pow.c: pow (both arguments, constant exponent, constant base) sqrt cbrt hypot (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_pow(double x_pow, double y_pow, double x_pow_c, double y_pow_c, double x_sqrt, double x_cbrt, double x_hypot, double y_hypot) {
  double r = pow(x_pow, y_pow);
  r += pow(x_pow_c, 3.0);
  r += pow(2.0, y_pow_c);
  r += sqrt(x_sqrt);
  r += cbrt(x_cbrt);
  r += hypot(x_hypot, y_hypot);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_pow_grad(double x_pow, double *d_x_pow, double y_pow, double *d_y_pow, double x_pow_c, double *d_x_pow_c, double y_pow_c, double *d_y_pow_c, double x_sqrt, double *d_x_sqrt, double x_cbrt, double *d_x_cbrt, double x_hypot, double *d_x_hypot, double y_hypot, double *d_y_hypot);

static double x_pow, d_x_pow;
static double y_pow, d_y_pow;
static double x_pow_c, d_x_pow_c;
static double y_pow_c, d_y_pow_c;
static double x_sqrt, d_x_sqrt;
static double x_cbrt, d_x_cbrt;
static double x_hypot, d_x_hypot;
static double y_hypot, d_y_hypot;
static double f(void) { return math_pow(x_pow, y_pow, x_pow_c, y_pow_c, x_sqrt, x_cbrt, x_hypot, y_hypot); }
static double g(void) { return math_pow_grad(x_pow, &d_x_pow, y_pow, &d_y_pow, x_pow_c, &d_x_pow_c, y_pow_c, &d_y_pow_c, x_sqrt, &d_x_sqrt, x_cbrt, &d_x_cbrt, x_hypot, &d_x_hypot, y_hypot, &d_y_hypot); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_pow = check_rand(0.5, 2);
    y_pow = check_rand(-1.5, 3);
    x_pow_c = check_rand(-2, 2);
    y_pow_c = check_rand(-2, 2);
    x_sqrt = check_rand(0.2, 4);
    x_cbrt = check_rand(-3, -0.3);
    x_hypot = check_rand(-2, 2);
    y_hypot = check_rand(0.5, 2);
    check_begin("math_pow", f, g);
    CHECK_SCALAR(x_pow, d_x_pow);
    CHECK_SCALAR(y_pow, d_y_pow);
    CHECK_SCALAR(x_pow_c, d_x_pow_c);
    CHECK_SCALAR(y_pow_c, d_y_pow_c);
    CHECK_SCALAR(x_sqrt, d_x_sqrt);
    CHECK_SCALAR(x_cbrt, d_x_cbrt);
    CHECK_SCALAR(x_hypot, d_x_hypot);
    CHECK_SCALAR(y_hypot, d_y_hypot);
    check_run();
  }
  return check_done();
}
#endif
