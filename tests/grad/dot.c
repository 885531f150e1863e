/* cotan: grad -f dot */
/* dot.c: the dot product of two vectors; both are differentiated. */
#include <stddef.h>

double dot(const double *x, const double *y, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += x[i] * y[i];
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double dot_grad(const double *x, double *d_x, const double *y, double *d_y, int n);

#define N 7
static double x[N], y[N], d_x[N], d_y[N];
static double f(void) { return dot(x, y, N); }
static double g(void) { return dot_grad(x, d_x, y, d_y, N); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, N, -2, 2);
    check_fill(y, N, -2, 2);
    check_begin("dot", f, g);
    CHECK_ARG(x, d_x, N);
    CHECK_ARG(y, d_y, N);
    check_run();
  }
  return check_done();
}
#endif
