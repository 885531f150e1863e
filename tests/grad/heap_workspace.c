/* cotan: grad -f smooth_fit */
/* heap_workspace.c: malloc'd double workspaces inside the differentiated
 * function: a signal smoothed by a few Jacobi sweeps of (I + lam L) u = y
 * (L the 1-D Laplacian) using two heap buffers that swap roles, then the
 * misfit to the data plus roughness; everything freed before returning. */
#include <stdlib.h>

double smooth_fit(const double *y, int n, double lam) {
  double *u = malloc(n * sizeof *u);
  double *next = malloc(n * sizeof *next);
  for (int i = 0; i < n; i++)
    u[i] = y[i];
  for (int sweep = 0; sweep < 6; sweep++) {
    for (int i = 0; i < n; i++) {
      double left = i > 0 ? u[i - 1] : u[i];
      double right = i + 1 < n ? u[i + 1] : u[i];
      double nb = (i > 0) + (i + 1 < n);
      next[i] = (y[i] + lam * (left + right - (2 - nb) * u[i])) / (1 + nb * lam);
    }
    double *t = u;
    u = next;
    next = t;
  }
  double misfit = 0.0, rough = 0.0;
  for (int i = 0; i < n; i++)
    misfit += (u[i] - y[i]) * (u[i] - y[i]);
  for (int i = 0; i + 1 < n; i++)
    rough += (u[i + 1] - u[i]) * (u[i + 1] - u[i]);
  free(u);
  free(next);
  return misfit + lam * rough;
}

#ifdef COTAN_TEST
#include "check.h"
double smooth_fit_grad(const double *y, double *d_y, int n, double lam, double *d_lam);

#define N 7
static double y[N], d_y[N], lam, d_lam;
static double f(void) { return smooth_fit(y, N, lam); }
static double g(void) { return smooth_fit_grad(y, d_y, N, lam, &d_lam); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(y, N, -1, 1);
    lam = check_rand(0.2, 2);
    check_begin("heap_workspace", f, g);
    CHECK_ARG(y, d_y, N);
    CHECK_SCALAR(lam, d_lam);
    check_run();
  }
  return check_done();
}
#endif
