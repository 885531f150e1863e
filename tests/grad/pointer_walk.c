/* cotan: grad -f pointer_walk */
/* pointer_walk.c: walking pointers with p++ and *p++, an end pointer, and
 * pointer arithmetic for the second operand. */
double pointer_walk(const double *p, const double *q, int n) {
  const double *end = p + n;
  double s = 0.0;
  while (p < end) {
    s = 0.5 * s + *p * *q;
    p++;
    q += 1;
  }
  const double *r = q - n;
  for (int i = 0; i < n; i++)
    s += *r++ * 0.25;
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double pointer_walk_grad(const double *p, double *d_p, const double *q, double *d_q, int n);

static double p[7], q[7], d_p[7], d_q[7];
static double f(void) { return pointer_walk(p, q, 7); }
static double g(void) { return pointer_walk_grad(p, d_p, q, d_q, 7); }

int main(void) {
  for (int k = 0; k < 3; k++) {
    check_fill(p, 7, -1, 1);
    check_fill(q, 7, -1, 1);
    check_begin("pointer_walk", f, g);
    CHECK_ARG(p, d_p, 7);
    CHECK_ARG(q, d_q, 7);
    check_run();
  }
  return check_done();
}
#endif
