/* cotan: grad -f logreg --wrt w,bias */
/* logreg.c: the logistic regression loss (mean negative log-likelihood with
 * an L2 penalty), written with the stable log1p(exp(-|z|)) form. */
#include <math.h>

static double log_sigmoid(double z) {
  return z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z));
}

double logreg(const double *w, double bias, const double *X, const double *y, int n, int d,
              double l2) {
  double loss = 0.0;
  for (int i = 0; i < n; i++) {
    double z = bias;
    for (int j = 0; j < d; j++)
      z += w[j] * X[i * d + j];
    loss -= y[i] * log_sigmoid(z) + (1.0 - y[i]) * log_sigmoid(-z);
  }
  double reg = 0.0;
  for (int j = 0; j < d; j++)
    reg += w[j] * w[j];
  return loss / n + 0.5 * l2 * reg;
}

#ifdef COTAN_TEST
#include "check.h"
double logreg_grad(const double *w, double *d_w, double bias, double *d_bias, const double *X, const double *y, int n, int d, double l2);

static double w[3], d_w[3], bias, d_bias, X[18], y[6];
static double f(void) { return logreg(w, bias, X, y, 6, 3, 0.1); }
static double g(void) { return logreg_grad(w, d_w, bias, &d_bias, X, y, 6, 3, 0.1); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(w, 3, -1, 1);
    bias = check_rand(-0.5, 0.5);
    check_fill(X, 18, -2, 2);
    for (int i = 0; i < 6; i++) y[i] = i % 2;
    check_begin("logreg", f, g);
    CHECK_ARG(w, d_w, 3);
    CHECK_SCALAR(bias, d_bias);
    check_run();
  }
  return check_done();
}
#endif
