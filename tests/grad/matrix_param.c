/* cotan: grad -f matrix_param */
/* matrix_param.c: a 2-D array parameter double M[][DIM], only read (adjoint
 * double (*d_M)[3]): the quadratic form x^T M x plus a trace term. */
#define DIM 3

double matrix_param(double M[][DIM], const double *x) {
  double s = 0.0;
  for (int i = 0; i < DIM; i++) {
    double row = 0.0;
    for (int j = 0; j < DIM; j++)
      row += M[i][j] * x[j];
    s += x[i] * row;
  }
  return s + M[0][0] * M[1][1] * M[2][2];
}

#ifdef COTAN_TEST
#include "check.h"
double matrix_param_grad(double M[][3], double (*d_M)[3], const double *x, double *d_x);

static double M[3][3], d_M[3][3], x[3], d_x[3];
static double f(void) { return matrix_param(M, x); }
static double g(void) { return matrix_param_grad(M, d_M, x, d_x); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(&M[0][0], 9, -1, 1);
    check_fill(x, 3, -1, 1);
    check_begin("matrix_param", f, g);
    CHECK_ARG(&M[0][0], &d_M[0][0], 9);
    CHECK_ARG(x, d_x, 3);
    check_run();
  }
  return check_done();
}
#endif
