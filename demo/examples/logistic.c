/* logistic.c: logistic regression on a small synthetic data set.
 * loss() is the function a user would ask cotan to differentiate. */
#include <math.h>
#include <stdio.h>

#define N_SAMPLES 8
#define N_FEATURES 2

static const double X[N_SAMPLES][N_FEATURES] = {
    {0.5, 1.0}, {1.5, -0.5}, {-1.0, 0.3}, {2.0, 2.0},
    {-0.5, -1.5}, {0.1, 0.2}, {-2.0, 1.0}, {1.0, 0.5},
};
static const double Y[N_SAMPLES] = {1, 1, 0, 1, 0, 1, 0, 1};

static double sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

/* Mean cross-entropy of the model w . x + b, plus an L2 penalty. */
double loss(const double w[N_FEATURES], double b, double lambda) {
  double total = 0.0;
  for (int i = 0; i < N_SAMPLES; i++) {
    double z = b;
    for (int j = 0; j < N_FEATURES; j++)
      z += w[j] * X[i][j];
    double p = sigmoid(z);
    total -= Y[i] * log(p) + (1 - Y[i]) * log(1 - p);
  }
  double penalty = 0.0;
  for (int j = 0; j < N_FEATURES; j++)
    penalty += w[j] * w[j];
  return total / N_SAMPLES + 0.5 * lambda * penalty;
}

#ifndef COTAN_DEMO /* the demo links its own main with the gradient */
int main(void) {
  double w[N_FEATURES] = {0.1, -0.2};
  printf("loss(w=(0.1,-0.2), b=0) = %.10f\n", loss(w, 0.0, 0.01));
  printf("loss(w=(1.0, 0.5), b=0.3) = %.10f\n", loss((double[]){1.0, 0.5}, 0.3, 0.01));
  return 0;
}
#endif
