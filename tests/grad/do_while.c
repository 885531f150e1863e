/* cotan: grad -f do_while */
/* do_while.c: Newton's method for the cube root in a do-while loop that runs
 * until the step is negligible (a data-dependent iteration count). */
#include <math.h>

double do_while(double a, double w) {
  double y = a > 1.0 ? a / 3.0 : 1.0, step;
  int it = 0;
  do {
    step = (y * y * y - a) / (3.0 * y * y);
    y -= step;
    it++;
  } while (fabs(step) > 1e-15 * y && it < 100);
  return w * y + y * y;
}

#ifdef COTAN_TEST
#include "check.h"
double do_while_grad(double a, double *d_a, double w, double *d_w);

static double a, w, d_a, d_w;
static double f(void) { return do_while(a, w); }
static double g(void) { return do_while_grad(a, &d_a, w, &d_w); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    a = check_rand(0.3, 20);
    w = check_rand(-1, 1);
    check_begin("do_while", f, g);
    CHECK_SCALAR(a, d_a);
    CHECK_SCALAR(w, d_w);
    check_run();
  }
  return check_done();
}
#endif
