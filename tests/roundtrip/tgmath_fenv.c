/* tgmath_fenv.c: type-generic math through tgmath.h on float, double,
 * long double and complex arguments, and the floating-point environment. */
#include <fenv.h>
#include <float.h>
#include <stdio.h>
#include <tgmath.h>

int main(void) {
  float f = 2.0f;
  double d = 2.0;
  long double ld = 2.0L;
  printf("sqrt: %.9g %.17g %.21Lg\n", (double)sqrt(f), sqrt(d), sqrtl(ld));
  printf("sizes: %zu %zu %zu\n", sizeof(sqrt(f)), sizeof(sqrt(d)), sizeof(sqrt(ld)));
  printf("pow: %.17g %.9g\n", pow(d, 0.5), (double)pow(f, 3.0f));
  double complex z = 1.0 + 2.0 * I;
  double complex e = exp(z);
  printf("cexp: %.12f %.12f\n", creal(e), cimag(e));
  printf("fabs: %.17g %.9g\n", fabs(-d), (double)fabs(-f));

  int rounding[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  const char *names[] = {"nearest", "upward", "downward", "towardzero"};
  for (int i = 0; i < 4; i++) {
    fesetround(rounding[i]);
    volatile double x = 2.5, y = -2.5;
    printf("%-10s rint(2.5)=%g rint(-2.5)=%g\n", names[i], rint(x), rint(y));
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  volatile double zero = 0.0;
  volatile double q = 1.0 / zero;
  printf("divbyzero raised=%d inf=%d\n", fetestexcept(FE_DIVBYZERO) != 0, isinf(q));
  printf("eps=%g digits=%d\n", DBL_EPSILON, DBL_DIG);
  return 0;
}
