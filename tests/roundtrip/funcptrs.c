/* funcptrs.c: function pointers: arrays of them, callbacks, typedefs,
 * functions returning function pointers, pointers in structs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef double (*unary)(double);
typedef int binop(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static double twice(double x) { return 2 * x; }

/* A function returning a pointer to a function, without a typedef. */
static int (*pick(char op))(int, int) {
  switch (op) {
  case '+':
    return add;
  case '-':
    return sub;
  default:
    return mul;
  }
}

static unary pick_math(const char *name) {
  static const struct {
    const char *name;
    unary fn;
  } table[] = {{"sqrt", sqrt}, {"exp", exp}, {"twice", twice}, {"fabs", fabs}};
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(table[i].name, name) == 0)
      return table[i].fn;
  return NULL;
}

static void apply_all(const double *xs, int n, void (*cb)(int, double, void *), void *ctx) {
  for (int i = 0; i < n; i++)
    cb(i, xs[i], ctx);
}

static void accumulate(int i, double x, void *ctx) {
  double *acc = ctx;
  *acc += x * (i + 1);
}

int main(void) {
  binop *ops[] = {add, sub, mul};
  int (*(*pops)[3])(int, int) = &ops;
  for (int i = 0; i < 3; i++)
    printf("op%d(7,3)=%d %d\n", i, ops[i](7, 3), (*pops)[i](2, 5));
  const char *ops_s = "+-*";
  for (const char *c = ops_s; *c; ++c)
    printf("%c: %d\n", *c, pick(*c)(12, 4));
  const char *names[] = {"sqrt", "exp", "twice", "fabs", "nope"};
  for (int i = 0; i < 5; i++) {
    unary f = pick_math(names[i]);
    if (f)
      printf("%s(2)=%.17g\n", names[i], (*f)(2.0));
    else
      printf("%s: not found\n", names[i]);
  }
  double xs[] = {1, 2, 3, 4}, acc = 0;
  apply_all(xs, 4, accumulate, &acc);
  printf("acc=%g\n", acc);
  return 0;
}
