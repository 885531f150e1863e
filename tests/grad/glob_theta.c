/* cotan: grad -f fit_loss --wrt theta */
/* glob_theta.c: a global parameter array (--wrt theta, theta a file-scope
 * variable): the generated file DEFINES the adjoint global d_theta (same
 * type, same linkage), fit_loss_grad has no parameter for it and adds into
 * it.  A damped-oscillation model fit to samples by least squares. */
#include <math.h>

double theta[3] = {1.0, 0.5, 2.0}; /* amplitude, decay, frequency */

static double model(double t) { return theta[0] * exp(-theta[1] * t) * cos(theta[2] * t); }

double fit_loss(const double *t, const double *y, int n) {
  double loss = 0.0;
  for (int i = 0; i < n; i++) {
    double r = model(t[i]) - y[i];
    loss += r * r;
  }
  return loss / n;
}

#ifdef COTAN_TEST
#include "check.h"
double fit_loss_grad(const double *t, const double *y, int n);
extern double d_theta[3]; /* defined by the generated file */
#ifdef COTAN_SELFTEST
double d_theta[3];
#endif

#define N 10
static double t[N], y[N];
static double f(void) { return fit_loss(t, y, N); }
static double g(void) { return fit_loss_grad(t, y, N); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N; i++) {
      t[i] = 0.3 * i;
      y[i] = 1.2 * exp(-0.4 * t[i]) * cos(1.8 * t[i]) + check_rand(-0.05, 0.05);
    }
    theta[0] = check_rand(0.5, 1.5);
    theta[1] = check_rand(0.2, 0.8);
    theta[2] = check_rand(1, 2.5);
    check_begin("glob_theta", f, g);
    CHECK_ARG(theta, d_theta, 3);
    check_run();
  }
  return check_done();
}
#endif
