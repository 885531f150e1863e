/* cotan: vjp -f solve_diag --wrt a,b --out x */
/* vjp_status.c: a function that returns a status code (int) and writes its
 * results through a pointer: the vjp returns the status unchanged, takes
 * no d_return (an integer has no derivative), and differentiates the
 * outputs. A diagonal solve with a guard on tiny pivots. */
#include <math.h>

int solve_diag(const double *a, const double *b, double *x, int n) {
  int status = 0;
  for (int i = 0; i < n; i++) {
    if (fabs(a[i]) < 1e-12) {
      x[i] = 0.0;
      status = 1;
    } else {
      x[i] = b[i] / a[i];
    }
  }
  return status;
}

#ifdef COTAN_TEST
#include "check.h"
int solve_diag_vjp(const double *a, double *d_a, const double *b, double *d_b, double *x, double *d_x, int n);

#define N 5
static double a[N], d_a[N], b[N], d_b[N], x[N], d_x[N], seed[N];
static double f(void) {
  solve_diag(a, b, x, N);
  return check_dot(seed, x, N);
}
static double g(void) {
  check_seed(d_x, seed, N);
  check_poison(x, N);
  int st = solve_diag_vjp(a, d_a, b, d_b, x, d_x, N);
  CHECK_ZEROED(d_x, N);
  check_entry("status", st, 0, 1);
  return check_dot(seed, x, N);
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N; i++) {
      a[i] = check_rand(0.5, 2) * (i % 2 ? 1 : -1);
      b[i] = check_rand(-1, 1);
      seed[i] = check_rand(-1, 1);
    }
    check_begin("vjp_status", f, g);
    CHECK_ARG(a, d_a, N);
    CHECK_ARG(b, d_b, N);
    check_run();
  }
  return check_done();
}
#endif
