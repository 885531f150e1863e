/* lib/nn_loss.c: the losses of lib/nn.h. */
#include <math.h>
#include "nn.h"

double softmax_xent(const double *z, int n, int label) {
  double m = z[0], s = 0.0;
  for (int k = 1; k < n; k++)
    m = fmax(m, z[k]);
  for (int k = 0; k < n; k++)
    s += exp(z[k] - m);
  return m + log(s) - z[label];
}

double l2_penalty(const struct classifier *net) {
  double s = 0.0;
  for (int i = 0; i < NN_HID; i++)
    for (int j = 0; j < NN_IN; j++)
      s += net->l1.W[i][j] * net->l1.W[i][j];
  for (int k = 0; k < NN_OUT; k++)
    for (int i = 0; i < NN_HID; i++)
      s += net->l2.W[k][i] * net->l2.W[k][i];
  return s;
}
