/* cotan: grad -f spring_energy */
/* spring_energy.c: the potential energy of a 2-D chain of masses joined by
 * springs (stiffness k[i], rest length L), plus gravity. */
#include <math.h>

double spring_energy(const double *pos, const double *k, const double *mass, int n, double L) {
  double e = 0.0;
  for (int i = 0; i + 1 < n; i++) {
    double dx = pos[2 * (i + 1)] - pos[2 * i];
    double dy = pos[2 * (i + 1) + 1] - pos[2 * i + 1];
    double stretch = sqrt(dx * dx + dy * dy) - L;
    e += 0.5 * k[i] * stretch * stretch;
  }
  for (int i = 0; i < n; i++)
    e += mass[i] * 9.81 * pos[2 * i + 1];
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double spring_energy_grad(const double *pos, double *d_pos, const double *k, double *d_k, const double *mass, double *d_mass, int n, double L, double *d_L);

static double pos[10], k[4], mass[5], L, d_pos[10], d_k[4], d_mass[5], d_L;
static double f(void) { return spring_energy(pos, k, mass, 5, L); }
static double g(void) { return spring_energy_grad(pos, d_pos, k, d_k, mass, d_mass, 5, L, &d_L); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < 5; i++) {
      pos[2 * i] = i + check_rand(-0.2, 0.2);
      pos[2 * i + 1] = check_rand(-0.5, 0.5);
      mass[i] = check_rand(0.5, 2);
    }
    check_fill(k, 4, 5, 20);
    L = check_rand(0.6, 0.9);
    check_begin("spring_energy", f, g);
    CHECK_ARG(pos, d_pos, 10);
    CHECK_ARG(k, d_k, 4);
    CHECK_ARG(mass, d_mass, 5);
    CHECK_SCALAR(L, d_L);
    check_run();
  }
  return check_done();
}
#endif
