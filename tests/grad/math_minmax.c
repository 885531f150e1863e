/* cotan: grad -f math_minmax */
/* math_minmax.c: fabs fmin fmax fmod copysign fma ldexp scalbn (double forms), at points away from their kinks.
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_minmax(double x_fabs, double x2_fabs, double x_fmin, double y_fmin, double x_fmax, double y_fmax, double x_fmod, double y_fmod, double x_copysign, double y_copysign, double x_fma, double y_fma, double z_fma, double x_ldexp, double x_scalbn) {
  double r = fabs(x_fabs);
  r += fabs(x2_fabs) * 0.5;
  r += fmin(x_fmin, y_fmin);
  r += fmax(x_fmax, y_fmax);
  r += fmod(x_fmod, y_fmod);
  r += copysign(x_copysign, y_copysign);
  r += fma(x_fma, y_fma, z_fma);
  r += ldexp(x_ldexp, 3);
  r += scalbn(x_scalbn, -2);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_minmax_grad(double x_fabs, double *d_x_fabs, double x2_fabs, double *d_x2_fabs, double x_fmin, double *d_x_fmin, double y_fmin, double *d_y_fmin, double x_fmax, double *d_x_fmax, double y_fmax, double *d_y_fmax, double x_fmod, double *d_x_fmod, double y_fmod, double *d_y_fmod, double x_copysign, double *d_x_copysign, double y_copysign, double *d_y_copysign, double x_fma, double *d_x_fma, double y_fma, double *d_y_fma, double z_fma, double *d_z_fma, double x_ldexp, double *d_x_ldexp, double x_scalbn, double *d_x_scalbn);

static double x_fabs, d_x_fabs;
static double x2_fabs, d_x2_fabs;
static double x_fmin, d_x_fmin;
static double y_fmin, d_y_fmin;
static double x_fmax, d_x_fmax;
static double y_fmax, d_y_fmax;
static double x_fmod, d_x_fmod;
static double y_fmod, d_y_fmod;
static double x_copysign, d_x_copysign;
static double y_copysign, d_y_copysign;
static double x_fma, d_x_fma;
static double y_fma, d_y_fma;
static double z_fma, d_z_fma;
static double x_ldexp, d_x_ldexp;
static double x_scalbn, d_x_scalbn;
static double f(void) { return math_minmax(x_fabs, x2_fabs, x_fmin, y_fmin, x_fmax, y_fmax, x_fmod, y_fmod, x_copysign, y_copysign, x_fma, y_fma, z_fma, x_ldexp, x_scalbn); }
static double g(void) { return math_minmax_grad(x_fabs, &d_x_fabs, x2_fabs, &d_x2_fabs, x_fmin, &d_x_fmin, y_fmin, &d_y_fmin, x_fmax, &d_x_fmax, y_fmax, &d_y_fmax, x_fmod, &d_x_fmod, y_fmod, &d_y_fmod, x_copysign, &d_x_copysign, y_copysign, &d_y_copysign, x_fma, &d_x_fma, y_fma, &d_y_fma, z_fma, &d_z_fma, x_ldexp, &d_x_ldexp, x_scalbn, &d_x_scalbn); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_fabs = check_rand(-2, -0.5);
    x2_fabs = check_rand(0.5, 2);
    x_fmin = check_rand(0.2, 0.8);
    y_fmin = check_rand(1.2, 2);
    x_fmax = check_rand(0.2, 0.8);
    y_fmax = check_rand(1.2, 2);
    x_fmod = check_rand(5.2, 5.8);
    y_fmod = check_rand(1.5, 1.6);
    x_copysign = check_rand(0.5, 2);
    y_copysign = check_rand(-2, -0.5);
    x_fma = check_rand(-2, 2);
    y_fma = check_rand(-2, 2);
    z_fma = check_rand(-2, 2);
    x_ldexp = check_rand(-2, 2);
    x_scalbn = check_rand(-2, 2);
    check_begin("math_minmax", f, g);
    CHECK_SCALAR(x_fabs, d_x_fabs);
    CHECK_SCALAR(x2_fabs, d_x2_fabs);
    CHECK_SCALAR(x_fmin, d_x_fmin);
    CHECK_SCALAR(y_fmin, d_y_fmin);
    CHECK_SCALAR(x_fmax, d_x_fmax);
    CHECK_SCALAR(y_fmax, d_y_fmax);
    CHECK_SCALAR(x_fmod, d_x_fmod);
    CHECK_SCALAR(y_fmod, d_y_fmod);
    CHECK_SCALAR(x_copysign, d_x_copysign);
    CHECK_SCALAR(y_copysign, d_y_copysign);
    CHECK_SCALAR(x_fma, d_x_fma);
    CHECK_SCALAR(y_fma, d_y_fma);
    CHECK_SCALAR(z_fma, d_z_fma);
    CHECK_SCALAR(x_ldexp, d_x_ldexp);
    CHECK_SCALAR(x_scalbn, d_x_scalbn);
    check_run();
  }
  return check_done();
}
#endif
