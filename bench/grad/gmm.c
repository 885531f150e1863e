/* cotan: grad -f gmm_objective --wrt p */
/* bench/grad/gmm.c: the ADBench GMM objective (the code of
 * tests/grad/adbench_gmm.c) at the size of ADBench's gmm_d10_K25 with 1000
 * points, synthetic values: the field's standard gradient benchmark.  ADBench
 * (2018) measured gradient/objective ratios of 1.9-7.2 for hand-written
 * code and 3.7-15.5 for Tapenade on GMM. */
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

#ifdef COTAN_BENCH
#include "bench.h"
double gmm_objective_grad(const GmmDims *dm, GmmParams p, GmmParams *d_p, const double *restrict x);

/* ADBench's gmm_d10_K25 size with 1000 points (synthetic values) */
#define BD 10
#define BK 25
#define BN 1000
static double alpha_b[BK], means_b[BK * BD], icf_b[BK * ICF_SIZE(BD)], x_b[BN * BD];
static double d_alpha_b[BK], d_means_b[BK * BD], d_icf_b[BK * ICF_SIZE(BD)];
static GmmDims dims = {BD, BK, BN, 1.0, 0};
static unsigned long seed_b = 1;
static double unif(void) {
  seed_b = (seed_b * 1103515245ul + 12345ul) & 0x7ffffffful;
  return (double)seed_b / 2147483648.0;
}
static double primal(void) { return gmm_objective(&dims, (GmmParams){alpha_b, means_b, icf_b}, x_b); }
static double gradient(void) {
  GmmParams d = {d_alpha_b, d_means_b, d_icf_b};
  return gmm_objective_grad(&dims, (GmmParams){alpha_b, means_b, icf_b}, &d, x_b);
}
int main(void) {
  for (int i = 0; i < BK; i++) alpha_b[i] = unif();
  for (int i = 0; i < BK * BD; i++) means_b[i] = unif();
  for (int i = 0; i < BK * ICF_SIZE(BD); i++) icf_b[i] = unif() * 0.2;
  for (int i = 0; i < BN * BD; i++) x_b[i] = unif();
  bench_report("gmm d=10 K=25 n=1000 (ADBench)", primal, gradient);
  return 0;
}
#endif
