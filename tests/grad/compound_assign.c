/* cotan: grad -f compound_assign */
/* compound_assign.c: += -= *= /= on an accumulator that is read after each. */
double compound_assign(double x, double y) {
  double t = x;
  t += y;
  t *= x;
  t -= y * y;
  t /= 1.0 + x * x;
  double u = t;
  u *= u;
  u += t / y;
  u -= 0.5 * x;
  return u;
}

#ifdef COTAN_TEST
#include "check.h"
double compound_assign_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return compound_assign(x, y); }
static double g(void) { return compound_assign_grad(x, &d_x, y, &d_y); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(-2, 2);
    y = check_rand(0.5, 2);
    check_begin("compound_assign", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
