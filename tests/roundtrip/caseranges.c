/* cflags: -std=gnu11 */
/* caseranges.c: GNU extensions on purpose (hence -std=gnu11): case
 * ranges, statement expressions, the ?: shorthand, __typeof__. */
#include <stdio.h>

#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })

static const char *kind(int c) {
  switch (c) {
  case '0' ... '9':
    return "digit";
  case 'a' ... 'z':
  case 'A' ... 'Z':
    return "letter";
  case ' ':
  case '\t':
    return "space";
  default:
    return "other";
  }
}

static int grade(int score) {
  switch (score) {
  case 90 ... 100:
    return 'A';
  case 80 ... 89:
    return 'B';
  case 0 ... 79:
    return 'C';
  }
  return '?';
}

int main(void) {
  const char *s = "a1 Z?";
  for (const char *p = s; *p; p++)
    printf("'%c' %s\n", *p, kind(*p));
  for (int sc = 75; sc <= 105; sc += 10)
    printf("%d -> %c\n", sc, grade(sc));
  int m = MAX(3, 7 * 2);
  double d = MAX(2.5, -1.0);
  const char *name = NULL;
  printf("max=%d %.17g %s\n", m, d, name ?: "(none)");
  int sq = ({
    int t = 0;
    for (int i = 1; i <= 4; i++)
      t += i * i;
    t;
  });
  printf("sum of squares=%d\n", sq);
  return 0;
}
