/* cotan: grad -f gmm_objective --wrt p */
/* adbench_gmm.c: the ADBench GMM objective (log-likelihood of a Gaussian
 * mixture with a Wishart prior), written as numerical C is: restrict
 * pointers, indexing macros, a parameter pack, VLAs for scratch space.
 * The code of tests/roundtrip/adbench_gmm.c as it is (gmm_objective made
 * non-static, the random generator moved into the driver): the gradient
 * with respect to the parameter pack p, a struct of three pointers passed
 * by value, whose adjoint GmmParams *d_p points to the caller's zeroed
 * buffers for alpha, means and icf (Enzyme's shadow convention). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define D 3
#define K 4
#define N 10
#define ICF_SIZE(d) ((d) + (d) * ((d) - 1) / 2)
#define M_PI_VAL 3.14159265358979323846
#define AT(a, i, j, ld) ((a)[(size_t)(i) * (ld) + (j)])

typedef struct {
  int d, k, n;
  double gamma;
  int m;
} GmmDims;

typedef struct {
  const double *restrict alpha; /* k */
  const double *restrict means; /* k x d */
  const double *restrict icf;   /* k x ICF_SIZE(d) */
} GmmParams;

static double arr_max(int n, const double *restrict x) {
  double m = x[0];
  for (int i = 1; i < n; i++)
    if (x[i] > m) m = x[i];
  return m;
}

static double logsumexp(int n, const double *restrict x) {
  double mx = arr_max(n, x), s = 0.0;
  for (int i = 0; i < n; ++i) s += exp(x[i] - mx);
  return log(s) + mx;
}

static double sqnorm(int n, const double *x) {
  double s = 0;
  for (int i = 0; i < n; i++) s += x[i] * x[i];
  return s;
}

static double log_gamma_distrib(double a, int p) {
  double out = 0.25 * p * (p - 1) * log(M_PI_VAL);
  for (int j = 1; j <= p; j++) out += lgamma(a + 0.5 * (1 - j));
  return out;
}

/* sum of the log-diagonal q and the diagonal exp(q) of every component */
static void preprocess_qs(const GmmDims *dm, const double *restrict icf,
                          double *restrict sum_qs, double *restrict qdiags) {
  const int d = dm->d, icf_sz = ICF_SIZE(d);
  for (int ik = 0; ik < dm->k; ik++) {
    sum_qs[ik] = 0.;
    for (int id = 0; id < d; id++) {
      double q = AT(icf, ik, id, icf_sz);
      sum_qs[ik] += q;
      AT(qdiags, ik, id, d) = exp(q);
    }
  }
}

/* out = Q x, Q lower triangular: diagonal qdiag, strict lower part ltri by columns */
static void qtimesx(int d, const double *restrict qdiag, const double *restrict ltri,
                    const double *restrict x, double *restrict out) {
  for (int i = 0; i < d; i++) out[i] = qdiag[i] * x[i];
  int lparamsidx = 0;
  for (int i = 0; i < d; i++)
    for (int j = i + 1; j < d; j++) out[j] += ltri[lparamsidx++] * x[i];
}

static double log_wishart_prior(const GmmDims *dm, const double *sum_qs, const double *qdiags,
                                const double *icf) {
  int d = dm->d, n = d + dm->m + 1, icf_sz = ICF_SIZE(d);
  double C = n * d * (log(dm->gamma) - 0.5 * log(2)) - log_gamma_distrib(0.5 * n, d);
  double out = 0;
  for (int ik = 0; ik < dm->k; ik++) {
    double frob = sqnorm(d, &qdiags[ik * d]) + sqnorm(icf_sz - d, &icf[ik * icf_sz + d]);
    out += 0.5 * dm->gamma * dm->gamma * frob - dm->m * sum_qs[ik];
  }
  return out - dm->k * C;
}

double gmm_objective(const GmmDims *dm, GmmParams p, const double *restrict x) {
  const int d = dm->d, k = dm->k, n = dm->n, icf_sz = ICF_SIZE(d);
  const double CONSTANT = -n * d * 0.5 * log(2 * M_PI_VAL);
  double qdiags[k * d], sum_qs[k], xcentered[d], Qxcentered[d], main_term[k];
  preprocess_qs(dm, p.icf, sum_qs, qdiags);
  double slse = 0.;
  for (int ix = 0; ix < n; ix++) {
    for (int ik = 0; ik < k; ik++) {
      for (int id = 0; id < d; id++)
        xcentered[id] = AT(x, ix, id, d) - AT(p.means, ik, id, d);
      qtimesx(d, &qdiags[ik * d], &p.icf[ik * icf_sz + d], xcentered, Qxcentered);
      main_term[ik] = p.alpha[ik] + sum_qs[ik] - 0.5 * sqnorm(d, Qxcentered);
    }
    slse += logsumexp(k, main_term);
  }
  double lse_alphas = logsumexp(k, p.alpha);
  return CONSTANT + slse - n * lse_alphas + log_wishart_prior(dm, sum_qs, qdiags, p.icf);
}

#ifdef COTAN_TEST
#include "check.h"
double gmm_objective_grad(const GmmDims *dm, GmmParams p, GmmParams *d_p, const double *restrict x);

/* The data generator of the roundtrip version's main() (tests/roundtrip/
 * adbench_gmm.c), moved here from the top of the file: only the driver
 * uses it, and an unused static function breaks the -Werror build. */
static unsigned long long lcg_state = 42u;

static double lcg_uniform(void) {
  lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
  return (double)(lcg_state >> 11) * 0x1.0p-53;
}

static GmmDims dm = {.d = D, .k = K, .n = N, .gamma = 1.0, .m = 0};
static double alpha[K], means[K * D], icf[K * ICF_SIZE(D)], x[N][D];
static double d_alpha[K], d_means[K * D], d_icf[K * ICF_SIZE(D)];
static GmmParams d_p = {d_alpha, d_means, d_icf}; /* shadows of p's pointer fields */
static double f(void) { return gmm_objective(&dm, (GmmParams){alpha, means, icf}, &x[0][0]); }
static double g(void) {
  return gmm_objective_grad(&dm, (GmmParams){alpha, means, icf}, &d_p, &x[0][0]);
}

int main(void) {
  /* the two priors of the roundtrip main() (gamma 1, m 0; gamma 0.5, m 2), then two more */
  static const double gammas[4] = {1.0, 0.5, 2.0, 0.8};
  static const int ms[4] = {0, 2, 1, 3};
  for (int pt = 0; pt < 4; pt++) {
    dm.gamma = gammas[pt];
    dm.m = ms[pt];
    for (int i = 0; i < K; i++) alpha[i] = lcg_uniform() - 0.5;
    for (int i = 0; i < K * D; i++) means[i] = 2 * lcg_uniform();
    for (int i = 0; i < K * ICF_SIZE(D); i++) icf[i] = 0.3 * (lcg_uniform() - 0.5);
    for (int i = 0; i < N; i++)
      for (int j = 0; j < D; j++) x[i][j] = 2 * lcg_uniform();
    check_begin("adbench_gmm", f, g);
    CHECK_ARG(alpha, d_alpha, K);
    CHECK_ARG(means, d_means, K * D);
    CHECK_ARG(icf, d_icf, K * ICF_SIZE(D));
    check_run();
  }
  return check_done();
}
#endif
