/* cotan: grad -f gauss_loglik --wrt mu,log_sigma */
/* gauss_loglik.c: the log-likelihood of data under a Gaussian with mean mu
 * and standard deviation exp(log_sigma). */
#include <math.h>

#define LOG_2PI 1.8378770664093454836

double gauss_loglik(double mu, double log_sigma, const double *x, int n) {
  double sigma = exp(log_sigma), ll = 0.0;
  for (int i = 0; i < n; i++) {
    double z = (x[i] - mu) / sigma;
    ll += -0.5 * z * z - log_sigma - 0.5 * LOG_2PI;
  }
  return ll;
}

#ifdef COTAN_TEST
#include "check.h"
double gauss_loglik_grad(double mu, double *d_mu, double log_sigma, double *d_log_sigma, const double *x, int n);

static double mu, ls, d_mu, d_ls, x[8];
static double f(void) { return gauss_loglik(mu, ls, x, 8); }
static double g(void) { return gauss_loglik_grad(mu, &d_mu, ls, &d_ls, x, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    mu = check_rand(-1, 1);
    ls = check_rand(-0.5, 0.5);
    check_fill(x, 8, -2, 2);
    check_begin("gauss_loglik", f, g);
    CHECK_SCALAR(mu, d_mu);
    CHECK_SCALAR(ls, d_ls);
    check_run();
  }
  return check_done();
}
#endif
