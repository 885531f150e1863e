/* cotan: grad -f logsumexp */
/* logsumexp.c: the numerically stable log-sum-exp (subtract the maximum). */
#include <math.h>

double logsumexp(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; i++)
    if (x[i] > m)
      m = x[i];
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += exp(x[i] - m);
  return m + log(s);
}

#ifdef COTAN_TEST
#include "check.h"
double logsumexp_grad(const double *x, double *d_x, int n);

static double x[7], d_x[7];
static double f(void) { return logsumexp(x, 7); }
static double g(void) { return logsumexp_grad(x, d_x, 7); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 7, -3, 3);
    x[2 * p] = 4.0 + p; /* a clear maximum */
    check_begin("logsumexp", f, g);
    CHECK_ARG(x, d_x, 7);
    check_run();
  }
  return check_done();
}
#endif
