/* cotan: grad -f math_special */
/* math_special.c: erf erfc tgamma lgamma (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_special(double x_erf, double x_erfc, double x_tgamma, double x_lgamma) {
  double r = erf(x_erf);
  r += erfc(x_erfc);
  r += tgamma(x_tgamma);
  r += lgamma(x_lgamma);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_special_grad(double x_erf, double *d_x_erf, double x_erfc, double *d_x_erfc, double x_tgamma, double *d_x_tgamma, double x_lgamma, double *d_x_lgamma);

static double x_erf, d_x_erf;
static double x_erfc, d_x_erfc;
static double x_tgamma, d_x_tgamma;
static double x_lgamma, d_x_lgamma;
static double f(void) { return math_special(x_erf, x_erfc, x_tgamma, x_lgamma); }
static double g(void) { return math_special_grad(x_erf, &d_x_erf, x_erfc, &d_x_erfc, x_tgamma, &d_x_tgamma, x_lgamma, &d_x_lgamma); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_erf = check_rand(-2, 2);
    x_erfc = check_rand(-2, 2);
    x_tgamma = check_rand(0.6, 4);
    x_lgamma = check_rand(0.5, 6);
    check_begin("math_special", f, g);
    CHECK_SCALAR(x_erf, d_x_erf);
    CHECK_SCALAR(x_erfc, d_x_erfc);
    CHECK_SCALAR(x_tgamma, d_x_tgamma);
    CHECK_SCALAR(x_lgamma, d_x_lgamma);
    check_run();
  }
  return check_done();
}
#endif
