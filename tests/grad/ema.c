/* cotan: grad -f ema */
/* ema.c: an exponential moving average over a series (one state variable
 * overwritten each step), the squared tracking error summed. */
double ema(const double *x, int n, double alpha) {
  double m = x[0], err = 0.0;
  for (int i = 1; i < n; i++) {
    m = alpha * x[i] + (1.0 - alpha) * m;
    double e = x[i] - m;
    err += e * e;
  }
  return err + m;
}

#ifdef COTAN_TEST
#include "check.h"
double ema_grad(const double *x, double *d_x, int n, double alpha, double *d_alpha);

static double x[10], d_x[10], alpha, d_alpha;
static double f(void) { return ema(x, 10, alpha); }
static double g(void) { return ema_grad(x, d_x, 10, alpha, &d_alpha); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 10, -1, 1);
    alpha = check_rand(0.1, 0.9);
    check_begin("ema", f, g);
    CHECK_ARG(x, d_x, 10);
    CHECK_SCALAR(alpha, d_alpha);
    check_run();
  }
  return check_done();
}
#endif
