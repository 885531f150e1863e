/* cotan: grad -f math_trig_f */
/* math_trig_f.c: sin cos tan asin acos atan atan2 (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_trig_f(float x_sin, float x_cos, float x_tan, float x_asin, float x_acos, float x_atan, float y_atan2, float x_atan2, float y2_atan2, float x2_atan2) {
  float r = 1.5f * sinf(x_sin);
  r += cosf(x_cos) * 0.5f;
  r += tanf(x_tan);
  r += asinf(x_asin);
  r += -acosf(x_acos);
  r += 2.0f * atanf(x_atan);
  r += atan2f(y_atan2, x_atan2);
  r += atan2f(y2_atan2, x2_atan2);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_trig_f_grad(float x_sin, float *d_x_sin, float x_cos, float *d_x_cos, float x_tan, float *d_x_tan, float x_asin, float *d_x_asin, float x_acos, float *d_x_acos, float x_atan, float *d_x_atan, float y_atan2, float *d_y_atan2, float x_atan2, float *d_x_atan2, float y2_atan2, float *d_y2_atan2, float x2_atan2, float *d_x2_atan2);

static float x_sin, d_x_sin;
static float x_cos, d_x_cos;
static float x_tan, d_x_tan;
static float x_asin, d_x_asin;
static float x_acos, d_x_acos;
static float x_atan, d_x_atan;
static float y_atan2, d_y_atan2;
static float x_atan2, d_x_atan2;
static float y2_atan2, d_y2_atan2;
static float x2_atan2, d_x2_atan2;
static double f(void) { return math_trig_f(x_sin, x_cos, x_tan, x_asin, x_acos, x_atan, y_atan2, x_atan2, y2_atan2, x2_atan2); }
static double g(void) { return math_trig_f_grad(x_sin, &d_x_sin, x_cos, &d_x_cos, x_tan, &d_x_tan, x_asin, &d_x_asin, x_acos, &d_x_acos, x_atan, &d_x_atan, y_atan2, &d_y_atan2, x_atan2, &d_x_atan2, y2_atan2, &d_y2_atan2, x2_atan2, &d_x2_atan2); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_sin = (float)check_rand(-3, 3);
    x_cos = (float)check_rand(-3, 3);
    x_tan = (float)check_rand(-1.2, 1.2);
    x_asin = (float)check_rand(-0.9, 0.9);
    x_acos = (float)check_rand(-0.9, 0.9);
    x_atan = (float)check_rand(-4, 4);
    y_atan2 = (float)check_rand(-2, 2);
    x_atan2 = (float)check_rand(0.3, 2);
    y2_atan2 = (float)check_rand(0.3, 2);
    x2_atan2 = (float)check_rand(-2, -0.3);
    check_begin("math_trig_f", f, g);
    CHECK_SCALARF(x_sin, d_x_sin);
    CHECK_SCALARF(x_cos, d_x_cos);
    CHECK_SCALARF(x_tan, d_x_tan);
    CHECK_SCALARF(x_asin, d_x_asin);
    CHECK_SCALARF(x_acos, d_x_acos);
    CHECK_SCALARF(x_atan, d_x_atan);
    CHECK_SCALARF(y_atan2, d_y_atan2);
    CHECK_SCALARF(x_atan2, d_x_atan2);
    CHECK_SCALARF(y2_atan2, d_y2_atan2);
    CHECK_SCALARF(x2_atan2, d_x2_atan2);
    check_run();
  }
  return check_done();
}
#endif
