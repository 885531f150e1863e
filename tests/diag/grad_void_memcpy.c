/* memcpy from a `void *`: cotan cannot turn it into a typed copy. */
#include <string.h>

double f(const double *x) {
  const void *src = x;
  double y[2];
  memcpy(y, src, sizeof y);
  return y[0] * y[1];
}
