/* cotan: vjp -f smooth_inplace --wrt x,alpha --out x */
/* vjp_inplace_iir.c: an in-place recursive filter, a forward then a
 * backward exponential smoothing pass (zero phase): each x[i] is rewritten
 * from the already rewritten neighbour, so the output aliases the input and
 * every element depends on all the others. */

void smooth_inplace(double *x, int n, double alpha) {
  for (int i = 1; i < n; i++)
    x[i] = alpha * x[i - 1] + (1 - alpha) * x[i];
  for (int i = n - 2; i >= 0; i--)
    x[i] = alpha * x[i + 1] + (1 - alpha) * x[i];
}

#ifdef COTAN_TEST
#include "check.h"
void smooth_inplace_vjp(double *x, double *d_x, int n, double alpha, double *d_alpha);

#define N 7
static double x[N], d_x[N], alpha, d_alpha, work[N], seed[N];
static double f(void) {
  memcpy(work, x, sizeof x);
  smooth_inplace(work, N, alpha);
  return check_dot(seed, work, N);
}
static double g(void) {
  memcpy(work, x, sizeof x);
  check_seed(d_x, seed, N);
  smooth_inplace_vjp(work, d_x, N, alpha, &d_alpha);
  return f();
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(x, N, -1, 1);
    alpha = check_rand(0.2, 0.8);
    check_fill(seed, N, -1, 1);
    check_begin("vjp_inplace_iir", f, g);
    check_no_twice();
    CHECK_ARG(x, d_x, N);
    CHECK_SCALAR(alpha, d_alpha);
    check_run();
  }
  return check_done();
}
#endif
