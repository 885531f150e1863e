/* cotan: grad -f power_iter */
/* power_iter.c: a fixed number of power iterations on a symmetric matrix
 * (normalising the vector in place each time), then the Rayleigh quotient. */
#include <math.h>

#define PN 3

double power_iter(const double *A, int iters) {
  double v[PN] = {1.0, 0.5, 0.25}, w[PN];
  for (int it = 0; it < iters; it++) {
    double nrm = 0.0;
    for (int i = 0; i < PN; i++) {
      w[i] = 0.0;
      for (int j = 0; j < PN; j++) w[i] += A[i * PN + j] * v[j];
      nrm += w[i] * w[i];
    }
    nrm = sqrt(nrm);
    for (int i = 0; i < PN; i++) v[i] = w[i] / nrm;
  }
  double num = 0.0;
  for (int i = 0; i < PN; i++)
    for (int j = 0; j < PN; j++) num += v[i] * A[i * PN + j] * v[j];
  return num;
}

#ifdef COTAN_TEST
#include "check.h"
double power_iter_grad(const double *A, double *d_A, int iters);

static double A[9], d_A[9];
static double f(void) { return power_iter(A, 8); }
static double g(void) { return power_iter_grad(A, d_A, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(A, 9, -0.5, 0.5);
    A[0] += 3; A[4] += 1.5; A[8] += 0.5; /* a dominant eigenvalue */
    check_begin("power_iter", f, g);
    CHECK_ARG(A, d_A, 9);
    check_run();
  }
  return check_done();
}
#endif
