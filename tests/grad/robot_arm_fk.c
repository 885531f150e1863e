/* cotan: grad -f reach_cost */
/* robot_arm_fk.c: a planar three-link arm passed BY VALUE (Arm arm gives
 * Arm *d_arm): an array of typedef'd structs inside a struct, forward
 * kinematics, and the cost of the end effector missing a target plus a
 * joint-effort penalty.  The target is a struct by value too. */
#include <math.h>

#define NLINK 3

typedef struct {
  double len;   /* link length */
  double theta; /* joint angle, relative to the previous link */
} Link;

typedef struct {
  Link links[NLINK];
  double base[2]; /* the shoulder position */
} Arm;

typedef struct {
  double x, y;
} Vec2;

static Vec2 end_effector(const Arm *arm) {
  Vec2 p = {arm->base[0], arm->base[1]};
  double phi = 0.0;
  for (int i = 0; i < NLINK; i++) {
    phi += arm->links[i].theta;
    p.x += arm->links[i].len * cos(phi);
    p.y += arm->links[i].len * sin(phi);
  }
  return p;
}

double reach_cost(Arm arm, Vec2 target, double effort) {
  Vec2 e = end_effector(&arm);
  double dx = e.x - target.x, dy = e.y - target.y;
  double joints = 0.0;
  for (int i = 0; i < NLINK; i++)
    joints += arm.links[i].theta * arm.links[i].theta;
  return dx * dx + dy * dy + effort * joints;
}

#ifdef COTAN_TEST
#include "check.h"
double reach_cost_grad(Arm arm, Arm *d_arm, Vec2 target, Vec2 *d_target, double effort, double *d_effort);

static Arm arm, d_arm;
static Vec2 target, d_target;
static double effort, d_effort;
static double f(void) { return reach_cost(arm, target, effort); }
static double g(void) { return reach_cost_grad(arm, &d_arm, target, &d_target, effort, &d_effort); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < NLINK; i++) {
      arm.links[i].len = check_rand(0.5, 1.2);
      arm.links[i].theta = check_rand(-1.2, 1.2);
    }
    arm.base[0] = check_rand(-0.2, 0.2);
    arm.base[1] = check_rand(-0.2, 0.2);
    target.x = check_rand(-1.5, 1.5);
    target.y = check_rand(0.5, 1.5);
    effort = check_rand(0.01, 0.1);
    check_begin("robot_arm_fk", f, g);
    CHECK_STRUCT(arm, d_arm);
    CHECK_STRUCT(target, d_target);
    CHECK_SCALAR(effort, d_effort);
    check_run();
  }
  return check_done();
}
#endif
