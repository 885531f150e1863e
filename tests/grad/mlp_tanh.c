/* cotan: grad -f mlp_tanh --wrt W1,b1,W2,b2 */
/* mlp_tanh.c: a small multilayer perceptron (4 inputs, 6 tanh hidden units,
 * one output), squared-error loss over a batch; gradient wrt the weights. */
#include <math.h>

#define IN 4
#define HID 6

double mlp_tanh(const double *W1, const double *b1, const double *W2, double b2,
                const double *X, const double *Y, int batch) {
  double loss = 0.0;
  for (int s = 0; s < batch; s++) {
    double h[HID];
    for (int j = 0; j < HID; j++) {
      double a = b1[j];
      for (int k = 0; k < IN; k++)
        a += W1[j * IN + k] * X[s * IN + k];
      h[j] = tanh(a);
    }
    double out = b2;
    for (int j = 0; j < HID; j++)
      out += W2[j] * h[j];
    double e = out - Y[s];
    loss += 0.5 * e * e;
  }
  return loss / batch;
}

#ifdef COTAN_TEST
#include "check.h"
double mlp_tanh_grad(const double *W1, double *d_W1, const double *b1, double *d_b1, const double *W2, double *d_W2, double b2, double *d_b2, const double *X, const double *Y, int batch);

static double W1[24], b1[6], W2[6], b2, X[20], Y[5];
static double d_W1[24], d_b1[6], d_W2[6], d_b2;
static double f(void) { return mlp_tanh(W1, b1, W2, b2, X, Y, 5); }
static double g(void) { return mlp_tanh_grad(W1, d_W1, b1, d_b1, W2, d_W2, b2, &d_b2, X, Y, 5); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(W1, 24, -0.8, 0.8);
    check_fill(b1, 6, -0.3, 0.3);
    check_fill(W2, 6, -1, 1);
    b2 = check_rand(-0.3, 0.3);
    check_fill(X, 20, -1, 1);
    check_fill(Y, 5, -1, 1);
    check_begin("mlp_tanh", f, g);
    CHECK_ARG(W1, d_W1, 24);
    CHECK_ARG(b1, d_b1, 6);
    CHECK_ARG(W2, d_W2, 6);
    CHECK_SCALAR(b2, d_b2);
    check_run();
  }
  return check_done();
}
#endif
