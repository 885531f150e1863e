/* cotan: grad -f tracking_cost --wrt gains */
/* pid_tune.c: tuning a PID controller.  The gains are a struct passed by
 * value (struct pid gains gives struct pid *d_gains); the plant is a
 * damped second-order system simulated by semi-implicit Euler; the cost is
 * the integrated squared tracking error plus a control-effort term. */

struct pid {
  double kp, ki, kd;
};

struct plant {
  double mass, damping, stiffness;
};

double tracking_cost(struct pid gains, const struct plant *pl, double setpoint, double dt, int steps) {
  double x = 0.0, v = 0.0, integral = 0.0, prev_err = setpoint;
  double cost = 0.0;
  for (int k = 0; k < steps; k++) {
    double err = setpoint - x;
    integral += err * dt;
    double deriv = (err - prev_err) / dt;
    prev_err = err;
    double u = gains.kp * err + gains.ki * integral + gains.kd * deriv;
    double a = (u - pl->damping * v - pl->stiffness * x) / pl->mass;
    v += a * dt;
    x += v * dt;
    cost += (err * err + 1e-3 * u * u) * dt;
  }
  return cost;
}

#ifdef COTAN_TEST
#include "check.h"
double tracking_cost_grad(struct pid gains, struct pid *d_gains, const struct plant *pl, double setpoint, double dt, int steps);

static struct pid gains, d_gains;
static struct plant pl;
static double f(void) { return tracking_cost(gains, &pl, 1.0, 0.02, 150); }
static double g(void) { return tracking_cost_grad(gains, &d_gains, &pl, 1.0, 0.02, 150); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    gains.kp = check_rand(2, 8);
    gains.ki = check_rand(0.5, 2);
    gains.kd = check_rand(0.2, 1);
    pl.mass = check_rand(0.8, 1.5);
    pl.damping = check_rand(0.2, 0.8);
    pl.stiffness = check_rand(1, 3);
    check_begin("pid_tune", f, g);
    CHECK_STRUCT(gains, d_gains);
    check_run();
  }
  return check_done();
}
#endif
