/* cotan: grad -f norm */
/* norm.c: the Euclidean norm, scaled to avoid overflow (a max found with a
 * data-dependent branch, then a sum of squares of the scaled values). */
#include <math.h>

double norm(const double *x, int n) {
  double scale = 0.0;
  for (int i = 0; i < n; i++)
    if (fabs(x[i]) > scale)
      scale = fabs(x[i]);
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    double t = x[i] / scale;
    s += t * t;
  }
  return scale * sqrt(s);
}

#ifdef COTAN_TEST
#include "check.h"
double norm_grad(const double *x, double *d_x, int n);

static double x[6], d_x[6];
static double f(void) { return norm(x, 6); }
static double g(void) { return norm_grad(x, d_x, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 6, -1, 1);
    x[p] = p % 2 ? -1.5 : 1.5; /* a clear maximum */
    check_begin("norm", f, g);
    CHECK_ARG(x, d_x, 6);
    check_run();
  }
  return check_done();
}
#endif
