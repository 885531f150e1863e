/* cotan: vjp -f arm_pose --wrt q --out pose */
/* vjp_jacobian.c: THE RECIPE for a dense Jacobian from a vjp.  For a
 * function with n inputs and m outputs, call F_vjp once per output k with
 * the seed e_k (d_out = 0 except d_out[k] = 1) and zeroed input adjoints:
 * after the call, the input adjoints hold row k of the Jacobian, J[k][j] =
 * d out[k] / d in[j].  jacobian() below does it for the pose of a planar
 * three-link arm (x, y, orientation, distance from the base) as a function
 * of its joint angles; every entry is compared with central differences.
 * Then F_vjp is checked for random seeds as in the other vjp cases. */
#include <math.h>

#define NJ 3 /* inputs: joint angles */
#define NP 4 /* outputs */

void arm_pose(const double *q, const double *len, double *pose) {
  double x = 0.0, y = 0.0, phi = 0.0;
  for (int i = 0; i < NJ; i++) {
    phi += q[i];
    x += len[i] * cos(phi);
    y += len[i] * sin(phi);
  }
  pose[0] = x;
  pose[1] = y;
  pose[2] = phi;
  pose[3] = sqrt(x * x + y * y);
}

#ifdef COTAN_TEST
#include "check.h"
void arm_pose_vjp(const double *q, double *d_q, const double *len, double *pose, double *d_pose);

static double q[NJ], d_q[NJ], len[NJ], pose[NP], d_pose[NP], seed[NP];

#ifndef COTAN_SELFTEST
/* The recipe: J (NP x NJ) at q, one arm_pose_vjp call per output. */
static void jacobian(const double *at, double J[NP][NJ]) {
  for (int k = 0; k < NP; k++) {
    double adj[NJ] = {0}, out[NP], seed_k[NP] = {0};
    seed_k[k] = 1.0;
    arm_pose_vjp(at, adj, len, out, seed_k);
    CHECK_ZEROED(seed_k, NP);
    for (int j = 0; j < NJ; j++)
      J[k][j] = adj[j];
  }
}
#else
/* The self-test has no arm_pose_vjp: fourth-order differences instead. */
static void jacobian(const double *at, double J[NP][NJ]) {
  for (int j = 0; j < NJ; j++) {
    double x[NJ], o1[NP], o2[NP], o3[NP], o4[NP], h = 1e-3;
    memcpy(x, at, sizeof x);
    x[j] = at[j] + h; arm_pose(x, len, o1);
    x[j] = at[j] - h; arm_pose(x, len, o2);
    x[j] = at[j] + 2 * h; arm_pose(x, len, o3);
    x[j] = at[j] - 2 * h; arm_pose(x, len, o4);
    for (int k = 0; k < NP; k++)
      J[k][j] = (8 * (o1[k] - o2[k]) - (o3[k] - o4[k])) / (12 * h);
  }
}
#endif

static double f(void) {
  arm_pose(q, len, pose);
  return check_dot(seed, pose, NP);
}
static double g(void) {
  check_seed(d_pose, seed, NP);
  check_poison(pose, NP);
  arm_pose_vjp(q, d_q, len, pose, d_pose);
  CHECK_ZEROED(d_pose, NP);
  return check_dot(seed, pose, NP);
}

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(q, NJ, -1, 1);
    check_fill(len, NJ, 0.5, 1.2);

    /* every entry of the Jacobian against a central difference */
    double J[NP][NJ], base[NP];
    arm_pose(q, len, base);
    check_begin("vjp_jacobian", f, g);
    jacobian(q, J);
    for (int j = 0; j < NJ; j++) {
      double x[NJ], up[NP], down[NP], h = 1e-6 * fmax(1, fabs(q[j]));
      memcpy(x, q, sizeof x);
      x[j] = q[j] + h;
      arm_pose(x, len, up);
      x[j] = q[j] - h;
      arm_pose(x, len, down);
      for (int k = 0; k < NP; k++) {
        char what[32];
        snprintf(what, sizeof what, "J[%d][%d]", k, j);
        check_entry(what, J[k][j], (up[k] - down[k]) / (2 * h), base[k]);
      }
    }

    /* and F_vjp itself for a random seed */
    check_fill(seed, NP, -1, 1);
    CHECK_ARG(q, d_q, NJ);
    check_run();
  }
  return check_done();
}
#endif
