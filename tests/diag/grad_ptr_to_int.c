/* A pointer to active memory kept in an integer and made a pointer again:
 * the analyses lose what it points to. */
#include <stdint.h>

double f(const double *x, int n) {
  uintptr_t addr = (uintptr_t)x;
  const double *p = (const double *)addr;
  double s = 0;
  for (int i = 0; i < n; i++)
    s += p[i] * p[i];
  return s;
}
