/* cotan: grad -f heat_misfit */
/* heap_memcpy_heat.c: memcpy of active data.  An explicit nonlinear heat
 * equation with a conductivity that depends on temperature; the initial
 * profile is memcpy'd into a heap buffer, each step writes a second buffer
 * that is memcpy'd back; the misfit of the final profile to measurements. */
#include <stdlib.h>
#include <string.h>

double heat_misfit(const double *u0, int n, const double *meas, double kappa, double dt, int steps) {
  double *u = malloc(n * sizeof *u);
  double *un = malloc(n * sizeof *un);
  memcpy(u, u0, n * sizeof *u);
  for (int s = 0; s < steps; s++) {
    un[0] = u[0];
    un[n - 1] = u[n - 1];
    for (int i = 1; i + 1 < n; i++) {
      double kl = kappa * (1 + 0.5 * (u[i] + u[i - 1]) * (u[i] + u[i - 1]));
      double kr = kappa * (1 + 0.5 * (u[i] + u[i + 1]) * (u[i] + u[i + 1]));
      un[i] = u[i] + dt * (kr * (u[i + 1] - u[i]) - kl * (u[i] - u[i - 1]));
    }
    memcpy(u, un, n * sizeof *u);
  }
  double e = 0.0;
  for (int i = 0; i < n; i++)
    e += (u[i] - meas[i]) * (u[i] - meas[i]);
  free(u);
  free(un);
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double heat_misfit_grad(const double *u0, double *d_u0, int n, const double *meas, double *d_meas, double kappa, double *d_kappa, double dt, double *d_dt, int steps);

#define N 8
static double u0[N], d_u0[N], meas[N], d_meas[N], kappa, d_kappa, dt, d_dt;
static double f(void) { return heat_misfit(u0, N, meas, kappa, dt, 10); }
static double g(void) { return heat_misfit_grad(u0, d_u0, N, meas, d_meas, kappa, &d_kappa, dt, &d_dt, 10); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(u0, N, 0, 1);
    check_fill(meas, N, 0, 0.6);
    kappa = check_rand(0.5, 1);
    dt = check_rand(0.05, 0.1);
    check_begin("heap_memcpy_heat", f, g);
    CHECK_ARG(u0, d_u0, N);
    CHECK_ARG(meas, d_meas, N);
    CHECK_SCALAR(kappa, d_kappa);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
