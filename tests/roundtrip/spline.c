/* spline.c: natural cubic spline interpolation (tridiagonal solve by
 * the Thomas algorithm) and evaluation with binary search. */
#include <math.h>
#include <stdio.h>

#define KNOTS 9

struct spline {
  int n;
  double x[KNOTS], y[KNOTS], m[KNOTS]; /* m: second derivatives */
};

static void spline_build(struct spline *s) {
  int n = s->n;
  double a[KNOTS], b[KNOTS], c[KNOTS], d[KNOTS];
  for (int i = 0; i < n; i++) {
    a[i] = c[i] = d[i] = 0;
    b[i] = 1;
  }
  for (int i = 1; i < n - 1; i++) {
    double h0 = s->x[i] - s->x[i - 1], h1 = s->x[i + 1] - s->x[i];
    a[i] = h0;
    b[i] = 2 * (h0 + h1);
    c[i] = h1;
    d[i] = 6 * ((s->y[i + 1] - s->y[i]) / h1 - (s->y[i] - s->y[i - 1]) / h0);
  }
  /* Thomas algorithm */
  for (int i = 1; i < n; i++) {
    double w = a[i] / b[i - 1];
    b[i] -= w * c[i - 1];
    d[i] -= w * d[i - 1];
  }
  s->m[n - 1] = d[n - 1] / b[n - 1];
  for (int i = n - 2; i >= 0; i--)
    s->m[i] = (d[i] - c[i] * s->m[i + 1]) / b[i];
}

static double spline_eval(const struct spline *s, double t) {
  int lo = 0, hi = s->n - 1;
  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;
    if (s->x[mid] > t)
      hi = mid;
    else
      lo = mid;
  }
  double h = s->x[hi] - s->x[lo];
  double A = (s->x[hi] - t) / h, B = (t - s->x[lo]) / h;
  return A * s->y[lo] + B * s->y[hi] +
         ((A * A * A - A) * s->m[lo] + (B * B * B - B) * s->m[hi]) * h * h / 6;
}

int main(void) {
  struct spline s = {.n = KNOTS};
  for (int i = 0; i < KNOTS; i++) {
    s.x[i] = i * 0.5 + 0.1 * (i % 2);
    s.y[i] = sin(s.x[i]);
  }
  spline_build(&s);
  double maxerr = 0;
  for (double t = 0.0; t <= 4.0; t += 0.25) {
    double v = spline_eval(&s, t);
    maxerr = fmax(maxerr, fabs(v - sin(t)));
    printf("s(%.2f)=%.17g\n", t, v);
  }
  printf("max error %.6f\n", maxerr);
  return 0;
}
