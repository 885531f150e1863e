/* cotan: grad -f rnn_tanh --wrt Wh,Wx */
/* rnn_tanh.c: a vanilla recurrent network h = tanh(Wh h + Wx x_t) over a
 * sequence; the state array is overwritten each step (through a temporary). */
#include <math.h>

#define RH 3

double rnn_tanh(const double *Wh, const double *Wx, const double *xs, int T) {
  double h[RH] = {0.0, 0.0, 0.0}, hn[RH];
  for (int t = 0; t < T; t++) {
    for (int i = 0; i < RH; i++) {
      double a = Wx[i] * xs[t];
      for (int j = 0; j < RH; j++) a += Wh[i * RH + j] * h[j];
      hn[i] = tanh(a);
    }
    for (int i = 0; i < RH; i++) h[i] = hn[i];
  }
  return h[0] + 2.0 * h[1] - h[2];
}

#ifdef COTAN_TEST
#include "check.h"
double rnn_tanh_grad(const double *Wh, double *d_Wh, const double *Wx, double *d_Wx, const double *xs, int T);

static double Wh[9], Wx[3], xs[6], d_Wh[9], d_Wx[3];
static double f(void) { return rnn_tanh(Wh, Wx, xs, 6); }
static double g(void) { return rnn_tanh_grad(Wh, d_Wh, Wx, d_Wx, xs, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(Wh, 9, -0.8, 0.8);
    check_fill(Wx, 3, -1, 1);
    check_fill(xs, 6, -1, 1);
    check_begin("rnn_tanh", f, g);
    CHECK_ARG(Wh, d_Wh, 9);
    CHECK_ARG(Wx, d_Wx, 3);
    check_run();
  }
  return check_done();
}
#endif
