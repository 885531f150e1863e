/* cotan: grad -f nested_loops */
/* nested_loops.c: a quadratic form over the lower triangle (inner bound
 * depends on the outer index) and a triply nested loop. */
double nested_loops(const double *a, const double *x, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j <= i; j++)
      s += a[i * n + j] * x[i] * x[j];
  double t = 0.0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      for (int k = 0; k < 2; k++)
        t += a[i * n + j] * (k ? x[j] : x[i]);
  return s + t * t;
}

#ifdef COTAN_TEST
#include "check.h"
double nested_loops_grad(const double *a, double *d_a, const double *x, double *d_x, int n);

static double a[16], x[4], d_a[16], d_x[4];
static double f(void) { return nested_loops(a, x, 4); }
static double g(void) { return nested_loops_grad(a, d_a, x, d_x, 4); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(a, 16, -1, 1);
    check_fill(x, 4, -1, 1);
    check_begin("nested_loops", f, g);
    CHECK_ARG(a, d_a, 16);
    CHECK_ARG(x, d_x, 4);
    check_run();
  }
  return check_done();
}
#endif
