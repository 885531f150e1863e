/* cotan: grad -f net_loss --wrt net */
/* ptr_layers_array.c: a network struct pointing to an array of layer
 * structs, each with pointer fields (struct net { int depth; struct dense
 * *layers; }): the shadow net points to an array of shadow layers whose W
 * and b point to zeroed adjoint buffers.  A residual tanh network of equal
 * widths, squared error against a target. */
#include <math.h>

#define WIDTH 3

struct dense {
  int rows, cols;
  double *W; /* rows x cols */
  double *b;
};

struct net {
  int depth;
  struct dense *layers;
};

double net_loss(const struct net *net, const double *x, const double *target) {
  double h[WIDTH], next[WIDTH];
  for (int i = 0; i < WIDTH; i++)
    h[i] = x[i];
  for (int l = 0; l < net->depth; l++) {
    const struct dense *L = &net->layers[l];
    for (int i = 0; i < L->rows; i++) {
      double z = L->b[i];
      for (int j = 0; j < L->cols; j++)
        z += L->W[i * L->cols + j] * h[j];
      next[i] = h[i] + tanh(z);
    }
    for (int i = 0; i < WIDTH; i++)
      h[i] = next[i];
  }
  double e = 0.0;
  for (int i = 0; i < WIDTH; i++)
    e += (h[i] - target[i]) * (h[i] - target[i]);
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double net_loss_grad(const struct net *net, struct net *d_net, const double *x, const double *target);

#define DEPTH 3
static double W[DEPTH][WIDTH * WIDTH], b[DEPTH][WIDTH];
static double d_W[DEPTH][WIDTH * WIDTH], d_b[DEPTH][WIDTH];
static struct dense layers[DEPTH], d_layers[DEPTH];
static struct net net = {DEPTH, layers}, d_net = {DEPTH, d_layers};
static double x[WIDTH], target[WIDTH];
static double f(void) { return net_loss(&net, x, target); }
static double g(void) { return net_loss_grad(&net, &d_net, x, target); }

int main(void) {
  for (int l = 0; l < DEPTH; l++) {
    layers[l] = (struct dense){WIDTH, WIDTH, W[l], b[l]};
    d_layers[l] = (struct dense){WIDTH, WIDTH, d_W[l], d_b[l]};
  }
  for (int p = 0; p < 3; p++) {
    check_fill(&W[0][0], DEPTH * WIDTH * WIDTH, -0.8, 0.8);
    check_fill(&b[0][0], DEPTH * WIDTH, -0.3, 0.3);
    check_fill(x, WIDTH, -1, 1);
    check_fill(target, WIDTH, -1, 1);
    check_begin("ptr_layers_array", f, g);
    for (int l = 0; l < DEPTH; l++) {
      CHECK_ARG(W[l], d_W[l], WIDTH * WIDTH);
      CHECK_ARG(b[l], d_b[l], WIDTH);
    }
    check_run();
  }
  return check_done();
}
#endif
