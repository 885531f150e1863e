/* cotan: grad -f gmm --wrt alpha,means,log_sd */
/* gmm.c: a small Gaussian mixture objective (diagonal covariances): the
 * negative log-likelihood of the data, with mixture weights from a softmax
 * of alpha and a log-sum-exp over the components. */
#include <math.h>

#define K 3 /* components */
#define D 2 /* dimension */

static double lse(const double *v, int n) {
  double m = v[0], s = 0.0;
  for (int i = 1; i < n; i++) m = v[i] > m ? v[i] : m;
  for (int i = 0; i < n; i++) s += exp(v[i] - m);
  return m + log(s);
}

double gmm(const double *alpha, const double *means, const double *log_sd, const double *x,
           int n) {
  double nll = 0.0, lw[K];
  double norm = lse(alpha, K);
  for (int k = 0; k < K; k++)
    lw[k] = alpha[k] - norm;
  for (int i = 0; i < n; i++) {
    double comp[K];
    for (int k = 0; k < K; k++) {
      double q = lw[k];
      for (int d = 0; d < D; d++) {
        double z = (x[i * D + d] - means[k * D + d]) * exp(-log_sd[k * D + d]);
        q -= 0.5 * z * z + log_sd[k * D + d] + 0.91893853320467274178;
      }
      comp[k] = q;
    }
    nll -= lse(comp, K);
  }
  return nll;
}

#ifdef COTAN_TEST
#include "check.h"
double gmm_grad(const double *alpha, double *d_alpha, const double *means, double *d_means, const double *log_sd, double *d_log_sd, const double *x, int n);

static double alpha[3], means[6], log_sd[6], x[12], d_alpha[3], d_means[6], d_log_sd[6];
static double f(void) { return gmm(alpha, means, log_sd, x, 6); }
static double g(void) { return gmm_grad(alpha, d_alpha, means, d_means, log_sd, d_log_sd, x, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(alpha, 3, -1, 1);
    check_fill(means, 6, -2, 2);
    check_fill(log_sd, 6, -0.5, 0.5);
    check_fill(x, 12, -2, 2);
    check_begin("gmm", f, g);
    CHECK_ARG(alpha, d_alpha, 3);
    CHECK_ARG(means, d_means, 6);
    CHECK_ARG(log_sd, d_log_sd, 6);
    check_run();
  }
  return check_done();
}
#endif
