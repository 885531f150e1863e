/* cotan: grad -f curve_cost */
/* bspline_length.c: a uniform cubic B-spline through an array of typedef'd
 * 2-D control points (const Vec2 *ctrl gives Vec2 *d_ctrl): its length by
 * sampling each segment, plus how far its midpoint sits from a target,
 * the objective of a path smoother. */
#include <math.h>

typedef struct vec2 {
  double x, y;
} Vec2;

static Vec2 bspline_point(const Vec2 *p, double t) {
  double t2 = t * t, t3 = t2 * t;
  double b0 = (1 - 3 * t + 3 * t2 - t3) / 6, b1 = (4 - 6 * t2 + 3 * t3) / 6;
  double b2 = (1 + 3 * t + 3 * t2 - 3 * t3) / 6, b3 = t3 / 6;
  Vec2 r = {b0 * p[0].x + b1 * p[1].x + b2 * p[2].x + b3 * p[3].x,
            b0 * p[0].y + b1 * p[1].y + b2 * p[2].y + b3 * p[3].y};
  return r;
}

double curve_cost(const Vec2 *ctrl, int n, int samples, Vec2 target, double weight) {
  double length = 0.0;
  Vec2 prev = bspline_point(ctrl, 0.0);
  for (int seg = 0; seg + 3 < n; seg++)
    for (int k = 1; k <= samples; k++) {
      Vec2 q = bspline_point(&ctrl[seg], (double)k / samples);
      length += hypot(q.x - prev.x, q.y - prev.y);
      prev = q;
    }
  Vec2 mid = bspline_point(&ctrl[(n - 4) / 2], 0.5);
  double dx = mid.x - target.x, dy = mid.y - target.y;
  return length + weight * (dx * dx + dy * dy);
}

#ifdef COTAN_TEST
#include "check.h"
double curve_cost_grad(const Vec2 *ctrl, Vec2 *d_ctrl, int n, int samples, Vec2 target, Vec2 *d_target, double weight, double *d_weight);

#define NC 6
static Vec2 ctrl[NC], d_ctrl[NC], target, d_target;
static double weight, d_weight;
static double f(void) { return curve_cost(ctrl, NC, 5, target, weight); }
static double g(void) { return curve_cost_grad(ctrl, d_ctrl, NC, 5, target, &d_target, weight, &d_weight); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NC; i++) {
      ctrl[i].x = i + check_rand(-0.3, 0.3);
      ctrl[i].y = sin(1.3 * i) + check_rand(-0.3, 0.3);
    }
    target.x = check_rand(2, 3);
    target.y = check_rand(-1, 1);
    weight = check_rand(0.5, 2);
    check_begin("bspline_length", f, g);
    for (int i = 0; i < NC; i++) CHECK_STRUCT(ctrl[i], d_ctrl[i]);
    CHECK_STRUCT(target, d_target);
    CHECK_SCALAR(weight, d_weight);
    check_run();
  }
  return check_done();
}
#endif
