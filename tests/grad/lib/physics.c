/* lib/physics.c: the force laws of lib/physics.h, compiled separately. */
#include <math.h>
#include "physics.h"

double spring_force(const struct spring_params *sp, double length, double v) {
  return -sp->k * (length - sp->rest) - sp->c * v;
}

double drag_force(double v, double speed, double cd) { return -cd * speed * v; }

double chain_energy(const double *x, const double *v, int n, const struct spring_params *sp) {
  double e = 0.0;
  for (int i = 0; i < n; i++) {
    double len = x[i] - (i > 0 ? x[i - 1] : 0.0);
    e += 0.5 * sq(v[i]) + 0.5 * sp->k * sq(len - sp->rest);
  }
  return e;
}
