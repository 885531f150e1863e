/* cotan: vjp -f rk4_step --wrt s,p --out out */
/* vjp_struct_out.c: a struct output.  One RK4 step of a forced Duffing
 * oscillator maps a state struct and a parameter struct to the next state,
 * written through struct state *out; rk4_step_vjp takes the seed of the
 * new state in struct state *d_out. */
#include <math.h>

struct state {
  double x, v;
};

struct duffing {
  double delta, alpha, beta; /* damping, linear and cubic stiffness */
  double gamma, omega;       /* forcing amplitude and frequency */
};

static struct state rhs(const struct duffing *p, double t, struct state s) {
  struct state d;
  d.x = s.v;
  d.v = -p->delta * s.v - p->alpha * s.x - p->beta * s.x * s.x * s.x + p->gamma * cos(p->omega * t);
  return d;
}

void rk4_step(const struct state *s, const struct duffing *p, double t, double h, struct state *out) {
  struct state k1 = rhs(p, t, *s);
  struct state s2 = {s->x + 0.5 * h * k1.x, s->v + 0.5 * h * k1.v};
  struct state k2 = rhs(p, t + 0.5 * h, s2);
  struct state s3 = {s->x + 0.5 * h * k2.x, s->v + 0.5 * h * k2.v};
  struct state k3 = rhs(p, t + 0.5 * h, s3);
  struct state s4 = {s->x + h * k3.x, s->v + h * k3.v};
  struct state k4 = rhs(p, t + h, s4);
  out->x = s->x + h / 6 * (k1.x + 2 * k2.x + 2 * k3.x + k4.x);
  out->v = s->v + h / 6 * (k1.v + 2 * k2.v + 2 * k3.v + k4.v);
}

#ifdef COTAN_TEST
#include "check.h"
void rk4_step_vjp(const struct state *s, struct state *d_s, const struct duffing *p, struct duffing *d_p, double t, double h, struct state *out, struct state *d_out);

static struct state s, d_s, out, d_out, seed;
static struct duffing par, d_par;
static double t, h;
static double f(void) {
  rk4_step(&s, &par, t, h, &out);
  return seed.x * out.x + seed.v * out.v;
}
static double g(void) {
  d_out = seed;
  check_poison((double *)&out, 2);
  rk4_step_vjp(&s, &d_s, &par, &d_par, t, h, &out, &d_out);
  CHECK_ZEROED((double *)&d_out, 2);
  return seed.x * out.x + seed.v * out.v;
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    s.x = check_rand(-1, 1);
    s.v = check_rand(-1, 1);
    par.delta = check_rand(0.1, 0.3);
    par.alpha = check_rand(-1, 1);
    par.beta = check_rand(0.5, 1.5);
    par.gamma = check_rand(0.2, 0.5);
    par.omega = check_rand(1, 1.5);
    t = check_rand(0, 3);
    h = check_rand(0.05, 0.2);
    seed.x = check_rand(-1, 1);
    seed.v = check_rand(-1, 1);
    check_begin("vjp_struct_out", f, g);
    CHECK_STRUCT(s, d_s);
    CHECK_STRUCT(par, d_par);
    check_run();
  }
  return check_done();
}
#endif
