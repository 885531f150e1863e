/* tgmath2.c: <tgmath.h> on every argument type: integers (as double),
 * char and enum (promoted), float, long double, complex, mixed pairs.
 * gcc expands it with __builtin_tgmath, clang with overloaded functions:
 * each call must keep its type after printing (sizeof shows it). */
#include <stdio.h>
#include <tgmath.h>

enum level { LOW = 2, HIGH = 9 };

int main(void) {
  int i = 16;
  char c = 4;
  enum level e = HIGH;
  float f = 2.25f;
  long double ld = 6.25L;
  double complex z = -4.0;
  float complex zf = 3.0f + 4.0f * I;
  printf("sizes: %zu %zu %zu %zu %zu %zu %zu\n", sizeof sqrt(i), sizeof sqrt(c), sizeof sqrt(e),
         sizeof sqrt(f), sizeof sqrt(ld), sizeof sqrt(z), sizeof sqrt(zf));
  printf("sqrt: %.17g %.17g %.17g %.9g %.17Lg\n", sqrt(i), sqrt(c), sqrt(e), (double)sqrt(f),
         sqrt(ld));
  printf("csqrt: %.17g %.17g %.9g\n", creal(sqrt(z)), cimag(sqrt(z)), (double)cabs(zf));
  printf("mixed: %zu %zu %zu %.17g %.9g\n", sizeof pow(f, i), sizeof pow(f, f), sizeof pow(f, ld),
         pow(i, 0.5), (double)pow(f, 2.0f));
  printf("fabs: %zu %.9g %.17g\n", sizeof fabs(-f), (double)fabs(-f), fabs(-i));
  printf("fma: %.17g %zu\n", fma(f, f, i), sizeof fmax(f, c));
  return 0;
}
