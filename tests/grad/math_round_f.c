/* cotan: grad -f math_round_f */
/* math_round_f.c: floor ceil round trunc (float forms): zero derivatives, so each is multiplied by its argument (d/dx floor(x) * x = floor(x) away from integers).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_round_f(float x_floor, float x_ceil, float x_round, float x_trunc, float x2_floor, float x2_round) {
  float r = floorf(x_floor) * x_floor;
  r += ceilf(x_ceil) * x_ceil;
  r += roundf(x_round) * x_round;
  r += truncf(x_trunc) * x_trunc;
  r += floorf(x2_floor);
  r += roundf(x2_round);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_round_f_grad(float x_floor, float *d_x_floor, float x_ceil, float *d_x_ceil, float x_round, float *d_x_round, float x_trunc, float *d_x_trunc, float x2_floor, float *d_x2_floor, float x2_round, float *d_x2_round);

static float x_floor, d_x_floor;
static float x_ceil, d_x_ceil;
static float x_round, d_x_round;
static float x_trunc, d_x_trunc;
static float x2_floor, d_x2_floor;
static float x2_round, d_x2_round;
static double f(void) { return math_round_f(x_floor, x_ceil, x_round, x_trunc, x2_floor, x2_round); }
static double g(void) { return math_round_f_grad(x_floor, &d_x_floor, x_ceil, &d_x_ceil, x_round, &d_x_round, x_trunc, &d_x_trunc, x2_floor, &d_x2_floor, x2_round, &d_x2_round); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_floor = (float)check_rand(0.1, 0.9);
    x_ceil = (float)check_rand(1.1, 1.9);
    x_round = (float)check_rand(2.1, 2.4);
    x_trunc = (float)check_rand(-1.9, -1.1);
    x2_floor = (float)check_rand(3.1, 3.7);
    x2_round = (float)check_rand(-1.4, -0.6);
    check_begin("math_round_f", f, g);
    CHECK_SCALARF(x_floor, d_x_floor);
    CHECK_SCALARF(x_ceil, d_x_ceil);
    CHECK_SCALARF(x_round, d_x_round);
    CHECK_SCALARF(x_trunc, d_x_trunc);
    CHECK_SCALARF(x2_floor, d_x2_floor);
    CHECK_SCALARF(x2_round, d_x2_round);
    check_run();
  }
  return check_done();
}
#endif
