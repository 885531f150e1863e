/* statics.c: static helpers, static globals, static locals that keep
 * state between calls, inline functions and extern declarations. */
#include <stdio.h>

static int call_count;
static double history[8];
static const char *const names[] = {"zero", "one", "two", "three"};

extern int shared_total;
int shared_total = 100;

static inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

static inline int clampi(int v, int lo, int hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

static int next_id(void) {
  static int id = 1000;
  call_count++;
  return id++;
}

static double running_mean(double x) {
  static double sum = 0;
  static int n = 0;
  history[n % 8] = x;
  sum += x;
  return sum / ++n;
}

int public_helper(int x);
int public_helper(int x) { return x * 3 + shared_total; }

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("id=%d\n", next_id());
  printf("calls=%d\n", call_count);
  double m = 0;
  for (int i = 1; i <= 10; i++)
    m = running_mean(lerp(0, 10, i / 10.0));
  printf("mean=%.17g last=%.17g\n", m, history[9 % 8]);
  for (int v = -2; v < 6; v += 2)
    printf("%d -> %s\n", v, names[clampi(v, 0, 3)]);
  shared_total -= 1;
  printf("helper=%d\n", public_helper(5));
  return 0;
}
