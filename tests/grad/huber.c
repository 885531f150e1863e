/* cotan: grad -f huber */
/* huber.c: the Huber loss of residuals, quadratic near zero and linear
 * beyond delta: an if/else on each element. */
#include <math.h>

double huber(const double *pred, const double *obs, int n, double delta) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    double r = pred[i] - obs[i];
    if (fabs(r) <= delta)
      s += 0.5 * r * r;
    else
      s += delta * (fabs(r) - 0.5 * delta);
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double huber_grad(const double *pred, double *d_pred, const double *obs, double *d_obs, int n, double delta, double *d_delta);

static double pred[8], obs[8], delta, d_pred[8], d_obs[8], d_delta;
static double f(void) { return huber(pred, obs, 8, delta); }
static double g(void) { return huber_grad(pred, d_pred, obs, d_obs, 8, delta, &d_delta); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(obs, 8, -1, 1);
    delta = 1.0;
    for (int i = 0; i < 8; i++) /* residuals in (-3,-1.2) u (-0.8,0.8) u (1.2,3) */
      pred[i] = obs[i] + (i % 3 == 0 ? check_rand(-0.8, 0.8) : (i % 2 ? 1 : -1) * check_rand(1.2, 3));
    check_begin("huber", f, g);
    CHECK_ARG(pred, d_pred, 8);
    CHECK_ARG(obs, d_obs, 8);
    CHECK_SCALAR(delta, d_delta);
    check_run();
  }
  return check_done();
}
#endif
