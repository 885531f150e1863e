/* cotan: grad -f heat_1d */
/* heat_1d.c: explicit time steps of the 1-D heat equation on a local grid
 * (two local arrays, the new one copied back each step); returns the
 * squared norm of the final state. */
#define NX 8

double heat_1d(const double *u0, double kappa, int steps) {
  double u[NX], un[NX];
  for (int i = 0; i < NX; i++) u[i] = u0[i];
  for (int s = 0; s < steps; s++) {
    un[0] = u[0];
    un[NX - 1] = u[NX - 1];
    for (int i = 1; i < NX - 1; i++)
      un[i] = u[i] + kappa * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
    for (int i = 0; i < NX; i++) u[i] = un[i];
  }
  double e = 0.0;
  for (int i = 0; i < NX; i++) e += u[i] * u[i];
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double heat_1d_grad(const double *u0, double *d_u0, double kappa, double *d_kappa, int steps);

static double u0[8], d_u0[8], kappa, d_kappa;
static double f(void) { return heat_1d(u0, kappa, 12); }
static double g(void) { return heat_1d_grad(u0, d_u0, kappa, &d_kappa, 12); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(u0, 8, -1, 1);
    kappa = check_rand(0.1, 0.4);
    check_begin("heat_1d", f, g);
    CHECK_ARG(u0, d_u0, 8);
    CHECK_SCALAR(kappa, d_kappa);
    check_run();
  }
  return check_done();
}
#endif
