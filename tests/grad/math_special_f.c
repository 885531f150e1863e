/* cotan: grad -f math_special_f */
/* math_special_f.c: erf erfc tgamma lgamma (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_special_f(float x_erf, float x_erfc, float x_tgamma, float x_lgamma) {
  float r = erff(x_erf);
  r += erfcf(x_erfc);
  r += tgammaf(x_tgamma);
  r += lgammaf(x_lgamma);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_special_f_grad(float x_erf, float *d_x_erf, float x_erfc, float *d_x_erfc, float x_tgamma, float *d_x_tgamma, float x_lgamma, float *d_x_lgamma);

static float x_erf, d_x_erf;
static float x_erfc, d_x_erfc;
static float x_tgamma, d_x_tgamma;
static float x_lgamma, d_x_lgamma;
static double f(void) { return math_special_f(x_erf, x_erfc, x_tgamma, x_lgamma); }
static double g(void) { return math_special_f_grad(x_erf, &d_x_erf, x_erfc, &d_x_erfc, x_tgamma, &d_x_tgamma, x_lgamma, &d_x_lgamma); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_erf = (float)check_rand(-2, 2);
    x_erfc = (float)check_rand(-2, 2);
    x_tgamma = (float)check_rand(0.6, 4);
    x_lgamma = (float)check_rand(0.5, 6);
    check_begin("math_special_f", f, g);
    CHECK_SCALARF(x_erf, d_x_erf);
    CHECK_SCALARF(x_erfc, d_x_erfc);
    CHECK_SCALARF(x_tgamma, d_x_tgamma);
    CHECK_SCALARF(x_lgamma, d_x_lgamma);
    check_run();
  }
  return check_done();
}
#endif
