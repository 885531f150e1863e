/* montecarlo.c: Monte Carlo estimates (pi, an integral, a random walk)
 * driven by a fixed-seed xorshift generator kept in a struct. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
  uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r) {
  uint64_t x = r->s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return r->s = x;
}

static double rng_unit(Rng *r) { return (rng_next(r) >> 11) * (1.0 / 9007199254740992.0); }

/* Box-Muller */
static double rng_normal(Rng *r) {
  double u1 = rng_unit(r), u2 = rng_unit(r);
  if (u1 < 1e-300)
    u1 = 1e-300;
  return sqrt(-2.0 * log(u1)) * cos(2.0 * 3.14159265358979323846 * u2);
}

int main(void) {
  Rng rng = {88172645463325252ULL};
  const long samples = 200000;
  long inside = 0;
  for (long i = 0; i < samples; i++) {
    double x = rng_unit(&rng), y = rng_unit(&rng);
    inside += x * x + y * y <= 1.0;
  }
  printf("pi ~ %.6f\n", 4.0 * inside / samples);
  double acc = 0;
  for (long i = 0; i < samples; i++) {
    double u = rng_unit(&rng);
    acc += exp(-u * u);
  }
  printf("int exp(-x^2) on [0,1] ~ %.6f\n", acc / samples);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < 10000; i++) {
    double z = rng_normal(&rng);
    sum += z;
    sum2 += z * z;
  }
  printf("normal mean=%.4f var=%.4f\n", sum / 10000, sum2 / 10000 - (sum / 10000) * (sum / 10000));
  int pos = 0, maxpos = 0;
  for (int i = 0; i < 1000; i++) {
    pos += (rng_next(&rng) & 1) ? 1 : -1;
    if (pos > maxpos)
      maxpos = pos;
  }
  printf("walk end=%d max=%d state=%llu\n", pos, maxpos, (unsigned long long)rng.s);
  return 0;
}
