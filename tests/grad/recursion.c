/* cotan: grad -f recursion */
/* recursion.c: recursive functions: a continued fraction of given depth and
 * a divide-and-conquer sum of squares over an array. */
static double cfrac(double x, int depth) {
  if (depth == 0)
    return 1.0;
  return 1.0 + x / cfrac(x, depth - 1);
}

static double tree_sum(const double *v, int n) {
  if (n == 1)
    return v[0] * v[0];
  int h = n / 2;
  return tree_sum(v, h) + tree_sum(v + h, n - h);
}

double recursion(double x, const double *v, int n) {
  return cfrac(x, 6) * tree_sum(v, n);
}

#ifdef COTAN_TEST
#include "check.h"
double recursion_grad(double x, double *d_x, const double *v, double *d_v, int n);

static double x, d_x, v[7], d_v[7];
static double f(void) { return recursion(x, v, 7); }
static double g(void) { return recursion_grad(x, &d_x, v, d_v, 7); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    x = check_rand(0.3, 2);
    check_fill(v, 7, -1, 1);
    check_begin("recursion", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_ARG(v, d_v, 7);
    check_run();
  }
  return check_done();
}
#endif
