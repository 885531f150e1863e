/* cotan: grad -f callee_inplace */
/* callee_inplace.c: helpers that update, in place, memory they receive
 * through a pointer: scale() on F's own parameter (unknown extent), an
 * LSTM-like cell step() that updates hidden and cell state arrays over time
 * steps, and fill() overwriting an input the derivative still needs. */
#include <math.h>

static void scale(double *v, int n, double a) {
  for (int i = 0; i < n; i++)
    v[i] = a * v[i] * v[i];
}

static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

/* One step: h and c are read and overwritten. */
static void step(const double *w, const double *in, double *h, double *c, int n) {
  for (int i = 0; i < n; i++) {
    double f = sigmoid(w[i] * in[i] + h[i]);
    double g = tanh(w[n + i] * in[i] - c[i]);
    c[i] = f * c[i] + (1.0 - f) * g;
    h[i] = tanh(c[i]) * f;
  }
}

static void fill(double *out, int n, double v) {
  for (int i = 0; i < n; i++)
    out[i] = v;
}

double callee_inplace(double *x, const double *w, double *h, double *c, int n, double a) {
  double s = x[0] * x[1];
  scale(x, n, a);
  for (int t = 0; t < 3; t++)
    step(w, x, h, c, n);
  double loss = s;
  for (int i = 0; i < n; i++)
    loss += h[i] * c[i] + x[i];
  fill(x, n, a);
  return loss + x[0] * s;
}

#ifdef COTAN_TEST
#include "check.h"
double callee_inplace_grad(double *x, double *d_x, const double *w, double *d_w, double *h,
                           double *d_h, double *c, double *d_c, int n, double a, double *d_a);

/* F writes its inputs: evaluate on copies (see check.h) */
static double x[4], d_x[4], w[8], d_w[8], h[4], d_h[4], c[4], d_c[4], a, d_a;
static double xw[4], hw[4], cw[4];
static void copy(void) {
  memcpy(xw, x, sizeof x);
  memcpy(hw, h, sizeof h);
  memcpy(cw, c, sizeof c);
}
static double f(void) { copy(); return callee_inplace(xw, w, hw, cw, 4, a); }
static double g(void) {
  copy();
  return callee_inplace_grad(xw, d_x, w, d_w, hw, d_h, cw, d_c, 4, a, &d_a);
}

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 4, -1, 1);
    check_fill(w, 8, -1, 1);
    check_fill(h, 4, -0.5, 0.5);
    check_fill(c, 4, -0.5, 0.5);
    a = check_rand(0.5, 1.5);
    check_begin("callee_inplace", f, g);
    check_no_twice();
    CHECK_ARG(x, d_x, 4);
    CHECK_ARG(w, d_w, 8);
    CHECK_ARG(h, d_h, 4);
    CHECK_ARG(c, d_c, 4);
    CHECK_SCALAR(a, d_a);
    check_run();
  }
  return check_done();
}
#endif
