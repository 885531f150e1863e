/* graddesc.c: gradient descent with momentum on the Rosenbrock function,
 * and a line search by backtracking. */
#include <math.h>
#include <stdio.h>

static double rosenbrock(const double *x, double *grad) {
  double a = 1.0 - x[0];
  double b = x[1] - x[0] * x[0];
  if (grad) {
    grad[0] = -2.0 * a - 400.0 * x[0] * b;
    grad[1] = 200.0 * b;
  }
  return a * a + 100.0 * b * b;
}

static double norm2(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += v[i] * v[i];
  return sqrt(s);
}

int main(void) {
  double x[2] = {-1.2, 1.0}, v[2] = {0, 0}, g[2];
  const double lr = 1e-3, beta = 0.9;
  int it;
  for (it = 0; it < 20000; it++) {
    double f = rosenbrock(x, g);
    if (norm2(g, 2) < 1e-8)
      break;
    for (int i = 0; i < 2; i++) {
      v[i] = beta * v[i] - lr * g[i];
      x[i] += v[i];
    }
    if (it % 4000 == 0)
      printf("it=%5d f=%.17g\n", it, f);
  }
  printf("momentum: it=%d x=(%.12f, %.12f)\n", it, x[0], x[1]);

  /* backtracking line search (Armijo) */
  double y[2] = {-1.2, 1.0};
  for (it = 0; it < 5000; it++) {
    double f = rosenbrock(y, g), t = 1.0, trial[2];
    double gg = g[0] * g[0] + g[1] * g[1];
    if (gg < 1e-20)
      break;
    do {
      trial[0] = y[0] - t * g[0];
      trial[1] = y[1] - t * g[1];
      t *= 0.5;
    } while (rosenbrock(trial, NULL) > f - 1e-4 * 2 * t * gg && t > 1e-12);
    y[0] = trial[0];
    y[1] = trial[1];
  }
  printf("armijo: it=%d y=(%.12f, %.12f) f=%.6e\n", it, y[0], y[1], rosenbrock(y, NULL));
  return 0;
}
