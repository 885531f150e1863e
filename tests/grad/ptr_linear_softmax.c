/* cotan: grad -f xent_loss --wrt m */
/* ptr_linear_softmax.c: a model struct with pointer fields (struct model
 * { int n_in, n_out; double *W; double *b; }), a linear layer and softmax
 * cross-entropy over a batch.  The gradient is a struct model whose W and b
 * point to the caller's zeroed adjoint buffers of the same shape (the
 * shadow convention); its int fields are copies, never read. */
#include <math.h>

struct model {
  int n_in, n_out;
  double *W; /* n_out x n_in, row-major */
  double *b; /* n_out */
};

double xent_loss(const struct model *m, const double *X, const int *labels, int n) {
  double total = 0.0;
  for (int s = 0; s < n; s++) {
    const double *x = &X[s * m->n_in];
    double z[8], zmax = -INFINITY, sum = 0.0;
    for (int k = 0; k < m->n_out; k++) {
      z[k] = m->b[k];
      for (int j = 0; j < m->n_in; j++)
        z[k] += m->W[k * m->n_in + j] * x[j];
      if (z[k] > zmax) zmax = z[k];
    }
    for (int k = 0; k < m->n_out; k++)
      sum += exp(z[k] - zmax);
    total += zmax + log(sum) - z[labels[s]];
  }
  return total / n;
}

#ifdef COTAN_TEST
#include "check.h"
double xent_loss_grad(const struct model *m, struct model *d_m, const double *X, const int *labels, int n);

#define NIN 3
#define NOUT 4
#define N 6
static double W[NOUT * NIN], b[NOUT], d_W[NOUT * NIN], d_b[NOUT], X[N * NIN];
static int labels[N];
static struct model m = {NIN, NOUT, W, b}, d_m = {NIN, NOUT, d_W, d_b};
static double f(void) { return xent_loss(&m, X, labels, N); }
static double g(void) { return xent_loss_grad(&m, &d_m, X, labels, N); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(W, NOUT * NIN, -1, 1);
    check_fill(b, NOUT, -0.5, 0.5);
    check_fill(X, N * NIN, -2, 2);
    for (int s = 0; s < N; s++) labels[s] = (s * 7 + p) % NOUT;
    check_begin("ptr_linear_softmax", f, g);
    CHECK_ARG(W, d_W, NOUT * NIN);
    CHECK_ARG(b, d_b, NOUT);
    check_run();
  }
  return check_done();
}
#endif
