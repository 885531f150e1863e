/* lib/nn.h: layers for multi_nn.c (a three-file program: lib/nn.c and
 * lib/nn_loss.c). */
#ifndef NN_H
#define NN_H

#define NN_IN 3
#define NN_HID 5
#define NN_OUT 2

struct dense_in {
  double W[NN_HID][NN_IN];
  double b[NN_HID];
};

struct dense_out {
  double W[NN_OUT][NN_HID];
  double b[NN_OUT];
};

struct classifier {
  struct dense_in l1;
  struct dense_out l2;
};

/* lib/nn.c */
void dense_in_forward(const struct dense_in *L, const double *x, double *h);
void dense_out_forward(const struct dense_out *L, const double *h, double *z);
double swish(double z);

/* lib/nn_loss.c */
double softmax_xent(const double *z, int n, int label);
double l2_penalty(const struct classifier *net);

#endif
