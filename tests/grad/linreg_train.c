/* cotan: grad -f loss --wrt p */
/* linreg_train.c: the training loop of JAX's first example in C (also
 * demo/examples/linreg_train.c): linear regression whose parameters are a
 * struct passed by value (struct params p gives struct params *d_p).  The
 * driver checks loss_grad against finite differences, then trains by plain
 * gradient descent with it and fails unless the loss falls below the
 * threshold within MAX_STEPS and the fit recovers the data's line. */

struct params {
  double w, b;
};

double loss(struct params p, const double *x, const double *y, int n) {
  double total = 0.0;
  for (int i = 0; i < n; i++) {
    double pred = p.w * x[i] + p.b;
    double err = pred - y[i];
    total += err * err;
  }
  return total / n;
}

#ifdef COTAN_TEST
#include "check.h"
double loss_grad(struct params p, struct params *d_p, const double *x, const double *y, int n);

#define N 32
#define MAX_STEPS 500
#define LEARNING_RATE 0.3
#define THRESHOLD 0.005 /* the best fit leaves 0.00475: the noise */

static struct params p, d_p;
static double x[N], y[N];
static double f(void) { return loss(p, x, y, N); }
static double g(void) { return loss_grad(p, &d_p, x, y, N); }

/* The gradient the training loop uses: loss_grad, or in the self-test
 * (where loss_grad does not exist) central differences. */
static double value_and_grad(struct params at, struct params *grad) {
#ifndef COTAN_SELFTEST
  *grad = (struct params){0.0, 0.0};
  return loss_grad(at, grad, x, y, N);
#else
  double h = 1e-6;
  struct params a = at, b = at;
  a.w += h, b.w -= h;
  grad->w = (loss(a, x, y, N) - loss(b, x, y, N)) / (2 * h);
  a = b = at;
  a.b += h, b.b -= h;
  grad->b = (loss(a, x, y, N) - loss(b, x, y, N)) / (2 * h);
  return loss(at, x, y, N);
#endif
}

int main(void) {
  for (int i = 0; i < N; i++) {
    x[i] = -1.0 + 2.0 * i / (N - 1);
    y[i] = 3.0 * x[i] - 2.0 + 0.1 * sin(7.0 * i);
  }
  for (int k = 0; k < 3; k++) {
    p.w = check_rand(-4, 4);
    p.b = check_rand(-4, 4);
    check_begin("linreg_train", f, g);
    CHECK_STRUCT(p, d_p);
    check_run();
  }

  struct params at = {0.0, 0.0};
  int step = 0;
  double value = 0.0;
  for (; step <= MAX_STEPS; step++) {
    struct params grad;
    value = value_and_grad(at, &grad);
    if (!(fabs(value - loss(at, x, y, N)) <= 1e-12 * fmax(1, value))) {
      printf("FAIL linreg_train: step %d: loss_grad returned %.17g, loss %.17g\n", step, value,
             loss(at, x, y, N));
      return 1;
    }
    if (step % 10 == 0) printf("step %3d  loss %.6f  w %8.5f  b %8.5f\n", step, value, at.w, at.b);
    if (value < THRESHOLD) break;
    at.w -= LEARNING_RATE * grad.w;
    at.b -= LEARNING_RATE * grad.b;
  }
  if (!(value < THRESHOLD) || fabs(at.w - 3.0) > 0.1 || fabs(at.b + 2.0) > 0.1) {
    printf("FAIL linreg_train: no convergence in %d steps: loss %.6f, w %.5f, b %.5f\n", MAX_STEPS,
           value, at.w, at.b);
    return 1;
  }
  printf("trained in %d steps: loss %.6f < %g, w %.5f, b %.5f\n", step, value, THRESHOLD, at.w,
         at.b);
  return check_done();
}
#endif
