/* qualifiers.c: const, volatile and restrict in every position:
 * pointers to const, const pointers, restrict parameters. */
#include <stddef.h>
#include <stdio.h>

static volatile int ticks;
static const double table[] = {1.0, 0.5, 0.25, 0.125};

static void saxpy(size_t n, double a, const double *restrict x, double *restrict y) {
  for (size_t i = 0; i < n; i++)
    y[i] += a * x[i];
}

static size_t count_char(const char *const s, char c) {
  size_t n = 0;
  for (const char *p = s; *p; p++)
    n += *p == c;
  return n;
}

static void tick(volatile int *counter) { (*counter)++; }

int main(void) {
  double y[4] = {1, 1, 1, 1};
  saxpy(4, 2.0, table, y);
  printf("y = %.17g %.17g %.17g %.17g\n", y[0], y[1], y[2], y[3]);
  const char *const msg = "mississippi";
  printf("s count=%zu\n", count_char(msg, 's'));
  for (int i = 0; i < 5; i++)
    tick(&ticks);
  printf("ticks=%d\n", ticks);
  int value = 10;
  int *const fixed = &value;
  const int *view = &value;
  const volatile int cv = 3;
  *fixed += cv;
  printf("value=%d view=%d\n", value, *view);
  const int *const *pp = &view;
  printf("pp=%d\n", **pp);
  return 0;
}
