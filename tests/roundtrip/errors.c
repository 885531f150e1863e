/* errors.c: error handling: assert, errno from the math and string
 * libraries, strtol with end pointers, and setjmp/longjmp. */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth) {
  depth_reached = depth;
  if (depth >= 5)
    longjmp(env, depth * 10);
  if (depth < 100)
    dive(depth + 1);
}

static long parse_long(const char *s, int *ok) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  *ok = errno == 0 && end != s && *end == '\0';
  return v;
}

int main(void) {
  assert(sizeof(long) >= 4);
  assert(1 + 1 == 2 && "arithmetic works");
  const char *inputs[] = {"123", "-45", "12x", "", "99999999999999999999999"};
  for (int i = 0; i < 5; i++) {
    int ok;
    long v = parse_long(inputs[i], &ok);
    printf("'%s' -> %ld ok=%d%s\n", inputs[i], v, ok, v == LONG_MAX ? " (LONG_MAX)" : "");
  }
  errno = 0;
  double r = log(-1.0);
  printf("log(-1) nan=%d edom=%d\n", isnan(r), errno == EDOM);
  errno = 0;
  double big = exp(1000.0);
  printf("exp(1000) inf=%d erange=%d\n", isinf(big), errno == ERANGE);
  printf("strerror(ENOENT) nonempty=%d\n", strlen(strerror(ENOENT)) > 0);
  volatile int attempts = 0;
  int code = setjmp(env);
  attempts++;
  if (code == 0)
    dive(0);
  printf("longjmp code=%d depth=%d attempts=%d\n", code, depth_reached, attempts);
  return 0;
}
