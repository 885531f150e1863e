/* cotan: grad -f struct_ptr */
/* struct_ptr.c: p->f reads through a pointer to a const struct with double
 * fields (and an int field, inactive). */
#include <math.h>

struct body {
  double mass;
  double pos;
  double vel;
  int id;
};

double struct_ptr(const struct body *p, double dt) {
  double x = p->pos + p->vel * dt;
  double ke = 0.5 * p->mass * p->vel * p->vel;
  double pe = p->mass * 9.81 * x;
  return ke + pe + (p->id % 2 ? x * x : cos(x));
}

#ifdef COTAN_TEST
#include "check.h"
double struct_ptr_grad(const struct body *p, struct body *d_p, double dt, double *d_dt);

static struct body b, d_b;
static double dt, d_dt;
static double f(void) { return struct_ptr(&b, dt); }
static double g(void) { return struct_ptr_grad(&b, &d_b, dt, &d_dt); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    b.mass = check_rand(0.5, 3);
    b.pos = check_rand(-1, 1);
    b.vel = check_rand(-2, 2);
    b.id = p;
    dt = check_rand(0.01, 0.5);
    check_begin("struct_ptr", f, g);
    CHECK_SCALAR(b.mass, d_b.mass);
    CHECK_SCALAR(b.pos, d_b.pos);
    CHECK_SCALAR(b.vel, d_b.vel);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
