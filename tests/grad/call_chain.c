/* cotan: grad -f call_chain */
/* call_chain.c: a chain of calls to functions of the same file, static and
 * external, each differentiated automatically. */
#include <math.h>

static double square(double x) { return x * x; }

static double smooth(double x, double a) { return log(1.0 + square(x) * a); }

double layer(double x, double w, double a) { return tanh(w * smooth(x, a)); }

double call_chain(double x, double w, double a) {
  return layer(x, w, a) * x + smooth(w, 1.0);
}

#ifdef COTAN_TEST
#include "check.h"
double call_chain_grad(double x, double *d_x, double w, double *d_w, double a, double *d_a);

static double x, w, a, d_x, d_w, d_a;
static double f(void) { return call_chain(x, w, a); }
static double g(void) { return call_chain_grad(x, &d_x, w, &d_w, a, &d_a); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(-2, 2);
    w = check_rand(-2, 2);
    a = check_rand(0.5, 2);
    check_begin("call_chain", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(w, d_w);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
