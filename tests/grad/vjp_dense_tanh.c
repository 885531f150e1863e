/* cotan: vjp -f dense_tanh --wrt W,b,x --out y */
/* vjp_dense_tanh.c: the backward pass of a dense layer as a vjp: y =
 * tanh(W x + b) with a 2-D array parameter W[][NIN] (its adjoint double
 * (*d_W)[NIN]); J^T seed is the layer's backpropagation into W, b and x. */
#include <math.h>

#define NIN 4
#define NOUT 3

void dense_tanh(double W[][NIN], const double *b, const double *x, double *y) {
  for (int i = 0; i < NOUT; i++) {
    double z = b[i];
    for (int j = 0; j < NIN; j++)
      z += W[i][j] * x[j];
    y[i] = tanh(z);
  }
}

#ifdef COTAN_TEST
#include "check.h"
void dense_tanh_vjp(double W[][NIN], double (*d_W)[NIN], const double *b, double *d_b, const double *x, double *d_x, double *y, double *d_y);

static double W[NOUT][NIN], d_W[NOUT][NIN], b[NOUT], d_b[NOUT], x[NIN], d_x[NIN];
static double y[NOUT], d_y[NOUT], seed[NOUT];
static double f(void) {
  dense_tanh(W, b, x, y);
  return check_dot(seed, y, NOUT);
}
static double g(void) {
  check_seed(d_y, seed, NOUT);
  check_poison(y, NOUT);
  dense_tanh_vjp(W, d_W, b, d_b, x, d_x, y, d_y);
  CHECK_ZEROED(d_y, NOUT);
  return check_dot(seed, y, NOUT);
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(&W[0][0], NOUT * NIN, -0.8, 0.8);
    check_fill(b, NOUT, -0.3, 0.3);
    check_fill(x, NIN, -1, 1);
    check_fill(seed, NOUT, -1, 1);
    check_begin("vjp_dense_tanh", f, g);
    CHECK_ARG(&W[0][0], &d_W[0][0], NOUT * NIN);
    CHECK_ARG(b, d_b, NOUT);
    CHECK_ARG(x, d_x, NIN);
    check_run();
  }
  return check_done();
}
#endif
