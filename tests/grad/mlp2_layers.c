/* cotan: grad -f mlp_loss --wrt net */
/* mlp2_layers.c: a two-layer perceptron whose parameters are nested structs
 * (struct layer { W[H][D]; b[H]; } and the output layer inside struct mlp),
 * fit to a small batch by mean squared error: the gradient is a struct mlp
 * of the same shape (const struct mlp *net gives struct mlp *d_net). */
#include <math.h>

#define D 3 /* inputs */
#define H 4 /* hidden units */
#define O 2 /* outputs */

struct layer {
  double W[H][D];
  double b[H];
};

struct out_layer {
  double W[O][H];
  double b[O];
};

struct mlp {
  struct layer hidden;
  struct out_layer out;
};

static void forward(const struct mlp *net, const double *x, double *y) {
  double h[H];
  for (int i = 0; i < H; i++) {
    double z = net->hidden.b[i];
    for (int j = 0; j < D; j++)
      z += net->hidden.W[i][j] * x[j];
    h[i] = tanh(z);
  }
  for (int k = 0; k < O; k++) {
    double z = net->out.b[k];
    for (int i = 0; i < H; i++)
      z += net->out.W[k][i] * h[i];
    y[k] = z;
  }
}

/* X: n rows of D inputs, Y: n rows of O targets. */
double mlp_loss(const struct mlp *net, const double *X, const double *Y, int n) {
  double total = 0.0;
  for (int s = 0; s < n; s++) {
    double y[O];
    forward(net, &X[s * D], y);
    for (int k = 0; k < O; k++) {
      double e = y[k] - Y[s * O + k];
      total += e * e;
    }
  }
  return total / n;
}

#ifdef COTAN_TEST
#include "check.h"
double mlp_loss_grad(const struct mlp *net, struct mlp *d_net, const double *X, const double *Y, int n);

#define N 5
static struct mlp net, d_net;
static double X[N * D], Y[N * O];
static double f(void) { return mlp_loss(&net, X, Y, N); }
static double g(void) { return mlp_loss_grad(&net, &d_net, X, Y, N); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill((double *)&net, sizeof net / sizeof(double), -0.8, 0.8);
    check_fill(X, N * D, -1, 1);
    check_fill(Y, N * O, -1, 1);
    check_begin("mlp2_layers", f, g);
    CHECK_STRUCT(net, d_net);
    check_run();
  }
  return check_done();
}
#endif
