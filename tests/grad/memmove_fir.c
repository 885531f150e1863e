/* cotan: grad -f fir_output_power */
/* memmove_fir.c: memmove of an overlapping range inside one active array.
 * An adaptive FIR filter keeps its delay line in a local array shifted by
 * one slot per sample with memmove; the filter taps adapt by normalised
 * LMS; the result is the mean squared error against a reference. */
#include <string.h>

#define TAPS 4

double fir_output_power(const double *taps0, const double *x, const double *ref, int n, double mu) {
  double line[TAPS] = {0}, w[TAPS];
  memcpy(w, taps0, sizeof w);
  double mse = 0.0;
  for (int t = 0; t < n; t++) {
    memmove(&line[1], &line[0], (TAPS - 1) * sizeof line[0]);
    line[0] = x[t];
    double y = 0.0, energy = 1e-3;
    for (int k = 0; k < TAPS; k++) {
      y += w[k] * line[k];
      energy += line[k] * line[k];
    }
    double e = ref[t] - y;
    for (int k = 0; k < TAPS; k++)
      w[k] += mu * e * line[k] / energy;
    mse += e * e;
  }
  return mse / n;
}

#ifdef COTAN_TEST
#include "check.h"
double fir_output_power_grad(const double *taps0, double *d_taps0, const double *x, double *d_x, const double *ref, double *d_ref, int n, double mu, double *d_mu);

#define N 10
static double taps[TAPS], d_taps[TAPS], x[N], d_x[N], ref[N], d_ref[N], mu, d_mu;
static double f(void) { return fir_output_power(taps, x, ref, N, mu); }
static double g(void) { return fir_output_power_grad(taps, d_taps, x, d_x, ref, d_ref, N, mu, &d_mu); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(taps, TAPS, -0.5, 0.5);
    check_fill(x, N, -1, 1);
    for (int t = 0; t < N; t++) ref[t] = 0.7 * x[t] - 0.2 * (t ? x[t - 1] : 0) + check_rand(-0.1, 0.1);
    mu = check_rand(0.1, 0.5);
    check_begin("memmove_fir", f, g);
    CHECK_ARG(taps, d_taps, TAPS);
    CHECK_ARG(x, d_x, N);
    CHECK_ARG(ref, d_ref, N);
    CHECK_SCALAR(mu, d_mu);
    check_run();
  }
  return check_done();
}
#endif
