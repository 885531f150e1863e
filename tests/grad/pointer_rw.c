/* cotan: grad -f pointer_rw */
/* pointer_rw.c: pointer parameters read and written through *p and p[i]:
 * a scalar updated through a pointer, an output array written and read. */
#include <math.h>

double pointer_rw(double *p, double *q, double *out, int n) {
  *p = *p * *q;
  *q += *p;
  for (int i = 0; i < n; i++)
    out[i] = sin(*p + i) * *q;
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += out[i] * out[n - 1 - i];
  return s + *p;
}

#ifdef COTAN_TEST
#include "check.h"
double pointer_rw_grad(double *p, double *d_p, double *q, double *d_q, double *out, double *d_out, int n);

/* F writes p, q and out: evaluate on copies */
static double p0, q0, o[4], d_p, d_q, d_o[4];
static double wp, wq, wo[4];
static double f(void) { wp = p0; wq = q0; memcpy(wo, o, sizeof o); return pointer_rw(&wp, &wq, wo, 4); }
static double g(void) {
  wp = p0; wq = q0; memcpy(wo, o, sizeof o);
  return pointer_rw_grad(&wp, &d_p, &wq, &d_q, wo, d_o, 4);
}

int main(void) {
  for (int k = 0; k < 3; k++) {
    p0 = check_rand(-1, 1);
    q0 = check_rand(-1, 1);
    check_fill(o, 4, -1, 1); /* overwritten before it is read: gradient 0 */
    check_begin("pointer_rw", f, g);
    check_no_twice();
    CHECK_SCALAR(p0, d_p);
    CHECK_SCALAR(q0, d_q);
    CHECK_ARG(o, d_o, 4);
    check_run();
  }
  return check_done();
}
#endif
