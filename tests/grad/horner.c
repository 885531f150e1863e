/* cotan: grad -f horner */
/* horner.c: a polynomial by Horner's rule, differentiated with respect to
 * its coefficients and the point. */
double horner(const double *c, int degree, double x) {
  double p = c[degree];
  for (int i = degree - 1; i >= 0; i--)
    p = p * x + c[i];
  return p;
}

#ifdef COTAN_TEST
#include "check.h"
double horner_grad(const double *c, double *d_c, int degree, double x, double *d_x);

static double c[6], d_c[6], x, d_x;
static double f(void) { return horner(c, 5, x); }
static double g(void) { return horner_grad(c, d_c, 5, x, &d_x); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(c, 6, -2, 2);
    x = check_rand(-1.5, 1.5);
    check_begin("horner", f, g);
    CHECK_ARG(c, d_c, 6);
    CHECK_SCALAR(x, d_x);
    check_run();
  }
  return check_done();
}
#endif
