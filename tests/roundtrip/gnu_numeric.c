/* cflags: -std=gnu11 */
/* gnu_numeric.c: GNU C as numerical code uses it: statement expressions
 * in type-generic macros, typeof and __auto_type, the ?: with an omitted
 * middle, __attribute__ on functions and types, __builtin_expect,
 * zero-length trailing arrays, aligned array typedefs, __restrict, va_list
 * forwarding through several layers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define max(a, b)             \
  ({                          \
    __typeof__(a) _a = (a);   \
    __typeof__(b) _b = (b);   \
    _a > _b ? _a : _b;        \
  })
#define swap(x, y)            \
  do {                        \
    typeof(x) tmp_ = (x);     \
    (x) = (y);                \
    (y) = tmp_;               \
  } while (0)
#define likely(x) __builtin_expect(!!(x), 1)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct vector {
  size_t n;
  double data[0]; /* GNU zero-length array */
};

typedef double v4d[4] __attribute__((aligned(32)));

static struct vector *vector_new(size_t n) {
  struct vector *v = malloc(sizeof *v + n * sizeof(double));
  if (likely(v != NULL)) v->n = n;
  return v;
}

static __attribute__((noinline, pure)) double dot(size_t n, const double *__restrict a,
                                                  const double *__restrict b) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

static int logv(char *buf, size_t cap, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static int logv(char *buf, size_t cap, const char *fmt, va_list ap) {
  return vsnprintf(buf, cap, fmt, ap);
}
static int logf_inner(char *buf, size_t cap, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = logv(buf, cap, fmt, copy);
  va_end(copy);
  return n;
}
static __attribute__((format(printf, 1, 2))) void logmsg(const char *fmt, ...) {
  char buf[128];
  va_list ap;
  va_start(ap, fmt);
  int n = logf_inner(buf, sizeof buf, fmt, ap);
  va_end(ap);
  printf("[%d] %s\n", n, buf);
}

static int interpret(const unsigned char *code) {
  int acc = 1;
  for (;;) switch (*code++) {
    case 0: return acc;
    case 1: acc++; break;
    default: acc *= 2; break;
    }
}

int main(void) {
  int i = 3, j = 7;
  double d = max(2.5, 1.0 * i);
  printf("max: %d %g %ld\n", max(i, j), d, max(10L, (long)j));
  swap(i, j);
  printf("swap: %d %d\n", i, j);
  __auto_type k = i * 2.0;
  typeof(k) k2 = k / 4;
  typeof(int[3]) arr = {1, 2, 3};
  printf("auto: %g %g %zu %zu\n", k, k2, sizeof(k), ARRAY_SIZE(arr));
  int zero = 0;
  printf("elvis: %d %d\n", zero ?: 42, j ?: 42);
  struct vector *v = vector_new(4);
  if (!v) return 1;
  for (size_t t = 0; t < v->n; t++) v->data[t] = (double)t + 0.5;
  printf("dot: %g\n", dot(v->n, v->data, v->data));
  free(v);
  v4d a = {1, 2, 3, 4}, b = {0.5, 0.5, 0.5, 0.5};
  v4d c;
  for (int t = 0; t < 4; t++) c[t] = a[t] * b[t] + a[t];
  printf("vector: %g %g %g %g\n", c[0], c[1], c[2], c[3]);
  logmsg("%s=%d %s=%.3f", "i", i, "d", d);
  const unsigned char prog[] = {1, 2, 1, 2, 0};
  printf("interp: %d\n", interpret(prog));
  int total = ({
    int s = 0;
    for (int t = 0; t < 5; t++) s += t;
    s;
  });
  printf("stmt expr: %d\n", total);
  switch (total) {
  case 0 ... 5:
    puts("small");
    break;
  case 6 ... 20:
    puts("medium");
    break;
  default:
    puts("large");
  }
  __extension__ long long big = 1LL << 40;
  printf("ext: %lld %zu %d\n", big, __alignof__(double), (int)__builtin_offsetof(struct vector, data));
  return 0;
}
