/* cotan: grad -f peak_energy */
/* heap_realloc_peaks.c: a growable array of doubles whose LENGTH depends on
 * the data (local maxima of a smoothed signal, found by comparisons): the
 * buffer starts empty (NULL), grows by realloc doubling, and the cost is
 * the soft-maximum energy of the peaks found. */
#include <math.h>
#include <stdlib.h>

double peak_energy(const double *signal, int n, double temp) {
  double *peaks = NULL;
  int len = 0, cap = 0;
  for (int i = 1; i + 1 < n; i++) {
    double s = 0.25 * signal[i - 1] + 0.5 * signal[i] + 0.25 * signal[i + 1];
    double l = i > 1 ? 0.25 * signal[i - 2] + 0.5 * signal[i - 1] + 0.25 * signal[i] : signal[0];
    double r = i + 2 < n ? 0.25 * signal[i] + 0.5 * signal[i + 1] + 0.25 * signal[i + 2] : signal[n - 1];
    if (s > l && s > r) {
      if (len == cap) {
        cap = cap ? 2 * cap : 1;
        peaks = realloc(peaks, cap * sizeof *peaks);
      }
      peaks[len++] = s;
    }
  }
  double z = 0.0;
  for (int k = 0; k < len; k++)
    z += exp(peaks[k] / temp);
  free(peaks);
  return temp * log(1.0 + z);
}

#ifdef COTAN_TEST
#include "check.h"
double peak_energy_grad(const double *signal, double *d_signal, int n, double temp, double *d_temp);

#define N 16
static double sig[N], d_sig[N], temp, d_temp;
static double f(void) { return peak_energy(sig, N, temp); }
static double g(void) { return peak_energy_grad(sig, d_sig, N, temp, &d_temp); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N; i++) sig[i] = sin(1.7 * i + p) + 0.3 * sin(4.1 * i) + check_rand(-0.05, 0.05);
    temp = check_rand(0.5, 1.5);
    check_begin("heap_realloc_peaks", f, g);
    CHECK_ARG(sig, d_sig, N);
    CHECK_SCALAR(temp, d_temp);
    check_run();
  }
  return check_done();
}
#endif
