/* cotan: grad lib/nn.c lib/nn_loss.c -f batch_loss --wrt net */
/* multi_nn.c: a three-file program: a classifier whose nested parameter
 * struct and layer functions are declared in lib/nn.h and defined in
 * lib/nn.c and lib/nn_loss.c; batch_loss (here) calls them on a batch and
 * adds weight decay. */
#include "lib/nn.h"

double batch_loss(const struct classifier *net, const double *X, const int *labels, int n,
                  double decay) {
  double total = 0.0;
  for (int s = 0; s < n; s++) {
    double h[NN_HID], z[NN_OUT];
    dense_in_forward(&net->l1, &X[s * NN_IN], h);
    dense_out_forward(&net->l2, h, z);
    total += softmax_xent(z, NN_OUT, labels[s]);
  }
  return total / n + decay * l2_penalty(net);
}

#ifdef COTAN_TEST
#include "check.h"
double batch_loss_grad(const struct classifier *net, struct classifier *d_net, const double *X, const int *labels, int n, double decay);

#define N 6
static struct classifier net, d_net;
static double X[N * NN_IN];
static int labels[N];
static double f(void) { return batch_loss(&net, X, labels, N, 0.01); }
static double g(void) { return batch_loss_grad(&net, &d_net, X, labels, N, 0.01); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill((double *)&net, sizeof net / sizeof(double), -0.8, 0.8);
    check_fill(X, N * NN_IN, -1.5, 1.5);
    for (int s = 0; s < N; s++) labels[s] = X[s * NN_IN] + X[s * NN_IN + 1] > 0;
    check_begin("multi_nn", f, g);
    CHECK_STRUCT(net, d_net);
    check_run();
  }
  return check_done();
}
#endif
