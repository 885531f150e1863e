/* cotan: grad -f call_out_param */
/* call_out_param.c: a helper returning results through pointer parameters
 * (void, two outputs), called on locals and on array elements. */
#include <math.h>

static void polar_to_xy(double r, double t, double *x, double *y) {
  *x = r * cos(t);
  *y = r * sin(t);
}

double call_out_param(const double *r, const double *t, int n) {
  double px[4], py[4];
  for (int i = 0; i < n; i++)
    polar_to_xy(r[i], t[i], &px[i], py + i);
  double area = 0.0;
  for (int i = 0; i < n; i++) {
    int j = (i + 1) % n;
    area += px[i] * py[j] - px[j] * py[i];
  }
  double cx, cy;
  polar_to_xy(r[0], area, &cx, &cy);
  return 0.5 * area + cx * cy;
}

#ifdef COTAN_TEST
#include "check.h"
double call_out_param_grad(const double *r, double *d_r, const double *t, double *d_t, int n);

static double r[4], t[4], d_r[4], d_t[4];
static double f(void) { return call_out_param(r, t, 4); }
static double g(void) { return call_out_param_grad(r, d_r, t, d_t, 4); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < 4; i++) {
      r[i] = check_rand(0.5, 2);
      t[i] = i * 1.5 + check_rand(-0.3, 0.3);
    }
    check_begin("call_out_param", f, g);
    CHECK_ARG(r, d_r, 4);
    CHECK_ARG(t, d_t, 4);
    check_run();
  }
  return check_done();
}
#endif
