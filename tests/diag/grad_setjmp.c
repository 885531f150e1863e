#include <setjmp.h>

static jmp_buf env;

double f(double x) {
  if (setjmp(env))
    return 0.0;
  return x * x;
}
