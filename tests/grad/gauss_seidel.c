/* cotan: grad -f gauss_seidel --wrt A,b */
/* gauss_seidel.c: a fixed number of Gauss-Seidel sweeps on a diagonally
 * dominant system (the iterate updated in place, in a local array). */
#define GN 4

double gauss_seidel(const double *A, const double *b, int sweeps) {
  double x[GN] = {0};
  for (int s = 0; s < sweeps; s++)
    for (int i = 0; i < GN; i++) {
      double r = b[i];
      for (int j = 0; j < GN; j++)
        if (j != i) r -= A[i * GN + j] * x[j];
      x[i] = r / A[i * GN + i];
    }
  double out = 0.0;
  for (int i = 0; i < GN; i++) out += (i + 1) * x[i];
  return out;
}

#ifdef COTAN_TEST
#include "check.h"
double gauss_seidel_grad(const double *A, double *d_A, const double *b, double *d_b, int sweeps);

static double A[16], b[4], d_A[16], d_b[4];
static double f(void) { return gauss_seidel(A, b, 10); }
static double g(void) { return gauss_seidel_grad(A, d_A, b, d_b, 10); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(A, 16, -0.5, 0.5);
    for (int i = 0; i < 4; i++) A[i * 4 + i] = check_rand(3, 5);
    check_fill(b, 4, -1, 1);
    check_begin("gauss_seidel", f, g);
    CHECK_ARG(A, d_A, 16);
    CHECK_ARG(b, d_b, 4);
    check_run();
  }
  return check_done();
}
#endif
