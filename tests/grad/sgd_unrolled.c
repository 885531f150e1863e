/* cotan: grad -f sgd_unrolled */
/* sgd_unrolled.c: a few steps of gradient descent on a least-squares fit,
 * unrolled (the weights overwritten each step), differentiated with respect
 * to the learning rate and the data: a meta-gradient. */
double sgd_unrolled(double lr, const double *x, const double *y, int n, int steps) {
  double w = 0.0, b = 0.0;
  for (int s = 0; s < steps; s++) {
    double gw = 0.0, gb = 0.0;
    for (int i = 0; i < n; i++) {
      double e = w * x[i] + b - y[i];
      gw += e * x[i];
      gb += e;
    }
    w -= lr * gw / n;
    b -= lr * gb / n;
  }
  double loss = 0.0;
  for (int i = 0; i < n; i++) {
    double e = w * x[i] + b - y[i];
    loss += e * e;
  }
  return loss / n;
}

#ifdef COTAN_TEST
#include "check.h"
double sgd_unrolled_grad(double lr, double *d_lr, const double *x, double *d_x, const double *y, double *d_y, int n, int steps);

static double lr, d_lr, x[5], y[5], d_x[5], d_y[5];
static double f(void) { return sgd_unrolled(lr, x, y, 5, 8); }
static double g(void) { return sgd_unrolled_grad(lr, &d_lr, x, d_x, y, d_y, 5, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    lr = check_rand(0.1, 0.5);
    check_fill(x, 5, -1, 1);
    check_fill(y, 5, -1, 1);
    check_begin("sgd_unrolled", f, g);
    CHECK_SCALAR(lr, d_lr);
    CHECK_ARG(x, d_x, 5);
    CHECK_ARG(y, d_y, 5);
    check_run();
  }
  return check_done();
}
#endif
