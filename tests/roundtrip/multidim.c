/* multidim.c: multi-dimensional arrays: 3-D arrays, VLAs on the stack,
 * pointers to rows, [][N] parameters, and sizeof of array types. */
#include <stdio.h>

#define ROWS 3
#define COLS 4

static void fill(int rows, int cols, double m[rows][cols], double base) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++)
      m[i][j] = base + i * cols + j;
}

static double sum_fixed(double m[][COLS], int rows) {
  double s = 0;
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < COLS; j++)
      s += m[i][j];
  return s;
}

static void transpose(int n, int m, const double src[n][m], double dst[m][n]) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++)
      dst[j][i] = src[i][j];
}

int main(void) {
  double a[ROWS][COLS];
  fill(ROWS, COLS, a, 0.5);
  printf("sum=%.17g sizeof row=%zu all=%zu\n", sum_fixed(a, ROWS), sizeof a[0], sizeof a);

  int n = 5;
  double vla[n][n + 1];
  fill(n, n + 1, vla, -1);
  printf("vla sizeof=%zu corner=%g\n", sizeof vla, vla[n - 1][n]);
  double t[n + 1][n];
  transpose(n, n + 1, (const double (*)[n + 1])vla, t);
  printf("t[5][4]=%g t[0][1]=%g\n", t[5][4], t[0][1]);

  int cube[2][3][4];
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 3; j++)
      for (int k = 0; k < 4; k++)
        cube[i][j][k] = 100 * i + 10 * j + k;
  int (*plane)[4] = cube[1];
  int *row = plane[2];
  printf("cube: %d %d %d\n", cube[1][2][3], plane[1][1], row[0]);
  static const char grid[3][4] = {"abc", "def", {'g', 'h', 'i', 0}};
  for (int i = 0; i < 3; i++)
    printf("%s%c", grid[i], i < 2 ? ',' : '\n');
  return 0;
}
