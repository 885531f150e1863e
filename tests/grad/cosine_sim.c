/* cotan: grad -f cosine_sim */
/* cosine_sim.c: the angle between two vectors, acos of their cosine
 * similarity, with the norms computed by a helper. */
#include <math.h>

static double norm2(const double *v, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) s += v[i] * v[i];
  return sqrt(s);
}

double cosine_sim(const double *a, const double *b, int n) {
  double d = 0.0;
  for (int i = 0; i < n; i++) d += a[i] * b[i];
  return acos(d / (norm2(a, n) * norm2(b, n)));
}

#ifdef COTAN_TEST
#include "check.h"
double cosine_sim_grad(const double *a, double *d_a, const double *b, double *d_b, int n);

static double a[4], b[4], d_a[4], d_b[4];
static double f(void) { return cosine_sim(a, b, 4); }
static double g(void) { return cosine_sim_grad(a, d_a, b, d_b, 4); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(a, 4, -1, 1);
    check_fill(b, 4, -1, 1);
    check_begin("cosine_sim", f, g);
    CHECK_ARG(a, d_a, 4);
    CHECK_ARG(b, d_b, 4);
    check_run();
  }
  return check_done();
}
#endif
