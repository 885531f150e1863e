/* cotan: grad -f float_scalar */
/* float_scalar.c: a float function of float scalars (adjoints float *),
 * with float literals and a loop. */
#include <math.h>

float float_scalar(float x, float y, int n) {
  float s = 0.0f;
  for (int i = 1; i <= n; i++)
    s += x / (float)i - y * y * 0.25f;
  return s * sqrtf(x * x + y * y);
}

#ifdef COTAN_TEST
#include "check.h"
float float_scalar_grad(float x, float *d_x, float y, float *d_y, int n);

static float x, y, d_x, d_y;
static double f(void) { return float_scalar(x, y, 4); }
static double g(void) { return float_scalar_grad(x, &d_x, y, &d_y, 4); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = (float)check_rand(0.5, 2);
    y = (float)check_rand(-2, -0.5);
    check_begin("float_scalar", f, g);
    CHECK_SCALARF(x, d_x);
    CHECK_SCALARF(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
