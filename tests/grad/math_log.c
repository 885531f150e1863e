/* cotan: grad -f math_log */
/* math_log.c: log log2 log10 log1p (double forms).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_log(double x_log, double x_log2, double x_log10, double x_log1p) {
  double r = log(x_log);
  r += log2(x_log2);
  r += log10(x_log10);
  r += log1p(x_log1p);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_log_grad(double x_log, double *d_x_log, double x_log2, double *d_x_log2, double x_log10, double *d_x_log10, double x_log1p, double *d_x_log1p);

static double x_log, d_x_log;
static double x_log2, d_x_log2;
static double x_log10, d_x_log10;
static double x_log1p, d_x_log1p;
static double f(void) { return math_log(x_log, x_log2, x_log10, x_log1p); }
static double g(void) { return math_log_grad(x_log, &d_x_log, x_log2, &d_x_log2, x_log10, &d_x_log10, x_log1p, &d_x_log1p); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_log = check_rand(0.2, 5);
    x_log2 = check_rand(0.2, 5);
    x_log10 = check_rand(0.2, 5);
    x_log1p = check_rand(-0.5, 3);
    check_begin("math_log", f, g);
    CHECK_SCALAR(x_log, d_x_log);
    CHECK_SCALAR(x_log2, d_x_log2);
    CHECK_SCALAR(x_log10, d_x_log10);
    CHECK_SCALAR(x_log1p, d_x_log1p);
    check_run();
  }
  return check_done();
}
#endif
