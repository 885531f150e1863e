/* cotan: grad -f comma */
/* comma.c: the comma operator, in a for header and in an expression. */
double comma(const double *x, int n, double a) {
  double s = 0.0, t;
  int i, j;
  for (i = 0, j = n - 1; i < j; i++, j--)
    s += x[i] * x[j];
  t = (s = s * a, s + a * a);
  return (t += 1.0, t * s);
}

#ifdef COTAN_TEST
#include "check.h"
double comma_grad(const double *x, double *d_x, int n, double a, double *d_a);

static double x[6], a, d_x[6], d_a;
static double f(void) { return comma(x, 6, a); }
static double g(void) { return comma_grad(x, d_x, 6, a, &d_a); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 6, -1, 1);
    a = check_rand(0.5, 1.5);
    check_begin("comma", f, g);
    CHECK_ARG(x, d_x, 6);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
