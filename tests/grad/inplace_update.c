/* cotan: grad -f inplace_update */
/* inplace_update.c: an input array updated in place, x[i] = g(x[i]), then
 * read again (also at other indices) after the update. */
#include <math.h>

double inplace_update(double *x, int n, double a) {
  for (int i = 0; i < n; i++)
    x[i] = 2.0 * tanh(a * x[i]);
  for (int i = 0; i + 1 < n; i++)
    x[i] = x[i] * x[i] + x[i + 1];
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += x[i];
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double inplace_update_grad(double *x, double *d_x, int n, double a, double *d_a);

/* F writes its input: evaluate on copies (see check.h) */
static double x[6], d_x[6], a, d_a, work[6];
static double f(void) { memcpy(work, x, sizeof x); return inplace_update(work, 6, a); }
static double g(void) { memcpy(work, x, sizeof x); return inplace_update_grad(work, d_x, 6, a, &d_a); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 6, -1, 1);
    a = check_rand(0.5, 1.5);
    check_begin("inplace_update", f, g);
    check_no_twice();
    CHECK_ARG(x, d_x, 6);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
