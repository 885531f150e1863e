/* cotan: grad -f ptr_copy_read */
/* ptr_copy_read.c: parameters read through local pointer copies (a row
 * pointer `const double *row = &w[3 * i]`, and a plain copy of a
 * parameter).  Issue 3's code dropped every adjoint written through such a
 * copy (its cleanup took `d_row[j] += ...` for a dead store), so d_w came
 * out zero; found by the issue 4 corpus (glob_vjp_field.c). */
#include <math.h>

double ptr_copy_read(const double *w, const double *x, double b) {
  const double *xs = x;
  double s = 0.0;
  for (int i = 0; i < 2; i++) {
    const double *row = &w[3 * i];
    double z = row[0] * xs[0] + row[1] * xs[1] + row[2] * xs[2] + b;
    s += tanh(z) * row[i];
  }
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double ptr_copy_read_grad(const double *w, double *d_w, const double *x, double *d_x, double b, double *d_b);

static double w[6], d_w[6], x[3], d_x[3], b, d_b;
static double f(void) { return ptr_copy_read(w, x, b); }
static double g(void) { return ptr_copy_read_grad(w, d_w, x, d_x, b, &d_b); }

int main(void) {
  for (int p = 0; p < 5; p++) {
    for (int i = 0; i < 6; i++)
      w[i] = check_rand(-1, 1);
    for (int i = 0; i < 3; i++)
      x[i] = check_rand(-1, 1);
    b = check_rand(-0.5, 0.5);
    check_begin("ptr_copy_read", f, g);
    CHECK_ARG(w, d_w, 6);
    CHECK_ARG(x, d_x, 3);
    CHECK_SCALAR(b, d_b);
    check_run();
  }
  return check_done();
}
#endif
