/* cotan: grad -f lstm_inplace --wrt w,w2,state0 */
/* lstm_inplace.c: the structure of ADBench's LSTM: predict() runs a model
 * step per layer that updates that layer's hidden and cell state, passed
 * by pointer, in place; the next layer reads the hidden state through a
 * pointer that walks the layers (xp = s[i][0]).  (ADBench starts xp at
 * x2out, which it overwrites at the end: cotan does not yet see that xp
 * aliases x2out, so this case starts it at a local copy.) */
#include <math.h>

static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

static void model(int b, const double *weight, const double *bias, double *hidden,
                  double *cell, const double *input) {
  double gates[4][4];
  for (int i = 0; i < b; i++) {
    gates[0][i] = sigmoid(input[i] * weight[i] + bias[i]);
    gates[1][i] = sigmoid(hidden[i] * weight[b + i] + bias[b + i]);
    gates[2][i] = sigmoid(input[i] * weight[2 * b + i] + bias[2 * b + i]);
    gates[3][i] = tanh(hidden[i] * weight[3 * b + i] + bias[3 * b + i]);
  }
  for (int i = 0; i < b; i++) {
    cell[i] = cell[i] * gates[0][i] + gates[1][i] * gates[3][i];
    hidden[i] = gates[2][i] * tanh(cell[i]);
  }
}

static void predict(int l, int b, const double *w, const double *w2, double (*s)[2][4],
                    const double *x2, double *x2out) {
  double xin[4];
  for (int i = 0; i < b; i++)
    xin[i] = x2[i] * w2[i];
  const double *xp = xin;
  for (int i = 0; i < l; i++) {
    model(b, &w[8 * b * i], &w[8 * b * i + 4 * b], s[i][0], s[i][1], xp);
    xp = s[i][0];
  }
  for (int i = 0; i < b; i++)
    x2out[i] = xp[i] * w2[b + i] + w2[2 * b + i];
}

double lstm_inplace(int l, int c, const double *w, const double *w2, const double *state0,
                    const double *seq) {
  double state[2][2][4], ypred[4];
  for (int i = 0; i < l; i++)
    for (int j = 0; j < 2; j++)
      for (int k = 0; k < 4; k++)
        state[i][j][k] = state0[(i * 2 + j) * 4 + k];
  double total = 0.0;
  for (int t = 0; t < c - 1; t++) {
    predict(l, 4, w, w2, state, &seq[4 * t], ypred);
    double s = 0.0;
    for (int i = 0; i < 4; i++)
      s += exp(ypred[i]);
    double lse = log(s + 2.0);
    for (int i = 0; i < 4; i++)
      total += seq[4 * (t + 1) + i] * (ypred[i] - lse);
  }
  return -total / (4.0 * (c - 1));
}

#ifdef COTAN_TEST
#include "check.h"
double lstm_inplace_grad(int l, int c, const double *w, double *d_w, const double *w2,
                         double *d_w2, const double *state0, double *d_state0,
                         const double *seq);

static double w[64], d_w[64], w2[12], d_w2[12], state0[16], d_state0[16], seq[20];
static double f(void) { return lstm_inplace(2, 5, w, w2, state0, seq); }
static double g(void) { return lstm_inplace_grad(2, 5, w, d_w, w2, d_w2, state0, d_state0, seq); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(w, 64, -1, 1);
    check_fill(w2, 12, 0, 1);
    check_fill(state0, 16, -0.5, 0.5);
    check_fill(seq, 20, 0, 1);
    check_begin("lstm_inplace", f, g);
    CHECK_ARG(w, d_w, 64);
    CHECK_ARG(w2, d_w2, 12);
    CHECK_ARG(state0, d_state0, 16);
    check_run();
  }
  return check_done();
}
#endif
