/* cotan: grad -f while_loop */
/* while_loop.c: a while loop over an array with the index advanced in the
 * body, and a product accumulated across iterations. */
double while_loop(const double *x, int n) {
  double prod = 1.0, s = 0.0;
  int i = 0;
  while (i < n) {
    prod *= 1.0 + 0.1 * x[i];
    s += prod;
    i++;
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double while_loop_grad(const double *x, double *d_x, int n);

static double x[8], d_x[8];
static double f(void) { return while_loop(x, 8); }
static double g(void) { return while_loop_grad(x, d_x, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 8, -2, 2);
    check_begin("while_loop", f, g);
    CHECK_ARG(x, d_x, 8);
    check_run();
  }
  return check_done();
}
#endif
