/* rk4.c: classic fourth-order Runge-Kutta for a damped oscillator and
 * the Lorenz system, state kept in a struct passed by value. */
#include <stdio.h>

#define DIMS 3

typedef struct {
  double y[DIMS];
} State;

typedef State (*Deriv)(double t, State s, const double *params);

static State axpy(double a, State x, State y) {
  State r;
  for (int i = 0; i < DIMS; i++)
    r.y[i] = a * x.y[i] + y.y[i];
  return r;
}

static State oscillator(double t, State s, const double *p) {
  (void)t;
  State d = {{s.y[1], -p[0] * s.y[0] - p[1] * s.y[1], 0.0}};
  return d;
}

static State lorenz(double t, State s, const double *p) {
  (void)t;
  return (State){{p[0] * (s.y[1] - s.y[0]), s.y[0] * (p[1] - s.y[2]) - s.y[1],
                   s.y[0] * s.y[1] - p[2] * s.y[2]}};
}

static State rk4_step(Deriv f, double t, State s, double h, const double *p) {
  State k1 = f(t, s, p);
  State k2 = f(t + h / 2, axpy(h / 2, k1, s), p);
  State k3 = f(t + h / 2, axpy(h / 2, k2, s), p);
  State k4 = f(t + h, axpy(h, k3, s), p);
  State out;
  for (int i = 0; i < DIMS; i++)
    out.y[i] = s.y[i] + h / 6 * (k1.y[i] + 2 * k2.y[i] + 2 * k3.y[i] + k4.y[i]);
  return out;
}

static State integrate(Deriv f, State s, double t0, double t1, int steps, const double *p) {
  double h = (t1 - t0) / steps;
  for (int i = 0; i < steps; i++)
    s = rk4_step(f, t0 + i * h, s, h, p);
  return s;
}

int main(void) {
  const double osc[] = {4.0, 0.1};
  State s = integrate(oscillator, (State){{1.0, 0.0, 0.0}}, 0.0, 10.0, 1000, osc);
  printf("oscillator: %.17g %.17g\n", s.y[0], s.y[1]);
  const double lz[] = {10.0, 28.0, 8.0 / 3.0};
  State l = integrate(lorenz, (State){{1.0, 1.0, 1.0}}, 0.0, 1.0, 200, lz);
  printf("lorenz: %.17g %.17g %.17g\n", l.y[0], l.y[1], l.y[2]);
  return 0;
}
