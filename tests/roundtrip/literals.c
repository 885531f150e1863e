/* literals.c: string escapes, adjacent literals with different escapes,
 * character constants (quotes, NUL, multi-char, octal, hex), wide and
 * UTF literals, _Generic dispatch macros, complex arithmetic. */
#include <complex.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

#pragma GCC diagnostic ignored "-Wmultichar"

#define MAX(a, b) _Generic((a) + (b), int: max_i, long: max_l, double: max_d, float: max_f)(a, b)
#define KIND(x) _Generic((x), _Complex double: "complex", double: "double", \
                         const char *: "cstr", char *: "str", int *: "int*", default: "?")

static int max_i(int a, int b) { return a > b ? a : b; }
static long max_l(long a, long b) { return a > b ? a : b; }
static double max_d(double a, double b) { return a > b ? a : b; }
static float max_f(float a, float b) { return a > b ? a : b; }

static void dump(const char *label, const char *s, size_t n) {
  printf("%s:", label);
  for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char)s[i]);
  printf("\n");
}

int main(void) {
  static const char s[] = "\x41\101\n\0z";
  dump("s", s, sizeof s);
  const char *adj = "\x4" "1" "\0" "12" "\1" "23";
  dump("adj", adj, 8);
  dump("esc", "\a\b\f\n\r\t\v\\\'\"\?", 12);
  printf("trigraph-free: %s\n", "?\?-?" "?=");
  char q = '\'', nul = '\0', dq = '"', bs = '\\', oct = '\377', hx = '\x7f';
  printf("chars: %d %d %d %d %d %d\n", q, nul, dq, bs, oct, hx);
  int multi = 'ab';
  printf("multi: %d %d\n", multi == ('a' * 256 + 'b'), (int)sizeof('ab'));
  wchar_t w[] = L"w\x263a";
  char16_t u16[] = u"\u00e9t\u00e9";
  char32_t u32[] = U"\U0001F600";
  const char *u8 = u8"caf\u00e9";
  printf("wide: %zu %d %zu %d %zu %u %zu\n", sizeof w / sizeof *w, (int)w[1],
         sizeof u16 / sizeof *u16, u16[0], sizeof u32 / sizeof *u32, (unsigned)u32[0], strlen(u8));
  printf("wide char: %d %d %d\n", (int)L'x', (int)u'\u00e9', (int)(U'\xff' + 1));
  printf("long string: %s\n", "a very long string literal that goes on and on so that "
                              "the printer has to decide where to break it, "
                              "with \"quotes\" and a tab\tinside");
  printf("%%d %s\n", "percent");

  printf("max: %d %ld %g %g\n", MAX(3, 4), MAX(5L, 2), MAX(1.5, 2), (double)MAX(1.5f, 0.5f));
  int iv = 0;
  printf("kinds: %s %s %s %s %s\n", KIND(1.0 * I), KIND(2.0), KIND((const char *)"x"),
         KIND((char *)0), KIND(&iv));

  double complex z = 1.0 + 2.0 * I;
  double complex w2 = conj(z) * z;
  _Complex double z3 = z / (3.0 - 1.0 * I);
  float _Complex zf = 1.5f;
  printf("complex: %g %g %g %g\n", creal(w2), cimag(w2), creal(z3), cimag(z3));
  printf("complex: %g %g %g\n", cabs(3 + 4 * I), crealf(zf), cimag(csqrt(-4.0 + 0.0 * I)));
  z += 1;
  z *= I;
  printf("ops: %g %g %d\n", creal(z), cimag(z), z == z);
  return 0;
}
