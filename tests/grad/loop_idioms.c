/* cotan: grad -f horner_down */
/* loop_idioms.c: loop conditions with side effects on their counters, as
 * C programmers write them: `for (size_t i = n; i-- > 0;)` (the unsigned
 * countdown) and `while (++k < m)`.  The condition's increments become
 * statements of the loop body; the loops themselves were refused before
 * ("an assignment inside an expression").  Found by the red-team run. */
#include <math.h>
#include <stddef.h>

double horner_down(const double *c, size_t n, double x) {
  double s = 0.0;
  for (size_t i = n; i-- > 0;)
    s = s * x + c[i];
  int k = 0;
  while (++k < 4)
    s = s + 0.1 * sin(s * x);
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double horner_down_grad(const double *c, double *d_c, size_t n, double x, double *d_x);

#define N 5
static double c[N], d_c[N], x, d_x;
static double f(void) { return horner_down(c, N, x); }
static double g(void) { return horner_down_grad(c, d_c, N, x, &d_x); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(c, N, -1, 1);
    x = check_rand(-0.9, 0.9);
    check_begin("loop_idioms", f, g);
    CHECK_ARG(c, d_c, N);
    CHECK_SCALAR(x, d_x);
    check_run();
  }
  return check_done();
}
#endif
