/* cotan: grad -f mixed_int */
/* mixed_int.c: integer computations (indices, weights, parity, an int
 * converted to double) mixed into a floating computation; they stay inactive. */
double mixed_int(const double *x, int n) {
  int m = n / 2;
  double s = 0.0;
  double r = n;
  for (int i = 0; i < n; i++) {
    int w = (i * 3 + 1) % 5;
    unsigned bits = (unsigned)i << 2;
    s += w * x[i] + (i % 2 ? x[i] : -x[i]) / (m + 1);
    s += (double)(bits | 1u) * x[(i + m) % n] / r;
  }
  long cnt = 0;
  for (int i = 0; i < n; i++)
    if (x[i] > 0) cnt++;
  return s * (1.0 + cnt) / r;
}

#ifdef COTAN_TEST
#include "check.h"
double mixed_int_grad(const double *x, double *d_x, int n);

static double x[7], d_x[7];
static double f(void) { return mixed_int(x, 7); }
static double g(void) { return mixed_int_grad(x, d_x, 7); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 7, 0.1, 1);
    for (int i = 0; i < 7; i += 3) x[i] = -x[i];
    check_begin("mixed_int", f, g);
    CHECK_ARG(x, d_x, 7);
    check_run();
  }
  return check_done();
}
#endif
