/* cotan: grad -f total_cost */
/* shape_union.c: a struct holding a union of inactive data (an int tag and a
 * union of int / char fields that describe the shape) beside its double
 * parameters: the cost of cutting an array of regular shapes, area and
 * perimeter, with the formula chosen by the tag. */
#include <math.h>

#define PI 3.14159265358979323846

enum kind { CIRCLE, POLYGON, ELLIPSE };

struct shape {
  enum kind kind;
  union {
    int sides;    /* POLYGON */
    char code[4]; /* CIRCLE, ELLIPSE: a label */
  } u;
  double size;   /* radius, circumradius or semi-major axis */
  double aspect; /* ELLIPSE: semi-minor / semi-major */
};

static double area(const struct shape *s) {
  switch (s->kind) {
  case CIRCLE:
    return PI * s->size * s->size;
  case POLYGON: {
    int n = s->u.sides;
    return 0.5 * n * s->size * s->size * sin(2 * PI / n);
  }
  default:
    return PI * s->size * s->size * s->aspect;
  }
}

static double perimeter(const struct shape *s) {
  if (s->kind == CIRCLE) return 2 * PI * s->size;
  if (s->kind == POLYGON) return 2 * s->u.sides * s->size * sin(PI / s->u.sides);
  /* Ramanujan's approximation */
  double a = s->size, b = s->size * s->aspect;
  return PI * (3 * (a + b) - sqrt((3 * a + b) * (a + 3 * b)));
}

double total_cost(const struct shape *shapes, int n, double price_area, double price_cut) {
  double cost = 0.0;
  for (int i = 0; i < n; i++)
    cost += price_area * area(&shapes[i]) + price_cut * perimeter(&shapes[i]);
  return cost;
}

#ifdef COTAN_TEST
#include "check.h"
double total_cost_grad(const struct shape *shapes, struct shape *d_shapes, int n, double price_area, double *d_price_area, double price_cut, double *d_price_cut);

#define NSH 5
static struct shape sh[NSH], d_sh[NSH];
static double pa, d_pa, pc, d_pc;
static double f(void) { return total_cost(sh, NSH, pa, pc); }
static double g(void) { return total_cost_grad(sh, d_sh, NSH, pa, &d_pa, pc, &d_pc); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NSH; i++) {
      sh[i].kind = (enum kind)((i + p) % 3);
      if (sh[i].kind == POLYGON) sh[i].u.sides = 3 + i;
      else memcpy(sh[i].u.code, "abc", 4);
      sh[i].size = check_rand(0.5, 2);
      sh[i].aspect = check_rand(0.3, 0.9);
      d_sh[i].kind = sh[i].kind;
      d_sh[i].u = sh[i].u;
    }
    pa = check_rand(1, 3);
    pc = check_rand(0.1, 1);
    check_begin("shape_union", f, g);
    for (int i = 0; i < NSH; i++) {
      CHECK_SCALAR(sh[i].size, d_sh[i].size);
      CHECK_SCALAR(sh[i].aspect, d_sh[i].aspect);
    }
    CHECK_SCALAR(pa, d_pa);
    CHECK_SCALAR(pc, d_pc);
    check_run();
  }
  return check_done();
}
#endif
