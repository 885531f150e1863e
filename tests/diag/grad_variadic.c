#include <stdarg.h>

/* Active values passed to the variable arguments of a variadic function. */
static double sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++)
    s += va_arg(ap, double);
  va_end(ap);
  return s;
}

double f(double x, double y) { return sum(2, x * x, y); }
