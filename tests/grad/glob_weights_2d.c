/* cotan: grad -f rnn_loss --wrt Wh,Wx,bias */
/* glob_weights_2d.c: global 2-D arrays and a global vector as the
 * parameters of a small recurrent net, read only inside a callee (the
 * step function), never in F itself: d_Wh, d_Wx, d_bias are defined by the
 * generated file with the same types. */
#include <math.h>

#define HID 3
#define IN 2

double Wh[HID][HID];
double Wx[HID][IN];
double bias[HID];

static void rnn_step(double *h, const double *x) {
  double next[HID];
  for (int i = 0; i < HID; i++) {
    double z = bias[i];
    for (int j = 0; j < HID; j++)
      z += Wh[i][j] * h[j];
    for (int j = 0; j < IN; j++)
      z += Wx[i][j] * x[j];
    next[i] = tanh(z);
  }
  for (int i = 0; i < HID; i++)
    h[i] = next[i];
}

double rnn_loss(const double *xs, int T, const double *target) {
  double h[HID] = {0, 0, 0};
  for (int t = 0; t < T; t++)
    rnn_step(h, &xs[t * IN]);
  double e = 0.0;
  for (int i = 0; i < HID; i++)
    e += (h[i] - target[i]) * (h[i] - target[i]);
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double rnn_loss_grad(const double *xs, int T, const double *target);
extern double d_Wh[HID][HID], d_Wx[HID][IN], d_bias[HID];
#ifdef COTAN_SELFTEST
double d_Wh[HID][HID], d_Wx[HID][IN], d_bias[HID];
#endif

#define T 5
static double xs[T * IN], target[HID];
static double f(void) { return rnn_loss(xs, T, target); }
static double g(void) { return rnn_loss_grad(xs, T, target); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(&Wh[0][0], HID * HID, -0.7, 0.7);
    check_fill(&Wx[0][0], HID * IN, -1, 1);
    check_fill(bias, HID, -0.3, 0.3);
    check_fill(xs, T * IN, -1, 1);
    check_fill(target, HID, -0.8, 0.8);
    check_begin("glob_weights_2d", f, g);
    CHECK_ARG(&Wh[0][0], &d_Wh[0][0], HID * HID);
    CHECK_ARG(&Wx[0][0], &d_Wx[0][0], HID * IN);
    CHECK_ARG(bias, d_bias, HID);
    check_run();
  }
  return check_done();
}
#endif
