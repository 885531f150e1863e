/* aggregates2.c: nested anonymous structs and unions with designated
 * initializers, bit-fields of many widths, compound literals as lvalues,
 * offsetof/alignof, _Static_assert on sizes, long initializer tables. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct packet {
  unsigned int tag : 3;
  unsigned int : 0; /* force the next bit-field into a new unit */
  unsigned int flags : 5;
  signed int delta : 4;
  unsigned int : 2;
  unsigned int big : 31;
  _Bool ok : 1;
  union {
    struct {
      float re, im;
    };
    double both;
    struct {
      unsigned char lo : 4, hi : 4;
    } nib;
  };
  struct {
    int depth;
    union {
      long l;
      char c[sizeof(long)];
    } u;
  } inner;
};

_Static_assert(sizeof(struct packet) >= 3 * sizeof(unsigned int), "packet too small");
_Static_assert(offsetof(struct packet, inner) % alignof(long) == 0, "inner misaligned");

struct vec {
  double x, y, z;
};

static const struct {
  const char *name;
  int code;
  double weight;
} table[] = {
    [3] = {"three", 3, 0.75},
    [0] = {.name = "zero", .weight = 0.1},
    {"one", 1, 1e-3},
    {.code = 2, .name = "two"},
    [5].code = 55,
    [5].name = "five",
};

static const double coeffs[] = {
    0x1.0p0,  0x1.8p1,   -0x1.fffffffffffffp-1, 0x.8p-2, 1e10, 1.5e-7, .25, 7.,
    1e+2,     0X1P+3,    0x1p-1074,             1.0F,    2.5L, 3.0f,   0.0, -0.0,
    123456.0, 1e-308,    4.9e-324,              1.7976931348623157e308,
};

static int sum_ints(const int *a, int n) {
  int s = 0;
  while (n--) s += *a++;
  return s;
}

int main(void) {
  struct packet p = {.tag = 7, .flags = 31, .delta = -8, .big = 0x7fffffff, .ok = 1,
                     .re = 1.5f, .im = -2.0f, .inner = {.depth = 3, .u.c = {'a', 'b'}}};
  printf("bits: %u %u %d %u %d\n", p.tag, p.flags, p.delta, p.big, p.ok);
  p.tag++;
  p.delta = p.delta - 1; /* implementation-defined, but gcc and clang agree: wraps */
  p.flags += 2;
  printf("wrapped: %u %u %d\n", p.tag, p.flags, p.delta);
  printf("anon: %g %g %c%c %d\n", p.re, p.im, p.inner.u.c[0], p.inner.u.c[1], p.inner.depth);
  p.nib.lo = 0xf, p.nib.hi = 0x3;
  printf("nib: %u %u\n", p.nib.lo, p.nib.hi);
  printf("offsets: %d %d %zu\n", offsetof(struct packet, inner.u) > offsetof(struct packet, inner),
         (int)(offsetof(struct packet, inner.depth) - offsetof(struct packet, inner)),
         alignof(struct vec));

  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    printf("table[%zu] = %s %d %g\n", i, table[i].name ? table[i].name : "(null)", table[i].code,
           table[i].weight);
  double csum = 0;
  for (size_t i = 0; i < sizeof coeffs / sizeof *coeffs; i++) csum += coeffs[i] / (double)(i + 1);
  printf("coeffs: %zu %.17g %a %a\n", sizeof coeffs / sizeof *coeffs, csum, coeffs[3], coeffs[10]);

  (int[]){1, 2}[1] = 5; /* a compound literal is an lvalue */
  int *cl = (int[3]){[2] = 9};
  cl[0] = 4;
  printf("compound: %d %d %d\n", cl[0], cl[1], cl[2]);
  struct vec *v = &(struct vec){.y = 2};
  v->x = (struct vec){1, 2, 3}.z;
  printf("vec: %g %g %g\n", v->x, v->y, v->z);
  printf("sum: %d\n", sum_ints((const int[]){1, 2, 3, 4, [9] = 10}, 10));
  struct vec arr[2][2] = {[1][0] = {.z = 5}, [0] = {{.x = 1}, {2, 3, 0}}};
  printf("arr: %g %g %g %g\n", arr[0][0].x, arr[0][1].y, arr[1][0].z, arr[1][1].x);
  char s1[] = "abc", s2[5] = "ab", s3[3] = "xyz"; /* no terminator in s3 */
  printf("strs: %zu %zu %c %d\n", sizeof s1, sizeof s2, s3[2], s2[4]);
  int m[][3] = {{1, 2, 3}, {4, 5}, [3][1] = 7};
  printf("rows: %zu %d %d\n", sizeof m / sizeof m[0], m[1][1], m[1][2]);
  union {
    uint32_t u;
    float f;
  } pun = {.f = 1.0f};
  printf("pun: 0x%08x\n", (unsigned)pun.u);
  return 0;
}
