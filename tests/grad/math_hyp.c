/* cotan: grad -f math_hyp */
/* math_hyp.c: sinh cosh tanh asinh acosh atanh (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_hyp(double x_sinh, double x_cosh, double x_tanh, double x_asinh, double x_acosh, double x_atanh) {
  double r = sinh(x_sinh);
  r += cosh(x_cosh);
  r += 3.0 * tanh(x_tanh);
  r += asinh(x_asinh);
  r += acosh(x_acosh);
  r += atanh(x_atanh);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_hyp_grad(double x_sinh, double *d_x_sinh, double x_cosh, double *d_x_cosh, double x_tanh, double *d_x_tanh, double x_asinh, double *d_x_asinh, double x_acosh, double *d_x_acosh, double x_atanh, double *d_x_atanh);

static double x_sinh, d_x_sinh;
static double x_cosh, d_x_cosh;
static double x_tanh, d_x_tanh;
static double x_asinh, d_x_asinh;
static double x_acosh, d_x_acosh;
static double x_atanh, d_x_atanh;
static double f(void) { return math_hyp(x_sinh, x_cosh, x_tanh, x_asinh, x_acosh, x_atanh); }
static double g(void) { return math_hyp_grad(x_sinh, &d_x_sinh, x_cosh, &d_x_cosh, x_tanh, &d_x_tanh, x_asinh, &d_x_asinh, x_acosh, &d_x_acosh, x_atanh, &d_x_atanh); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_sinh = check_rand(-2, 2);
    x_cosh = check_rand(-2, 2);
    x_tanh = check_rand(-2, 2);
    x_asinh = check_rand(-3, 3);
    x_acosh = check_rand(1.2, 4);
    x_atanh = check_rand(-0.8, 0.8);
    check_begin("math_hyp", f, g);
    CHECK_SCALAR(x_sinh, d_x_sinh);
    CHECK_SCALAR(x_cosh, d_x_cosh);
    CHECK_SCALAR(x_tanh, d_x_tanh);
    CHECK_SCALAR(x_asinh, d_x_asinh);
    CHECK_SCALAR(x_acosh, d_x_acosh);
    CHECK_SCALAR(x_atanh, d_x_atanh);
    check_run();
  }
  return check_done();
}
#endif
