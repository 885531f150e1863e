/* cotan: grad -f mutual_recursion */
/* mutual_recursion.c: two functions calling each other (a forward
 * declaration, then both definitions). */
#include <math.h>

static double odd_part(double x, int n);

static double even_part(double x, int n) {
  if (n <= 0)
    return 1.0;
  return 1.0 + x * odd_part(x * 0.5, n - 1);
}

static double odd_part(double x, int n) {
  if (n <= 0)
    return x;
  return sin(x) + even_part(x, n - 1) * x;
}

double mutual_recursion(double x, double y) {
  return even_part(x, 5) + odd_part(y, 4) * x;
}

#ifdef COTAN_TEST
#include "check.h"
double mutual_recursion_grad(double x, double *d_x, double y, double *d_y);

static double x, y, d_x, d_y;
static double f(void) { return mutual_recursion(x, y); }
static double g(void) { return mutual_recursion_grad(x, &d_x, y, &d_y); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x = check_rand(-1, 1);
    y = check_rand(-1, 1);
    check_begin("mutual_recursion", f, g);
    CHECK_SCALAR(x, d_x);
    CHECK_SCALAR(y, d_y);
    check_run();
  }
  return check_done();
}
#endif
