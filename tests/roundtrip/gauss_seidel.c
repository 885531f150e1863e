/* gauss_seidel.c: Gauss-Seidel and Jacobi iterations for a diagonally
 * dominant tridiagonal system (a 1-D Poisson problem). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#define SIZE 12

static double residual(double A[SIZE][SIZE], const double *x, const double *b) {
  double r = 0;
  for (int i = 0; i < SIZE; i++) {
    double s = b[i];
    for (int j = 0; j < SIZE; j++)
      s -= A[i][j] * x[j];
    r = fmax(r, fabs(s));
  }
  return r;
}

static int gauss_seidel(double A[SIZE][SIZE], const double *b, double *x, double tol) {
  int sweeps = 0;
  while (residual(A, x, b) > tol && sweeps < 10000) {
    for (int i = 0; i < SIZE; i++) {
      double s = b[i];
      for (int j = 0; j < SIZE; j++)
        if (j != i)
          s -= A[i][j] * x[j];
      x[i] = s / A[i][i];
    }
    sweeps++;
  }
  return sweeps;
}

static int jacobi(double A[SIZE][SIZE], const double *b, double *x, double tol) {
  double next[SIZE];
  int sweeps;
  for (sweeps = 0; sweeps < 10000 && residual(A, x, b) > tol; sweeps++) {
    for (int i = 0; i < SIZE; i++) {
      next[i] = b[i];
      for (int j = 0; j < SIZE; j++)
        next[i] -= (i != j) * A[i][j] * x[j];
      next[i] /= A[i][i];
    }
    memcpy(x, next, sizeof next);
  }
  return sweeps;
}

int main(void) {
  double A[SIZE][SIZE] = {{0}};
  double b[SIZE], x[SIZE] = {0}, z[SIZE] = {0};
  for (int i = 0; i < SIZE; i++) {
    A[i][i] = 2.5;
    if (i > 0)
      A[i][i - 1] = -1;
    if (i + 1 < SIZE)
      A[i][i + 1] = -1;
    b[i] = 1.0 / (i + 1);
  }
  int gs = gauss_seidel(A, b, x, 1e-12);
  int jc = jacobi(A, b, z, 1e-12);
  printf("gauss-seidel sweeps=%d jacobi sweeps=%d\n", gs, jc);
  for (int i = 0; i < SIZE; i++)
    printf("x[%2d]=%.15f diff=%.1e\n", i, x[i], fabs(x[i] - z[i]) < 1e-10 ? 0.0 : 1.0);
  return 0;
}
