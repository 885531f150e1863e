/* cotan: grad -f return_in_loop */
/* return_in_loop.c: a return from inside a loop (the first element above a
 * threshold decides the result), and a fallback return after the loop. */
#include <math.h>

double return_in_loop(const double *x, int n, double thr) {
  double acc = 0.0;
  for (int i = 0; i < n; i++) {
    acc = 0.5 * acc + x[i];
    if (x[i] > thr)
      return acc * x[i] + thr;
  }
  return acc * thr;
}

#ifdef COTAN_TEST
#include "check.h"
double return_in_loop_grad(const double *x, double *d_x, int n, double thr, double *d_thr);

static double x[8], d_x[8], thr, d_thr;
static double f(void) { return return_in_loop(x, 8, thr); }
static double g(void) { return return_in_loop_grad(x, d_x, 8, thr, &d_thr); }

int main(void) {
  static const double thrs[] = {0.85, 0.5, 2.0};
  for (int p = 0; p < 3; p++) {
    check_fill(x, 8, -1, 1);
    x[3 + p] = 0.95; /* the first one above the threshold, or none for p = 2 */
    for (int i = 0; i < 8; i++)
      if (fabs(x[i] - thrs[p]) < 0.05) x[i] -= 0.1;
    thr = thrs[p];
    check_begin("return_in_loop", f, g);
    CHECK_ARG(x, d_x, 8);
    CHECK_SCALAR(thr, d_thr);
    check_run();
  }
  return check_done();
}
#endif
