/* simpson.c: composite and adaptive Simpson quadrature with callbacks
 * that carry a context pointer. */
#include <math.h>
#include <stdio.h>

typedef double integrand(double x, void *ctx);

struct gauss_ctx {
  double mu, sigma;
};

static double gauss(double x, void *ctx) {
  const struct gauss_ctx *g = ctx;
  double z = (x - g->mu) / g->sigma;
  return exp(-0.5 * z * z) / (g->sigma * sqrt(2 * 3.14159265358979323846));
}

static double poly(double x, void *ctx) {
  int deg = *(int *)ctx;
  double r = 1;
  for (int i = 0; i < deg; i++)
    r *= x;
  return r;
}

static double simpson(integrand *f, void *ctx, double a, double b, int n) {
  if (n % 2)
    n++;
  double h = (b - a) / n, s = f(a, ctx) + f(b, ctx);
  for (int i = 1; i < n; i++)
    s += (i % 2 ? 4 : 2) * f(a + i * h, ctx);
  return s * h / 3;
}

static double adaptive(integrand *f, void *ctx, double a, double b, double eps, double whole,
                       int depth) {
  double m = (a + b) / 2;
  double left = simpson(f, ctx, a, m, 2), right = simpson(f, ctx, m, b, 2);
  if (depth <= 0 || fabs(left + right - whole) <= 15 * eps)
    return left + right + (left + right - whole) / 15;
  return adaptive(f, ctx, a, m, eps / 2, left, depth - 1) +
         adaptive(f, ctx, m, b, eps / 2, right, depth - 1);
}

int main(void) {
  struct gauss_ctx g = {.mu = 0.5, .sigma = 1.5};
  for (int n = 2; n <= 128; n *= 4)
    printf("n=%3d gauss=%.17g\n", n, simpson(gauss, &g, -2, 3, n));
  int deg = 5;
  printf("x^5 on [0,2]: %.17g\n", simpson(poly, &deg, 0, 2, 10));
  printf("adaptive: %.17g\n", adaptive(gauss, &g, -2, 3, 1e-10, simpson(gauss, &g, -2, 3, 2), 30));
  return 0;
}
