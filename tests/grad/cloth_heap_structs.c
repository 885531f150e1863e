/* cotan: grad -f cloth_sag */
/* cloth_heap_structs.c: a hanging cloth strip.  The particles are an array
 * of structs memcpy'd whole into a malloc'd buffer (memcpy(cur, init, n *
 * sizeof *cur)), a second malloc'd buffer holds the previous positions for
 * position Verlet; the two are swapped by pointer each step.  The result:
 * the sag of the strip plus the stretch energy, after the run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  double x, y;
} Particle;

double cloth_sag(const Particle *init, int n, double k, double rest, double dt, int steps) {
  Particle *cur = malloc(n * sizeof *cur), *prev = malloc(n * sizeof *prev);
  memcpy(cur, init, n * sizeof *cur);
  memcpy(prev, init, n * sizeof *prev);
  for (int s = 0; s < steps; s++) {
    for (int i = 1; i + 1 < n; i++) { /* the ends are pinned */
      double fx = 0.0, fy = -1.0;
      for (int j = i - 1; j <= i + 1; j += 2) {
        double dx = cur[j].x - cur[i].x, dy = cur[j].y - cur[i].y;
        double len = sqrt(dx * dx + dy * dy);
        fx += k * (len - rest) * dx / len;
        fy += k * (len - rest) * dy / len;
      }
      double nx = 2 * cur[i].x - prev[i].x + dt * dt * fx;
      double ny = 2 * cur[i].y - prev[i].y + dt * dt * fy;
      prev[i].x = nx; /* prev now holds the next positions */
      prev[i].y = ny;
    }
    Particle *t = cur;
    cur = prev;
    prev = t;
  }
  double sag = 0.0, stretch = 0.0;
  for (int i = 0; i < n; i++)
    sag -= cur[i].y;
  for (int i = 0; i + 1 < n; i++) {
    double len = hypot(cur[i + 1].x - cur[i].x, cur[i + 1].y - cur[i].y);
    stretch += 0.5 * k * (len - rest) * (len - rest);
  }
  free(cur);
  free(prev);
  return sag + stretch;
}

#ifdef COTAN_TEST
#include "check.h"
double cloth_sag_grad(const Particle *init, Particle *d_init, int n, double k, double *d_k, double rest, double *d_rest, double dt, double *d_dt, int steps);

#define NP 5
static Particle init[NP], d_init[NP];
static double k, d_k, rest, d_rest, dt, d_dt;
static double f(void) { return cloth_sag(init, NP, k, rest, dt, 8); }
static double g(void) { return cloth_sag_grad(init, d_init, NP, k, &d_k, rest, &d_rest, dt, &d_dt, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NP; i++) {
      init[i].x = i + check_rand(-0.1, 0.1);
      init[i].y = check_rand(-0.1, 0.1);
    }
    k = check_rand(5, 15);
    rest = check_rand(0.8, 1);
    dt = check_rand(0.05, 0.1);
    check_begin("cloth_heap_structs", f, g);
    for (int i = 0; i < NP; i++) CHECK_STRUCT(init[i], d_init[i]);
    CHECK_SCALAR(k, d_k);
    CHECK_SCALAR(rest, d_rest);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
