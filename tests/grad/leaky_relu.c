/* cotan: grad -f leaky_relu --wrt W,x */
/* leaky_relu.c: a two-layer network with leaky ReLU written with ?: in a
 * loop, summed outputs. */
double leaky_relu(const double *W, const double *x, int n, double slope) {
  double out = 0.0;
  for (int i = 0; i < n; i++) {
    double a = 0.0;
    for (int j = 0; j < n; j++)
      a += W[i * n + j] * x[j];
    out += a > 0.0 ? a : slope * a;
  }
  return out * out;
}

#ifdef COTAN_TEST
#include "check.h"
double leaky_relu_grad(const double *W, double *d_W, const double *x, double *d_x, int n, double slope);

static double W[16], x[4], d_W[16], d_x[4];
static double f(void) { return leaky_relu(W, x, 4, 0.1); }
static double g(void) { return leaky_relu_grad(W, d_W, x, d_x, 4, 0.1); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(W, 16, -1, 1);
    check_fill(x, 4, -1, 1);
    for (int i = 0; i < 4; i++) { /* keep pre-activations away from 0 */
      double a = 0;
      for (int j = 0; j < 4; j++) a += W[i * 4 + j] * x[j];
      if (fabs(a) < 0.1) W[i * 4 + i] += (a >= 0 ? 0.3 : -0.3) / (x[i] != 0 ? x[i] : 1);
    }
    check_begin("leaky_relu", f, g);
    CHECK_ARG(W, d_W, 16);
    CHECK_ARG(x, d_x, 4);
    check_run();
  }
  return check_done();
}
#endif
