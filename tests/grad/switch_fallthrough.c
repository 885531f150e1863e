/* cotan: grad -f switch_fallthrough */
/* switch_fallthrough.c: a switch on an int mode, with fall-through between
 * cases, break, and a default; the active value is updated in each case. */
#include <math.h>

double switch_fallthrough(double x, double a, int mode) {
  double r = x;
  switch (mode) {
  case 0:
    r = r * r;
    /* fall through */
  case 1:
    r += sin(a * r);
    break;
  case 2:
    r = exp(-r) * a;
    /* fall through */
  case 3:
  case 4:
    r *= 3.0 + a;
    break;
  default:
    r = -r / a;
    break;
  }
  return r * a + x;
}

#ifdef COTAN_TEST
#include "check.h"
double switch_fallthrough_grad(double x, double *d_x, double a, double *d_a, int mode);

static double x, a, d_x, d_a;
static int mode;
static double f(void) { return switch_fallthrough(x, a, mode); }
static double g(void) { return switch_fallthrough_grad(x, &d_x, a, &d_a, mode); }

int main(void) {
  for (int p = 0; p < 12; p++) {
    mode = p % 6;
    x = check_rand(-1.5, 1.5);
    a = check_rand(0.5, 2);
    check_begin("switch_fallthrough", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
