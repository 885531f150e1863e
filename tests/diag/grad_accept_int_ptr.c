/* Accepted: an address of inactive data held in an integer, and a pointer
 * to active data tested for null. */
#include <stdint.h>

double f(const double *x, const int *idx, int n) {
  uintptr_t a = (uintptr_t)idx;
  _Bool have = x;
  double s = 0;
  for (int i = 0; i < n; i++)
    s += x[idx[i]] * (double)(a & 1) + have;
  return s;
}
