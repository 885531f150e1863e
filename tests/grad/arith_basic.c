/* cotan: grad -f arith_basic */
/* arith_basic.c: + - * / and unary minus on doubles. */
double arith_basic(double a, double b, double c) {
  double t = a * b - c / a + -b;
  double u = (t + 1.5) / (c + 3.0) - a * a * a;
  return u * t - 2.0 * b / (a * c);
}

#ifdef COTAN_TEST
#include "check.h"
double arith_basic_grad(double a, double *d_a, double b, double *d_b, double c, double *d_c);

static double a, b, c, d_a, d_b, d_c;
static double f(void) { return arith_basic(a, b, c); }
static double g(void) { return arith_basic_grad(a, &d_a, b, &d_b, c, &d_c); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    a = check_rand(0.5, 2);
    b = check_rand(-2, 2);
    c = check_rand(0.5, 3);
    check_begin("arith_basic", f, g);
    CHECK_SCALAR(a, d_a);
    CHECK_SCALAR(b, d_b);
    CHECK_SCALAR(c, d_c);
    check_run();
  }
  return check_done();
}
#endif
