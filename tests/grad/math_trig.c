/* cotan: grad -f math_trig */
/* math_trig.c: sin cos tan asin acos atan atan2 (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_trig(double x_sin, double x_cos, double x_tan, double x_asin, double x_acos, double x_atan, double y_atan2, double x_atan2, double y2_atan2, double x2_atan2) {
  double r = 1.5 * sin(x_sin);
  r += cos(x_cos) * 0.5;
  r += tan(x_tan);
  r += asin(x_asin);
  r += -acos(x_acos);
  r += 2.0 * atan(x_atan);
  r += atan2(y_atan2, x_atan2);
  r += atan2(y2_atan2, x2_atan2);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_trig_grad(double x_sin, double *d_x_sin, double x_cos, double *d_x_cos, double x_tan, double *d_x_tan, double x_asin, double *d_x_asin, double x_acos, double *d_x_acos, double x_atan, double *d_x_atan, double y_atan2, double *d_y_atan2, double x_atan2, double *d_x_atan2, double y2_atan2, double *d_y2_atan2, double x2_atan2, double *d_x2_atan2);

static double x_sin, d_x_sin;
static double x_cos, d_x_cos;
static double x_tan, d_x_tan;
static double x_asin, d_x_asin;
static double x_acos, d_x_acos;
static double x_atan, d_x_atan;
static double y_atan2, d_y_atan2;
static double x_atan2, d_x_atan2;
static double y2_atan2, d_y2_atan2;
static double x2_atan2, d_x2_atan2;
static double f(void) { return math_trig(x_sin, x_cos, x_tan, x_asin, x_acos, x_atan, y_atan2, x_atan2, y2_atan2, x2_atan2); }
static double g(void) { return math_trig_grad(x_sin, &d_x_sin, x_cos, &d_x_cos, x_tan, &d_x_tan, x_asin, &d_x_asin, x_acos, &d_x_acos, x_atan, &d_x_atan, y_atan2, &d_y_atan2, x_atan2, &d_x_atan2, y2_atan2, &d_y2_atan2, x2_atan2, &d_x2_atan2); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_sin = check_rand(-3, 3);
    x_cos = check_rand(-3, 3);
    x_tan = check_rand(-1.2, 1.2);
    x_asin = check_rand(-0.9, 0.9);
    x_acos = check_rand(-0.9, 0.9);
    x_atan = check_rand(-4, 4);
    y_atan2 = check_rand(-2, 2);
    x_atan2 = check_rand(0.3, 2);
    y2_atan2 = check_rand(0.3, 2);
    x2_atan2 = check_rand(-2, -0.3);
    check_begin("math_trig", f, g);
    CHECK_SCALAR(x_sin, d_x_sin);
    CHECK_SCALAR(x_cos, d_x_cos);
    CHECK_SCALAR(x_tan, d_x_tan);
    CHECK_SCALAR(x_asin, d_x_asin);
    CHECK_SCALAR(x_acos, d_x_acos);
    CHECK_SCALAR(x_atan, d_x_atan);
    CHECK_SCALAR(y_atan2, d_y_atan2);
    CHECK_SCALAR(x_atan2, d_x_atan2);
    CHECK_SCALAR(y2_atan2, d_y2_atan2);
    CHECK_SCALAR(x2_atan2, d_x2_atan2);
    check_run();
  }
  return check_done();
}
#endif
