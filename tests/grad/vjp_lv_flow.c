/* cotan: vjp -f lv_flow --wrt u0,theta --out u_end,prey_area */
/* vjp_lv_flow.c: the vjp of an ODE solution (the adjoint method of a
 * neural-ODE or a parameter fit): Lotka-Volterra integrated by Heun's
 * method; two outputs of different shapes, the final state (an array) and
 * the integral of the prey population (a scalar through a pointer). */

static void lv_rhs(const double *u, const double *theta, double *du) {
  du[0] = theta[0] * u[0] - theta[1] * u[0] * u[1];
  du[1] = theta[2] * u[0] * u[1] - theta[3] * u[1];
}

void lv_flow(const double *u0, const double *theta, double dt, int steps, double *u_end,
             double *prey_area) {
  double u[2] = {u0[0], u0[1]}, k1[2], k2[2], pred[2];
  *prey_area = 0.0;
  for (int s = 0; s < steps; s++) {
    lv_rhs(u, theta, k1);
    pred[0] = u[0] + dt * k1[0];
    pred[1] = u[1] + dt * k1[1];
    lv_rhs(pred, theta, k2);
    double before = u[0];
    u[0] += 0.5 * dt * (k1[0] + k2[0]);
    u[1] += 0.5 * dt * (k1[1] + k2[1]);
    *prey_area += 0.5 * dt * (before + u[0]);
  }
  u_end[0] = u[0];
  u_end[1] = u[1];
}

#ifdef COTAN_TEST
#include "check.h"
void lv_flow_vjp(const double *u0, double *d_u0, const double *theta, double *d_theta, double dt, int steps, double *u_end, double *d_u_end, double *prey_area, double *d_prey_area);

static double u0[2], d_u0[2], theta[4], d_theta[4];
static double u_end[2], d_u_end[2], area, d_area, seed_u[2], seed_a;
static double f(void) {
  lv_flow(u0, theta, 0.05, 40, u_end, &area);
  return check_dot(seed_u, u_end, 2) + seed_a * area;
}
static double g(void) {
  check_seed(d_u_end, seed_u, 2);
  d_area = seed_a;
  check_poison(u_end, 2);
  check_poison(&area, 1);
  lv_flow_vjp(u0, d_u0, theta, d_theta, 0.05, 40, u_end, d_u_end, &area, &d_area);
  CHECK_ZEROED(d_u_end, 2);
  CHECK_ZEROED(&d_area, 1);
  return check_dot(seed_u, u_end, 2) + seed_a * area;
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    u0[0] = check_rand(0.8, 1.5);
    u0[1] = check_rand(0.5, 1);
    theta[0] = check_rand(0.8, 1.2);
    theta[1] = check_rand(0.3, 0.6);
    theta[2] = check_rand(0.3, 0.6);
    theta[3] = check_rand(0.8, 1.2);
    check_fill(seed_u, 2, -1, 1);
    seed_a = check_rand(-1, 1);
    check_begin("vjp_lv_flow", f, g);
    CHECK_ARG(u0, d_u0, 2);
    CHECK_ARG(theta, d_theta, 4);
    check_run();
  }
  return check_done();
}
#endif
