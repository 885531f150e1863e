/* rk4.c: a damped pendulum integrated with classic Runge-Kutta.
 * final_angle() maps the damping coefficient to where the pendulum ends. */
#include <math.h>
#include <stdio.h>

typedef struct {
  double theta; /* angle, radians */
  double omega; /* angular velocity */
} State;

static State deriv(State s, double damping) {
  return (State){s.omega, -9.81 * sin(s.theta) - damping * s.omega};
}

static State add_scaled(State s, State d, double h) {
  return (State){s.theta + h * d.theta, s.omega + h * d.omega};
}

double final_angle(double damping, double theta0, int steps) {
  State s = {theta0, 0.0};
  double h = 5.0 / steps;
  for (int i = 0; i < steps; i++) {
    State k1 = deriv(s, damping);
    State k2 = deriv(add_scaled(s, k1, h / 2), damping);
    State k3 = deriv(add_scaled(s, k2, h / 2), damping);
    State k4 = deriv(add_scaled(s, k3, h), damping);
    s.theta += h / 6 * (k1.theta + 2 * k2.theta + 2 * k3.theta + k4.theta);
    s.omega += h / 6 * (k1.omega + 2 * k2.omega + 2 * k3.omega + k4.omega);
  }
  return s.theta;
}

int main(void) {
  for (double c = 0.0; c <= 1.0; c += 0.5)
    printf("damping %.1f: theta(5 s) = %.10f\n", c, final_angle(c, 1.0, 1000));
  return 0;
}
