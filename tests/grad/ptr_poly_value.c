/* cotan: grad -f poly_fit_loss --wrt p,lambda */
/* ptr_poly_value.c: a struct with a pointer field passed BY VALUE (struct
 * poly p gives struct poly *d_p, whose c points to the adjoint of the
 * coefficients): a least-squares polynomial fit with a smoothness penalty
 * on the coefficients, evaluated by Horner's rule. */

struct poly {
  int degree;
  double *c; /* degree + 1 coefficients, constant first */
};

static double poly_eval(struct poly p, double x) {
  double v = p.c[p.degree];
  for (int k = p.degree - 1; k >= 0; k--)
    v = v * x + p.c[k];
  return v;
}

double poly_fit_loss(struct poly p, const double *x, const double *y, int n, double lambda) {
  double sse = 0.0;
  for (int i = 0; i < n; i++) {
    double r = poly_eval(p, x[i]) - y[i];
    sse += r * r;
  }
  double pen = 0.0;
  for (int k = 1; k <= p.degree; k++)
    pen += k * k * p.c[k] * p.c[k];
  return sse / n + lambda * pen;
}

#ifdef COTAN_TEST
#include "check.h"
double poly_fit_loss_grad(struct poly p, struct poly *d_p, const double *x, const double *y, int n, double lambda, double *d_lambda);

#define DEG 4
#define N 9
static double c[DEG + 1], d_c[DEG + 1], x[N], y[N], lambda, d_lambda;
static struct poly p = {DEG, c}, d_p = {DEG, d_c};
static double f(void) { return poly_fit_loss(p, x, y, N, lambda); }
static double g(void) { return poly_fit_loss_grad(p, &d_p, x, y, N, lambda, &d_lambda); }

int main(void) {
  for (int q = 0; q < 4; q++) {
    check_fill(c, DEG + 1, -1, 1);
    for (int i = 0; i < N; i++) {
      x[i] = -1 + 2.0 * i / (N - 1);
      y[i] = x[i] * x[i] * x[i] - 0.5 * x[i] + check_rand(-0.1, 0.1);
    }
    lambda = check_rand(0.001, 0.1);
    check_begin("ptr_poly_value", f, g);
    CHECK_ARG(c, d_c, DEG + 1);
    CHECK_SCALAR(lambda, d_lambda);
    check_run();
  }
  return check_done();
}
#endif
