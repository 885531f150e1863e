/* cotan: grad -f particles_energy_after */
/* particles_leapfrog.c: particles as an array of structs with array members
 * (pos[2], vel[2]) copied into a local array of structs by struct
 * assignment, advanced by leapfrog steps under softened gravity; the result
 * is the kinetic energy after the steps plus the distance from a target. */
#include <math.h>

#define NP 3

typedef struct particle {
  double pos[2];
  double vel[2];
  double mass;
} Particle;

static void accelerations(const Particle *p, double acc[NP][2]) {
  for (int i = 0; i < NP; i++) {
    acc[i][0] = 0.0;
    acc[i][1] = 0.0;
    for (int j = 0; j < NP; j++) {
      if (j == i) continue;
      double dx = p[j].pos[0] - p[i].pos[0], dy = p[j].pos[1] - p[i].pos[1];
      double r2 = dx * dx + dy * dy + 0.1; /* softening */
      double inv = p[j].mass / (r2 * sqrt(r2));
      acc[i][0] += dx * inv;
      acc[i][1] += dy * inv;
    }
  }
}

double particles_energy_after(const Particle *init, double dt, int steps) {
  Particle p[NP];
  double acc[NP][2];
  for (int i = 0; i < NP; i++)
    p[i] = init[i];
  accelerations(p, acc);
  for (int s = 0; s < steps; s++) {
    for (int i = 0; i < NP; i++)
      for (int d = 0; d < 2; d++) {
        p[i].vel[d] += 0.5 * dt * acc[i][d];
        p[i].pos[d] += dt * p[i].vel[d];
      }
    accelerations(p, acc);
    for (int i = 0; i < NP; i++)
      for (int d = 0; d < 2; d++)
        p[i].vel[d] += 0.5 * dt * acc[i][d];
  }
  double ke = 0.0, miss = 0.0;
  for (int i = 0; i < NP; i++) {
    ke += 0.5 * p[i].mass * (p[i].vel[0] * p[i].vel[0] + p[i].vel[1] * p[i].vel[1]);
    miss += p[i].pos[0] * p[i].pos[0] + (p[i].pos[1] - 1.0) * (p[i].pos[1] - 1.0);
  }
  return ke + 0.1 * miss;
}

#ifdef COTAN_TEST
#include "check.h"
double particles_energy_after_grad(const Particle *init, Particle *d_init, double dt, double *d_dt, int steps);

static Particle ps[NP], d_ps[NP];
static double dt, d_dt;
static double f(void) { return particles_energy_after(ps, dt, 4); }
static double g(void) { return particles_energy_after_grad(ps, d_ps, dt, &d_dt, 4); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NP; i++) {
      ps[i].pos[0] = cos(2.1 * i) + check_rand(-0.2, 0.2);
      ps[i].pos[1] = sin(2.1 * i) + check_rand(-0.2, 0.2);
      ps[i].vel[0] = check_rand(-0.3, 0.3);
      ps[i].vel[1] = check_rand(-0.3, 0.3);
      ps[i].mass = check_rand(0.5, 1.5);
    }
    dt = check_rand(0.02, 0.08);
    check_begin("particles_leapfrog", f, g);
    for (int i = 0; i < NP; i++) CHECK_STRUCT(ps[i], d_ps[i]);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
