/* conjgrad.c: the conjugate gradient method for a symmetric positive
 * definite system stored in compressed sparse rows. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  int n, nnz;
  int *row_ptr, *col;
  double *val;
} Csr;

static void spmv(const Csr *A, const double *x, double *y) {
  for (int i = 0; i < A->n; i++) {
    double s = 0;
    for (int k = A->row_ptr[i]; k < A->row_ptr[i + 1]; k++)
      s += A->val[k] * x[A->col[k]];
    y[i] = s;
  }
}

static double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

/* 2-D Laplacian on a k x k grid (5-point stencil) plus a shift. */
static Csr laplacian(int k, double shift) {
  Csr A = {k * k, 0, NULL, NULL, NULL};
  A.row_ptr = malloc(sizeof(int) * (A.n + 1));
  A.col = malloc(sizeof(int) * A.n * 5);
  A.val = malloc(sizeof(double) * A.n * 5);
  for (int i = 0; i < k; i++)
    for (int j = 0; j < k; j++) {
      int r = i * k + j;
      A.row_ptr[r] = A.nnz;
      const int di[] = {-1, 0, 0, 0, 1}, dj[] = {0, -1, 0, 1, 0};
      for (int t = 0; t < 5; t++) {
        int ii = i + di[t], jj = j + dj[t];
        if (ii < 0 || jj < 0 || ii >= k || jj >= k)
          continue;
        A.col[A.nnz] = ii * k + jj;
        A.val[A.nnz++] = t == 2 ? 4.0 + shift : -1.0;
      }
    }
  A.row_ptr[A.n] = A.nnz;
  return A;
}

int main(void) {
  Csr A = laplacian(6, 0.1);
  int n = A.n;
  double *x = calloc(n, sizeof *x), *b = malloc(n * sizeof *b);
  double *r = malloc(n * sizeof *r), *p = malloc(n * sizeof *p), *Ap = malloc(n * sizeof *Ap);
  for (int i = 0; i < n; i++)
    b[i] = sin(0.3 * i) + 1.0;
  for (int i = 0; i < n; i++)
    r[i] = p[i] = b[i];
  double rr = dot(r, r, n);
  int it = 0;
  while (it < 200 && sqrt(rr) > 1e-12) {
    spmv(&A, p, Ap);
    double alpha = rr / dot(p, Ap, n);
    for (int i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * Ap[i];
    }
    double rr_new = dot(r, r, n);
    for (int i = 0; i < n; i++)
      p[i] = r[i] + rr_new / rr * p[i];
    rr = rr_new;
    it++;
  }
  printf("n=%d nnz=%d iterations=%d\n", n, A.nnz, it);
  for (int i = 0; i < n; i += 7)
    printf("x[%d]=%.10f\n", i, x[i]);
  free(x);
  free(b);
  free(r);
  free(p);
  free(Ap);
  free(A.row_ptr);
  free(A.col);
  free(A.val);
  return 0;
}
