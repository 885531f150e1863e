/* cotan: vjp -f softmax --wrt z,temp --out p */
/* vjp_softmax_lse.c: a vector output plus a floating return value: the
 * tempered softmax probabilities written to p, and the log-partition
 * (log-sum-exp) returned; softmax_vjp takes the seed of p in d_p and the
 * seed of the return value as its last parameter, d_return. */
#include <math.h>

double softmax(const double *z, int n, double temp, double *p) {
  double m = z[0];
  for (int i = 1; i < n; i++)
    if (z[i] > m) m = z[i];
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    p[i] = exp((z[i] - m) / temp);
    s += p[i];
  }
  for (int i = 0; i < n; i++)
    p[i] /= s;
  return m / temp + log(s);
}

#ifdef COTAN_TEST
#include "check.h"
double softmax_vjp(const double *z, double *d_z, int n, double temp, double *d_temp, double *p, double *d_p, double d_return);

#define N 5
static double z[N], d_z[N], temp, d_temp, pr[N], d_pr[N], seed[N], w;
static double f(void) {
  double r = softmax(z, N, temp, pr);
  return check_dot(seed, pr, N) + w * r;
}
static double g(void) {
  check_seed(d_pr, seed, N);
  check_poison(pr, N);
  double r = softmax_vjp(z, d_z, N, temp, &d_temp, pr, d_pr, w);
  CHECK_ZEROED(d_pr, N);
  return check_dot(seed, pr, N) + w * r;
}

int main(void) {
  for (int p = 0; p < 5; p++) {
    check_fill(z, N, -2, 2);
    temp = check_rand(0.5, 2);
    check_fill(seed, N, -1, 1);
    w = p == 4 ? 0.0 : check_rand(-1, 1); /* the last point: the return value unseeded */
    check_begin("vjp_softmax_lse", f, g);
    CHECK_ARG(z, d_z, N);
    CHECK_SCALAR(temp, d_temp);
    check_run();
  }
  return check_done();
}
#endif
