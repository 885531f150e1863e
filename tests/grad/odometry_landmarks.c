/* cotan: grad -f bearing_residual */
/* odometry_landmarks.c: a robot's dead reckoning.  A unicycle pose struct,
 * passed by value and returned by value from the motion model, integrates
 * an array of control structs (speed, turn rate); the cost is the squared
 * bearing error to known landmarks at each step, as in a smoothing-SLAM
 * objective over the controls and the initial pose. */
#include <math.h>

typedef struct {
  double x, y, heading;
} Pose;

typedef struct {
  double speed, turn;
} Control;

typedef struct {
  double x, y;
  int id; /* the landmark's label, not a parameter */
} Landmark;

static Pose motion(Pose p, Control u, double dt) {
  Pose q;
  q.heading = p.heading + u.turn * dt;
  q.x = p.x + u.speed * dt * cos(p.heading + 0.5 * u.turn * dt);
  q.y = p.y + u.speed * dt * sin(p.heading + 0.5 * u.turn * dt);
  return q;
}

static double wrap(double a) { return atan2(sin(a), cos(a)); }

double bearing_residual(Pose start, const Control *u, int steps, const Landmark *lm, int nl,
                        const double *bearings, double dt) {
  Pose p = start;
  double cost = 0.0;
  for (int k = 0; k < steps; k++) {
    p = motion(p, u[k], dt);
    for (int j = 0; j < nl; j++) {
      double predicted = atan2(lm[j].y - p.y, lm[j].x - p.x) - p.heading;
      double e = wrap(predicted - bearings[k * nl + j]);
      cost += e * e;
    }
  }
  return cost;
}

#ifdef COTAN_TEST
#include "check.h"
double bearing_residual_grad(Pose start, Pose *d_start, const Control *u, Control *d_u, int steps, const Landmark *lm, Landmark *d_lm, int nl, const double *bearings, double *d_bearings, double dt, double *d_dt);

#define STEPS 4
#define NL 2
static Pose start, d_start;
static Control u[STEPS], d_u[STEPS];
static Landmark lm[NL] = {{3.0, 2.0, 7}, {-1.0, 4.0, 9}}, d_lm[NL] = {{0, 0, 7}, {0, 0, 9}};
static double bearings[STEPS * NL], d_bearings[STEPS * NL], dt, d_dt;
static double f(void) { return bearing_residual(start, u, STEPS, lm, NL, bearings, dt); }
static double g(void) { return bearing_residual_grad(start, &d_start, u, d_u, STEPS, lm, d_lm, NL, bearings, d_bearings, dt, &d_dt); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    start.x = check_rand(-0.3, 0.3);
    start.y = check_rand(-0.3, 0.3);
    start.heading = check_rand(0.2, 0.8);
    for (int k = 0; k < STEPS; k++) {
      u[k].speed = check_rand(0.5, 1);
      u[k].turn = check_rand(-0.3, 0.3);
    }
    for (int i = 0; i < STEPS * NL; i++) bearings[i] = check_rand(-0.5, 1.5);
    dt = check_rand(0.3, 0.6);
    check_begin("odometry_landmarks", f, g);
    CHECK_STRUCT(start, d_start);
    for (int k = 0; k < STEPS; k++) CHECK_STRUCT(u[k], d_u[k]);
    for (int j = 0; j < NL; j++) {
      CHECK_SCALAR(lm[j].x, d_lm[j].x);
      CHECK_SCALAR(lm[j].y, d_lm[j].y);
    }
    CHECK_ARG(bearings, d_bearings, STEPS * NL);
    CHECK_SCALAR(dt, d_dt);
    check_run();
  }
  return check_done();
}
#endif
