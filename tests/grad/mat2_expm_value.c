/* cotan: grad -f propagator_fit */
/* mat2_expm_value.c: a struct holding a 2-D array, passed and returned by
 * value (typedef struct { double m[2][2]; } Mat2): the matrix exponential
 * of a linear system's generator by scaling and squaring of a Taylor
 * series, then how well it maps initial states to observed ones. */
#include <math.h>

typedef struct {
  double m[2][2];
} Mat2;

static Mat2 mat_mul(Mat2 a, Mat2 b) {
  Mat2 c;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      c.m[i][j] = a.m[i][0] * b.m[0][j] + a.m[i][1] * b.m[1][j];
  return c;
}

static Mat2 expm(Mat2 a) {
  const int squarings = 4;
  Mat2 x, term, sum;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      x.m[i][j] = a.m[i][j] / (1 << squarings);
      term.m[i][j] = i == j;
      sum.m[i][j] = i == j;
    }
  for (int k = 1; k <= 8; k++) {
    term = mat_mul(term, x);
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 2; j++) {
        term.m[i][j] /= k;
        sum.m[i][j] += term.m[i][j];
      }
  }
  for (int s = 0; s < squarings; s++)
    sum = mat_mul(sum, sum);
  return sum;
}

double propagator_fit(Mat2 gen, double t, const double *x0, const double *x1, int n) {
  Mat2 a = gen;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      a.m[i][j] *= t;
  Mat2 P = expm(a);
  double err = 0.0;
  for (int k = 0; k < n; k++) {
    double y0 = P.m[0][0] * x0[2 * k] + P.m[0][1] * x0[2 * k + 1];
    double y1 = P.m[1][0] * x0[2 * k] + P.m[1][1] * x0[2 * k + 1];
    err += (y0 - x1[2 * k]) * (y0 - x1[2 * k]) + (y1 - x1[2 * k + 1]) * (y1 - x1[2 * k + 1]);
  }
  return err;
}

#ifdef COTAN_TEST
#include "check.h"
double propagator_fit_grad(Mat2 gen, Mat2 *d_gen, double t, double *d_t, const double *x0, double *d_x0, const double *x1, double *d_x1, int n);

#define N 3
static Mat2 gen, d_gen;
static double t, d_t, x0[2 * N], d_x0[2 * N], x1[2 * N], d_x1[2 * N];
static double f(void) { return propagator_fit(gen, t, x0, x1, N); }
static double g(void) { return propagator_fit_grad(gen, &d_gen, t, &d_t, x0, d_x0, x1, d_x1, N); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    gen.m[0][0] = check_rand(-0.5, 0);
    gen.m[0][1] = check_rand(0.5, 1.5);
    gen.m[1][0] = check_rand(-1.5, -0.5);
    gen.m[1][1] = check_rand(-0.5, 0);
    t = check_rand(0.5, 1.5);
    check_fill(x0, 2 * N, -1, 1);
    check_fill(x1, 2 * N, -1, 1);
    check_begin("mat2_expm_value", f, g);
    CHECK_STRUCT(gen, d_gen);
    CHECK_SCALAR(t, d_t);
    CHECK_ARG(x0, d_x0, 2 * N);
    CHECK_ARG(x1, d_x1, 2 * N);
    check_run();
  }
  return check_done();
}
#endif
