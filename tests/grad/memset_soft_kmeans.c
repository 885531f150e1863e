/* cotan: grad -f soft_kmeans_cost */
/* memset_soft_kmeans.c: memset(p, 0, n * sizeof *p) on active arrays.  Soft
 * k-means (EM with a fixed temperature) on 2-D points: each iteration
 * memsets the heap accumulators of the weighted sums and weights, then
 * recomputes the centres; the cost is the soft assignment energy at the end. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define K 3

double soft_kmeans_cost(const double *pts, int n, const double *init, double beta, int iters) {
  double c[K][2], *sum = malloc(2 * K * sizeof *sum), *wsum = malloc(K * sizeof *wsum);
  for (int j = 0; j < K; j++) {
    c[j][0] = init[2 * j];
    c[j][1] = init[2 * j + 1];
  }
  for (int it = 0; it < iters; it++) {
    memset(sum, 0, 2 * K * sizeof *sum);
    memset(wsum, 0, K * sizeof *wsum);
    for (int i = 0; i < n; i++) {
      double r[K], z = 0.0;
      for (int j = 0; j < K; j++) {
        double dx = pts[2 * i] - c[j][0], dy = pts[2 * i + 1] - c[j][1];
        r[j] = exp(-beta * (dx * dx + dy * dy));
        z += r[j];
      }
      for (int j = 0; j < K; j++) {
        double w = r[j] / z;
        sum[2 * j] += w * pts[2 * i];
        sum[2 * j + 1] += w * pts[2 * i + 1];
        wsum[j] += w;
      }
    }
    for (int j = 0; j < K; j++) {
      c[j][0] = sum[2 * j] / wsum[j];
      c[j][1] = sum[2 * j + 1] / wsum[j];
    }
  }
  double cost = 0.0;
  for (int i = 0; i < n; i++) {
    double z = 0.0;
    for (int j = 0; j < K; j++) {
      double dx = pts[2 * i] - c[j][0], dy = pts[2 * i + 1] - c[j][1];
      z += exp(-beta * (dx * dx + dy * dy));
    }
    cost -= log(z) / beta;
  }
  free(sum);
  free(wsum);
  return cost;
}

#ifdef COTAN_TEST
#include "check.h"
double soft_kmeans_cost_grad(const double *pts, double *d_pts, int n, const double *init, double *d_init, double beta, double *d_beta, int iters);

#define N 8
static double pts[2 * N], d_pts[2 * N], init[2 * K], d_init[2 * K], beta, d_beta;
static double f(void) { return soft_kmeans_cost(pts, N, init, beta, 3); }
static double g(void) { return soft_kmeans_cost_grad(pts, d_pts, N, init, d_init, beta, &d_beta, 3); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < N; i++) {
      pts[2 * i] = 2 * cos(2.1 * (i % K)) + check_rand(-0.6, 0.6);
      pts[2 * i + 1] = 2 * sin(2.1 * (i % K)) + check_rand(-0.6, 0.6);
    }
    check_fill(init, 2 * K, -1, 1);
    beta = check_rand(0.3, 0.8);
    check_begin("memset_soft_kmeans", f, g);
    CHECK_ARG(pts, d_pts, 2 * N);
    CHECK_ARG(init, d_init, 2 * K);
    CHECK_SCALAR(beta, d_beta);
    check_run();
  }
  return check_done();
}
#endif
