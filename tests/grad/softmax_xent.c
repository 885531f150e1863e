/* cotan: grad -f softmax_xent --wrt W,b */
/* softmax_xent.c: a linear classifier's softmax cross-entropy averaged over
 * a batch, differentiated with respect to its weights and biases. */
#include <math.h>

#define NC 4 /* classes */
#define NF 3 /* features */

double softmax_xent(const double *W, const double *b, const double *X, const int *label,
                    int batch) {
  double total = 0.0;
  for (int s = 0; s < batch; s++) {
    double z[NC], m = -INFINITY;
    for (int c = 0; c < NC; c++) {
      z[c] = b[c];
      for (int k = 0; k < NF; k++)
        z[c] += W[c * NF + k] * X[s * NF + k];
      m = fmax(m, z[c]);
    }
    double se = 0.0;
    for (int c = 0; c < NC; c++)
      se += exp(z[c] - m);
    total += log(se) + m - z[label[s]];
  }
  return total / batch;
}

#ifdef COTAN_TEST
#include "check.h"
double softmax_xent_grad(const double *W, double *d_W, const double *b, double *d_b, const double *X, const int *label, int batch);

static double W[12], b[4], X[15], d_W[12], d_b[4];
static int label[5] = {0, 3, 1, 2, 1};
static double f(void) { return softmax_xent(W, b, X, label, 5); }
static double g(void) { return softmax_xent_grad(W, d_W, b, d_b, X, label, 5); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(W, 12, -1, 1);
    check_fill(b, 4, -0.5, 0.5);
    check_fill(X, 15, -2, 2);
    check_begin("softmax_xent", f, g);
    CHECK_ARG(W, d_W, 12);
    CHECK_ARG(b, d_b, 4);
    check_run();
  }
  return check_done();
}
#endif
