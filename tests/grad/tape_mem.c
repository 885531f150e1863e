/* cotan: grad -f tape_mem */
/* tape_mem.c: values the double tape cannot hold exactly.  A 4-stage RK4
 * whose stages are struct locals declared before the loop (k1..k4 are
 * overwritten each step and read by the reverse sweep), and a long double
 * accumulator overwritten in a loop (saving it as a double would lose
 * precision: the finite differences see the long double arithmetic). */

typedef struct {
  double x, v;
} State;

static State deriv(State s, double k, double c) {
  State d;
  d.x = s.v;
  d.v = -k * s.x - c * s.v * s.v * s.v;
  return d;
}

static State axpy(State a, double h, State b) {
  State r;
  r.x = a.x + h * b.x;
  r.v = a.v + h * b.v;
  return r;
}

double tape_mem(double x0, double v0, double k, double c, int n) {
  State s;
  s.x = x0;
  s.v = v0;
  double h = 0.1;
  State k1, k2, k3, k4;
  for (int i = 0; i < n; i++) {
    k1 = deriv(s, k, c);
    k2 = deriv(axpy(s, h / 2, k1), k, c);
    k3 = deriv(axpy(s, h / 2, k2), k, c);
    k4 = deriv(axpy(s, h, k3), k, c);
    s.x += h / 6 * (k1.x + 2 * k2.x + 2 * k3.x + k4.x);
    s.v += h / 6 * (k1.v + 2 * k2.v + 2 * k3.v + k4.v);
  }
  long double acc = 1.0L;
  for (int i = 0; i < n; i++)
    acc = acc * (long double)s.x + (long double)k * acc * acc / (1.0L + acc * acc);
  return (double)acc + s.v * s.v;
}

#ifdef COTAN_TEST
#include "check.h"
double tape_mem_grad(double x0, double *d_x0, double v0, double *d_v0, double k, double *d_k,
                     double c, double *d_c, int n);

static double x0, d_x0, v0, d_v0, k, d_k, c, d_c;
static double f(void) { return tape_mem(x0, v0, k, c, 8); }
static double g(void) { return tape_mem_grad(x0, &d_x0, v0, &d_v0, k, &d_k, c, &d_c, 8); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    x0 = check_rand(0.5, 1.0);
    v0 = check_rand(-0.5, 0.5);
    k = check_rand(0.5, 2.0);
    c = check_rand(0.0, 0.3);
    check_begin("tape_mem", f, g);
    CHECK_SCALAR(x0, d_x0);
    CHECK_SCALAR(v0, d_v0);
    CHECK_SCALAR(k, d_k);
    CHECK_SCALAR(c, d_c);
    check_run();
  }
  return check_done();
}
#endif
