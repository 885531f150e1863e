/* newton.c: Newton's method for roots, with the function and its
 * derivative passed as function pointers. */
#include <math.h>
#include <stdio.h>

typedef double (*real_fn)(double);

struct root_result {
  double x;
  int iterations;
  int converged;
};

static double f1(double x) { return x * x - 2.0; }
static double df1(double x) { return 2.0 * x; }
static double f2(double x) { return cos(x) - x; }
static double df2(double x) { return -sin(x) - 1.0; }
static double f3(double x) { return x * x * x - 2 * x - 5; }
static double df3(double x) { return 3 * x * x - 2; }

static struct root_result newton(real_fn f, real_fn df, double x0, double tol, int max_iter) {
  struct root_result r = {x0, 0, 0};
  while (r.iterations < max_iter) {
    double fx = f(r.x);
    double d = df(r.x);
    if (d == 0.0)
      break;
    double step = fx / d;
    r.x -= step;
    r.iterations++;
    if (fabs(step) < tol) {
      r.converged = 1;
      break;
    }
  }
  return r;
}

int main(void) {
  real_fn fs[] = {f1, f2, f3};
  real_fn dfs[] = {df1, df2, df3};
  const double starts[] = {1.0, 0.5, 2.0};
  for (unsigned i = 0; i < sizeof fs / sizeof fs[0]; i++) {
    struct root_result r = newton(fs[i], dfs[i], starts[i], 1e-14, 50);
    printf("f%u: x=%.17g iters=%d converged=%d residual=%.3e\n", i + 1, r.x, r.iterations,
           r.converged, fabs(fs[i](r.x)));
  }
  return 0;
}
