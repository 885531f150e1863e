/* a callee with a random generator's state in a global: its derivative runs it again */
#include <math.h>
unsigned long rng_state = 12345;
static double urand(void) { rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL; return (double)(rng_state >> 11) / 9007199254740992.0; }
static double noisy(const double *x, int i) { double e = urand(); return x[i] * x[i] * (1.0 + e); }
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += noisy(x, i);
  return s;
}
