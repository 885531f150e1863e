/* cotan: grad -f loss --wrt w */
/* wrt_subset.c: the example: differentiate a least-squares loss
 * with respect to the weights only; the data x is not differentiated. */
double loss(const double *w, const double *x, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    double r = w[i] * x[i] - 1.0;
    s += r * r;
  }
  return s / n;
}

#ifdef COTAN_TEST
#include "check.h"
double loss_grad(const double *w, double *d_w, const double *x, int n);

static double w[5], x[5], d_w[5];
static double f(void) { return loss(w, x, 5); }
static double g(void) { return loss_grad(w, d_w, x, 5); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(w, 5, -1, 1);
    check_fill(x, 5, -2, 2);
    check_begin("wrt_subset", f, g);
    CHECK_ARG(w, d_w, 5);
    check_run();
  }
  return check_done();
}
#endif
