/* cotan: grad -f call_repeat */
/* call_repeat.c: one helper called several times (in a loop, with the same
 * active variable as both arguments, nested in its own argument), and a
 * helper reading an array through a pointer. */
#include <math.h>

static double gauss(double x, double mu) {
  double d = x - mu;
  return exp(-0.5 * d * d);
}

static double weighted(const double *v, int n, double s) {
  double acc = 0.0;
  for (int i = 0; i < n; i++) acc += v[i] * s;
  return acc;
}

double call_repeat(const double *x, int n, double mu) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += gauss(x[i], mu);
  s += gauss(mu, mu * 0.5) + gauss(gauss(mu, 0.0), x[0]);
  return s + weighted(x, n, mu) * weighted(x, n / 2, s);
}

#ifdef COTAN_TEST
#include "check.h"
double call_repeat_grad(const double *x, double *d_x, int n, double mu, double *d_mu);

static double x[6], d_x[6], mu, d_mu;
static double f(void) { return call_repeat(x, 6, mu); }
static double g(void) { return call_repeat_grad(x, d_x, 6, mu, &d_mu); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 6, -1, 1);
    mu = check_rand(-1, 1);
    check_begin("call_repeat", f, g);
    CHECK_ARG(x, d_x, 6);
    CHECK_SCALAR(mu, d_mu);
    check_run();
  }
  return check_done();
}
#endif
