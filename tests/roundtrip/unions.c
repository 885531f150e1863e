/* unions.c: tagged unions, anonymous struct and union members,
 * bit-fields, and reading a float's bits through a union. */
#include <stdint.h>
#include <stdio.h>

enum kind { K_INT, K_REAL, K_PAIR };

struct value {
  enum kind kind;
  union {
    long i;
    double r;
    struct {
      short a, b;
    };
  };
};

struct flags {
  unsigned ready : 1;
  unsigned mode : 3;
  signed level : 4;
  unsigned : 0;
  unsigned long wide : 20;
};

union bits {
  float f;
  uint32_t u;
  unsigned char bytes[4];
};

static double as_real(struct value v) {
  switch (v.kind) {
  case K_INT:
    return (double)v.i;
  case K_REAL:
    return v.r;
  case K_PAIR:
    return v.a + v.b / 100.0;
  }
  return 0;
}

int main(void) {
  struct value vals[] = {{K_INT, {.i = 42}}, {.kind = K_REAL, .r = 2.5}, {K_PAIR, .a = 3, .b = 14}};
  for (int i = 0; i < 3; i++)
    printf("value %d: %.17g\n", i, as_real(vals[i]));

  struct flags f = {.ready = 1, .mode = 5, .level = -3, .wide = 0xABCDE};
  f.mode++;
  f.level -= 4;
  printf("flags: %u %u %d %lx\n", f.ready, f.mode, f.level, (unsigned long)f.wide);
  f.mode += 3; /* wraps modulo 8 */
  printf("mode wraps to %u\n", f.mode);

  union bits b = {.f = 1.0f};
  printf("1.0f = 0x%08x exponent=%u\n", (unsigned)b.u, (unsigned)(b.u >> 23) & 0xffu);
  b.u ^= 0x80000000u;
  printf("negated: %g\n", (double)b.f);
  printf("sizeof(union bits)=%zu\n", sizeof(union bits));
  return 0;
}
