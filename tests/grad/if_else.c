/* cotan: grad -f if_else */
/* if_else.c: a piecewise function: if / else if / else, nested, with
 * assignments to the same variable in different branches. */
#include <math.h>

double if_else(double x, double y) {
  double r;
  if (x > y) {
    r = x * y;
    if (r > 1.0)
      r = sqrt(r);
  } else if (x > 0.0) {
    r = x * x - y;
  } else {
    r = exp(x) * y;
  }
  if (y < 0.5)
    r += y * y;
  else
    r -= 1.0 / y;
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double if_else_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return if_else(x, y); }
static double g(void) { return if_else_grad(x, &d_x, y, &d_y); }

/* every branch, away from the boundaries */
static const double pts[][2] = {{2.5, 1.5}, {1.2, 0.3}, {0.4, 0.9}, {-0.7, 1.3}, {-1.5, 0.2}, {0.6, 0.1}};

int main(void) {
  for (int p = 0; p < 6; p++) {
    x = pts[p][0];
    y = pts[p][1];
    check_begin("if_else", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
