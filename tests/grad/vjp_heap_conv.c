/* cotan: vjp -f conv_softplus --wrt x,kern --out y */
/* vjp_heap_conv.c: a vjp through heap temporaries: a 1-D convolution with
 * "same" zero padding builds the padded signal in a calloc'd buffer
 * (memcpy of the active input into its middle), then a softplus; the
 * gradient code must free its own memory too (LeakSanitizer). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

void conv_softplus(const double *x, int n, const double *kern, int m, double *y) {
  int half = m / 2;
  double *padded = calloc(n + 2 * half, sizeof *padded);
  memcpy(padded + half, x, n * sizeof *x);
  for (int i = 0; i < n; i++) {
    double z = 0.0;
    for (int j = 0; j < m; j++)
      z += kern[j] * padded[i + j];
    y[i] = log1p(exp(z));
  }
  free(padded);
}

#ifdef COTAN_TEST
#include "check.h"
void conv_softplus_vjp(const double *x, double *d_x, int n, const double *kern, double *d_kern, int m, double *y, double *d_y);

#define N 7
#define M 3
static double x[N], d_x[N], kern[M], d_kern[M], y[N], d_y[N], seed[N];
static double f(void) {
  conv_softplus(x, N, kern, M, y);
  return check_dot(seed, y, N);
}
static double g(void) {
  check_seed(d_y, seed, N);
  check_poison(y, N);
  conv_softplus_vjp(x, d_x, N, kern, d_kern, M, y, d_y);
  CHECK_ZEROED(d_y, N);
  return check_dot(seed, y, N);
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(x, N, -2, 2);
    check_fill(kern, M, -1, 1);
    check_fill(seed, N, -1, 1);
    check_begin("vjp_heap_conv", f, g);
    CHECK_ARG(x, d_x, N);
    CHECK_ARG(kern, d_kern, M);
    check_run();
  }
  return check_done();
}
#endif
