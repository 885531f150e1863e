/* cotan: grad -f ridge_cv_error */
/* heap_cg_ridge.c: heap workspaces of an iterative solver.  Ridge
 * regression (X^T X + lam I) w = X^T y solved by a fixed number of
 * conjugate-gradient iterations with malloc'd vectors r, p, Ap and w; the
 * validation error of the solution, differentiated in the data and lam. */
#include <stdlib.h>

static double dotv(const double *a, const double *b, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

/* out = (X^T X + lam I) v, X is m x d row-major */
static void normal_op(const double *X, int m, int d, double lam, const double *v, double *out) {
  for (int j = 0; j < d; j++)
    out[j] = lam * v[j];
  for (int i = 0; i < m; i++) {
    double xv = dotv(&X[i * d], v, d);
    for (int j = 0; j < d; j++)
      out[j] += X[i * d + j] * xv;
  }
}

double ridge_cv_error(const double *X, const double *y, int m, int d, double lam,
                      const double *Xv, const double *yv, int mv) {
  double *w = calloc(d, sizeof *w);
  double *r = malloc(d * sizeof *r), *p = malloc(d * sizeof *p), *Ap = malloc(d * sizeof *Ap);
  for (int j = 0; j < d; j++) {
    r[j] = 0.0;
    for (int i = 0; i < m; i++)
      r[j] += X[i * d + j] * y[i];
    p[j] = r[j];
  }
  double rr = dotv(r, r, d);
  for (int it = 0; it < d; it++) {
    normal_op(X, m, d, lam, p, Ap);
    double alpha = rr / dotv(p, Ap, d);
    for (int j = 0; j < d; j++) {
      w[j] += alpha * p[j];
      r[j] -= alpha * Ap[j];
    }
    double rr_new = dotv(r, r, d);
    for (int j = 0; j < d; j++)
      p[j] = r[j] + rr_new / rr * p[j];
    rr = rr_new;
  }
  double err = 0.0;
  for (int i = 0; i < mv; i++) {
    double e = dotv(&Xv[i * d], w, d) - yv[i];
    err += e * e;
  }
  free(w);
  free(r);
  free(p);
  free(Ap);
  return err / mv;
}

#ifdef COTAN_TEST
#include "check.h"
double ridge_cv_error_grad(const double *X, double *d_X, const double *y, double *d_y, int m, int d, double lam, double *d_lam, const double *Xv, double *d_Xv, const double *yv, double *d_yv, int mv);

#define M 6
#define DD 3
#define MV 4
static double X[M * DD], d_X[M * DD], y[M], d_y[M], lam, d_lam, Xv[MV * DD], d_Xv[MV * DD], yv[MV], d_yv[MV];
static double f(void) { return ridge_cv_error(X, y, M, DD, lam, Xv, yv, MV); }
static double g(void) { return ridge_cv_error_grad(X, d_X, y, d_y, M, DD, lam, &d_lam, Xv, d_Xv, yv, d_yv, MV); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(X, M * DD, -1, 1);
    check_fill(Xv, MV * DD, -1, 1);
    for (int i = 0; i < M; i++) y[i] = X[i * DD] - 0.5 * X[i * DD + 2] + check_rand(-0.2, 0.2);
    for (int i = 0; i < MV; i++) yv[i] = Xv[i * DD] - 0.5 * Xv[i * DD + 2] + check_rand(-0.2, 0.2);
    lam = check_rand(0.5, 2);
    check_begin("heap_cg_ridge", f, g);
    CHECK_ARG(X, d_X, M * DD);
    CHECK_ARG(y, d_y, M);
    CHECK_SCALAR(lam, d_lam);
    CHECK_ARG(Xv, d_Xv, MV * DD);
    CHECK_ARG(yv, d_yv, MV);
    check_run();
  }
  return check_done();
}
#endif
