/* cotan: grad -f smooth_rows */
/* ptr_aggregates.c: pointers kept in local aggregates, as real code keeps
 * its workspaces: a struct of malloc'd buffers (`struct work w; w.a =
 * malloc(...)`), and an array of row pointers into a parameter (`const
 * double *rows[R] = {x, x + C, ...}`).  The adjoint of each aggregate has
 * the same type and points into the adjoint memory (d_w.a, d_rows[k]).
 * Before issue 4 both were errors ("cannot tell which variable's memory
 * it points to"); the ADBench LSTM has the second form. */
#include <math.h>
#include <stdlib.h>

#define R 3
#define C 4

struct work {
  int n;
  double *a; /* smoothed row */
  double *b; /* running sums */
};

double smooth_rows(const double *x, const double *gain) {
  const double *rows[R] = {x, x + C, x + 2 * C};
  struct work w;
  w.n = C;
  w.a = malloc(C * sizeof *w.a);
  w.b = calloc(C, sizeof *w.b);
  double total = 0.0;
  for (int r = 0; r < R; r++) {
    const double *row = rows[r];
    for (int j = 0; j < w.n; j++)
      w.a[j] = gain[r] * tanh(row[j]) + (j > 0 ? 0.5 * w.a[j - 1] : 0.0);
    for (int j = 0; j < w.n; j++) {
      w.b[j] += w.a[j] * rows[(r + 1) % R][j];
      total += w.b[j] * w.b[j];
    }
  }
  free(w.a);
  free(w.b);
  return total;
}

#ifdef COTAN_TEST
#include "check.h"
double smooth_rows_grad(const double *x, double *d_x, const double *gain, double *d_gain);

static double x[R * C], d_x[R * C], gain[R], d_gain[R];
static double f(void) { return smooth_rows(x, gain); }
static double g(void) { return smooth_rows_grad(x, d_x, gain, d_gain); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < R * C; i++)
      x[i] = check_rand(-1, 1);
    for (int r = 0; r < R; r++)
      gain[r] = check_rand(0.5, 1.5);
    check_begin("ptr_aggregates", f, g);
    CHECK_ARG(x, d_x, R * C);
    CHECK_ARG(gain, d_gain, R);
    check_run();
  }
  return check_done();
}
#endif
