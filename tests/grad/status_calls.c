/* cotan: grad -f integrate */
/* status_calls.c: functions that update their arguments in place and
 * return a status or a value that is only tested, called inside
 * expressions: `int ok = step(...)`, `if (!step(...))`, `if (norm2(...) >
 * big)`, `n += step(...)`.  Each call's derivative must still run; before,
 * only a call written as a statement of its own had one (the others gave
 * a silently wrong gradient).  Found by the red-team run. */
#include <math.h>

/* one explicit Euler step of dy/dt = -k y + sin(t); 0 when it diverged */
static int step(double *y, double k, double t, double dt) {
  y[0] += dt * (-k * y[0] + sin(t));
  y[1] += dt * (-k * y[1] * y[0]);
  return fabs(y[0]) < 1e6;
}

static double norm2(double *y) {
  y[0] *= 1.0; /* a write, so the call counts as one that writes */
  return y[0] * y[0] + y[1] * y[1];
}

double integrate(const double *y0, double k, int steps) {
  double y[2] = {y0[0], y0[1]};
  double dt = 0.05, penalty = 0.0;
  int ok = step(y, k, 0.0, dt);
  int taken = 1;
  for (int i = 1; i < steps; i++) {
    if (!step(y, k, i * dt, dt))
      ok = 0;
    taken += step(y, 0.5 * k, (i + 0.5) * dt, 0.5 * dt);
    if (norm2(y) > 100.0)
      penalty += 1.0;
  }
  return ok ? y[0] * y[1] + penalty + 0.001 * taken : 0.0;
}

#ifdef COTAN_TEST
#include "check.h"
double integrate_grad(const double *y0, double *d_y0, double k, double *d_k, int steps);

static double y0v[2], d_y0v[2], k, d_k;
static double f(void) { return integrate(y0v, k, 12); }
static double g(void) { return integrate_grad(y0v, d_y0v, k, &d_k, 12); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(y0v, 2, 0.5, 1.5);
    k = check_rand(0.2, 1.0);
    check_begin("status_calls", f, g);
    CHECK_ARG(y0v, d_y0v, 2);
    CHECK_SCALAR(k, d_k);
    check_run();
  }
  return check_done();
}
#endif
