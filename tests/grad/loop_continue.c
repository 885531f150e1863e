/* cotan: grad -f loop_continue */
/* loop_continue.c: continue skips part of the body for some elements. */
#include <math.h>

double loop_continue(const double *x, int n, double w) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    if (x[i] < 0.0)
      continue;
    s += w * log(x[i]);
    if (i % 3 == 0)
      continue;
    s += x[i] * x[i];
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double loop_continue_grad(const double *x, double *d_x, int n, double w, double *d_w);

static double x[10], d_x[10], w, d_w;
static double f(void) { return loop_continue(x, 10, w); }
static double g(void) { return loop_continue_grad(x, d_x, 10, w, &d_w); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 10, 0.2, 2);
    for (int i = p; i < 10; i += 3) x[i] = -x[i];
    w = check_rand(0.5, 2);
    check_begin("loop_continue", f, g);
    CHECK_ARG(x, d_x, 10);
    CHECK_SCALAR(w, d_w);
    check_run();
  }
  return check_done();
}
#endif
