/* cotan: grad -f casts */
/* casts.c: casts between arithmetic types: double <-> float <-> long double
 * carry the derivative; a cast to int is piecewise constant. */
double casts(double x, float y) {
  float t = (float)x * y;
  double u = (double)t + x;
  long double w = (long double)u * u;
  int k = (int)(x * 4.0);
  double v = (double)w + (double)k * x;
  return v + (float)(y * y) / (1.0 + (double)(float)x * x);
}

#ifdef COTAN_TEST
/* x reaches the result through float roundings: a float-sized step. */
#define CHECK_DSTEP 4e-3
#define CHECK_RTOL 2e-3
#define CHECK_ATOL 2e-4
#define CHECK_VTOL 1e-6
#include "check.h"
double casts_grad(double x, double *d_x, float y, float *d_y);

static double x, d_x;
static float y, d_y;
static double f(void) { return casts(x, y); }
static double g(void) { return casts_grad(x, &d_x, y, &d_y); }

int main(void) {
  /* x * 4 stays away from integers */
  static const double xs[] = {0.37, 1.12, -0.88, 1.6};
  for (int p = 0; p < 4; p++) {
    x = xs[p];
    y = (float)check_rand(0.5, 1.5);
    check_begin("casts", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALARF(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
