/* cotan: grad -f incdec */
/* incdec.c: ++ and -- on doubles (active: the value passes through) and on
 * ints (inactive counters), pre and post, used inside expressions. */
double incdec(double x, double y) {
  double a = x;
  a++;
  double b = ++a * y;
  int k = 0;
  double c = b--;
  k++;
  c += --b * (k++);
  double d = x--;
  d *= x;
  return a * b + c - d / (k + 1);
}

#ifdef COTAN_TEST
#include "check.h"
double incdec_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return incdec(x, y); }
static double g(void) { return incdec_grad(x, &d_x, y, &d_y); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(-2, 2);
    y = check_rand(-2, 2);
    check_begin("incdec", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
