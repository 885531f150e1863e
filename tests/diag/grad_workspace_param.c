/* a workspace parameter left out of --wrt, written with values that depend on w */
#include <math.h>
double f(const double *w, double *work, int n) {
  for (int i = 0; i < n; i++) work[i] = sin(w[i]) * w[(i + 1) % n];
  for (int i = 1; i < n; i++) work[i] += work[i - 1];
  double s = 0;
  for (int i = 0; i < n; i++) s += work[i] * work[i];
  return s;
}
