/* sieve.c: a bitset with shift and mask helpers, used for the sieve of
 * Eratosthenes and a prime-counting table. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#define LIMIT 1000
#define WORD_BITS (sizeof(unsigned long) * CHAR_BIT)
#define WORDS ((LIMIT + WORD_BITS - 1) / WORD_BITS)

static unsigned long bits[WORDS];

static void set_bit(unsigned n) { bits[n / WORD_BITS] |= 1UL << (n % WORD_BITS); }
static int get_bit(unsigned n) { return (int)(bits[n / WORD_BITS] >> (n % WORD_BITS) & 1UL); }

int main(void) {
  memset(bits, 0, sizeof bits);
  set_bit(0);
  set_bit(1);
  for (unsigned i = 2; i * i < LIMIT; i++)
    if (!get_bit(i))
      for (unsigned j = i * i; j < LIMIT; j += i)
        set_bit(j);
  unsigned count = 0, last = 0;
  int checkpoints[] = {10, 100, 500, 1000};
  int cp = 0;
  for (unsigned n = 0; n < LIMIT; n++) {
    if (!get_bit(n)) {
      count++;
      last = n;
    }
    if (cp < 4 && n + 1 == (unsigned)checkpoints[cp])
      printf("pi(%d)=%u\n", checkpoints[cp++], count);
  }
  printf("largest prime below %d: %u, words=%zu\n", LIMIT, last, (size_t)WORDS);
  unsigned twins = 0;
  for (unsigned n = 3; n + 2 < LIMIT; n += 2)
    twins += !get_bit(n) && !get_bit(n + 2);
  printf("twin pairs=%u\n", twins);
  return 0;
}
