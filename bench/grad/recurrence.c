/* cotan: grad -f recurrence */
/* bench/grad/recurrence.c: a long loop with overwrites, 1e6 iterations of
 * x = a sin(x) + b x^2, the iterates summed (the reverse sweep needs every
 * old x). */
#include <math.h>

double recurrence(double x, double a, double b, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    x = a * sin(x) + b * x * x;
    s += x;
  }
  return s / n;
}

#ifdef COTAN_BENCH
#include "bench.h"
double recurrence_grad(double x, double *d_x, double a, double *d_a, double b, double *d_b, int n);

#define N 1000000
static double (*volatile pf)(double, double, double, int) = recurrence;
static double (*volatile pg)(double, double *, double, double *, double, double *, int) = recurrence_grad;
static double primal(void) { return pf(0.5, 0.9, 0.05, N); }
static double gradient(void) {
  double d_x = 0, d_a = 0, d_b = 0;
  double v = pg(0.5, &d_x, 0.9, &d_a, 0.05, &d_b, N);
  return v + d_x + d_a + d_b;
}

int main(void) {
  bench_report("recurrence (1e6 iterations)", primal, gradient);
  return 0;
}
#endif
