/* lib/stats.c: the log densities of lib/stats.h, compiled separately. */
#include <math.h>
#include "stats.h"

double normal_logpdf(double x, double mu, double log_sigma) {
  double z = (x - mu) * exp(-log_sigma);
  return -0.5 * z * z - log_sigma - 0.91893853320467274;
}

double student_t_logpdf(double x, double mu, double log_scale, double nu) {
  double z = (x - mu) * exp(-log_scale);
  return lgamma(0.5 * (nu + 1)) - lgamma(0.5 * nu) - 0.5 * log(nu * 3.14159265358979323846) -
         log_scale - 0.5 * (nu + 1) * log1p(z * z / nu);
}

double log_sum_exp(const double *v, int n) {
  double m = v[0], s = 0.0;
  for (int i = 1; i < n; i++)
    if (v[i] > m) m = v[i];
  for (int i = 0; i < n; i++)
    s += exp(v[i] - m);
  return m + log(s);
}
