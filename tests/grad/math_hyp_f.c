/* cotan: grad -f math_hyp_f */
/* math_hyp_f.c: sinh cosh tanh asinh acosh atanh (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_hyp_f(float x_sinh, float x_cosh, float x_tanh, float x_asinh, float x_acosh, float x_atanh) {
  float r = sinhf(x_sinh);
  r += coshf(x_cosh);
  r += 3.0f * tanhf(x_tanh);
  r += asinhf(x_asinh);
  r += acoshf(x_acosh);
  r += atanhf(x_atanh);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_hyp_f_grad(float x_sinh, float *d_x_sinh, float x_cosh, float *d_x_cosh, float x_tanh, float *d_x_tanh, float x_asinh, float *d_x_asinh, float x_acosh, float *d_x_acosh, float x_atanh, float *d_x_atanh);

static float x_sinh, d_x_sinh;
static float x_cosh, d_x_cosh;
static float x_tanh, d_x_tanh;
static float x_asinh, d_x_asinh;
static float x_acosh, d_x_acosh;
static float x_atanh, d_x_atanh;
static double f(void) { return math_hyp_f(x_sinh, x_cosh, x_tanh, x_asinh, x_acosh, x_atanh); }
static double g(void) { return math_hyp_f_grad(x_sinh, &d_x_sinh, x_cosh, &d_x_cosh, x_tanh, &d_x_tanh, x_asinh, &d_x_asinh, x_acosh, &d_x_acosh, x_atanh, &d_x_atanh); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_sinh = (float)check_rand(-2, 2);
    x_cosh = (float)check_rand(-2, 2);
    x_tanh = (float)check_rand(-2, 2);
    x_asinh = (float)check_rand(-3, 3);
    x_acosh = (float)check_rand(1.2, 4);
    x_atanh = (float)check_rand(-0.8, 0.8);
    check_begin("math_hyp_f", f, g);
    CHECK_SCALARF(x_sinh, d_x_sinh);
    CHECK_SCALARF(x_cosh, d_x_cosh);
    CHECK_SCALARF(x_tanh, d_x_tanh);
    CHECK_SCALARF(x_asinh, d_x_asinh);
    CHECK_SCALARF(x_acosh, d_x_acosh);
    CHECK_SCALARF(x_atanh, d_x_atanh);
    check_run();
  }
  return check_done();
}
#endif
