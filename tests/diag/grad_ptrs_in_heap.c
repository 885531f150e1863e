/* pointers kept in malloc'd memory, read back: cotan cannot follow them */
#include <stdlib.h>
double f(const double *x, int n) {
  const double **rows = malloc(2 * sizeof *rows);
  rows[0] = x; rows[1] = x + 2;
  double s = rows[0][0] * rows[1][1] + rows[1][0] * (n > 0 ? rows[0][1] : 0);
  free(rows);
  return s;
}
