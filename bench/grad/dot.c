/* cotan: grad -f dot */
/* bench/grad/dot.c: the dot product of two vectors of 1e6 doubles. */
double dot(const double *x, const double *y, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += x[i] * y[i];
  return s;
}

#ifdef COTAN_BENCH
#include <stdlib.h>
#include "bench.h"
double dot_grad(const double *x, double *d_x, const double *y, double *d_y, int n);

#define N 1000000
static double *x, *y, *d_x, *d_y;
/* through volatile pointers: no inlining into the timing loop */
static double (*volatile pf)(const double *, const double *, int) = dot;
static double (*volatile pg)(const double *, double *, const double *, double *, int) = dot_grad;
static double primal(void) { return pf(x, y, N); }
static double gradient(void) {
  memset(d_x, 0, N * sizeof *d_x);
  memset(d_y, 0, N * sizeof *d_y);
  return pg(x, d_x, y, d_y, N);
}

int main(void) {
  x = malloc(N * sizeof *x); y = malloc(N * sizeof *y);
  d_x = malloc(N * sizeof *d_x); d_y = malloc(N * sizeof *d_y);
  for (int i = 0; i < N; i++) { x[i] = (i % 97) * 0.01; y[i] = (i % 89) * 0.02 - 0.5; }
  bench_report("dot (1e6 doubles)", primal, gradient);
  free(x); free(y); free(d_x); free(d_y);
  return 0;
}
#endif
