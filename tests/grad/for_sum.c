/* cotan: grad -f for_sum */
/* for_sum.c: a for loop with a trip count known at entry, a weighted sum
 * whose weights depend on the index, counting down in a second loop. */
double for_sum(const double *x, int n, double scale) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += (i + 1) * x[i] * x[i];
  for (int i = n - 1; i >= 0; i -= 2)
    s -= scale * x[i];
  return s * scale;
}

#ifdef COTAN_TEST
#include "check.h"
double for_sum_grad(const double *x, double *d_x, int n, double scale, double *d_scale);

static double x[9], d_x[9], scale, d_scale;
static double f(void) { return for_sum(x, 9, scale); }
static double g(void) { return for_sum_grad(x, d_x, 9, scale, &d_scale); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 9, -1, 1);
    scale = check_rand(0.5, 2);
    check_begin("for_sum", f, g);
    CHECK_ARG(x, d_x, 9);
    CHECK_SCALAR(scale, d_scale);
    check_run();
  }
  return check_done();
}
#endif
