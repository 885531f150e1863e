/* cotan: grad -f struct_array */
/* struct_array.c: an array of structs (particles): gravitational potential
 * energy over all pairs, p[i].x and (p + j)->m style accesses. */
#include <math.h>

typedef struct {
  double x, y;
  double m;
} particle;

double struct_array(const particle *p, int n) {
  double e = 0.0;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++) {
      double dx = p[i].x - p[j].x, dy = p[i].y - (p + j)->y;
      e -= p[i].m * (p + j)->m / sqrt(dx * dx + dy * dy);
    }
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double struct_array_grad(const particle *p, particle *d_p, int n);

static particle ps[4], d_ps[4];
static double f(void) { return struct_array(ps, 4); }
static double g(void) { return struct_array_grad(ps, d_ps, 4); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < 4; i++) {
      ps[i].x = i + check_rand(-0.3, 0.3);
      ps[i].y = check_rand(-1, 1);
      ps[i].m = check_rand(0.5, 2);
    }
    check_begin("struct_array", f, g);
    CHECK_SCALAR(ps[0].x, d_ps[0].x); CHECK_SCALAR(ps[0].y, d_ps[0].y); CHECK_SCALAR(ps[0].m, d_ps[0].m);
    CHECK_SCALAR(ps[1].x, d_ps[1].x); CHECK_SCALAR(ps[1].y, d_ps[1].y); CHECK_SCALAR(ps[1].m, d_ps[1].m);
    CHECK_SCALAR(ps[2].x, d_ps[2].x); CHECK_SCALAR(ps[2].y, d_ps[2].y); CHECK_SCALAR(ps[2].m, d_ps[2].m);
    CHECK_SCALAR(ps[3].x, d_ps[3].x); CHECK_SCALAR(ps[3].y, d_ps[3].y); CHECK_SCALAR(ps[3].m, d_ps[3].m);
    check_run();
  }
  return check_done();
}
#endif
