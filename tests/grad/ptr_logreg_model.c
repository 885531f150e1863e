/* cotan: grad -f logreg_objective --wrt model */
/* ptr_logreg_model.c: a model struct mixing a pointer field (the weights,
 * shadowed by an adjoint buffer) with double fields (bias, the temperature
 * of the logits) and an int field, and a data set struct with pointer
 * fields that is not differentiated; the logits go to a malloc'd
 * workspace before the loss reads them. */
#include <math.h>
#include <stdlib.h>

struct logreg {
  int dim;
  double *w;
  double bias;
  double log_temp;
};

struct dataset {
  int n, dim;
  const double *X; /* n x dim */
  const int *y;    /* labels 0 / 1 */
};

double logreg_objective(const struct logreg *model, const struct dataset *data, double l2) {
  double *logits = malloc(data->n * sizeof *logits);
  double inv_t = exp(-model->log_temp);
  for (int i = 0; i < data->n; i++) {
    double z = model->bias;
    for (int j = 0; j < model->dim; j++)
      z += model->w[j] * data->X[i * data->dim + j];
    logits[i] = z * inv_t;
  }
  double loss = 0.0;
  for (int i = 0; i < data->n; i++) {
    double z = logits[i];
    /* log(1 + exp(-z)) or log(1 + exp(z)), computed stably */
    double softplus = z > 0 ? log1p(exp(-z)) : -z + log1p(exp(z));
    loss += data->y[i] ? softplus : softplus + z;
  }
  double reg = 0.0;
  for (int j = 0; j < model->dim; j++)
    reg += model->w[j] * model->w[j];
  free(logits);
  return loss / data->n + 0.5 * l2 * reg;
}

#ifdef COTAN_TEST
#include "check.h"
double logreg_objective_grad(const struct logreg *model, struct logreg *d_model, const struct dataset *data, double l2);

#define N 8
#define DIM 3
static double w[DIM], d_w[DIM], X[N * DIM];
static int y[N];
static struct logreg model = {DIM, w, 0.0, 0.0}, d_model = {DIM, d_w, 0.0, 0.0};
static const struct dataset data = {N, DIM, X, y};
static double f(void) { return logreg_objective(&model, &data, 0.05); }
static double g(void) { return logreg_objective_grad(&model, &d_model, &data, 0.05); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(w, DIM, -1, 1);
    model.bias = check_rand(-0.5, 0.5);
    model.log_temp = check_rand(-0.5, 0.5);
    check_fill(X, N * DIM, -2, 2);
    for (int i = 0; i < N; i++) y[i] = X[i * DIM] - X[i * DIM + 1] > 0;
    check_begin("ptr_logreg_model", f, g);
    CHECK_ARG(w, d_w, DIM);
    CHECK_SCALAR(model.bias, d_model.bias);
    CHECK_SCALAR(model.log_temp, d_model.log_temp);
    check_run();
  }
  return check_done();
}
#endif
