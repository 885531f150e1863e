/* macros.c: object-like and function-like macros in expressions,
 * stringizing, token pasting, variadic macros, conditional compilation. */
#include <stdio.h>

#define SCALE 2.5
#define SQUARE(x) ((x) * (x))
#define CUBE(x) (SQUARE(x) * (x))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define FIELD(n) double CAT(field_, n)
#define SHOW(expr) printf("%-20s = %.17g\n", #expr, (double)(expr))
#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define VERSION_MAJOR 1
#define VERSION_MINOR 4

#if VERSION_MAJOR >= 1 && defined(SCALE)
#define FEATURE "enabled"
#else
#define FEATURE "disabled"
#endif

struct fields {
  FIELD(a);
  FIELD(b);
};

static double CAT(scaled_, square)(double v) { return SCALE * SQUARE(v); }

int main(void) {
  struct fields f = {.field_a = 1.5, .field_b = -2};
  SHOW(SQUARE(f.field_a + 1));
  SHOW(CUBE(f.field_b));
  SHOW(scaled_square(3));
  SHOW(SCALE * 4);
  printf("%s %s\n", STR(SCALE), XSTR(SCALE));
  printf("version " XSTR(VERSION_MAJOR) "." XSTR(VERSION_MINOR) " feature %s\n", FEATURE);
  LOG("%d + %d = %d", 2, 3, 2 + 3);
  int CAT(x, 1) = 10, CAT(x, 2) = 20;
  printf("x1*x2=%d line=%d\n", x1 * x2, __LINE__);
#undef SCALE
#define SCALE 4
  printf("rescaled %d\n", SCALE * 2);
  return 0;
}
