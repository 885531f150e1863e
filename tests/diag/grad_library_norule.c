#include <stdlib.h>

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* qsort has no derivative rule: sorting active data is rejected. */
double f(const double *x) {
  double y[4] = {x[0], x[1], x[2], x[3]};
  qsort(y, 4, sizeof y[0], by_value);
  return y[0] * y[3];
}
