/* cotan: vjp -f gelu_inplace --wrt x,a --out x */
/* vjp_inplace_gelu.c: an output that aliases an input, the activation
 * applied in place (x[i] = g(x[i])), --wrt x --out x: d_x holds the seed
 * of the result on entry and the adjoint of the input on exit. */
#include <math.h>

void gelu_inplace(double *x, int n, double a) {
  for (int i = 0; i < n; i++) {
    double u = x[i];
    x[i] = 0.5 * u * (1.0 + tanh(a * (u + 0.044715 * u * u * u)));
  }
}

#ifdef COTAN_TEST
#include "check.h"
void gelu_inplace_vjp(double *x, double *d_x, int n, double a, double *d_a);

#define N 6
static double x[N], d_x[N], a, d_a, work[N], seed[N];
static double f(void) {
  memcpy(work, x, sizeof x);
  gelu_inplace(work, N, a);
  return check_dot(seed, work, N);
}
static double g(void) { /* on a copy: x after the vjp is unspecified */
  memcpy(work, x, sizeof x);
  check_seed(d_x, seed, N);
  gelu_inplace_vjp(work, d_x, N, a, &d_a);
  return f();
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(x, N, -2, 2);
    a = check_rand(0.6, 1);
    check_fill(seed, N, -1, 1);
    check_begin("vjp_inplace_gelu", f, g);
    check_no_twice();
    CHECK_ARG(x, d_x, N);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
