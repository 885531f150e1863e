/* cotan: grad -f cholesky_logdet */
/* cholesky_logdet.c: log det(B B^T + I) by a Cholesky factorisation in a
 * local 2-D array (sqrt on the diagonal, divisions below it). */
#include <math.h>

#define CN 3

double cholesky_logdet(const double *B) {
  double A[CN][CN], L[CN][CN] = {{0}};
  for (int i = 0; i < CN; i++)
    for (int j = 0; j < CN; j++) {
      A[i][j] = i == j ? 1.0 : 0.0;
      for (int k = 0; k < CN; k++) A[i][j] += B[i * CN + k] * B[j * CN + k];
    }
  for (int j = 0; j < CN; j++) {
    double s = A[j][j];
    for (int k = 0; k < j; k++) s -= L[j][k] * L[j][k];
    L[j][j] = sqrt(s);
    for (int i = j + 1; i < CN; i++) {
      double t = A[i][j];
      for (int k = 0; k < j; k++) t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  double ld = 0.0;
  for (int i = 0; i < CN; i++) ld += 2.0 * log(L[i][i]);
  return ld;
}

#ifdef COTAN_TEST
#include "check.h"
double cholesky_logdet_grad(const double *B, double *d_B);

static double B[9], d_B[9];
static double f(void) { return cholesky_logdet(B); }
static double g(void) { return cholesky_logdet_grad(B, d_B); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(B, 9, -1, 1);
    check_begin("cholesky_logdet", f, g);
    CHECK_ARG(B, d_B, 9);
    check_run();
  }
  return check_done();
}
#endif
