/* cotan: grad -f rk4_pendulum --wrt theta0,omega0,g_l,damp */
/* rk4_pendulum.c: a damped pendulum integrated with classic fourth-order
 * Runge-Kutta for a fixed number of steps; returns the final angle. */
#include <math.h>

static void deriv(double th, double om, double g_l, double damp, double *dth, double *dom) {
  *dth = om;
  *dom = -g_l * sin(th) - damp * om;
}

double rk4_pendulum(double theta0, double omega0, double g_l, double damp, double dt, int steps) {
  double th = theta0, om = omega0;
  for (int i = 0; i < steps; i++) {
    double k1t, k1o, k2t, k2o, k3t, k3o, k4t, k4o;
    deriv(th, om, g_l, damp, &k1t, &k1o);
    deriv(th + 0.5 * dt * k1t, om + 0.5 * dt * k1o, g_l, damp, &k2t, &k2o);
    deriv(th + 0.5 * dt * k2t, om + 0.5 * dt * k2o, g_l, damp, &k3t, &k3o);
    deriv(th + dt * k3t, om + dt * k3o, g_l, damp, &k4t, &k4o);
    th += dt / 6.0 * (k1t + 2.0 * k2t + 2.0 * k3t + k4t);
    om += dt / 6.0 * (k1o + 2.0 * k2o + 2.0 * k3o + k4o);
  }
  return th;
}

#ifdef COTAN_TEST
#include "check.h"
double rk4_pendulum_grad(double theta0, double *d_theta0, double omega0, double *d_omega0, double g_l, double *d_g_l, double damp, double *d_damp, double dt, int steps);

static double th, om, gl, dmp, dt, d_th, d_om, d_gl, d_dmp;
static double f(void) { return rk4_pendulum(th, om, gl, dmp, dt, 50); }
static double g(void) { return rk4_pendulum_grad(th, &d_th, om, &d_om, gl, &d_gl, dmp, &d_dmp, dt, 50); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    th = check_rand(-1, 1);
    om = check_rand(-1, 1);
    gl = check_rand(5, 15);
    dmp = check_rand(0.05, 0.5);
    dt = check_rand(0.01, 0.03);
    check_begin("rk4_pendulum", f, g);
    CHECK_SCALAR(th, d_th);
    CHECK_SCALAR(om, d_om);
    CHECK_SCALAR(gl, d_gl);
    CHECK_SCALAR(dmp, d_dmp);
    check_run();
  }
  return check_done();
}
#endif
