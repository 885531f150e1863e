/* cotan: grad -f whitened_spread */
/* heap_cov_2d.c: a calloc'd 2-D array (double (*C)[D] = calloc(D, sizeof *C)):
 * the sample covariance of a data set, regularised, then the Mahalanobis
 * spread of query points through a Cholesky factor computed in place in a
 * second heap matrix. */
#include <math.h>
#include <stdlib.h>

#define D 3

double whitened_spread(const double *data, int n, const double *query, int m, double reg) {
  double mean[D] = {0};
  double (*C)[D] = calloc(D, sizeof *C);
  double (*L)[D] = malloc(D * sizeof *L);
  for (int i = 0; i < n; i++)
    for (int a = 0; a < D; a++)
      mean[a] += data[i * D + a] / n;
  for (int i = 0; i < n; i++)
    for (int a = 0; a < D; a++)
      for (int b = 0; b < D; b++)
        C[a][b] += (data[i * D + a] - mean[a]) * (data[i * D + b] - mean[b]) / (n - 1);
  for (int a = 0; a < D; a++)
    C[a][a] += reg;
  /* Cholesky: C = L L^T */
  for (int j = 0; j < D; j++) {
    double s = C[j][j];
    for (int k = 0; k < j; k++)
      s -= L[j][k] * L[j][k];
    L[j][j] = sqrt(s);
    for (int i = j + 1; i < D; i++) {
      double t = C[i][j];
      for (int k = 0; k < j; k++)
        t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  double spread = 0.0;
  for (int q = 0; q < m; q++) {
    double z[D];
    for (int i = 0; i < D; i++) { /* forward substitution L z = query - mean */
      double t = query[q * D + i] - mean[i];
      for (int k = 0; k < i; k++)
        t -= L[i][k] * z[k];
      z[i] = t / L[i][i];
    }
    for (int i = 0; i < D; i++)
      spread += z[i] * z[i];
  }
  free(C);
  free(L);
  return spread / m;
}

#ifdef COTAN_TEST
#include "check.h"
double whitened_spread_grad(const double *data, double *d_data, int n, const double *query, double *d_query, int m, double reg, double *d_reg);

#define N 7
#define M 3
static double data[N * D], d_data[N * D], query[M * D], d_query[M * D], reg, d_reg;
static double f(void) { return whitened_spread(data, N, query, M, reg); }
static double g(void) { return whitened_spread_grad(data, d_data, N, query, d_query, M, reg, &d_reg); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(data, N * D, -1, 1);
    check_fill(query, M * D, -1.5, 1.5);
    reg = check_rand(0.1, 0.5);
    check_begin("heap_cov_2d", f, g);
    CHECK_ARG(data, d_data, N * D);
    CHECK_ARG(query, d_query, M * D);
    CHECK_SCALAR(reg, d_reg);
    check_run();
  }
  return check_done();
}
#endif
