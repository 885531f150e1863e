/* matmul.c: dense matrix multiply, transpose and trace with fixed-size
 * and variable-length array parameters. */
#include <stdio.h>

#define N 4

/* C = A * B for N x N matrices */
static void matmul(double C[][N], const double A[][N], const double B[][N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      double s = 0.0;
      for (int k = 0; k < N; k++)
        s += A[i][k] * B[k][j];
      C[i][j] = s;
    }
}

/* The same with a VLA parameter: rows x cols times cols x rows. */
static void matmul_vla(int n, int m, double C[n][n], double A[n][m], double B[m][n]) {
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      C[i][j] = 0;
      for (int k = 0; k < m; k++) {
        C[i][j] += A[i][k] * B[k][j];
      }
    }
  }
}

static double trace(int n, double (*M)[n]) {
  double t = 0;
  for (int i = 0; i < n; ++i)
    t += M[i][i];
  return t;
}

int main(void) {
  double A[N][N], B[N][N], C[N][N];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = 1.0 / (i + j + 1); /* Hilbert */
      B[i][j] = (i == j) ? 2.0 : (double)(i - j) * 0.25;
    }
  matmul(C, (const double (*)[N])A, (const double (*)[N])B);
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++)
      printf("%.17g ", C[i][j]);
    printf("\n");
  }
  printf("trace=%.17g\n", trace(N, C));

  int n = 3, m = 2;
  double P[3][2] = {{1, 2}, {3, 4}, {5, 6}};
  double Q[2][3] = {{7, 8, 9}, {10, 11, 12}};
  double R[3][3];
  matmul_vla(n, m, R, P, Q);
  for (int i = 0; i < n; i++)
    printf("%g %g %g\n", R[i][0], R[i][1], R[i][2]);
  printf("trace=%.17g\n", trace(n, R));
  return 0;
}
