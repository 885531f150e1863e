/* cotan: grad -f maxpool */
/* maxpool.c: max pooling over windows (the argmax chosen by comparisons),
 * followed by a weighted sum. */
double maxpool(const double *x, int n, int win, const double *w) {
  double s = 0.0;
  for (int i = 0; i + win <= n; i += win) {
    double m = x[i];
    for (int k = 1; k < win; k++)
      if (x[i + k] > m) m = x[i + k];
    s += w[i / win] * m * m;
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double maxpool_grad(const double *x, double *d_x, int n, int win, const double *w, double *d_w);

static double x[12], w[4], d_x[12], d_w[4];
static double f(void) { return maxpool(x, 12, 3, w); }
static double g(void) { return maxpool_grad(x, d_x, 12, 3, w, d_w); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < 12; i++) x[i] = ((i * 7 + p) % 12) * 0.25 + check_rand(-0.05, 0.05); /* distinct */
    check_fill(w, 4, -1, 1);
    check_begin("maxpool", f, g);
    CHECK_ARG(x, d_x, 12);
    CHECK_ARG(w, d_w, 4);
    check_run();
  }
  return check_done();
}
#endif
