/* cotan: grad -f spring_energy --wrt k */
/* nonwrt_scalar.c: a parameter left out of --wrt that the function
 * overwrites with values that depend on the inputs (rest is reused as a
 * scratch variable): it needs an adjoint of its own, a local one.  Before
 * the fix, d_k came out without the path through the overwritten rest. */
#include <math.h>

double spring_energy(double k, double rest, const double *len, int n) {
  double e = 0.0;
  for (int i = 0; i < n; i++) {
    rest = 0.5 * rest + 0.1 * k; /* the rest length relaxes towards k / 5 */
    double d = len[i] - rest;
    e += 0.5 * k * d * d;
  }
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double spring_energy_grad(double k, double *d_k, double rest, const double *len, int n);

#define N 6
static double k, d_k, rest, len[N];
static double f(void) { return spring_energy(k, rest, len, N); }
static double g(void) { return spring_energy_grad(k, &d_k, rest, len, N); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    k = check_rand(0.5, 3);
    rest = check_rand(0.5, 1.5);
    for (int i = 0; i < N; i++)
      len[i] = check_rand(0.5, 2);
    check_begin("nonwrt_scalar", f, g);
    CHECK_SCALAR(k, d_k);
    check_run();
  }
  return check_done();
}
#endif
