/* cotan: grad -f alias_local_ptr */
/* alias_local_ptr.c: writes through a local copy of a pointer.  In the
 * callee, `double *p = v; p[i] = ...` updates v's memory in place; in F,
 * `xp = tmp` / `xp = out` make xp an alias of a local array or of F's
 * pointer parameter, and the memory written through xp is still needed. */
#include <math.h>

static void square_inplace(double *v, int n) {
  double *p = v;
  for (int i = 0; i < n; i++)
    p[i] = p[i] * p[i];
}

static double shift_sum(double *v, int n, double a) {
  double *q = v + 1;
  double s = 0.0;
  for (int i = 0; i + 1 < n; i++) {
    s += q[i] * v[i];
    q[i] = sin(q[i]) + a;
  }
  return s;
}

double alias_local_ptr(double *x, double *out, int n, double a) {
  double tmp[4];
  double *xp = tmp;
  for (int i = 0; i < n; i++)
    xp[i] = x[i] * a;
  square_inplace(tmp, n);
  double r = shift_sum(tmp, n, a);
  xp = out;
  for (int i = 0; i < n; i++)
    xp[i] = tmp[i] * x[i];
  for (int i = 0; i < n; i++)
    r += out[i] * out[i];
  for (int i = 0; i < n; i++)
    xp[i] = cos(out[i]) * a;
  square_inplace(out, n);
  for (int i = 0; i < n; i++)
    r += out[i] * x[i];
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double alias_local_ptr_grad(double *x, double *d_x, double *out, double *d_out, int n, double a,
                            double *d_a);

/* F writes out (an output, overwritten before it is read): evaluate on copies */
static double x[4], d_x[4], out[4], d_out[4], a, d_a;
static double ow[4];
static double f(void) {
  memcpy(ow, out, sizeof out);
  return alias_local_ptr(x, ow, 4, a);
}
static double g(void) {
  memcpy(ow, out, sizeof out);
  return alias_local_ptr_grad(x, d_x, ow, d_out, 4, a, &d_a);
}

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 4, -1, 1);
    check_fill(out, 4, -1, 1);
    a = check_rand(0.5, 1.5);
    check_begin("alias_local_ptr", f, g);
    check_no_twice();
    CHECK_ARG(x, d_x, 4);
    CHECK_ARG(out, d_out, 4);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
