#include <setjmp.h>

static jmp_buf env;

static double g(double x) {
  if (x < 0)
    longjmp(env, 1);
  return x * x;
}

double f(double x) { return 2 * g(x); }
