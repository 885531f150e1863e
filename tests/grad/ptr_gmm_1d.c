/* cotan: grad -f gmm_nll --wrt g */
/* ptr_gmm_1d.c: a one-dimensional Gaussian mixture whose parameters live in
 * caller-allocated arrays reached through a struct's pointer fields (means,
 * log standard deviations, mixing logits); the negative log-likelihood of a
 * data set, with a stable log-sum-exp over the components. */
#include <math.h>

struct gmm {
  int k;
  double *mu;
  double *log_sigma;
  double *logit_w;
};

double gmm_nll(const struct gmm *g, const double *data, int n) {
  const double HALF_LOG_2PI = 0.91893853320467274;
  double wmax = g->logit_w[0], wsum = 0.0;
  for (int j = 1; j < g->k; j++)
    wmax = fmax(wmax, g->logit_w[j]);
  for (int j = 0; j < g->k; j++)
    wsum += exp(g->logit_w[j] - wmax);
  double log_norm = wmax + log(wsum);
  double nll = 0.0;
  for (int i = 0; i < n; i++) {
    double lp[4], m = -INFINITY, s = 0.0;
    for (int j = 0; j < g->k; j++) {
      double z = (data[i] - g->mu[j]) * exp(-g->log_sigma[j]);
      lp[j] = g->logit_w[j] - log_norm - g->log_sigma[j] - HALF_LOG_2PI - 0.5 * z * z;
      if (lp[j] > m) m = lp[j];
    }
    for (int j = 0; j < g->k; j++)
      s += exp(lp[j] - m);
    nll -= m + log(s);
  }
  return nll / n;
}

#ifdef COTAN_TEST
#include "check.h"
double gmm_nll_grad(const struct gmm *g, struct gmm *d_g, const double *data, int n);

#define K 3
#define N 10
static double mu[K], ls[K], lw[K], d_mu[K], d_ls[K], d_lw[K], data[N];
static struct gmm gm = {K, mu, ls, lw}, d_gm = {K, d_mu, d_ls, d_lw};
static double f(void) { return gmm_nll(&gm, data, N); }
static double g(void) { return gmm_nll_grad(&gm, &d_gm, data, N); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int j = 0; j < K; j++) {
      mu[j] = 2.0 * j - 2 + check_rand(-0.3, 0.3);
      ls[j] = check_rand(-0.7, 0.3);
      lw[j] = check_rand(-1, 1);
    }
    for (int i = 0; i < N; i++) data[i] = check_rand(-3, 3);
    check_begin("ptr_gmm_1d", f, g);
    CHECK_ARG(mu, d_mu, K);
    CHECK_ARG(ls, d_ls, K);
    CHECK_ARG(lw, d_lw, K);
    check_run();
  }
  return check_done();
}
#endif
