/* cotan: grad -f adam_final_loss --wrt hp,x0 */
/* adam_hyper.c: gradient-based hyperparameter tuning.  The loss reached after
 * a fixed number of Adam steps on a badly scaled quadratic, as a function
 * of the hyperparameters, a struct passed by value (struct adam_hp hp gives
 * struct adam_hp *d_hp), and of the starting point; the moments are local
 * arrays overwritten every step. */
#include <math.h>

#define DIM 3

struct adam_hp {
  double lr;
  double beta1, beta2;
  double eps;
};

static double objective(const double *x, double *grad) {
  static const double scale[DIM] = {1.0, 4.0, 0.25};
  double f = 0.0;
  for (int i = 0; i < DIM; i++) {
    f += 0.5 * scale[i] * (x[i] - 1.0) * (x[i] - 1.0);
    grad[i] = scale[i] * (x[i] - 1.0);
  }
  return f;
}

double adam_final_loss(struct adam_hp hp, const double *x0, int steps) {
  double x[DIM], m[DIM] = {0, 0, 0}, v[DIM] = {0, 0, 0}, grad[DIM];
  for (int i = 0; i < DIM; i++)
    x[i] = x0[i];
  double b1t = 1.0, b2t = 1.0;
  for (int t = 1; t <= steps; t++) {
    objective(x, grad);
    b1t *= hp.beta1;
    b2t *= hp.beta2;
    for (int i = 0; i < DIM; i++) {
      m[i] = hp.beta1 * m[i] + (1 - hp.beta1) * grad[i];
      v[i] = hp.beta2 * v[i] + (1 - hp.beta2) * grad[i] * grad[i];
      double mhat = m[i] / (1 - b1t), vhat = v[i] / (1 - b2t);
      x[i] -= hp.lr * mhat / (sqrt(vhat) + hp.eps);
    }
  }
  return objective(x, grad);
}

#ifdef COTAN_TEST
#include "check.h"
double adam_final_loss_grad(struct adam_hp hp, struct adam_hp *d_hp, const double *x0, double *d_x0, int steps);

static struct adam_hp hp, d_hp;
static double x0[DIM], d_x0[DIM];
static double f(void) { return adam_final_loss(hp, x0, 12); }
static double g(void) { return adam_final_loss_grad(hp, &d_hp, x0, d_x0, 12); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    hp.lr = check_rand(0.05, 0.2);
    hp.beta1 = check_rand(0.8, 0.9);
    hp.beta2 = check_rand(0.9, 0.99);
    hp.eps = check_rand(0.01, 0.1);
    check_fill(x0, DIM, -2, 0);
    check_begin("adam_hyper", f, g);
    CHECK_STRUCT(hp, d_hp);
    CHECK_ARG(x0, d_x0, DIM);
    check_run();
  }
  return check_done();
}
#endif
