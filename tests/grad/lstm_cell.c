/* cotan: grad -f lstm_cell --wrt W,U,bias */
/* lstm_cell.c: an LSTM cell run over a short sequence (input, forget and
 * output gates, a tanh candidate), loss = squared distance of the last
 * hidden state to a target. */
#include <math.h>

#define H 3 /* hidden size */
#define X 2 /* input size */

static double sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

double lstm_cell(const double *W, const double *U, const double *bias, const double *xs,
                 int T, const double *target) {
  double h[H] = {0}, c[H] = {0};
  for (int t = 0; t < T; t++) {
    double gate[4][H];
    for (int q = 0; q < 4; q++)
      for (int i = 0; i < H; i++) {
        double a = bias[q * H + i];
        for (int j = 0; j < X; j++)
          a += W[(q * H + i) * X + j] * xs[t * X + j];
        for (int j = 0; j < H; j++)
          a += U[(q * H + i) * H + j] * h[j];
        gate[q][i] = q == 3 ? tanh(a) : sigmoid(a);
      }
    for (int i = 0; i < H; i++) {
      c[i] = gate[1][i] * c[i] + gate[0][i] * gate[3][i];
      h[i] = gate[2][i] * tanh(c[i]);
    }
  }
  double loss = 0.0;
  for (int i = 0; i < H; i++)
    loss += (h[i] - target[i]) * (h[i] - target[i]);
  return loss;
}

#ifdef COTAN_TEST
#include "check.h"
double lstm_cell_grad(const double *W, double *d_W, const double *U, double *d_U, const double *bias, double *d_bias, const double *xs, int T, const double *target);

static double W[24], U[36], bias[12], xs[8], target[3];
static double d_W[24], d_U[36], d_bias[12];
static double f(void) { return lstm_cell(W, U, bias, xs, 4, target); }
static double g(void) { return lstm_cell_grad(W, d_W, U, d_U, bias, d_bias, xs, 4, target); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(W, 24, -1, 1);
    check_fill(U, 36, -1, 1);
    check_fill(bias, 12, -0.5, 0.5);
    check_fill(xs, 8, -1, 1);
    check_fill(target, 3, -0.5, 0.5);
    check_begin("lstm_cell", f, g);
    CHECK_ARG(W, d_W, 24);
    CHECK_ARG(U, d_U, 36);
    CHECK_ARG(bias, d_bias, 12);
    check_run();
  }
  return check_done();
}
#endif
