/* initializers.c: initializers of every shape: nested braces, positions,
 * braces, designators mixed with positions, arrays sized by their
 * initializer, string initializers, static and automatic zero fill. */
#include <stdio.h>

struct inner {
  int a[3];
  char tag;
};

struct outer {
  struct inner in[2];
  double weights[4];
  const char *label;
};

static struct outer global = {{{{1, 2, 3}, 'x'}, {{4}, 'y'}}, {0.5, [3] = 1.5}, "global"};
static int primes[] = {2, 3, 5, 7, 11, [9] = 29};
static double identity[3][3] = {[0][0] = 1, [1][1] = 1, [2][2] = 1};
static char word[10] = "init";

static void show(const struct outer *o) {
  printf("%s:", o->label ? o->label : "(null)");
  for (int i = 0; i < 2; i++)
    printf(" [%d %d %d %c]", o->in[i].a[0], o->in[i].a[1], o->in[i].a[2], o->in[i].tag ? o->in[i].tag : '-');
  printf(" w=%g,%g,%g,%g\n", o->weights[0], o->weights[1], o->weights[2], o->weights[3]);
}

int main(void) {
  show(&global);
  struct outer positional = {{{{1, 2, 3}, 'e'}, {{4, 5, 6}, 'f'}}, {0.25, 0.5}, "positional"};
  show(&positional);
  struct outer desig = {.label = "desig", .in[1].a = {7, 8}, .in[0] = {.tag = 'q'}, .weights[2] = 2};
  show(&desig);
  struct outer empty = {0};
  show(&empty);
  printf("primes: %zu elements, last %d, gap %d\n", sizeof primes / sizeof primes[0], primes[9], primes[6]);
  double trace = 0;
  for (int i = 0; i < 3; i++)
    trace += identity[i][i] + identity[i][(i + 1) % 3];
  printf("trace=%g word=%s len=%zu\n", trace, word, sizeof word);
  int n = 3;
  int local[5] = {n, n * 2, [4] = n * 4};
  printf("local: %d %d %d %d %d\n", local[0], local[1], local[2], local[3], local[4]);
  struct inner arr[] = {[1].tag = 'b', [0] = {{9, 9, 9}, 'a'}, [2] = {.a[1] = 5}};
  printf("arr: %zu %c %c %d\n", sizeof arr / sizeof arr[0], arr[0].tag, arr[1].tag, arr[2].a[1]);
  return 0;
}
