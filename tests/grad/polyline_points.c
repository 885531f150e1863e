/* cotan: grad -f polyline_energy */
/* polyline_points.c: an array of structs (the points of a polyline) read by
 * pts[i].x and (pts + i)->y: the elastic energy of an active contour
 * (stretching toward a rest length plus bending at each interior vertex). */
#include <math.h>

struct point {
  double x, y;
};

double polyline_energy(const struct point *pts, int n, double rest, double kb) {
  double stretch = 0.0, bend = 0.0;
  for (int i = 0; i + 1 < n; i++) {
    double dx = pts[i + 1].x - pts[i].x;
    double dy = (pts + i + 1)->y - (pts + i)->y;
    double len = sqrt(dx * dx + dy * dy);
    stretch += (len - rest) * (len - rest);
  }
  for (int i = 1; i + 1 < n; i++) {
    struct point a = pts[i - 1], b = pts[i], c = pts[i + 1];
    double ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
    double cross = ux * vy - uy * vx, dot = ux * vx + uy * vy;
    double turn = atan2(cross, dot); /* the turning angle at b */
    bend += turn * turn;
  }
  return 0.5 * stretch + 0.5 * kb * bend;
}

#ifdef COTAN_TEST
#include "check.h"
double polyline_energy_grad(const struct point *pts, struct point *d_pts, int n, double rest, double *d_rest, double kb, double *d_kb);

#define NP 6
static struct point pts[NP], d_pts[NP];
static double rest, d_rest, kb, d_kb;
static double f(void) { return polyline_energy(pts, NP, rest, kb); }
static double g(void) { return polyline_energy_grad(pts, d_pts, NP, rest, &d_rest, kb, &d_kb); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < NP; i++) {
      pts[i].x = i + check_rand(-0.3, 0.3);
      pts[i].y = 0.5 * sin(i) + check_rand(-0.3, 0.3);
    }
    rest = check_rand(0.8, 1.2);
    kb = check_rand(0.1, 1);
    check_begin("polyline_points", f, g);
    for (int i = 0; i < NP; i++) CHECK_STRUCT(pts[i], d_pts[i]);
    CHECK_SCALAR(rest, d_rest);
    CHECK_SCALAR(kb, d_kb);
    check_run();
  }
  return check_done();
}
#endif
