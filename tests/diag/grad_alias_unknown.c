/* A write through a pointer loaded from allocated memory: cotan does not
 * follow pointers kept there, so it cannot tell that p points into store
 * and must not guess (it would miss the write to store and give a silently
 * wrong derivative, or write through a null adjoint pointer). */
#include <stdlib.h>

double f(const double *x, double *store, int n) {
  double **rows = malloc(sizeof *rows);
  rows[0] = store;
  double *p = rows[0];
  for (int i = 0; i < n; i++)
    p[i] = x[i] * x[i];
  double r = 0;
  for (int i = 0; i < n; i++)
    r += store[i] * store[i];
  free(rows);
  return r;
}
