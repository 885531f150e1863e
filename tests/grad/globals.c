/* cotan: grad -f globals */
/* globals.c: reads of global constants and variables (external and static,
 * scalars and a table) inside the differentiated function. */
#include <math.h>

#define NCOEF 4

static const double G = 9.81;
const double coef[NCOEF] = {0.5, -1.25, 0.75, 0.125};
double rho = 1.225;
static double area = 0.3;
int nsteps = 3;

double globals(double v, double m) {
  double drag = 0.5 * rho * area * v * v;
  double acc = G - drag / m;
  double p = 0.0;
  for (int i = NCOEF - 1; i >= 0; i--)
    p = p * v + coef[i];
  for (int k = 0; k < nsteps; k++)
    acc = acc * 0.9 + p / m;
  return acc;
}

#ifdef COTAN_TEST
#include "check.h"
double globals_grad(double v, double *d_v, double m, double *d_m);

static double v, m, d_v, d_m;
static double f(void) { return globals(v, m); }
static double g(void) { return globals_grad(v, &d_v, m, &d_m); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    v = check_rand(0.5, 3);
    m = check_rand(1, 5);
    rho = check_rand(1, 1.3); /* a global the gradient reads at its current value */
    check_begin("globals", f, g);
    CHECK_SCALAR(v, d_v);
    CHECK_SCALAR(m, d_m);
    check_run();
  }
  return check_done();
}
#endif
