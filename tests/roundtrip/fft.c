/* fft.c: recursive radix-2 FFT and its inverse with complex.h, checked
 * against a direct DFT. */
#include <complex.h>
#include <math.h>
#include <stdio.h>

#define LEN 16
static const double PI = 3.14159265358979323846;

static void fft(double complex *x, int n, int inverse) {
  if (n < 2)
    return;
  double complex even[LEN / 2], odd[LEN / 2];
  for (int i = 0; i < n / 2; i++) {
    even[i] = x[2 * i];
    odd[i] = x[2 * i + 1];
  }
  fft(even, n / 2, inverse);
  fft(odd, n / 2, inverse);
  for (int k = 0; k < n / 2; k++) {
    double ang = (inverse ? 2 : -2) * PI * k / n;
    double complex t = cexp(I * ang) * odd[k];
    x[k] = even[k] + t;
    x[k + n / 2] = even[k] - t;
  }
}

static double complex dft_bin(const double complex *x, int n, int k) {
  double complex s = 0;
  for (int j = 0; j < n; j++)
    s += x[j] * cexp(-2.0 * I * PI * j * k / n);
  return s;
}

int main(void) {
  double complex x[LEN], y[LEN];
  for (int i = 0; i < LEN; i++)
    y[i] = x[i] = sin(2 * PI * i / LEN) + 0.5 * cos(6 * PI * i / LEN) + (i == 3 ? 1.0 * I : 0);
  fft(y, LEN, 0);
  double maxerr = 0;
  for (int k = 0; k < LEN; k++) {
    double e = cabs(y[k] - dft_bin(x, LEN, k));
    if (e > maxerr)
      maxerr = e;
    printf("X[%2d] = %9.5f %+9.5fi  |X|=%.5f\n", k, creal(y[k]), cimag(y[k]), cabs(y[k]));
  }
  printf("dft agrees: %s\n", maxerr < 1e-9 ? "yes" : "no");
  fft(y, LEN, 1);
  double back = 0;
  for (int i = 0; i < LEN; i++)
    back = fmax(back, cabs(y[i] / LEN - x[i]));
  printf("round trip ok: %d\n", back < 1e-12);
  return 0;
}
