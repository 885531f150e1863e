/* structs.c: nested structs, arrays of structs, struct return by value,
 * designated initializers and compound literals. */
#include <stdio.h>
#include <string.h>

struct vec2 {
  double x, y;
};

struct particle {
  char name[8];
  struct vec2 pos, vel;
  struct {
    double mass;
    int charge;
  } props;
  int tags[3];
};

typedef struct particle Particle;

static struct vec2 vadd(struct vec2 a, struct vec2 b) { return (struct vec2){a.x + b.x, a.y + b.y}; }
static struct vec2 vscale(double s, struct vec2 v) { return (struct vec2){.y = s * v.y, .x = s * v.x}; }

static Particle step(Particle p, double dt) {
  p.pos = vadd(p.pos, vscale(dt, p.vel));
  p.vel.y -= 9.81 * dt;
  return p;
}

static double kinetic(const Particle *ps, int n) {
  double e = 0;
  for (const Particle *p = ps; p < ps + n; p++)
    e += 0.5 * p->props.mass * (p->vel.x * p->vel.x + p->vel.y * p->vel.y);
  return e;
}

int main(void) {
  Particle ps[] = {
      {"alpha", {0, 0}, {1, 2}, {1.5, -1}, {1, 2, 3}},
      {.name = "beta", .vel = {.x = -1}, .props.mass = 2.0, .tags[2] = 7},
      [3] = {.name = "delta", .pos.y = 10, .props = {.charge = 2, .mass = 0.5}},
  };
  int n = (int)(sizeof ps / sizeof *ps);
  strcpy(ps[2].name, "gamma");
  ps[2].props.mass = 3;
  for (int t = 0; t < 10; t++)
    for (int i = 0; i < n; i++)
      ps[i] = step(ps[i], 0.1);
  for (int i = 0; i < n; i++)
    printf("%-6s pos=(%.17g, %.17g) charge=%d tags=%d,%d,%d\n", ps[i].name, ps[i].pos.x, ps[i].pos.y,
           ps[i].props.charge, ps[i].tags[0], ps[i].tags[1], ps[i].tags[2]);
  printf("kinetic=%.17g\n", kinetic(ps, n));
  struct vec2 *vp = &(struct vec2){3, 4};
  vp->x *= 2;
  printf("compound: %g %g big=%d\n", vp->x, vp->y, sizeof(struct particle) >= 8 * 5);
  const struct vec2 zero = {0};
  printf("zero: %g %g\n", zero.x, zero.y);
  return 0;
}
