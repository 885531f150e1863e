/* cotan: grad -f trapezoid */
/* trapezoid.c: the trapezoidal rule for the integral over [0, T] of
 * exp(-a t) sin(b t), differentiated with respect to a, b and T. */
#include <math.h>

static double integrand(double t, double a, double b) { return exp(-a * t) * sin(b * t); }

double trapezoid(double a, double b, double T, int n) {
  double h = T / n;
  double s = 0.5 * (integrand(0.0, a, b) + integrand(T, a, b));
  for (int i = 1; i < n; i++)
    s += integrand(i * h, a, b);
  return s * h;
}

#ifdef COTAN_TEST
#include "check.h"
double trapezoid_grad(double a, double *d_a, double b, double *d_b, double T, double *d_T, int n);

static double a, b, T, d_a, d_b, d_T;
static double f(void) { return trapezoid(a, b, T, 40); }
static double g(void) { return trapezoid_grad(a, &d_a, b, &d_b, T, &d_T, 40); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    a = check_rand(0.2, 2);
    b = check_rand(0.5, 4);
    T = check_rand(1, 3);
    check_begin("trapezoid", f, g);
    CHECK_SCALAR(a, d_a);
    CHECK_SCALAR(b, d_b);
    CHECK_SCALAR(T, d_T);
    check_run();
  }
  return check_done();
}
#endif
