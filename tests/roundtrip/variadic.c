/* variadic.c: variadic functions with stdarg.h: sums, printf wrappers
 * with vsnprintf, va_copy, and a sentinel-terminated list. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static double sum_doubles(int count, ...) {
  va_list ap;
  va_start(ap, count);
  double s = 0;
  for (int i = 0; i < count; i++)
    s += va_arg(ap, double);
  va_end(ap);
  return s;
}

static int count_strings(const char *first, ...) {
  int n = 0;
  va_list ap;
  va_start(ap, first);
  for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
    n += (int)strlen(s);
  va_end(ap);
  return n;
}

static char log_buf[256];

static int logf_(const char *prefix, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int logf_(const char *prefix, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int needed = vsnprintf(NULL, 0, fmt, ap);
  int written = vsnprintf(log_buf, sizeof log_buf, fmt, ap2);
  va_end(ap2);
  va_end(ap);
  printf("%s: %s (%d/%d)\n", prefix, log_buf, needed, written);
  return needed;
}

static void vprint_pairs(int n, va_list ap) {
  for (int i = 0; i < n; i++) {
    int k = va_arg(ap, int);
    double v = va_arg(ap, double);
    printf("  %d => %.17g\n", k, v);
  }
}

static void print_pairs(int n, ...) {
  va_list ap;
  va_start(ap, n);
  vprint_pairs(n, ap);
  va_end(ap);
}

int main(void) {
  printf("sum=%.17g\n", sum_doubles(4, 1.5, 2.25, -0.125, 1e-3));
  printf("chars=%d\n", count_strings("alpha", "beta", "", "gamma", (const char *)NULL));
  logf_("info", "x=%d y=%.3f s=%s", 42, 3.14159, "ok");
  logf_("warn", "%5.1f%%", 99.44);
  print_pairs(3, 1, 0.5, 2, 0.25, 3, 0.125);
  return 0;
}
