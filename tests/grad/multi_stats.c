/* cotan: grad lib/stats.c -f robust_nll */
/* multi_stats.c: a two-file program: a robust regression likelihood, each
 * residual modelled as a mixture of a Gaussian and a Student-t outlier
 * component, with the log densities and log-sum-exp from lib/stats.c. */
#include <math.h>
#include "lib/stats.h"

double robust_nll(const double *beta, const double *x, const double *y, int n, double log_sigma,
                  double log_scale_out, double nu, double logit_out) {
  double log_p_out = -log1p(exp(-logit_out)), log_p_in = -log1p(exp(logit_out));
  double nll = 0.0;
  for (int i = 0; i < n; i++) {
    double mu = beta[0] + beta[1] * x[i];
    double lp[2];
    lp[0] = log_p_in + normal_logpdf(y[i], mu, log_sigma);
    lp[1] = log_p_out + student_t_logpdf(y[i], mu, log_scale_out, nu);
    nll -= log_sum_exp(lp, 2);
  }
  return nll;
}

#ifdef COTAN_TEST
#include "check.h"
double robust_nll_grad(const double *beta, double *d_beta, const double *x, double *d_x, const double *y, double *d_y, int n, double log_sigma, double *d_log_sigma, double log_scale_out, double *d_log_scale_out, double nu, double *d_nu, double logit_out, double *d_logit_out);

#define N 8
static double beta[2], d_beta[2], x[N], d_x[N], y[N], d_y[N];
static double ls, d_ls, lso, d_lso, nu, d_nu, lo, d_lo;
static double f(void) { return robust_nll(beta, x, y, N, ls, lso, nu, lo); }
static double g(void) { return robust_nll_grad(beta, d_beta, x, d_x, y, d_y, N, ls, &d_ls, lso, &d_lso, nu, &d_nu, lo, &d_lo); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    beta[0] = check_rand(-0.5, 0.5);
    beta[1] = check_rand(0.5, 1.5);
    for (int i = 0; i < N; i++) {
      x[i] = -1 + 0.3 * i;
      y[i] = 0.2 + x[i] + check_rand(-0.3, 0.3) + (i == 3 ? 2.5 : 0.0);
    }
    ls = check_rand(-1.5, -0.5);
    lso = check_rand(-0.5, 0.5);
    nu = check_rand(2, 5);
    lo = check_rand(-2, 0);
    check_begin("multi_stats", f, g);
    CHECK_ARG(beta, d_beta, 2);
    CHECK_ARG(x, d_x, N);
    CHECK_ARG(y, d_y, N);
    CHECK_SCALAR(ls, d_ls);
    CHECK_SCALAR(lso, d_lso);
    CHECK_SCALAR(nu, d_nu);
    CHECK_SCALAR(lo, d_lo);
    check_run();
  }
  return check_done();
}
#endif
