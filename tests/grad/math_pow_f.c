/* cotan: grad -f math_pow_f */
/* math_pow_f.c: pow (both arguments, constant exponent, constant base) sqrt cbrt hypot (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_pow_f(float x_pow, float y_pow, float x_pow_c, float y_pow_c, float x_sqrt, float x_cbrt, float x_hypot, float y_hypot) {
  float r = powf(x_pow, y_pow);
  r += powf(x_pow_c, 3.0f);
  r += powf(2.0f, y_pow_c);
  r += sqrtf(x_sqrt);
  r += cbrtf(x_cbrt);
  r += hypotf(x_hypot, y_hypot);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_pow_f_grad(float x_pow, float *d_x_pow, float y_pow, float *d_y_pow, float x_pow_c, float *d_x_pow_c, float y_pow_c, float *d_y_pow_c, float x_sqrt, float *d_x_sqrt, float x_cbrt, float *d_x_cbrt, float x_hypot, float *d_x_hypot, float y_hypot, float *d_y_hypot);

static float x_pow, d_x_pow;
static float y_pow, d_y_pow;
static float x_pow_c, d_x_pow_c;
static float y_pow_c, d_y_pow_c;
static float x_sqrt, d_x_sqrt;
static float x_cbrt, d_x_cbrt;
static float x_hypot, d_x_hypot;
static float y_hypot, d_y_hypot;
static double f(void) { return math_pow_f(x_pow, y_pow, x_pow_c, y_pow_c, x_sqrt, x_cbrt, x_hypot, y_hypot); }
static double g(void) { return math_pow_f_grad(x_pow, &d_x_pow, y_pow, &d_y_pow, x_pow_c, &d_x_pow_c, y_pow_c, &d_y_pow_c, x_sqrt, &d_x_sqrt, x_cbrt, &d_x_cbrt, x_hypot, &d_x_hypot, y_hypot, &d_y_hypot); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_pow = (float)check_rand(0.5, 2);
    y_pow = (float)check_rand(-1.5, 3);
    x_pow_c = (float)check_rand(-2, 2);
    y_pow_c = (float)check_rand(-2, 2);
    x_sqrt = (float)check_rand(0.2, 4);
    x_cbrt = (float)check_rand(-3, -0.3);
    x_hypot = (float)check_rand(-2, 2);
    y_hypot = (float)check_rand(0.5, 2);
    check_begin("math_pow_f", f, g);
    CHECK_SCALARF(x_pow, d_x_pow);
    CHECK_SCALARF(y_pow, d_y_pow);
    CHECK_SCALARF(x_pow_c, d_x_pow_c);
    CHECK_SCALARF(y_pow_c, d_y_pow_c);
    CHECK_SCALARF(x_sqrt, d_x_sqrt);
    CHECK_SCALARF(x_cbrt, d_x_cbrt);
    CHECK_SCALARF(x_hypot, d_x_hypot);
    CHECK_SCALARF(y_hypot, d_y_hypot);
    check_run();
  }
  return check_done();
}
#endif
