/* cotan: grad -f residual_flow */
/* matvec_iter.c: a callee writing its result into a local array that the
 * next iteration overwrites (y = W x, then x += tanh(y)): the reverse sweep
 * runs the callee's derivative on a copy of the array it drops afterwards,
 * so the callee's own product is left out of that derivative (checked
 * numerically here; the generated code must also compile warning-free
 * under clang -Wall, which flags a sum computed and never used). */
#include <math.h>

#define N 4

static void matvec(const double *W, const double *x, double *y, int n) {
  for (int i = 0; i < n; i++) {
    double s = 0.0;
    for (int j = 0; j < n; j++)
      s += W[i * n + j] * x[j];
    y[i] = s;
  }
}

double residual_flow(const double *W, const double *x0, int steps) {
  double x[N], y[N];
  for (int i = 0; i < N; i++)
    x[i] = x0[i];
  for (int r = 0; r < steps; r++) {
    matvec(W, x, y, N);
    for (int i = 0; i < N; i++)
      x[i] = x[i] + tanh(y[i]);
  }
  double s = 0.0;
  for (int i = 0; i < N; i++)
    s += x[i] * x[i];
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double residual_flow_grad(const double *W, double *d_W, const double *x0, double *d_x0, int steps);

static double W[N * N], d_W[N * N], x0[N], d_x0[N];
static double f(void) { return residual_flow(W, x0, 3); }
static double g(void) { return residual_flow_grad(W, d_W, x0, d_x0, 3); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N * N; i++)
      W[i] = check_rand(-0.6, 0.6);
    for (int i = 0; i < N; i++)
      x0[i] = check_rand(-1, 1);
    check_begin("matvec_iter", f, g);
    CHECK_ARG(W, d_W, N * N);
    CHECK_ARG(x0, d_x0, N);
    check_run();
  }
  return check_done();
}
#endif
