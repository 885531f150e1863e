/* control2.c: statements that stress the parser and printer: comma
 * expressions in every for clause, switch with declarations and labels
 * inside blocks, nested ternaries, static locals, recursion, goto cleanup,
 * shadowing, sizeof of VLAs with side effects, ptrdiff_t arithmetic. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

static int counter(void) {
  static int calls; /* zero-initialised, keeps its value */
  static const int step = 2;
  return calls += step;
}

static long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int ackermann(int m, int n) {
  return m == 0 ? n + 1 : n == 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
}
static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }

static const char *classify(int x) {
  return x < 0 ? "neg" : x == 0 ? "zero" : x < 10 ? (x % 2 ? "small odd" : "small even") : "big";
}

static int with_cleanup(int fail_at) {
  int rc = -1;
  double *a = NULL, *b = NULL;
  a = malloc(8 * sizeof *a);
  if (!a || fail_at == 1) goto out;
  b = malloc(8 * sizeof *b);
  if (!b || fail_at == 2) goto out_a;
  for (int i = 0; i < 8; i++) a[i] = b[i] = i;
  rc = (int)(a[7] + b[6]);
  free(b);
out_a:
  free(a);
  a = NULL;
out:
  free(a);
  return rc;
}

static int days(int month, int leap) {
  int d;
  switch (month) {
  case 2: {
    int extra = leap ? 1 : 0;
    d = 28 + extra;
    break;
  }
  case 4:
  case 6:
  case 9:
  case 11:
    d = 30;
    break;
  default:
    if (month < 1 || month > 12) {
      d = -1;
      break;
    }
    d = 31;
  }
  return d;
}

static int duff(int count) {
  int n = (count + 3) / 4, total = 0;
  if (count <= 0) return 0;
  switch (count % 4) {
  case 0:
    do {
      total += 1;
      /* fall through */
  case 3:
      total += 1;
      /* fall through */
  case 2:
      total += 1;
      /* fall through */
  case 1:
      total += 1;
    } while (--n > 0);
  }
  return total;
}

int main(void) {
  int i, j, acc = 0;
  for (i = 0, j = 10; i < j && acc < 100; i++, j--, acc += i * j) continue;
  printf("for: %d %d %d\n", i, j, acc);
  for (int k = (acc = 0, 3); acc += k, k > 0; --k) {}
  printf("for2: %d\n", acc);
  for (;;) {
    if (++acc > 20) break;
  }
  printf("counter: %d %d %d\n", counter(), counter(), counter() + 0);
  printf("fact: %ld ack: %d even: %d %d\n", fact(12), ackermann(2, 3), is_even(10), is_even(7));
  for (int x = -1; x < 13; x += 4) printf("%d is %s\n", x, classify(x));
  printf("cleanup: %d %d %d\n", with_cleanup(0), with_cleanup(1), with_cleanup(2));
  printf("days: %d %d %d %d %d\n", days(2, 0), days(2, 1), days(4, 0), days(1, 0), days(13, 0));
  printf("duff: %d %d %d\n", duff(1), duff(7), duff(8));

  int n = 4;
  double vla[n][n + 1];
  size_t before = (size_t)n;
  size_t sz = sizeof(double[n++]); /* a VLA type: n++ is evaluated */
  size_t sz2 = sizeof vla[0];      /* not a VLA... */
  size_t sz3 = sizeof(n + 1L);     /* long */
  printf("sizeof: %zu %zu %zu %zu %d\n", before, sz, sz2, sz3, n);
  int m[3][5];
  ptrdiff_t d = &m[2][1] - &m[0][0];
  int *p = &m[1][4], *q = p + 1;
  printf("ptrdiff: %td %td %d\n", d, q - p, q == &m[2][0]);

  int v = 1;
  {
    int v = 2;
    {
      void *v = &v; /* the new v is in scope in its own initializer */
      printf("self: %d\n", v == (void *)&v);
      (void)v;
    }
    printf("shadow: %d\n", v);
  }
  printf("shadow: %d\n", v);

  int w = 0;
  while (w < 5)
    if (w++ % 2)
      continue;
    else
      acc++;
  do w--; while (w > 2);
  printf("loops: %d %d\n", w, acc);
  if (w) {
    if (!w) puts("never");
    else
      puts("else binds inner");
  }
  goto skip;
  puts("skipped");
skip:;
  return 0;
}
