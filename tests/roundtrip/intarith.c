/* intarith.c: integer promotions, unsigned wrap-around, mixed signed
 * and unsigned comparisons, shifts, and bit tricks. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static unsigned popcount(uint64_t x) {
  unsigned n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static int is_pow2(unsigned long x) { return x && !(x & (x - 1)); }

static uint32_t reverse_bits(uint32_t v) {
  uint32_t r = 0;
  for (int i = 0; i < 32; i++, v >>= 1)
    r = (r << 1) | (v & 1u);
  return r;
}

int main(void) {
  unsigned char uc = 200;
  signed char sc = -100;
  unsigned short us = 65535;
  printf("promote: %d %d %d\n", uc + uc, sc * 2, us + 1);
  unsigned u = 0;
  u--;
  printf("wrap: %u %d\n", u, u == UINT_MAX);
  printf("mixed: %d %d\n", -1 < 0u, (long long)-1 < 0u);
  uint8_t b = (uint8_t)(uc + 100);
  printf("uint8: %u\n", b);
  printf("shifts: %d %u %lld\n", 1 << 10, 0x80000000u >> 31, -16LL >> 2);
  printf("div: %d %d %d %d\n", 7 / 2, -7 / 2, 7 % -3, -7 % 3);
  uint64_t big = UINT64_C(0xDEADBEEFCAFEBABE);
  printf("popcount=%u rotl=%08" PRIx32 " rev=%08" PRIx32 "\n", popcount(big), rotl(0x12345678u, 8),
         reverse_bits(1u));
  printf("pow2: %d %d %d\n", is_pow2(64), is_pow2(96), is_pow2(0));
  printf("masks: %#x %#o %x\n", ~0u >> 4, 0777 & ~022, 0xF0 ^ 0x3C);
  int64_t m = INT64_MIN + 1;
  printf("int64: %" PRId64 " %" PRIu64 "\n", m, (uint64_t)m);
  long l = 'a' + 1L;
  printf("sizes: %zu %zu %zu %ld\n", sizeof(char), sizeof(uc + uc), sizeof 1L, l);
  unsigned x = 0xF0F0u;
  x |= 1u << 3;
  x &= ~(1u << 4);
  x ^= 0xFFu;
  x <<= 2;
  x >>= 1;
  printf("x=%u\n", x);
  return 0;
}
