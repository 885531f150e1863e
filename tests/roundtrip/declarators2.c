/* declarators2.c: declarator torture: functions returning pointers to
 * arrays and to functions, typedefs of function types, arrays of function
 * pointers in structs, const at every pointer level, unnamed parameters. */
#include <stdio.h>

typedef double binop(double, double); /* a function type */
typedef binop *binop_ptr;
typedef int row3[3];
typedef const row3 crow3; /* const applies to the elements */

static double add(double a, double b) { return a + b; }
static double mul(double a, double b) { return a * b; }
static double sub(double a, double b) { return a - b; }

static binop add2; /* a function declared through a typedef of function type */
static double add2(double x, double y) { return 2 * (x + y); }

struct ops {
  const char *name;
  binop *fns[3];
  double (*const unary[2])(double);
  int (*(*pick)(int))[3];
};

static double neg(double x) { return -x; }
static double twice(double x) { return 2 * x; }

static int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
static int (*row_of(int i))[3] { return &grid[i]; }
static row3 *row_of2(int i) { return grid + i; }

/* returns a pointer to a function returning a pointer to an array of 3 int */
static int (*(*chooser(int which))(int))[3] {
  return which ? row_of2 : row_of;
}

/* unnamed parameters in prototypes; names only in the definition */
static int apply(int (*)(int, int), int, int);
static int plus(int a, int b) { return a + b; }
static int apply(int (*f)(int, int), int a, int b) { return f(a, b); }

static double sum_rows(int n, crow3 *rows) {
  double s = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < 3; j++) s += rows[i][j];
  return s;
}

static void (*signal_like(int sig, void (*handler)(int)))(int) {
  (void)sig;
  return handler;
}
static void handler(int s) { printf("handler %d\n", s); }

int main(void) {
  struct ops o = {"arith", {add, mul, sub}, {neg, twice}, row_of};
  for (int i = 0; i < 3; i++) printf("%s[%d] = %g\n", o.name, i, o.fns[i](6, 3));
  printf("unary: %g %g\n", o.unary[0](1.5), (*o.unary[1])(1.5));
  printf("pick: %d %d\n", (*o.pick(1))[2], o.pick(0)[0][1]);
  printf("chooser: %d %d\n", (*chooser(0)(1))[0], (*(*chooser)(1)(0))[2]);
  binop_ptr bp = add2;
  binop *bq = &mul;
  printf("typedef fn: %g %g\n", bp(1, 2), (**bq)(3, 4));

  double x = 1.5, y = 2.5;
  double *px = &x, *py = &y;
  double *const cpx = px;
  double *const *ppc = &cpx;
  const double *const *const pcpc = (const double *const *)&px;
  double *volatile *pvp = &py;
  **ppc += 1;
  printf("const levels: %g %g %g\n", **ppc, **pcpc, **pvp);

  printf("apply: %d\n", apply(plus, 20, 22));
  printf("sum_rows: %g\n", sum_rows(2, (crow3 *)grid));
  signal_like(3, handler)(4);

  double (*const(*arr_of_ptrs)[2])(double) = &o.unary;
  printf("via arr_of_ptrs: %g\n", (*arr_of_ptrs)[1](4));
  (void)arr_of_ptrs;
  int (*const fparr[])(int, int) = {plus, plus};
  printf("fparr: %zu %d\n", sizeof fparr / sizeof fparr[0], fparr[1](1, 2));
  char *(*(*weird)[4])(void) = 0;
  printf("sizes: %zu %zu %zu\n", sizeof weird, sizeof *weird, sizeof(int (*(*)[5])(void)));
  return 0;
}
