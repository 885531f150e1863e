/* cotan: grad -f math_log_f */
/* math_log_f.c: log log2 log10 log1p (float forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

float math_log_f(float x_log, float x_log2, float x_log10, float x_log1p) {
  float r = logf(x_log);
  r += log2f(x_log2);
  r += log10f(x_log10);
  r += log1pf(x_log1p);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
float math_log_f_grad(float x_log, float *d_x_log, float x_log2, float *d_x_log2, float x_log10, float *d_x_log10, float x_log1p, float *d_x_log1p);

static float x_log, d_x_log;
static float x_log2, d_x_log2;
static float x_log10, d_x_log10;
static float x_log1p, d_x_log1p;
static double f(void) { return math_log_f(x_log, x_log2, x_log10, x_log1p); }
static double g(void) { return math_log_f_grad(x_log, &d_x_log, x_log2, &d_x_log2, x_log10, &d_x_log10, x_log1p, &d_x_log1p); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_log = (float)check_rand(0.2, 5);
    x_log2 = (float)check_rand(0.2, 5);
    x_log10 = (float)check_rand(0.2, 5);
    x_log1p = (float)check_rand(-0.5, 3);
    check_begin("math_log_f", f, g);
    CHECK_SCALARF(x_log, d_x_log);
    CHECK_SCALARF(x_log2, d_x_log2);
    CHECK_SCALARF(x_log10, d_x_log10);
    CHECK_SCALARF(x_log1p, d_x_log1p);
    check_run();
  }
  return check_done();
}
#endif
