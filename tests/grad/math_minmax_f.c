/* cotan: grad -f math_minmax_f */
/* math_minmax_f.c: fabs fmin fmax fmod copysign fma ldexp scalbn (float forms), at points away from their kinks.
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_minmax_f(float x_fabs, float x2_fabs, float x_fmin, float y_fmin, float x_fmax, float y_fmax, float x_fmod, float y_fmod, float x_copysign, float y_copysign, float x_fma, float y_fma, float z_fma, float x_ldexp, float x_scalbn) {
  float r = fabsf(x_fabs);
  r += fabsf(x2_fabs) * 0.5f;
  r += fminf(x_fmin, y_fmin);
  r += fmaxf(x_fmax, y_fmax);
  r += fmodf(x_fmod, y_fmod);
  r += copysignf(x_copysign, y_copysign);
  r += fmaf(x_fma, y_fma, z_fma);
  r += ldexpf(x_ldexp, 3);
  r += scalbnf(x_scalbn, -2);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_minmax_f_grad(float x_fabs, float *d_x_fabs, float x2_fabs, float *d_x2_fabs, float x_fmin, float *d_x_fmin, float y_fmin, float *d_y_fmin, float x_fmax, float *d_x_fmax, float y_fmax, float *d_y_fmax, float x_fmod, float *d_x_fmod, float y_fmod, float *d_y_fmod, float x_copysign, float *d_x_copysign, float y_copysign, float *d_y_copysign, float x_fma, float *d_x_fma, float y_fma, float *d_y_fma, float z_fma, float *d_z_fma, float x_ldexp, float *d_x_ldexp, float x_scalbn, float *d_x_scalbn);

static float x_fabs, d_x_fabs;
static float x2_fabs, d_x2_fabs;
static float x_fmin, d_x_fmin;
static float y_fmin, d_y_fmin;
static float x_fmax, d_x_fmax;
static float y_fmax, d_y_fmax;
static float x_fmod, d_x_fmod;
static float y_fmod, d_y_fmod;
static float x_copysign, d_x_copysign;
static float y_copysign, d_y_copysign;
static float x_fma, d_x_fma;
static float y_fma, d_y_fma;
static float z_fma, d_z_fma;
static float x_ldexp, d_x_ldexp;
static float x_scalbn, d_x_scalbn;
static double f(void) { return math_minmax_f(x_fabs, x2_fabs, x_fmin, y_fmin, x_fmax, y_fmax, x_fmod, y_fmod, x_copysign, y_copysign, x_fma, y_fma, z_fma, x_ldexp, x_scalbn); }
static double g(void) { return math_minmax_f_grad(x_fabs, &d_x_fabs, x2_fabs, &d_x2_fabs, x_fmin, &d_x_fmin, y_fmin, &d_y_fmin, x_fmax, &d_x_fmax, y_fmax, &d_y_fmax, x_fmod, &d_x_fmod, y_fmod, &d_y_fmod, x_copysign, &d_x_copysign, y_copysign, &d_y_copysign, x_fma, &d_x_fma, y_fma, &d_y_fma, z_fma, &d_z_fma, x_ldexp, &d_x_ldexp, x_scalbn, &d_x_scalbn); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_fabs = (float)check_rand(-2, -0.5);
    x2_fabs = (float)check_rand(0.5, 2);
    x_fmin = (float)check_rand(0.2, 0.8);
    y_fmin = (float)check_rand(1.2, 2);
    x_fmax = (float)check_rand(0.2, 0.8);
    y_fmax = (float)check_rand(1.2, 2);
    x_fmod = (float)check_rand(5.2, 5.8);
    y_fmod = (float)check_rand(1.5, 1.6);
    x_copysign = (float)check_rand(0.5, 2);
    y_copysign = (float)check_rand(-2, -0.5);
    x_fma = (float)check_rand(-2, 2);
    y_fma = (float)check_rand(-2, 2);
    z_fma = (float)check_rand(-2, 2);
    x_ldexp = (float)check_rand(-2, 2);
    x_scalbn = (float)check_rand(-2, 2);
    check_begin("math_minmax_f", f, g);
    CHECK_SCALARF(x_fabs, d_x_fabs);
    CHECK_SCALARF(x2_fabs, d_x2_fabs);
    CHECK_SCALARF(x_fmin, d_x_fmin);
    CHECK_SCALARF(y_fmin, d_y_fmin);
    CHECK_SCALARF(x_fmax, d_x_fmax);
    CHECK_SCALARF(y_fmax, d_y_fmax);
    CHECK_SCALARF(x_fmod, d_x_fmod);
    CHECK_SCALARF(y_fmod, d_y_fmod);
    CHECK_SCALARF(x_copysign, d_x_copysign);
    CHECK_SCALARF(y_copysign, d_y_copysign);
    CHECK_SCALARF(x_fma, d_x_fma);
    CHECK_SCALARF(y_fma, d_y_fma);
    CHECK_SCALARF(z_fma, d_z_fma);
    CHECK_SCALARF(x_ldexp, d_x_ldexp);
    CHECK_SCALARF(x_scalbn, d_x_scalbn);
    check_run();
  }
  return check_done();
}
#endif
