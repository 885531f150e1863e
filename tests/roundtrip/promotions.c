/* promotions.c: integer promotions and usual arithmetic conversions that a
 * printer must not disturb: unsigned char wraparound, -1 < 0u, shifts of
 * unsigned short, mixed signedness, casts that change meaning, enums with
 * negative and large values. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

enum small { NEG = -5, ZERO = 0, POS = 7 };
enum big { BIG = 0x7fffffff, BIGGER_NEG = -0x7fffffff - 1 };
enum implicit { A0, A1, A5 = 5, A6, AM = -3, AM2 };

int main(void) {
  unsigned char uc = 250;
  uc += 10;
  unsigned char uc2 = 200, uc3 = 100;
  int sum = uc2 + uc3; /* promoted to int: 300, not 44 */
  unsigned char wrapped = (unsigned char)(uc2 + uc3);
  printf("uchar: %d %d %d\n", uc, sum, wrapped);

  printf("cmp: %d %d %d\n", -1 < 0u, -1 < 0, (long long)-1 < 0u);
  printf("cmp2: %d %d\n", (unsigned char)-1 > 0, (unsigned short)-1 > 0);

  unsigned short us = 0xffff;
  unsigned int ushift = (unsigned)us << 16;
  printf("shift: %u %d %u\n", ushift, (us >> 15), (unsigned)(us << 8));

  signed char sc = -128;
  sc = (signed char)(sc - 1); /* implementation-defined conversion: gcc/clang wrap */
  printf("schar: %d %d\n", sc, -(-128));

  unsigned u = 1;
  long l = -2;
  printf("mixed: %ld %d %u\n", l + (long)u, (int)(u * -1 > 0), u - 2u);
  printf("div: %d %d %d %d\n", -7 / 2, -7 % 2, 7 / -2, 7 % -2);
  printf("udiv: %u %lu\n", -7u / 2, (unsigned long)UINT_MAX + 1ul);
  printf("ll: %lld %llu %lld\n", LLONG_MIN, ULLONG_MAX, -9223372036854775807LL - 1);
  printf("lit: %d %d %d %ld\n", 0x7f, 0177, 00 + 0 ? 1 : 2, 2147483648 > 0 ? 1L : 0L);
  printf("sizeof lit: %zu %zu %zu %zu\n", sizeof 0x80000000, sizeof 2147483648,
         sizeof 'a', sizeof((char)'a'));
  printf("bool: %d %d %d\n", (_Bool)0.5, (_Bool)256, !!-3);
  int i = INT_MAX;
  unsigned wrap = (unsigned)i + 1u;
  printf("wrap: %u %d\n", wrap, (int)(wrap - 1u) == INT_MAX);
  uint8_t b8 = 0x80;
  int8_t s8 = (int8_t)b8;
  printf("i8: %d %d %d\n", b8 >> 7, s8 >> 7, ~b8);
  printf("tilde: %d %u %d\n", ~0, ~0u, ~(unsigned char)0);
  printf("enums: %d %d %d %d %d %d %d\n", NEG, POS, BIG, BIGGER_NEG, A6, AM2, A1);
  printf("enum sizes: %d %d\n", (int)sizeof(enum small) == (int)sizeof(int), ZERO);
  enum small e = NEG;
  printf("enum cmp: %d %d\n", e < ZERO, e + 10);
  printf("comma: %d\n", (i = 3, i + 1));
  printf("cond types: %zu %zu\n", sizeof(1 ? 1 : 1.0), sizeof(0 ? (char)1 : (short)2));
  int x = 5;
  int y = x++ + 1;
  (void)y;
  x = 5;
  y = -x-- - -y;
  printf("unary: %d %d %d %d\n", x, y, - -x, +-+x);
  int *ip = &x;
  printf("ptr: %d %d\n", *ip**ip, *ip/ *ip);
  return 0;
}
