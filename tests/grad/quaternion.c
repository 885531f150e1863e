/* cotan: grad -f quaternion */
/* quaternion.c: rotate a vector by a (normalised) quaternion given as a
 * struct pointer, return the distance to a target; structs as locals. */
#include <math.h>

typedef struct {
  double w, x, y, z;
} quat;

static quat qmul(quat a, quat b) {
  quat r = {a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
            a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w};
  return r;
}

double quaternion(const quat *q, const double *v, const double *target) {
  double n = sqrt(q->w * q->w + q->x * q->x + q->y * q->y + q->z * q->z);
  quat u = {q->w / n, q->x / n, q->y / n, q->z / n};
  quat conj = {u.w, -u.x, -u.y, -u.z};
  quat p = {0.0, v[0], v[1], v[2]};
  quat r = qmul(qmul(u, p), conj);
  double dx = r.x - target[0], dy = r.y - target[1], dz = r.z - target[2];
  return dx * dx + dy * dy + dz * dz;
}

#ifdef COTAN_TEST
#include "check.h"
double quaternion_grad(const quat *q, quat *d_q, const double *v, double *d_v, const double *target, double *d_target);

static quat q, d_q;
static double v[3], target[3], d_v[3], d_target[3];
static double f(void) { return quaternion(&q, v, target); }
static double g(void) { return quaternion_grad(&q, &d_q, v, d_v, target, d_target); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    q.w = check_rand(0.5, 1); q.x = check_rand(-1, 1); q.y = check_rand(-1, 1); q.z = check_rand(-1, 1);
    check_fill(v, 3, -1, 1);
    check_fill(target, 3, -1, 1);
    check_begin("quaternion", f, g);
    CHECK_SCALAR(q.w, d_q.w); CHECK_SCALAR(q.x, d_q.x); CHECK_SCALAR(q.y, d_q.y); CHECK_SCALAR(q.z, d_q.z);
    CHECK_ARG(v, d_v, 3);
    CHECK_ARG(target, d_target, 3);
    check_run();
  }
  return check_done();
}
#endif
