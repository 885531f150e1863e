/* cotan: vjp -f field_forces --wrt field,pos --out force */
/* glob_vjp_field.c: a vjp with respect to a global: the coefficients of a
 * potential field (a file-scope array) and the positions of probes, to the
 * forces on the probes (an output array).  The generated file defines
 * d_field; field_forces_vjp has no parameter for it. */
#include <math.h>

#define NCENTRES 3

/* per centre: x, y, strength, width */
double field[4 * NCENTRES] = {0.0, 0.0, 1.0, 1.0, 1.0, 0.5, -0.5, 0.7, -1.0, 1.0, 0.8, 1.2};

void field_forces(const double *pos, int n, double *force) {
  for (int p = 0; p < n; p++) {
    double fx = 0.0, fy = 0.0;
    for (int c = 0; c < NCENTRES; c++) {
      const double *f = &field[4 * c];
      double dx = pos[2 * p] - f[0], dy = pos[2 * p + 1] - f[1];
      double g = f[2] * exp(-(dx * dx + dy * dy) / (f[3] * f[3]));
      fx += 2 * g * dx / (f[3] * f[3]);
      fy += 2 * g * dy / (f[3] * f[3]);
    }
    force[2 * p] = fx;
    force[2 * p + 1] = fy;
  }
}

#ifdef COTAN_TEST
#include "check.h"
void field_forces_vjp(const double *pos, double *d_pos, int n, double *force, double *d_force);
extern double d_field[4 * NCENTRES];
#ifdef COTAN_SELFTEST
double d_field[4 * NCENTRES];
#endif

#define NPR 3
static double pos[2 * NPR], d_pos[2 * NPR], force[2 * NPR], d_force[2 * NPR], seed[2 * NPR];
static double f(void) {
  field_forces(pos, NPR, force);
  return check_dot(seed, force, 2 * NPR);
}
static double g(void) {
  check_seed(d_force, seed, 2 * NPR);
  check_poison(force, 2 * NPR);
  field_forces_vjp(pos, d_pos, NPR, force, d_force);
  CHECK_ZEROED(d_force, 2 * NPR);
  return check_dot(seed, force, 2 * NPR);
}

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int c = 0; c < NCENTRES; c++) {
      field[4 * c] = check_rand(-1, 1);
      field[4 * c + 1] = check_rand(-1, 1);
      field[4 * c + 2] = check_rand(-1, 1);
      field[4 * c + 3] = check_rand(0.7, 1.3);
    }
    check_fill(pos, 2 * NPR, -1, 1);
    check_fill(seed, 2 * NPR, -1, 1);
    check_begin("glob_vjp_field", f, g);
    CHECK_ARG(field, d_field, 4 * NCENTRES);
    CHECK_ARG(pos, d_pos, 2 * NPR);
    check_run();
  }
  return check_done();
}
#endif
