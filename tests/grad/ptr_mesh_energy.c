/* cotan: grad -f mesh_energy --wrt mesh */
/* ptr_mesh_energy.c: a triangle mesh struct with pointer fields of both
 * kinds: vertex coordinates (double *xy, active, its shadow a buffer of the
 * same shape) and the connectivity (const int *tri, inactive).  The energy
 * is a discrete membrane (sum over triangles of the squared area deviation
 * from a rest area) plus a per-vertex height term. */
#include <math.h>

struct mesh {
  int nv, nt;
  double *xy;       /* nv vertices, x then y */
  double *height;   /* nv heights */
  const int *tri;   /* nt triangles, 3 vertex indices each */
  double rest_area; /* per triangle */
};

static double tri_area(const double *xy, const int *t) {
  double ax = xy[2 * t[0]], ay = xy[2 * t[0] + 1];
  double ux = xy[2 * t[1]] - ax, uy = xy[2 * t[1] + 1] - ay;
  double vx = xy[2 * t[2]] - ax, vy = xy[2 * t[2] + 1] - ay;
  return 0.5 * (ux * vy - uy * vx);
}

double mesh_energy(const struct mesh *mesh) {
  double e = 0.0;
  for (int t = 0; t < mesh->nt; t++) {
    double a = tri_area(mesh->xy, &mesh->tri[3 * t]);
    double dev = a - mesh->rest_area;
    double hbar = (mesh->height[mesh->tri[3 * t]] + mesh->height[mesh->tri[3 * t + 1]] +
                   mesh->height[mesh->tri[3 * t + 2]]) / 3;
    e += dev * dev + a * hbar * hbar;
  }
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double mesh_energy_grad(const struct mesh *mesh, struct mesh *d_mesh);

/* a 3 x 3 grid of vertices, 8 triangles */
#define NV 9
#define NT 8
static const int tri[3 * NT] = {0, 1, 4, 0, 4, 3, 1, 2, 5, 1, 5, 4,
                                3, 4, 7, 3, 7, 6, 4, 5, 8, 4, 8, 7};
static double xy[2 * NV], d_xy[2 * NV], height[NV], d_height[NV];
static struct mesh mesh = {NV, NT, xy, height, tri, 0.5};
static struct mesh d_mesh = {NV, NT, d_xy, d_height, tri, 0.0};
static double f(void) { return mesh_energy(&mesh); }
static double g(void) { return mesh_energy_grad(&mesh, &d_mesh); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int v = 0; v < NV; v++) {
      xy[2 * v] = v % 3 + check_rand(-0.2, 0.2);
      xy[2 * v + 1] = v / 3 + check_rand(-0.2, 0.2);
      height[v] = check_rand(-1, 1);
    }
    mesh.rest_area = check_rand(0.4, 0.6);
    check_begin("ptr_mesh_energy", f, g);
    CHECK_ARG(xy, d_xy, 2 * NV);
    CHECK_ARG(height, d_height, NV);
    CHECK_SCALAR(mesh.rest_area, d_mesh.rest_area);
    check_run();
  }
  return check_done();
}
#endif
