/* cotan: vjp lib/geom.c -f face_normals --wrt verts --out normals */
/* multi_vjp_normals.c: a vjp of a two-file program: the unit normals of a
 * triangle fan (an output array) from its vertices, with the cross product
 * and the norm from lib/geom.c; returns the total area as well. */
#include "lib/geom.h"

double face_normals(const double *verts, int nt, double *normals) {
  double area = 0.0;
  for (int t = 0; t < nt; t++) {
    const double *a = &verts[0], *b = &verts[3 * (t + 1)], *c = &verts[3 * (t + 2)];
    double u[3], v[3], n[3];
    for (int k = 0; k < 3; k++) {
      u[k] = b[k] - a[k];
      v[k] = c[k] - a[k];
    }
    cross3(u, v, n);
    double len = norm3(n);
    for (int k = 0; k < 3; k++)
      normals[3 * t + k] = n[k] / len;
    area += 0.5 * len;
  }
  return area;
}

#ifdef COTAN_TEST
#include <math.h>
#include "check.h"
double face_normals_vjp(const double *verts, double *d_verts, int nt, double *normals, double *d_normals, double d_return);

#define NT 3
static double verts[3 * (NT + 2)], d_verts[3 * (NT + 2)], nrm[3 * NT], d_nrm[3 * NT], seed[3 * NT], w;
static double f(void) {
  double r = face_normals(verts, NT, nrm);
  return check_dot(seed, nrm, 3 * NT) + w * r;
}
static double g(void) {
  check_seed(d_nrm, seed, 3 * NT);
  check_poison(nrm, 3 * NT);
  double r = face_normals_vjp(verts, d_verts, NT, nrm, d_nrm, w);
  CHECK_ZEROED(d_nrm, 3 * NT);
  return check_dot(seed, nrm, 3 * NT) + w * r;
}

int main(void) {
  for (int p = 0; p < 3; p++) {
    verts[0] = verts[1] = 0.0;
    verts[2] = 1.0 + check_rand(-0.2, 0.2); /* the apex */
    for (int i = 1; i < NT + 2; i++) {
      verts[3 * i] = cos(0.9 * i) + check_rand(-0.1, 0.1);
      verts[3 * i + 1] = sin(0.9 * i) + check_rand(-0.1, 0.1);
      verts[3 * i + 2] = check_rand(-0.2, 0.2);
    }
    check_fill(seed, 3 * NT, -1, 1);
    w = check_rand(-1, 1);
    check_begin("multi_vjp_normals", f, g);
    CHECK_ARG(verts, d_verts, 3 * (NT + 2));
    check_run();
  }
  return check_done();
}
#endif
