/* enums.c: enumerations with explicit and implicit values, enums as
 * array indices and switch subjects, and layered typedefs. */
#include <stdio.h>

typedef enum color { RED, GREEN = 5, BLUE, ALPHA = GREEN + 10, LAST } Color;
enum { FLAG_A = 1 << 0, FLAG_B = 1 << 1, FLAG_C = 1 << 2, FLAG_ALL = FLAG_A | FLAG_B | FLAG_C };
enum small { S0 = -2, S1, S2 };

typedef unsigned int uint;
typedef uint count_t;
typedef const char *cstr;
typedef cstr name_table[4];
typedef struct point {
  count_t x, y;
} point, *point_ptr;

static cstr color_name(Color c) {
  switch (c) {
  case RED:
    return "red";
  case GREEN:
    return "green";
  case BLUE:
    return "blue";
  case ALPHA:
    return "alpha";
  default:
    return "?";
  }
}

int main(void) {
  Color cs[] = {RED, GREEN, BLUE, ALPHA, LAST};
  for (unsigned i = 0; i < sizeof cs / sizeof cs[0]; i++)
    printf("%s=%d\n", color_name(cs[i]), (int)cs[i]);
  int flags = FLAG_A | FLAG_C;
  printf("flags=%d all=%d hasB=%d\n", flags, FLAG_ALL, (flags & FLAG_B) != 0);
  printf("small: %d %d %d\n", S0, S1, S2);
  name_table names = {"w", "x", "y", "z"};
  int counts[LAST + 1] = {[BLUE] = 3, [LAST] = 9};
  point p = {3, 4};
  point_ptr pp = &p;
  pp->x += counts[BLUE];
  printf("%s %s p=(%u,%u) counts[LAST]=%d\n", names[0], names[3], pp->x, p.y, counts[LAST]);
  enum color c = BLUE;
  c = (enum color)(c + 1);
  printf("after BLUE: %d\n", c);
  return 0;
}
