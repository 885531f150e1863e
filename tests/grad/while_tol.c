/* cotan: grad -f while_tol */
/* while_tol.c: a series summed until the next term is negligible, so the
 * iteration count depends on the data: exp(x) * a by its Taylor series. */
#include <math.h>

double while_tol(double x, double a) {
  double term = a, sum = a;
  int k = 0;
  while (fabs(term) > 1e-17 * fabs(sum)) {
    k++;
    term *= x / k;
    sum += term;
  }
  return sum;
}

#ifdef COTAN_TEST
#include "check.h"
double while_tol_grad(double x, double *d_x, double a, double *d_a);

static double x, a, d_x, d_a;
static double f(void) { return while_tol(x, a); }
static double g(void) { return while_tol_grad(x, &d_x, a, &d_a); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(0.2, 3);
    a = check_rand(0.5, 2);
    check_begin("while_tol", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
