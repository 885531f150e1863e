/* lib/nn.c: the layers of lib/nn.h. */
#include <math.h>
#include "nn.h"

double swish(double z) { return z / (1.0 + exp(-z)); }

void dense_in_forward(const struct dense_in *L, const double *x, double *h) {
  for (int i = 0; i < NN_HID; i++) {
    double z = L->b[i];
    for (int j = 0; j < NN_IN; j++)
      z += L->W[i][j] * x[j];
    h[i] = swish(z);
  }
}

void dense_out_forward(const struct dense_out *L, const double *h, double *z) {
  for (int k = 0; k < NN_OUT; k++) {
    z[k] = L->b[k];
    for (int i = 0; i < NN_HID; i++)
      z[k] += L->W[k][i] * h[i];
  }
}
