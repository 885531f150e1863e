/* statements.c: every statement kind: switch with fall-through,
 * do-while, goto and labels, break/continue, nested loops, early returns. */
#include <stdio.h>

static int classify(int x) {
  if (x < 0)
    return -1;
  else if (x == 0)
    return 0;
  if (x > 100) {
    return 100;
  }
  return 1;
}

static int fallthrough(int n) {
  int acc = 0;
  switch (n) {
  case 0:
    acc += 1;
    /* fall through */
  case 1:
  case 2:
    acc += 10;
    /* fall through */
  case 3: {
    int local = n * 100;
    acc += local;
    break;
  }
  default:
    acc = -1;
    break;
  case 9:
    acc = 99;
  }
  return acc;
}

static int find_pair(int target, int *pi, int *pj) {
  for (int i = 0; i < 10; i++) {
    for (int j = i; j < 10; j++) {
      if (i * j == target) {
        *pi = i;
        *pj = j;
        goto found;
      }
    }
  }
  return 0;
found:
  return 1;
}

static int collatz(unsigned long n) {
  int steps = 0;
  do {
    if (n == 1)
      break;
    n = n % 2 ? 3 * n + 1 : n / 2;
    steps++;
  } while (1);
  return steps;
}

int main(void) {
  for (int x = -2; x < 200; x += 67)
    printf("classify(%d)=%d\n", x, classify(x));
  for (int n = 0; n < 11; n++)
    printf("fall(%d)=%d\n", n, fallthrough(n));
  int i, j;
  if (find_pair(42, &i, &j))
    printf("42 = %d * %d\n", i, j);
  if (!find_pair(97, &i, &j))
    printf("97 not found\n");

  int evens = 0;
  for (int k = 0; k < 20; k++) {
    if (k % 2)
      continue;
    if (k > 14)
      break;
    evens += k;
  }
  printf("evens=%d\n", evens);

  int w = 0;
  while (w < 5)
    w++;
  ;
  {
    int count = 3;
  again:
    if (count-- > 0) {
      printf("again %d\n", count);
      goto again;
    }
  }
  for (;;) {
    w += 10;
    if (w > 40)
      break;
  }
  printf("w=%d collatz(27)=%d\n", w, collatz(27));
  return 0;
}
