/* cotan: vjp -f covariance --wrt X --out C */
/* vjp_cov_matrix.c: a 2-D array output (double C[][D], its seed double
 * (*d_C)[D]) plus a floating return value (the log-determinant of the
 * regularised 3 x 3 sample covariance, by its closed form). */
#include <math.h>

#define D 3

double covariance(const double *X, int n, double C[][D]) {
  double mean[D] = {0, 0, 0};
  for (int i = 0; i < n; i++)
    for (int a = 0; a < D; a++)
      mean[a] += X[i * D + a];
  for (int a = 0; a < D; a++)
    mean[a] /= n;
  for (int a = 0; a < D; a++)
    for (int b = 0; b < D; b++) {
      double s = 0.0;
      for (int i = 0; i < n; i++)
        s += (X[i * D + a] - mean[a]) * (X[i * D + b] - mean[b]);
      C[a][b] = s / (n - 1) + (a == b ? 0.1 : 0.0);
    }
  double det = C[0][0] * (C[1][1] * C[2][2] - C[1][2] * C[2][1]) -
               C[0][1] * (C[1][0] * C[2][2] - C[1][2] * C[2][0]) +
               C[0][2] * (C[1][0] * C[2][1] - C[1][1] * C[2][0]);
  return log(det);
}

#ifdef COTAN_TEST
#include "check.h"
double covariance_vjp(const double *X, double *d_X, int n, double C[][D], double (*d_C)[D], double d_return);

#define N 6
static double X[N * D], d_X[N * D], C[D][D], d_C[D][D], seed[D][D], w;
static double f(void) {
  double r = covariance(X, N, C);
  return check_dot(&seed[0][0], &C[0][0], D * D) + w * r;
}
static double g(void) {
  check_seed(&d_C[0][0], &seed[0][0], D * D);
  check_poison(&C[0][0], D * D);
  double r = covariance_vjp(X, d_X, N, C, d_C, w);
  CHECK_ZEROED(&d_C[0][0], D * D);
  return check_dot(&seed[0][0], &C[0][0], D * D) + w * r;
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(X, N * D, -1, 1);
    check_fill(&seed[0][0], D * D, -1, 1);
    w = check_rand(-1, 1);
    check_begin("vjp_cov_matrix", f, g);
    CHECK_ARG(X, d_X, N * D);
    check_run();
  }
  return check_done();
}
#endif
