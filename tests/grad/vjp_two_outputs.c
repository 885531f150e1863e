/* cotan: vjp -f pair_forces --wrt pos,k --out fx,fy */
/* vjp_two_outputs.c: a function with two vector outputs, the x and y
 * components of the soft pairwise repulsion forces on a set of 2-D points;
 * pair_forces_vjp gives J^T (seed_x, seed_y) for random seeds. */
#include <math.h>

void pair_forces(const double *pos, int n, double k, double *fx, double *fy) {
  for (int i = 0; i < n; i++) {
    fx[i] = 0.0;
    fy[i] = 0.0;
    for (int j = 0; j < n; j++) {
      if (j == i) continue;
      double dx = pos[2 * i] - pos[2 * j], dy = pos[2 * i + 1] - pos[2 * j + 1];
      double r2 = dx * dx + dy * dy;
      double mag = k * exp(-r2) / (r2 + 0.1);
      fx[i] += mag * dx;
      fy[i] += mag * dy;
    }
  }
}

#ifdef COTAN_TEST
#include "check.h"
void pair_forces_vjp(const double *pos, double *d_pos, int n, double k, double *d_k, double *fx, double *d_fx, double *fy, double *d_fy);

#define N 4
static double pos[2 * N], d_pos[2 * N], k, d_k;
static double fx[N], fy[N], d_fx[N], d_fy[N], sx[N], sy[N]; /* outputs, their d_, seeds */
static double f(void) {
  pair_forces(pos, N, k, fx, fy);
  return check_dot(sx, fx, N) + check_dot(sy, fy, N);
}
static double g(void) {
  check_seed(d_fx, sx, N);
  check_seed(d_fy, sy, N);
  check_poison(fx, N);
  check_poison(fy, N);
  pair_forces_vjp(pos, d_pos, N, k, &d_k, fx, d_fx, fy, d_fy);
  CHECK_ZEROED(d_fx, N);
  CHECK_ZEROED(d_fy, N);
  return check_dot(sx, fx, N) + check_dot(sy, fy, N);
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N; i++) {
      pos[2 * i] = cos(1.6 * i) + check_rand(-0.2, 0.2);
      pos[2 * i + 1] = sin(1.6 * i) + check_rand(-0.2, 0.2);
    }
    k = check_rand(0.5, 2);
    check_fill(sx, N, -1, 1);
    check_fill(sy, N, -1, 1);
    check_begin("vjp_two_outputs", f, g);
    CHECK_ARG(pos, d_pos, 2 * N);
    CHECK_SCALAR(k, d_k);
    check_run();
  }
  return check_done();
}
#endif
