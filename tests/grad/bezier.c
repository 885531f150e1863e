/* cotan: grad -f bezier */
/* bezier.c: a point on a Bezier curve by de Casteljau's algorithm: a local
 * copy of the control points overwritten in place, level by level. */
double bezier(const double *ctrl, int n, double t) {
  double b[8];
  for (int i = 0; i < n; i++) b[i] = ctrl[i];
  for (int level = 1; level < n; level++)
    for (int i = 0; i < n - level; i++)
      b[i] = (1.0 - t) * b[i] + t * b[i + 1];
  return b[0];
}

#ifdef COTAN_TEST
#include "check.h"
double bezier_grad(const double *ctrl, double *d_ctrl, int n, double t, double *d_t);

static double ctrl[6], d_ctrl[6], t, d_t;
static double f(void) { return bezier(ctrl, 6, t); }
static double g(void) { return bezier_grad(ctrl, d_ctrl, 6, t, &d_t); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(ctrl, 6, -2, 2);
    t = check_rand(0.1, 0.9);
    check_begin("bezier", f, g);
    CHECK_ARG(ctrl, d_ctrl, 6);
    CHECK_SCALAR(t, d_t);
    check_run();
  }
  return check_done();
}
#endif
