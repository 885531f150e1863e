/* generic.c: C11 features: _Generic, _Static_assert, _Alignas,
 * _Alignof, _Bool, _Noreturn, anonymous structs. */
#include <stdalign.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define TYPE_NAME(x) _Generic((x), int: "int", double: "double", float: "float", \
                              const char *: "const char *", char *: "char *", default: "other")
#define ABS(x) _Generic((x), int: abs_i, double: abs_d, default: abs_d)(x)

_Static_assert(sizeof(int) >= 2, "int is too small");

static int abs_i(int x) { return x < 0 ? -x : x; }
static double abs_d(double x) { return x < 0 ? -x : x; }

struct aligned {
  char c;
  _Alignas(16) double d;
  alignas(8) int i;
};

static _Noreturn void die(int code) { exit(code); }

static bool is_even(int n) { return n % 2 == 0; }

int main(void) {
  _Static_assert(_Alignof(struct aligned) == 16, "alignment");
  printf("%s %s %s %s %s\n", TYPE_NAME(1), TYPE_NAME(1.0), TYPE_NAME(1.0f), TYPE_NAME("s"),
         TYPE_NAME(1L));
  printf("abs: %d %.17g\n", ABS(-5), ABS(-2.5));
  _Alignas(32) char buf[64];
  printf("aligned: %d sizeof=%zu\n", (int)((size_t)buf % 32 == 0), sizeof(struct aligned));
  _Bool b = 5;
  bool flags[4] = {true, false, 2, 0};
  int count = 0;
  for (int i = 0; i < 4; i++)
    count += flags[i];
  printf("b=%d count=%d even(10)=%d alignof(double)=%zu\n", b, count, is_even(10), alignof(double));
  if (count > 10)
    die(3);
  return 0;
}
