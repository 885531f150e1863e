/* cotan: grad -f euler_spring --wrt x0,v0,k,c */
/* euler_spring.c: a damped spring stepped with explicit Euler while the
 * time is below T (the step count depends on the data). */
double euler_spring(double x0, double v0, double k, double c, double dt, double T) {
  double x = x0, v = v0, t = 0.0;
  while (t < T) {
    double a = -k * x - c * v;
    x += v * dt;
    v += a * dt;
    t += dt;
  }
  return x * x + 0.1 * v;
}

#ifdef COTAN_TEST
#include "check.h"
double euler_spring_grad(double x0, double *d_x0, double v0, double *d_v0, double k, double *d_k, double c, double *d_c, double dt, double T);

static double x0, v0, k, c, T, d_x0, d_v0, d_k, d_c;
static double f(void) { return euler_spring(x0, v0, k, c, 0.01, T); }
static double g(void) { return euler_spring_grad(x0, &d_x0, v0, &d_v0, k, &d_k, c, &d_c, 0.01, T); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    x0 = check_rand(-1, 1);
    v0 = check_rand(-1, 1);
    k = check_rand(2, 6);
    c = check_rand(0.1, 0.5);
    T = 1.005 + 0.5 * p; /* halfway between two step counts */
    check_begin("euler_spring", f, g);
    CHECK_SCALAR(x0, d_x0);
    CHECK_SCALAR(v0, d_v0);
    CHECK_SCALAR(k, d_k);
    CHECK_SCALAR(c, d_c);
    check_run();
  }
  return check_done();
}
#endif
