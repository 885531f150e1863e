#include <complex.h>

/* Complex arithmetic on active values. */
double f(double x, double y) {
  double complex z = x + y * I;
  z = z * z;
  return creal(z);
}
