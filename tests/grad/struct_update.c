/* cotan: grad -f struct_update */
/* struct_update.c: a struct written through its pointer (p->f = ...), a few
 * semi-implicit Euler steps of a spring, then its energy. */
struct state {
  double x, v;
  double k;
};

double struct_update(struct state *s, double dt, int steps) {
  for (int i = 0; i < steps; i++) {
    s->v -= s->k * s->x * dt;
    s->x += s->v * dt;
  }
  return 0.5 * s->v * s->v + 0.5 * s->k * s->x * s->x;
}

#ifdef COTAN_TEST
#include "check.h"
double struct_update_grad(struct state *s, struct state *d_s, double dt, double *d_dt, int steps);

/* F writes *s: evaluate on a copy */
static struct state s0, d_s, work;
static double dt, d_dt;
static double f(void) { work = s0; return struct_update(&work, dt, 6); }
static double g(void) { work = s0; return struct_update_grad(&work, &d_s, dt, &d_dt, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    s0.x = check_rand(-1, 1);
    s0.v = check_rand(-1, 1);
    s0.k = check_rand(1, 4);
    dt = check_rand(0.05, 0.2);
    check_begin("struct_update", f, g);
    check_no_twice();
    CHECK_SCALAR(s0.x, d_s.x);
    CHECK_SCALAR(s0.v, d_s.v);
    CHECK_SCALAR(s0.k, d_s.k);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
