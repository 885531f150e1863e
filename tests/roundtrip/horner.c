/* horner.c: polynomial evaluation by Horner's rule, its derivative,
 * synthetic division and Chebyshev polynomials. */
#include <stdio.h>

/* p(x) = c[0] + c[1] x + ... + c[n] x^n */
static double horner(const double *c, int n, double x) {
  double r = c[n];
  for (int i = n - 1; i >= 0; --i)
    r = r * x + c[i];
  return r;
}

/* Value and derivative at once. */
static void horner2(const double *c, int n, double x, double *p, double *dp) {
  *p = c[n];
  *dp = 0.0;
  for (int i = n - 1; i >= 0; i--) {
    *dp = *dp * x + *p;
    *p = *p * x + c[i];
  }
}

/* Divides by (x - r): quotient coefficients into q, returns the remainder. */
static double deflate(const double *c, int n, double r, double *q) {
  double carry = c[n];
  for (int i = n - 1; i >= 0; i--) {
    q[i] = carry;
    carry = c[i] + carry * r;
  }
  return carry;
}

static double chebyshev(int n, double x) {
  double t0 = 1, t1 = x;
  if (n == 0)
    return t0;
  while (--n > 0) {
    double t2 = 2 * x * t1 - t0;
    t0 = t1;
    t1 = t2;
  }
  return t1;
}

int main(void) {
  const double c[] = {-6, 11, -6, 1}; /* (x-1)(x-2)(x-3) */
  for (double x = 0.0; x <= 4.0; x += 0.5) {
    double p, dp;
    horner2(c, 3, x, &p, &dp);
    printf("x=%.1f p=%.17g dp=%.17g h=%.17g\n", x, p, dp, horner(c, 3, x));
  }
  double q[3];
  double rem = deflate(c, 3, 2.0, q);
  printf("q = %g %g %g rem %g\n", q[0], q[1], q[2], rem);
  for (int n = 0; n < 6; n++)
    printf("T%d(0.3)=%.17g\n", n, chebyshev(n, 0.3));
  return 0;
}
