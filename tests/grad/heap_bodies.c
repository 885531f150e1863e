/* cotan: grad -f orbit_miss */
/* heap_bodies.c: a malloc'd array of structs.  The initial conditions of an
 * n-body system are copied from the parameters into a heap array of struct
 * body, integrated by symplectic Euler, and the result is how far body 0
 * ends from where it should; freed at the end. */
#include <math.h>
#include <stdlib.h>

struct body {
  double x, y, vx, vy, m;
};

double orbit_miss(const double *state0, const double *mass, int n, double dt, int steps,
                  double tx, double ty) {
  struct body *b = malloc(n * sizeof *b);
  for (int i = 0; i < n; i++) {
    b[i].x = state0[4 * i];
    b[i].y = state0[4 * i + 1];
    b[i].vx = state0[4 * i + 2];
    b[i].vy = state0[4 * i + 3];
    b[i].m = mass[i];
  }
  for (int s = 0; s < steps; s++) {
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) {
        if (i == j) continue;
        double dx = b[j].x - b[i].x, dy = b[j].y - b[i].y;
        double r2 = dx * dx + dy * dy + 0.05;
        double k = b[j].m / (r2 * sqrt(r2));
        b[i].vx += dt * k * dx;
        b[i].vy += dt * k * dy;
      }
    for (int i = 0; i < n; i++) {
      b[i].x += dt * b[i].vx;
      b[i].y += dt * b[i].vy;
    }
  }
  double miss = (b[0].x - tx) * (b[0].x - tx) + (b[0].y - ty) * (b[0].y - ty);
  free(b);
  return miss;
}

#ifdef COTAN_TEST
#include "check.h"
double orbit_miss_grad(const double *state0, double *d_state0, const double *mass, double *d_mass, int n, double dt, double *d_dt, int steps, double tx, double *d_tx, double ty, double *d_ty);

#define NB 3
static double st[4 * NB], d_st[4 * NB], mass[NB], d_mass[NB], dt, d_dt, tx, d_tx, ty, d_ty;
static double f(void) { return orbit_miss(st, mass, NB, dt, 6, tx, ty); }
static double g(void) { return orbit_miss_grad(st, d_st, mass, d_mass, NB, dt, &d_dt, 6, tx, &d_tx, ty, &d_ty); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NB; i++) {
      st[4 * i] = cos(2.1 * i) + check_rand(-0.2, 0.2);
      st[4 * i + 1] = sin(2.1 * i) + check_rand(-0.2, 0.2);
      st[4 * i + 2] = check_rand(-0.5, 0.5);
      st[4 * i + 3] = check_rand(-0.5, 0.5);
      mass[i] = check_rand(0.5, 1.5);
    }
    dt = check_rand(0.02, 0.06);
    tx = check_rand(-1, 1);
    ty = check_rand(-1, 1);
    check_begin("heap_bodies", f, g);
    CHECK_ARG(st, d_st, 4 * NB);
    CHECK_ARG(mass, d_mass, NB);
    CHECK_SCALAR(dt, d_dt);
    CHECK_SCALAR(tx, d_tx);
    CHECK_SCALAR(ty, d_ty);
    check_run();
  }
  return check_done();
}
#endif
