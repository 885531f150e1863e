/* cotan: grad -f complex_poly */
/* complex_poly.c: |p(z)|^2 for a polynomial with real coefficients at a
 * complex point, complex arithmetic spelled out on (re, im) pairs with
 * simultaneous updates through temporaries. */
double complex_poly(const double *c, int deg, double zr, double zi) {
  double pr = c[deg], pi = 0.0;
  for (int k = deg - 1; k >= 0; k--) {
    double tr = pr * zr - pi * zi + c[k];
    pi = pr * zi + pi * zr;
    pr = tr;
  }
  return pr * pr + pi * pi;
}

#ifdef COTAN_TEST
#include "check.h"
double complex_poly_grad(const double *c, double *d_c, int deg, double zr, double *d_zr, double zi, double *d_zi);

static double c[5], d_c[5], zr, zi, d_zr, d_zi;
static double f(void) { return complex_poly(c, 4, zr, zi); }
static double g(void) { return complex_poly_grad(c, d_c, 4, zr, &d_zr, zi, &d_zi); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(c, 5, -1, 1);
    zr = check_rand(-1, 1);
    zi = check_rand(-1, 1);
    check_begin("complex_poly", f, g);
    CHECK_ARG(c, d_c, 5);
    CHECK_SCALAR(zr, d_zr);
    CHECK_SCALAR(zi, d_zi);
    check_run();
  }
  return check_done();
}
#endif
