/* cotan: grad -f registration_error --wrt pose */
/* pose_quat.c: point-cloud registration.  A rigid pose is nested structs
 * (struct pose { struct vec3 t; struct quat q; }) read through a const
 * pointer; the model points are an array of struct vec3.  The error is the
 * mean squared distance between the transformed model and the scene. */
#include <math.h>

struct vec3 {
  double x, y, z;
};

struct quat {
  double w, x, y, z;
};

struct pose {
  struct vec3 t;
  struct quat q; /* not necessarily unit: normalised here */
};

static struct vec3 rotate(struct quat q, struct vec3 v) {
  /* v' = v + 2 w (u x v) + 2 u x (u x v), u = (q.x, q.y, q.z) */
  struct vec3 c = {q.y * v.z - q.z * v.y, q.z * v.x - q.x * v.z, q.x * v.y - q.y * v.x};
  struct vec3 cc = {q.y * c.z - q.z * c.y, q.z * c.x - q.x * c.z, q.x * c.y - q.y * c.x};
  struct vec3 r = {v.x + 2 * (q.w * c.x + cc.x), v.y + 2 * (q.w * c.y + cc.y),
                   v.z + 2 * (q.w * c.z + cc.z)};
  return r;
}

double registration_error(const struct pose *pose, const struct vec3 *model,
                          const struct vec3 *scene, int n) {
  struct quat q = pose->q;
  double norm = sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
  q.w /= norm;
  q.x /= norm;
  q.y /= norm;
  q.z /= norm;
  double err = 0.0;
  for (int i = 0; i < n; i++) {
    struct vec3 p = rotate(q, model[i]);
    double dx = p.x + pose->t.x - scene[i].x;
    double dy = p.y + pose->t.y - scene[i].y;
    double dz = p.z + pose->t.z - scene[i].z;
    err += dx * dx + dy * dy + dz * dz;
  }
  return err / n;
}

#ifdef COTAN_TEST
#include "check.h"
double registration_error_grad(const struct pose *pose, struct pose *d_pose, const struct vec3 *model, const struct vec3 *scene, int n);

#define NPT 5
static struct pose pose, d_pose;
static struct vec3 model[NPT], scene[NPT];
static double f(void) { return registration_error(&pose, model, scene, NPT); }
static double g(void) { return registration_error_grad(&pose, &d_pose, model, scene, NPT); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill((double *)&pose, sizeof pose / sizeof(double), -1, 1);
    pose.q.w = check_rand(1, 2);
    check_fill((double *)model, 3 * NPT, -1, 1);
    check_fill((double *)scene, 3 * NPT, -1, 1);
    check_begin("pose_quat", f, g);
    CHECK_STRUCT(pose, d_pose);
    check_run();
  }
  return check_done();
}
#endif
