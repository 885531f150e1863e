/* cotan: grad -f kde_loglik --wrt samples,bw */
/* heap_calloc_kde.c: a calloc'd accumulator.  A kernel density estimate of
 * the samples is accumulated on a grid (a zeroed heap array), then the
 * log-likelihood of held-out points under the linearly interpolated
 * density; differentiated in the samples and the bandwidth. */
#include <math.h>
#include <stdlib.h>

double kde_loglik(const double *samples, int n, double bw, const double *held, int m,
                  double lo, double hi, int ngrid) {
  double *dens = calloc(ngrid, sizeof *dens);
  double step = (hi - lo) / (ngrid - 1);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < ngrid; k++) {
      double z = (lo + k * step - samples[i]) / bw;
      dens[k] += exp(-0.5 * z * z) / (bw * 2.5066282746310002 * n);
    }
  double ll = 0.0;
  for (int j = 0; j < m; j++) {
    double pos = (held[j] - lo) / step;
    int k = (int)pos;
    double t = pos - k;
    ll += log(1e-9 + (1 - t) * dens[k] + t * dens[k + 1]);
  }
  free(dens);
  return ll;
}

#ifdef COTAN_TEST
#include "check.h"
double kde_loglik_grad(const double *samples, double *d_samples, int n, double bw, double *d_bw, const double *held, int m, double lo, double hi, int ngrid);

#define N 6
#define M 4
static double samples[N], d_samples[N], bw, d_bw, held[M];
static double f(void) { return kde_loglik(samples, N, bw, held, M, -3, 3, 25); }
static double g(void) { return kde_loglik_grad(samples, d_samples, N, bw, &d_bw, held, M, -3, 3, 25); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(samples, N, -1.5, 1.5);
    bw = check_rand(0.4, 0.9);
    for (int j = 0; j < M; j++) held[j] = -1.2 + 0.75 * j + 0.1 * p + 0.05; /* off the grid nodes */
    check_begin("heap_calloc_kde", f, g);
    CHECK_ARG(samples, d_samples, N);
    CHECK_SCALAR(bw, d_bw);
    check_run();
  }
  return check_done();
}
#endif
