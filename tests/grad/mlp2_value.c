/* cotan: grad -f mlp_predict */
/* mlp2_value.c: a residual two-layer perceptron passed BY VALUE (Mlp net gives
 * Mlp *d_net), typedef'd structs that nest a typedef'd layer twice, and a
 * softplus read-out; also differentiated in the input x (default --wrt). */
#include <math.h>

#define WIDTH 3

typedef struct {
  double W[WIDTH][WIDTH];
  double b[WIDTH];
} Layer;

typedef struct {
  Layer l1, l2;
  double v[WIDTH]; /* read-out weights */
  double c;    /* read-out bias */
} Mlp;

static double softplus(double z) { return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z)); }

static void dense_tanh(const Layer *l, const double *in, double *out) {
  for (int i = 0; i < WIDTH; i++) {
    double z = l->b[i];
    for (int j = 0; j < WIDTH; j++)
      z += l->W[i][j] * in[j];
    out[i] = tanh(z);
  }
}

double mlp_predict(Mlp net, const double x[WIDTH]) {
  double h1[WIDTH], h2[WIDTH];
  dense_tanh(&net.l1, x, h1);
  dense_tanh(&net.l2, h1, h2);
  double z = net.c;
  for (int i = 0; i < WIDTH; i++)
    z += net.v[i] * (h2[i] + h1[i]); /* skip connection */
  return softplus(z);
}

#ifdef COTAN_TEST
#include "check.h"
double mlp_predict_grad(Mlp net, Mlp *d_net, const double x[WIDTH], double *d_x);

static Mlp net, d_net;
static double x[WIDTH], d_x[WIDTH];
static double f(void) { return mlp_predict(net, x); }
static double g(void) { return mlp_predict_grad(net, &d_net, x, d_x); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill((double *)&net, sizeof net / sizeof(double), -0.9, 0.9);
    check_fill(x, WIDTH, -1.5, 1.5);
    check_begin("mlp2_value", f, g);
    CHECK_STRUCT(net, d_net);
    CHECK_ARG(x, d_x, WIDTH);
    check_run();
  }
  return check_done();
}
#endif
