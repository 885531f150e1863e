/* cotan: grad -f early_return */
/* early_return.c: early returns outside loops, in several branches. */
#include <math.h>

double early_return(double x, double y) {
  if (x < 0.0)
    return -x * y;
  double t = x * y;
  if (t > 2.0)
    return sqrt(t) + y;
  t = t * t + x;
  if (y < 0.0)
    return t / (1.0 + y * y);
  return t * y;
}

#ifdef COTAN_TEST
#include "check.h"
double early_return_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return early_return(x, y); }
static double g(void) { return early_return_grad(x, &d_x, y, &d_y); }

static const double pts[][2] = {{-1.3, 0.7}, {2.0, 1.5}, {0.5, -0.8}, {0.6, 1.2}, {-0.4, -2.0}};

int main(void) {
  for (int p = 0; p < 5; p++) {
    x = pts[p][0];
    y = pts[p][1];
    check_begin("early_return", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
