/* cotan: grad -f conv1d */
/* conv1d.c: a valid 1-D convolution into a caller's output buffer, then
 * a smooth penalty of the outputs; the output buffer is also a parameter. */
#include <math.h>

double conv1d(const double *sig, int n, const double *ker, int m, double *out) {
  for (int i = 0; i + m <= n; i++) {
    out[i] = 0.0;
    for (int k = 0; k < m; k++) out[i] += sig[i + k] * ker[k];
  }
  double s = 0.0;
  for (int i = 0; i + m <= n; i++) s += log(1.0 + out[i] * out[i]);
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double conv1d_grad(const double *sig, double *d_sig, int n, const double *ker, double *d_ker, int m, double *out, double *d_out);

static double sig[9], ker[3], out[7], d_sig[9], d_ker[3], d_out[7];
static double f(void) { return conv1d(sig, 9, ker, 3, out); }
static double g(void) { return conv1d_grad(sig, d_sig, 9, ker, d_ker, 3, out, d_out); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(sig, 9, -1, 1);
    check_fill(ker, 3, -1, 1);
    check_begin("conv1d", f, g);
    CHECK_ARG(sig, d_sig, 9);
    CHECK_ARG(ker, d_ker, 3);
    check_run();
  }
  return check_done();
}
#endif
