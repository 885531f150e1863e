/* cotan: grad -f math_exp_f */
/* math_exp_f.c: exp exp2 expm1 (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_exp_f(float x_exp, float x_exp2, float x_expm1, float x_gauss) {
  float r = expf(x_exp);
  r += exp2f(x_exp2);
  r += expm1f(x_expm1);
  r += expf(-0.5f * x_gauss * x_gauss);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_exp_f_grad(float x_exp, float *d_x_exp, float x_exp2, float *d_x_exp2, float x_expm1, float *d_x_expm1, float x_gauss, float *d_x_gauss);

static float x_exp, d_x_exp;
static float x_exp2, d_x_exp2;
static float x_expm1, d_x_expm1;
static float x_gauss, d_x_gauss;
static double f(void) { return math_exp_f(x_exp, x_exp2, x_expm1, x_gauss); }
static double g(void) { return math_exp_f_grad(x_exp, &d_x_exp, x_exp2, &d_x_exp2, x_expm1, &d_x_expm1, x_gauss, &d_x_gauss); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_exp = (float)check_rand(-2, 2);
    x_exp2 = (float)check_rand(-2, 2);
    x_expm1 = (float)check_rand(-1, 1);
    x_gauss = (float)check_rand(-2, 2);
    check_begin("math_exp_f", f, g);
    CHECK_SCALARF(x_exp, d_x_exp);
    CHECK_SCALARF(x_exp2, d_x_exp2);
    CHECK_SCALARF(x_expm1, d_x_expm1);
    CHECK_SCALARF(x_gauss, d_x_gauss);
    check_run();
  }
  return check_done();
}
#endif
