/* cotan: grad -f kalman_nll --wrt m */
/* kalman_nll.c: the negative log-likelihood of a local-level model from a
 * scalar Kalman filter.  Its parameters are nested structs: a struct member
 * of an untagged struct type (noise), a tagged one (prior), log-scale
 * variances as users store them. */
#include <math.h>

struct gaussian {
  double mean;
  double log_var;
};

struct ssm {
  double a; /* state transition */
  struct {
    double log_q; /* process noise */
    double log_r; /* observation noise */
  } noise;
  struct gaussian prior;
};

double kalman_nll(const struct ssm *m, const double *obs, int n) {
  const double LOG_2PI = 1.8378770664093453;
  double q = exp(m->noise.log_q), r = exp(m->noise.log_r);
  double x = m->prior.mean, P = exp(m->prior.log_var);
  double nll = 0.0;
  for (int t = 0; t < n; t++) {
    /* predict */
    x = m->a * x;
    P = m->a * m->a * P + q;
    /* update */
    double S = P + r;
    double innov = obs[t] - x;
    nll += 0.5 * (LOG_2PI + log(S) + innov * innov / S);
    double K = P / S;
    x += K * innov;
    P *= 1 - K;
  }
  return nll;
}

#ifdef COTAN_TEST
#include "check.h"
double kalman_nll_grad(const struct ssm *m, struct ssm *d_m, const double *obs, int n);

#define T 8
static struct ssm m, d_m;
static double obs[T];
static double f(void) { return kalman_nll(&m, obs, T); }
static double g(void) { return kalman_nll_grad(&m, &d_m, obs, T); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    m.a = check_rand(0.6, 0.99);
    m.noise.log_q = check_rand(-2, 0);
    m.noise.log_r = check_rand(-1, 0.5);
    m.prior.mean = check_rand(-1, 1);
    m.prior.log_var = check_rand(-1, 1);
    double level = 0.0;
    for (int t = 0; t < T; t++) {
      level = 0.9 * level + check_rand(-0.5, 0.5);
      obs[t] = level + check_rand(-0.3, 0.3);
    }
    check_begin("kalman_nll", f, g);
    CHECK_STRUCT(m, d_m);
    check_run();
  }
  return check_done();
}
#endif
