/* stats.c: mean, variance (two-pass and Welford), covariance,
 * correlation and the median through qsort. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct welford {
  long n;
  double mean, m2;
};

static void welford_add(struct welford *w, double x) {
  w->n++;
  double d = x - w->mean;
  w->mean += d / w->n;
  w->m2 += d * (x - w->mean);
}

static double mean(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += x[i];
  return s / n;
}

static double covariance(const double *x, const double *y, int n) {
  double mx = mean(x, n), my = mean(y, n), s = 0;
  for (int i = 0; i < n; i++)
    s += (x[i] - mx) * (y[i] - my);
  return s / (n - 1);
}

static int cmp_double(const void *a, const void *b) {
  double da = *(const double *)a, db = *(const double *)b;
  return (da > db) - (da < db);
}

static double median(const double *x, int n) {
  double *tmp = malloc(sizeof *tmp * n);
  memcpy(tmp, x, sizeof *tmp * n);
  qsort(tmp, n, sizeof *tmp, cmp_double);
  double m = n % 2 ? tmp[n / 2] : 0.5 * (tmp[n / 2 - 1] + tmp[n / 2]);
  free(tmp);
  return m;
}

int main(void) {
  enum { N = 20 };
  double x[N], y[N];
  unsigned seed = 42;
  struct welford w = {0};
  for (int i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    x[i] = (seed >> 16 & 0x7fff) / 327.68;
    y[i] = 2.5 * x[i] + (i % 3) - 1;
    welford_add(&w, x[i]);
  }
  double vx = covariance(x, x, N), vy = covariance(y, y, N), cxy = covariance(x, y, N);
  printf("mean=%.17g welford=%.17g\n", mean(x, N), w.mean);
  printf("var=%.17g welford=%.17g\n", vx, w.m2 / (w.n - 1));
  printf("cov=%.17g corr=%.17g\n", cxy, cxy / sqrt(vx * vy));
  printf("median x=%.17g y=%.17g\n", median(x, N), median(y, N - 1));
  return 0;
}
