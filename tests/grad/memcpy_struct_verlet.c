/* cotan: grad -f pendulum_verlet */
/* memcpy_struct_verlet.c: a struct copied with memcpy(&a, &b, sizeof a).
 * A double pendulum integrated by position Verlet keeps the previous state
 * in a second struct; the states are copied with memcpy each step.  The
 * result: the height of the second bob after the run plus an energy term. */
#include <math.h>
#include <string.h>

struct state {
  double th1, th2; /* joint angles */
};

struct pendulum {
  double l1, l2; /* lengths */
  double g;      /* gravity */
};

static void accel(const struct pendulum *p, const struct state *s, double *a1, double *a2) {
  /* small-coupling approximation of the double pendulum's equations */
  double d = s->th1 - s->th2;
  *a1 = -p->g / p->l1 * sin(s->th1) - 0.3 * sin(d);
  *a2 = -p->g / p->l2 * sin(s->th2) + 0.3 * sin(d);
}

double pendulum_verlet(const struct state *init, const struct state *init_vel,
                       const struct pendulum *p, double duration, int steps) {
  double dt = duration / steps;
  struct state cur, prev, next;
  memcpy(&cur, init, sizeof cur);
  double a1, a2;
  accel(p, &cur, &a1, &a2);
  /* the first step from the initial velocity (Taylor) */
  prev.th1 = cur.th1 - dt * init_vel->th1 + 0.5 * dt * dt * a1;
  prev.th2 = cur.th2 - dt * init_vel->th2 + 0.5 * dt * dt * a2;
  for (int k = 0; k < steps; k++) {
    accel(p, &cur, &a1, &a2);
    next.th1 = 2 * cur.th1 - prev.th1 + dt * dt * a1;
    next.th2 = 2 * cur.th2 - prev.th2 + dt * dt * a2;
    memcpy(&prev, &cur, sizeof prev);
    memcpy(&cur, &next, sizeof cur);
  }
  double h = -p->l1 * cos(cur.th1) - p->l2 * cos(cur.th2);
  double w1 = (cur.th1 - prev.th1) / dt, w2 = (cur.th2 - prev.th2) / dt;
  return h + 0.1 * (w1 * w1 + w2 * w2);
}

#ifdef COTAN_TEST
#include "check.h"
double pendulum_verlet_grad(const struct state *init, struct state *d_init, const struct state *init_vel, struct state *d_init_vel, const struct pendulum *p, struct pendulum *d_p, double duration, double *d_duration, int steps);

static struct state init, d_init, vel, d_vel;
static struct pendulum pend, d_pend;
static double dur, d_dur;
static double f(void) { return pendulum_verlet(&init, &vel, &pend, dur, 20); }
static double g(void) { return pendulum_verlet_grad(&init, &d_init, &vel, &d_vel, &pend, &d_pend, dur, &d_dur, 20); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    init.th1 = check_rand(-1, 1);
    init.th2 = check_rand(-1, 1);
    vel.th1 = check_rand(-0.5, 0.5);
    vel.th2 = check_rand(-0.5, 0.5);
    pend.l1 = check_rand(0.8, 1.2);
    pend.l2 = check_rand(0.8, 1.2);
    pend.g = check_rand(9, 10);
    dur = check_rand(0.3, 0.6);
    check_begin("memcpy_struct_verlet", f, g);
    CHECK_STRUCT(init, d_init);
    CHECK_STRUCT(vel, d_vel);
    CHECK_STRUCT(pend, d_pend);
    CHECK_SCALAR(dur, d_dur);
    check_run();
  }
  return check_done();
}
#endif
