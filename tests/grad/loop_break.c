/* cotan: grad -f loop_break */
/* loop_break.c: a loop left by break when a running sum passes a limit;
 * the iteration count depends on the data. */
double loop_break(const double *x, int n, double limit) {
  double s = 0.0, last = 0.0;
  int i;
  for (i = 0; i < n; i++) {
    s += x[i] * x[i];
    if (s > limit)
      break;
    last = x[i];
  }
  return s * last + limit * i;
}

#ifdef COTAN_TEST
#include "check.h"
double loop_break_grad(const double *x, double *d_x, int n, double limit, double *d_limit);

static double x[10], d_x[10], limit, d_limit;
static double f(void) { return loop_break(x, 10, limit); }
static double g(void) { return loop_break_grad(x, d_x, 10, limit, &d_limit); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 10, 0.3, 0.9);
    /* the limit halfway between two running sums: break at i = 2, 5, or never */
    double s = 0, prev = 0;
    for (int i = 0; i <= 3 * p + 2 && i < 10; i++) prev = s, s += x[i] * x[i];
    limit = p == 2 ? 100.0 : 0.5 * (prev + s);
    check_begin("loop_break", f, g);
    CHECK_ARG(x, d_x, 10);
    CHECK_SCALAR(limit, d_limit);
    check_run();
  }
  return check_done();
}
#endif
