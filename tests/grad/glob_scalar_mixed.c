/* cotan: grad -f boltzmann_nll --wrt temperature,e */
/* glob_scalar_mixed.c: a global scalar beside a parameter in --wrt
 * (temperature is a file-scope double: d_temperature is a global the
 * generated file defines; e gets its d_e parameter).  The negative
 * log-likelihood of observed states under a Boltzmann distribution. */
#include <math.h>

double temperature = 1.0;
int n_states = 5; /* an int global, never differentiated */

double boltzmann_nll(const double *e, const int *obs, int m) {
  double emin = e[0];
  for (int i = 1; i < n_states; i++)
    emin = fmin(emin, e[i]);
  double z = 0.0;
  for (int i = 0; i < n_states; i++)
    z += exp(-(e[i] - emin) / temperature);
  double log_z = log(z) - emin / temperature;
  double nll = 0.0;
  for (int k = 0; k < m; k++)
    nll += e[obs[k]] / temperature + log_z;
  return nll / m;
}

#ifdef COTAN_TEST
#include "check.h"
double boltzmann_nll_grad(const double *e, double *d_e, const int *obs, int m);
extern double d_temperature;
#ifdef COTAN_SELFTEST
double d_temperature;
#endif

#define M 7
static double e[5], d_e[5];
static int obs[M];
static double f(void) { return boltzmann_nll(e, obs, M); }
static double g(void) { return boltzmann_nll_grad(e, d_e, obs, M); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < 5; i++) e[i] = 0.4 * i + check_rand(-0.15, 0.15);
    for (int k = 0; k < M; k++) obs[k] = (k * 3 + p) % 5;
    temperature = check_rand(0.5, 2);
    check_begin("glob_scalar_mixed", f, g);
    CHECK_ARG(e, d_e, 5);
    CHECK_SCALAR(temperature, d_temperature);
    check_run();
  }
  return check_done();
}
#endif
