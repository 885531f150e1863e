/* cotan: grad -f math_exp */
/* math_exp.c: exp exp2 expm1 (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_exp(double x_exp, double x_exp2, double x_expm1, double x_gauss) {
  double r = exp(x_exp);
  r += exp2(x_exp2);
  r += expm1(x_expm1);
  r += exp(-0.5 * x_gauss * x_gauss);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_exp_grad(double x_exp, double *d_x_exp, double x_exp2, double *d_x_exp2, double x_expm1, double *d_x_expm1, double x_gauss, double *d_x_gauss);

static double x_exp, d_x_exp;
static double x_exp2, d_x_exp2;
static double x_expm1, d_x_expm1;
static double x_gauss, d_x_gauss;
static double f(void) { return math_exp(x_exp, x_exp2, x_expm1, x_gauss); }
static double g(void) { return math_exp_grad(x_exp, &d_x_exp, x_exp2, &d_x_exp2, x_expm1, &d_x_expm1, x_gauss, &d_x_gauss); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_exp = check_rand(-2, 2);
    x_exp2 = check_rand(-2, 2);
    x_expm1 = check_rand(-1, 1);
    x_gauss = check_rand(-2, 2);
    check_begin("math_exp", f, g);
    CHECK_SCALAR(x_exp, d_x_exp);
    CHECK_SCALAR(x_exp2, d_x_exp2);
    CHECK_SCALAR(x_expm1, d_x_expm1);
    CHECK_SCALAR(x_gauss, d_x_gauss);
    check_run();
  }
  return check_done();
}
#endif
