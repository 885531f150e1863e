/* rk4.c: a damped pendulum integrated with classic Runge-Kutta.
 * final_angle() maps the damping coefficient and the starting angle to
 * where the pendulum is after 5 seconds. */
#include <math.h>
#include <stdio.h>

/* Angular acceleration of a damped pendulum (g / L = 9.81). */
static double accel(double theta, double omega, double damping)
{
    return -9.81 * sin(theta) - damping * omega;
}

double final_angle(double damping, double theta0, int steps)
{
    double theta = theta0, omega = 0.0;
    double h = 5.0 / steps;
    for (int i = 0; i < steps; i++) {
        double k1t = omega;
        double k1o = accel(theta, omega, damping);
        double k2t = omega + h / 2 * k1o;
        double k2o = accel(theta + h / 2 * k1t, omega + h / 2 * k1o, damping);
        double k3t = omega + h / 2 * k2o;
        double k3o = accel(theta + h / 2 * k2t, omega + h / 2 * k2o, damping);
        double k4t = omega + h * k3o;
        double k4o = accel(theta + h * k3t, omega + h * k3o, damping);
        theta += h / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
        omega += h / 6 * (k1o + 2 * k2o + 2 * k3o + k4o);
    }
    return theta;
}

#ifndef COTAN_DEMO /* the demo links its own main with the gradient */
int main(void)
{
    for (double c = 0.0; c <= 1.0; c += 0.5)
        printf("damping %.1f: theta(5 s) = %.10f\n", c, final_angle(c, 1.0, 1000));
    return 0;
}
#endif
