/* cotan: grad -f lstm_objective --wrt main_params,extra_params */
/* adbench_lstm.c: the ADBench diagonal LSTM loss: elementwise weights,
 * several layers, state carried between steps, a log-softmax-like
 * normalisation of the prediction.
 * The code of tests/roundtrip/adbench_lstm.c as it is (lstm_objective made
 * non-static, the random generator moved into the driver): the gradient
 * with respect to the main and extra parameters, as ADBench measures it. */
#include <math.h>
#include <stdio.h>

#define L 2 /* layers */
#define C 5 /* sequence length */
#define B 4 /* vector width */

/* main_params layout: per layer, 4 weight rows then 4 bias rows, each b long */
#define WEIGHT(params, layer, g, b) (&(params)[((layer) * 8 + (g)) * (b)])
#define BIAS(params, layer, g, b) (&(params)[((layer) * 8 + 4 + (g)) * (b)])

static inline double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

static double logsumexp2(int n, const double *restrict v) {
  double s = 0.;
  for (int i = 0; i < n; i++) s += exp(v[i]);
  return log(s + 2);
}

/* one LSTM layer on one step: updates hidden and cell in place */
static void lstm_model(int b, const double *restrict weight, const double *restrict bias,
                       double *restrict hidden, double *restrict cell,
                       const double *restrict input) {
  double gates[4][b];
  const double *const W[4] = {weight, weight + b, weight + 2 * b, weight + 3 * b};
  for (int i = 0; i < b; i++) {
    gates[0][i] = sigmoid(input[i] * W[0][i] + bias[i]);
    gates[1][i] = sigmoid(hidden[i] * W[1][i] + bias[b + i]);
    gates[2][i] = sigmoid(input[i] * W[2][i] + bias[2 * b + i]);
    gates[3][i] = tanh(hidden[i] * W[3][i] + bias[3 * b + i]);
  }
  for (int i = 0; i < b; i++) {
    cell[i] = cell[i] * gates[0][i] + gates[1][i] * gates[3][i];
    hidden[i] = gates[2][i] * tanh(cell[i]);
  }
}

static void lstm_predict(int l, int b, const double *restrict w, const double *restrict w2,
                         double (*restrict s)[2][b], const double *restrict x2,
                         double *restrict x2out) {
  for (int i = 0; i < b; i++) x2out[i] = x2[i] * w2[i];
  const double *xp = x2out;
  for (int i = 0; i < l; i++) {
    lstm_model(b, WEIGHT(w, i, 0, b), BIAS(w, i, 0, b), s[i][0], s[i][1], xp);
    xp = s[i][0];
  }
  for (int i = 0; i < b; i++) x2out[i] = xp[i] * w2[b + i] + w2[2 * b + i];
}

double lstm_objective(int l, int c, int b, const double *restrict main_params,
                      const double *restrict extra_params, const double *restrict state0,
                      const double *restrict sequence) {
  double state[l][2][b], ypred[b], ynorm[b];
  for (int i = 0; i < l; i++)
    for (int j = 0; j < 2; j++)
      for (int k = 0; k < b; k++) state[i][j][k] = state0[(i * 2 + j) * b + k];
  double total = 0.0;
  int count = 0;
  const double *input = &sequence[0], *ygold = &sequence[b];
  for (int t = 0; t < c - 1; ++t, input += b, ygold += b) {
    lstm_predict(l, b, main_params, extra_params, state, input, ypred);
    double lse = logsumexp2(b, ypred);
    for (int i = 0; i < b; i++) ynorm[i] = ypred[i] - lse;
    for (int i = 0; i < b; i++) total += ygold[i] * ynorm[i];
    count += b;
  }
  return -total / count;
}

#ifdef COTAN_TEST
#include "check.h"
double lstm_objective_grad(int l, int c, int b, const double *restrict main_params, double *d_main_params, const double *restrict extra_params, double *d_extra_params, const double *restrict state0, const double *restrict sequence);

/* The data generator of the roundtrip version's main() (tests/roundtrip/
 * adbench_lstm.c), moved here from the top of the file: only the driver
 * uses it, and an unused static function breaks the -Werror build. */
static unsigned long rng = 7ul;
static double next_uniform(void) {
  rng = (rng * 1664525ul + 1013904223ul) & 0xffffffffUL;
  return (double)rng / 4294967296.0;
}

static int nl; /* layers used at this point: L, or 1 as the roundtrip main() also runs */
static double main_params[8 * L * B], extra_params[3 * B], state[2 * L * B], sequence[C * B];
static double d_main_params[8 * L * B], d_extra_params[3 * B];
static double f(void) {
  return lstm_objective(nl, C, B, main_params, extra_params, state, sequence);
}
static double g(void) {
  return lstm_objective_grad(nl, C, B, main_params, d_main_params, extra_params, d_extra_params,
                             state, sequence);
}

int main(void) {
  static const int layers[4] = {L, 1, L, L};
  for (int pt = 0; pt < 4; pt++) {
    nl = layers[pt];
    for (size_t i = 0; i < sizeof main_params / sizeof main_params[0]; i++)
      main_params[i] = next_uniform() * 2 - 1;
    for (size_t i = 0; i < sizeof extra_params / sizeof *extra_params; i++)
      extra_params[i] = next_uniform();
    for (int i = 0; i < 2 * L * B; i++) state[i] = next_uniform() - .5;
    /* one-hot rows as in the roundtrip main(), then soft rows at the last point */
    for (int t = 0; t < C; t++)
      for (int i = 0; i < B; i++)
        sequence[t * B + i] = pt < 3 ? ((i == t % B) ? 1.0 : 0.0) : next_uniform();
    check_begin("adbench_lstm", f, g);
    CHECK_ARG(main_params, d_main_params, 8 * L * B);
    CHECK_ARG(extra_params, d_extra_params, 3 * B);
    check_run();
  }
  return check_done();
}
#endif
