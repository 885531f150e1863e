/* cotan: grad -f ternary */
/* ternary.c: ?: choosing between active values, nested, and as an operand. */
double ternary(double x, double y) {
  double m = x > y ? x : y;
  double s = (x > 0 ? x * x : -x) + (y < 1.0 ? y : 1.0 / y);
  double t = x > y ? (x > 1.0 ? x * y : x + y) : y * y;
  return m * s + t + (s > 2.0 ? 0.5 : 2.0) * x;
}

#ifdef COTAN_TEST
#include "check.h"
double ternary_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return ternary(x, y); }
static double g(void) { return ternary_grad(x, &d_x, y, &d_y); }

/* Points in each branch, away from the switching lines. */
static const double pts[][2] = {{1.5, 0.3}, {0.7, 0.2}, {-0.8, 0.4}, {0.3, 1.7}, {-1.2, 2.5}, {2.2, -0.6}};

int main(void) {
  for (int p = 0; p < 6; p++) {
    x = pts[p][0];
    y = pts[p][1];
    check_begin("ternary", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
