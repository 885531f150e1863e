/* Accepted: malloc, calloc, realloc and free on active memory, and the
 * `void *` they return, converted implicitly or by a cast. */
#include <stdlib.h>

double f(const double *x, int n) {
  double *t = malloc(n * sizeof *t);
  double *u = (double *)calloc(n, sizeof(double));
  for (int i = 0; i < n; i++) {
    t[i] = x[i] * x[i];
    u[i] = t[i] + 1;
  }
  u = realloc(u, 2 * n * sizeof *u);
  double s = 0;
  for (int i = 0; i < n; i++)
    s += u[i] * t[i];
  free(t);
  free(u);
  return s;
}
