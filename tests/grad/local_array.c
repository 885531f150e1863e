/* cotan: grad -f local_array */
/* local_array.c: a local array filled from the inputs (prefix sums), then
 * read in another order. */
#define M 8

double local_array(const double *x, double c) {
  double buf[M];
  buf[0] = x[0];
  for (int i = 1; i < M; i++)
    buf[i] = buf[i - 1] * c + x[i];
  double s = 0.0;
  for (int i = M - 1; i >= 0; i--)
    s += buf[i] * buf[M - 1 - i];
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double local_array_grad(const double *x, double *d_x, double c, double *d_c);

static double x[8], d_x[8], c, d_c;
static double f(void) { return local_array(x, c); }
static double g(void) { return local_array_grad(x, d_x, c, &d_c); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fill(x, 8, -1, 1);
    c = check_rand(0.3, 0.9);
    check_begin("local_array", f, g);
    CHECK_ARG(x, d_x, 8);
    CHECK_SCALAR(c, d_c);
    check_run();
  }
  return check_done();
}
#endif
