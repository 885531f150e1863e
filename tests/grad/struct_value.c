/* cotan: grad -f struct_value */
/* struct_value.c: structs passed by value (struct S s gives struct S *d_s):
 * the norm of a cross product, through a helper returning a struct. */
#include <math.h>

struct vec3 {
  double x, y, z;
};

static struct vec3 cross(struct vec3 a, struct vec3 b) {
  struct vec3 c;
  c.x = a.y * b.z - a.z * b.y;
  c.y = a.z * b.x - a.x * b.z;
  c.z = a.x * b.y - a.y * b.x;
  return c;
}

double struct_value(struct vec3 a, struct vec3 b) {
  struct vec3 c = cross(a, b);
  return sqrt(c.x * c.x + c.y * c.y + c.z * c.z) + a.x * b.z;
}

#ifdef COTAN_TEST
#include "check.h"
double struct_value_grad(struct vec3 a, struct vec3 *d_a, struct vec3 b, struct vec3 *d_b);

static struct vec3 a, b, d_a, d_b;
static double f(void) { return struct_value(a, b); }
static double g(void) { return struct_value_grad(a, &d_a, b, &d_b); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    a.x = check_rand(-1, 1); a.y = check_rand(-1, 1); a.z = check_rand(-1, 1);
    b.x = check_rand(-1, 1); b.y = check_rand(-1, 1); b.z = check_rand(-1, 1);
    check_begin("struct_value", f, g);
    CHECK_SCALAR(a.x, d_a.x); CHECK_SCALAR(a.y, d_a.y); CHECK_SCALAR(a.z, d_a.z);
    CHECK_SCALAR(b.x, d_b.x); CHECK_SCALAR(b.y, d_b.y); CHECK_SCALAR(b.z, d_b.z);
    check_run();
  }
  return check_done();
}
#endif
