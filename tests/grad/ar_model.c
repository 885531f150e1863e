/* cotan: grad -f ar_nll --wrt par */
/* ar_model.c: an AR(3) time-series model whose parameters are a typedef'd
 * struct with an array member, a mean and a log noise scale, passed by
 * value; the exact conditional Gaussian negative log-likelihood. */
#include <math.h>

#define ORDER 3

typedef struct ar_params {
  double phi[ORDER];
  double mu;
  double log_sigma;
} ArParams;

double ar_nll(ArParams par, const double *y, int n) {
  double sigma = exp(par.log_sigma), nll = 0.0;
  for (int t = ORDER; t < n; t++) {
    double pred = par.mu;
    for (int k = 0; k < ORDER; k++)
      pred += par.phi[k] * (y[t - 1 - k] - par.mu);
    double z = (y[t] - pred) / sigma;
    nll += 0.5 * z * z + par.log_sigma + 0.91893853320467274; /* log sqrt(2 pi) */
  }
  return nll;
}

#ifdef COTAN_TEST
#include "check.h"
double ar_nll_grad(ArParams par, ArParams *d_par, const double *y, int n);

#define T 12
static ArParams par, d_par;
static double y[T];
static double f(void) { return ar_nll(par, y, T); }
static double g(void) { return ar_nll_grad(par, &d_par, y, T); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(par.phi, ORDER, -0.4, 0.4);
    par.mu = check_rand(-0.5, 0.5);
    par.log_sigma = check_rand(-1, 0.5);
    y[0] = y[1] = y[2] = 0.0;
    for (int t = ORDER; t < T; t++)
      y[t] = 0.5 * y[t - 1] - 0.2 * y[t - 2] + check_rand(-1, 1);
    check_begin("ar_model", f, g);
    CHECK_STRUCT(par, d_par);
    check_run();
  }
  return check_done();
}
#endif
