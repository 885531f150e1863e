/* cotan: grad -f student_t --wrt mu,scale,nu */
/* student_t.c: the Student-t log-likelihood, with lgamma of the active
 * degrees of freedom. */
#include <math.h>

double student_t(double mu, double scale, double nu, const double *x, int n) {
  double c = lgamma(0.5 * (nu + 1.0)) - lgamma(0.5 * nu) - 0.5 * log(nu * 3.14159265358979323846) -
             log(scale);
  double ll = n * c;
  for (int i = 0; i < n; i++) {
    double z = (x[i] - mu) / scale;
    ll -= 0.5 * (nu + 1.0) * log1p(z * z / nu);
  }
  return ll;
}

#ifdef COTAN_TEST
#include "check.h"
double student_t_grad(double mu, double *d_mu, double scale, double *d_scale, double nu, double *d_nu, const double *x, int n);

static double mu, scale, nu, x[6], d_mu, d_scale, d_nu;
static double f(void) { return student_t(mu, scale, nu, x, 6); }
static double g(void) { return student_t_grad(mu, &d_mu, scale, &d_scale, nu, &d_nu, x, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    mu = check_rand(-1, 1);
    scale = check_rand(0.5, 2);
    nu = check_rand(1.5, 8);
    check_fill(x, 6, -3, 3);
    check_begin("student_t", f, g);
    CHECK_SCALAR(mu, d_mu);
    CHECK_SCALAR(scale, d_scale);
    CHECK_SCALAR(nu, d_nu);
    check_run();
  }
  return check_done();
}
#endif
