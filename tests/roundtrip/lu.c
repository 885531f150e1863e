/* lu.c: LU decomposition with partial pivoting, then a linear solve
 * and the determinant. */
#include <math.h>
#include <stdio.h>

enum { DIM = 5 };

/* Factors A in place into L (unit lower, below the diagonal) and U.
 * perm receives the row permutation; returns the permutation's sign,
 * or 0 if the matrix is singular. */
static int lu_factor(double A[DIM][DIM], int perm[DIM]) {
  int sign = 1;
  for (int i = 0; i < DIM; i++)
    perm[i] = i;
  for (int k = 0; k < DIM; k++) {
    int p = k;
    double best = fabs(A[k][k]);
    for (int i = k + 1; i < DIM; i++)
      if (fabs(A[i][k]) > best) {
        best = fabs(A[i][k]);
        p = i;
      }
    if (best == 0.0)
      return 0;
    if (p != k) {
      for (int j = 0; j < DIM; j++) {
        double t = A[k][j];
        A[k][j] = A[p][j];
        A[p][j] = t;
      }
      int t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
      sign = -sign;
    }
    for (int i = k + 1; i < DIM; i++) {
      A[i][k] /= A[k][k];
      for (int j = k + 1; j < DIM; j++)
        A[i][j] -= A[i][k] * A[k][j];
    }
  }
  return sign;
}

static void lu_solve(double LU[DIM][DIM], const int perm[DIM], const double b[DIM], double x[DIM]) {
  double y[DIM];
  for (int i = 0; i < DIM; i++) {
    y[i] = b[perm[i]];
    for (int j = 0; j < i; j++)
      y[i] -= LU[i][j] * y[j];
  }
  for (int i = DIM - 1; i >= 0; i--) {
    x[i] = y[i];
    for (int j = i + 1; j < DIM; j++)
      x[i] -= LU[i][j] * x[j];
    x[i] /= LU[i][i];
  }
}

int main(void) {
  double A[DIM][DIM];
  double b[DIM], x[DIM];
  int perm[DIM];
  for (int i = 0; i < DIM; i++) {
    for (int j = 0; j < DIM; j++)
      A[i][j] = (i == j) ? 4.0 + i : 1.0 / (1 + i + 2 * j);
    b[i] = i + 1;
  }
  A[0][0] = 0.0; /* force a pivot */
  int sign = lu_factor(A, perm);
  double det = sign;
  for (int i = 0; i < DIM; i++)
    det *= A[i][i];
  printf("sign=%d det=%.17g\n", sign, det);
  lu_solve(A, perm, b, x);
  for (int i = 0; i < DIM; i++)
    printf("x[%d]=%.17g perm=%d\n", i, x[i], perm[i]);
  return 0;
}
