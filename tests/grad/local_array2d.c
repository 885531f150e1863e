/* cotan: grad -f local_array2d */
/* local_array2d.c: a local 2-D array (an outer product plus a diagonal),
 * squared into a second local 2-D array; the result is its trace. */
double local_array2d(const double *u, const double *v, double lambda) {
  double m[3][3], p[3][3];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      m[i][j] = u[i] * v[j] + (i == j ? lambda : 0.0);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      p[i][j] = 0.0;
      for (int k = 0; k < 3; k++)
        p[i][j] += m[i][k] * m[k][j];
    }
  return p[0][0] + p[1][1] + p[2][2] + p[0][2] * p[2][1];
}

#ifdef COTAN_TEST
#include "check.h"
double local_array2d_grad(const double *u, double *d_u, const double *v, double *d_v, double lambda, double *d_lambda);

static double u[3], v[3], d_u[3], d_v[3], lambda, d_lambda;
static double f(void) { return local_array2d(u, v, lambda); }
static double g(void) { return local_array2d_grad(u, d_u, v, d_v, lambda, &d_lambda); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(u, 3, -1, 1);
    check_fill(v, 3, -1, 1);
    lambda = check_rand(0.5, 2);
    check_begin("local_array2d", f, g);
    CHECK_ARG(u, d_u, 3);
    CHECK_ARG(v, d_v, 3);
    CHECK_SCALAR(lambda, d_lambda);
    check_run();
  }
  return check_done();
}
#endif
