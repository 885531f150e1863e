/* cotan: grad -f black_scholes */
/* black_scholes.c: the Black-Scholes price of a European call; the gradient
 * gives the greeks (delta, vega, rho, theta-like, strike sensitivity). */
#include <math.h>

static double norm_cdf(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

double black_scholes(double S, double K, double r, double sigma, double T) {
  double sq = sigma * sqrt(T);
  double d1 = (log(S / K) + (r + 0.5 * sigma * sigma) * T) / sq;
  double d2 = d1 - sq;
  return S * norm_cdf(d1) - K * exp(-r * T) * norm_cdf(d2);
}

#ifdef COTAN_TEST
#include "check.h"
double black_scholes_grad(double S, double *d_S, double K, double *d_K, double r, double *d_r, double sigma, double *d_sigma, double T, double *d_T);

static double S, K, r, sigma, T, d_S, d_K, d_r, d_sigma, d_T;
static double f(void) { return black_scholes(S, K, r, sigma, T); }
static double g(void) { return black_scholes_grad(S, &d_S, K, &d_K, r, &d_r, sigma, &d_sigma, T, &d_T); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    S = check_rand(80, 120);
    K = check_rand(90, 110);
    r = check_rand(0.01, 0.05);
    sigma = check_rand(0.15, 0.4);
    T = check_rand(0.25, 2);
    check_begin("black_scholes", f, g);
    CHECK_SCALAR(S, d_S);
    CHECK_SCALAR(K, d_K);
    CHECK_SCALAR(r, d_r);
    CHECK_SCALAR(sigma, d_sigma);
    CHECK_SCALAR(T, d_T);
    check_run();
  }
  return check_done();
}
#endif
