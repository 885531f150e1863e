/* cotan: grad -f mlp_loss --wrt W1,b1,W2,b2 */
/* bench/grad/mlp.c: a small MLP loss, 32 inputs, 64 tanh hidden units, one
 * output, squared error over a batch of 256. */
#include <math.h>

#define IN 32
#define HID 64

double mlp_loss(const double *W1, const double *b1, const double *W2, double b2,
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

#ifdef COTAN_BENCH
#include "bench.h"
double mlp_loss_grad(const double *W1, double *d_W1, const double *b1, double *d_b1, const double *W2, double *d_W2, double b2, double *d_b2, const double *X, const double *Y, int batch);

#define B 256
static double W1[HID * IN], b1[HID], W2[HID], b2 = 0.1, X[B * IN], Y[B];
static double d_W1[HID * IN], d_b1[HID], d_W2[HID], d_b2;
static double (*volatile pf)(const double *, const double *, const double *, double, const double *, const double *, int) = mlp_loss;
static double (*volatile pg)(const double *, double *, const double *, double *, const double *, double *, double, double *, const double *, const double *, int) = mlp_loss_grad;
static double primal(void) { return pf(W1, b1, W2, b2, X, Y, B); }
static double gradient(void) {
  memset(d_W1, 0, sizeof d_W1); memset(d_b1, 0, sizeof d_b1); memset(d_W2, 0, sizeof d_W2);
  d_b2 = 0;
  return pg(W1, d_W1, b1, d_b1, W2, d_W2, b2, &d_b2, X, Y, B);
}

int main(void) {
  unsigned long long r = 12345;
#define RND() ((r = r * 6364136223846793005ull + 1442695040888963407ull) >> 11) * 0x1.0p-53
  for (int i = 0; i < HID * IN; i++) W1[i] = (RND() - 0.5) * 0.3;
  for (int i = 0; i < HID; i++) { b1[i] = (RND() - 0.5) * 0.1; W2[i] = RND() - 0.5; }
  for (int i = 0; i < B * IN; i++) X[i] = RND() * 2 - 1;
  for (int i = 0; i < B; i++) Y[i] = RND() - 0.5;
  bench_report("mlp 32-64-1 tanh, batch 256", primal, gradient);
  return 0;
}
#endif
