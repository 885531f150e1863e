/* cotan: grad -f trajectory_cost */
/* heap_realloc_traj.c: realloc growth.  A projectile with quadratic drag is
 * integrated and every state appended to a dynamic array that doubles its
 * capacity when full (realloc in the loop, starting from capacity 2); the
 * cost reads the stored trajectory afterwards (distance to a target path). */
#include <math.h>
#include <stdlib.h>

struct sample {
  double x, y;
};

double trajectory_cost(const double *v0, double drag, double dt, int steps) {
  int len = 0, cap = 2;
  struct sample *traj = malloc(cap * sizeof *traj);
  double x = 0.0, y = 0.0, vx = v0[0], vy = v0[1];
  for (int k = 0; k < steps; k++) {
    double speed = sqrt(vx * vx + vy * vy);
    vx -= drag * speed * vx * dt;
    vy -= (9.81 + drag * speed * vy) * dt;
    x += vx * dt;
    y += vy * dt;
    if (len == cap) {
      cap *= 2;
      traj = realloc(traj, cap * sizeof *traj);
    }
    traj[len].x = x;
    traj[len].y = y;
    len++;
  }
  double cost = 0.0;
  for (int k = 0; k < len; k++) {
    double want = 0.5 * traj[k].x * (2.0 - 0.3 * traj[k].x); /* a target arc */
    cost += (traj[k].y - want) * (traj[k].y - want);
  }
  free(traj);
  return cost / len;
}

#ifdef COTAN_TEST
#include "check.h"
double trajectory_cost_grad(const double *v0, double *d_v0, double drag, double *d_drag, double dt, double *d_dt, int steps);

static double v0[2], d_v0[2], drag, d_drag, dt, d_dt;
static double f(void) { return trajectory_cost(v0, drag, dt, 37); }
static double g(void) { return trajectory_cost_grad(v0, d_v0, drag, &d_drag, dt, &d_dt, 37); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    v0[0] = check_rand(3, 6);
    v0[1] = check_rand(3, 6);
    drag = check_rand(0.01, 0.1);
    dt = check_rand(0.01, 0.03);
    check_begin("heap_realloc_traj", f, g);
    CHECK_ARG(v0, d_v0, 2);
    CHECK_SCALAR(drag, d_drag);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
