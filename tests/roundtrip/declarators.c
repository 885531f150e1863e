/* declarators.c: hard declarators: pointers to arrays, arrays of
 * pointers to functions, several declarators in one declaration, abstract
 * declarators in casts and sizeof, typedef names shadowed in inner scopes,
 * struct tags declared in nested scopes. */
#include <stdio.h>

typedef int T;

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

static int (*table[2])(int) = {square, negate};
static int (*(*get_table(void))[2])(int) { return &table; }

int main(void) {
  int a = 1, *pa = &a, **ppa = &pa, arr[3] = {4, 5, 6}, (*parr)[3] = &arr;
  printf("%d %d %d %d\n", a, *pa, **ppa, (*parr)[2]);
  int (*(*tp)[2])(int) = get_table();
  printf("%d %d\n", (*tp)[0](7), (*get_table())[1](7));
  printf("sizeof: %zu %zu %zu\n", sizeof(int (*)[3]), sizeof(int *[3]), sizeof(char (*)(void)));
  void *vp = parr;
  int *ip = (int *)vp;
  printf("cast: %d\n", ip[1]);
  {
    T T = 5; /* the variable T shadows the typedef name T */
    printf("shadow: %d\n", T * 2);
  }
  T after = 3;
  {
    struct point {
      int x, y;
    } p = {1, 2};
    {
      struct point {
        double x;
      } q = {2.5};
      printf("inner: %g\n", q.x);
    }
    printf("outer: %d %d\n", p.x, p.y);
  }
  const int *const cp = &after;
  unsigned long const volatile ul = 10UL;
  long long signed int lls = -1;
  printf("%d %lu %lld\n", *cp, ul, lls);
  char *strs[] = {"one", "two"}, **sp = strs;
  printf("%s %c\n", sp[1], *sp[0]);
  return 0;
}
