/* exprs.c: operator precedence, ternary chains, comma expressions,
 * casts, sizeof forms, pre/post increment, and parentheses that matter. */
#include <stdio.h>

static int side_effects;
static int bump(int v) {
  side_effects++;
  return v;
}

static const char *sign(double x) { return x > 0 ? "+" : x < 0 ? "-" : x == 0 ? "0" : "nan"; }

int main(void) {
  int a = 5, b = 3, c = 2;
  printf("%d %d %d %d\n", a + b * c, (a + b) * c, a - b - c, a - (b - c));
  printf("%d %d %d %d\n", a << (1 + 1), (a << 1) + 1, (a & b) | c, a * b + c % 2 - -b);
  printf("%d %d %d %d\n", (a > b) == (c > 1), !a || (b && c), ~a & 0xF, a < b || b <= c);
  printf("%d\n", a > b ? b > c ? 1 : 2 : 3);
  int i = (bump(1), bump(2), bump(3));
  printf("comma: i=%d effects=%d\n", i, side_effects);
  int x = 0, y;
  for (x = 0, y = 10; x < y; x += 3, y--)
    ;
  printf("x=%d y=%d\n", x, y);
  int n = 5;
  int pre = ++n, post = n++;
  int neg = -n--;
  printf("pre=%d post=%d n=%d %d\n", pre, post, n, neg);
  double d = (double)a / b;
  int trunc = (int)-2.7;
  printf("d=%.17g trunc=%d %d\n", d, trunc, (int)(unsigned char)-1);
  printf("%s%s%s%s\n", sign(1.5), sign(-2), sign(0), sign(0.0 / 0.0 * 0 + 1));
  int arr[10];
  printf("sizes %zu %zu %zu %zu\n", sizeof arr, sizeof arr[0], sizeof(int[3]), sizeof(a + 1.0f));
  int *p = arr;
  for (int k = 0; k < 10; k++)
    *p++ = k * k;
  p = arr + 2;
  int first = *p++;
  int second = *++p;
  printf("ptr: %d %d %d %td\n", first, second, p[-1], p - arr);
  printf("%d\n", 3[arr]);
  int z = a = b = 7;
  z += a *= 2;
  printf("chain: %d %d %d\n", z, a, b);
  printf("neg: %d %d %d\n", - -a, -(-a), !!a);
  return 0;
}
