/* cotan: vjp -f ba_objective --wrt pb --out reproj_err,w_err */
/* adbench_ba.c: the ADBench bundle-adjustment objective: Rodrigues
 * rotation, radial distortion, projection, reprojection and weight errors
 * for replicated cameras and points.
 * The code of tests/roundtrip/adbench_ba.c as it is (ba_objective made
 * non-static, the random generator moved into the driver): J^T seed for
 * random seeds of both outputs, with respect to everything pb points to
 * (cameras, points, weights, features).  The adjoint struct d_pb has pb's
 * type: its int fields copied, its pointer fields pointing to the caller's
 * zeroed adjoint buffers of the same shapes (Enzyme's shadow convention). */
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { BA_NCAMPARAMS = 11, ROT_IDX = 0, C_IDX = 3, F_IDX = 6, X0_IDX = 7, RAD_IDX = 9 };

#define NCAMS 3
#define NPTS 5
#define NOBS 12
#define CAM(cams, i) (&(cams)[(i) * BA_NCAMPARAMS])
#define SQR(x) ((x) * (x))

typedef double vec3[3];

struct ba_problem {
  int n, m, p;
  const double *cams, *X, *w, *feats;
  const int *obs; /* p pairs (camera, point) */
};

static double dot3(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

static void cross3(const double *restrict a, const double *restrict b, double *restrict out) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

/* Rodrigues' formula; near a zero angle, the first-order Xo + r x Xo */
static void rodrigues_rotate_point(const double *restrict rot, const double *restrict pt,
                                   double *restrict rotated) {
  double sqtheta = dot3(rot, rot);
  if (sqtheta != 0) {
    double theta = sqrt(sqtheta), costheta = cos(theta), sintheta = sin(theta);
    double theta_inverse = 1.0 / theta;
    vec3 w, w_cross_pt;
    for (int i = 0; i < 3; i++) w[i] = rot[i] * theta_inverse;
    cross3(w, pt, w_cross_pt);
    const double tmp = dot3(w, pt) * (1. - costheta);
    for (int i = 0; i < 3; i++)
      rotated[i] = pt[i] * costheta + w_cross_pt[i] * sintheta + w[i] * tmp;
  } else {
    vec3 rot_cross_pt;
    cross3(rot, pt, rot_cross_pt);
    for (int i = 0; i < 3; i++) rotated[i] = pt[i] + rot_cross_pt[i];
  }
}

static void radial_distort(const double *rad_params, double *proj) {
  double rsq = SQR(proj[0]) + SQR(proj[1]);
  double L = 1. + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
  proj[0] *= L, proj[1] *= L;
}

static void project(const double *restrict cam, const double *restrict X, double *restrict proj) {
  const double *const C = &cam[C_IDX];
  vec3 Xo, Xcam;
  for (int i = 0; i < 3; ++i) Xo[i] = X[i] - C[i];
  rodrigues_rotate_point(&cam[ROT_IDX], Xo, Xcam);
  proj[0] = Xcam[0] / Xcam[2];
  proj[1] = Xcam[1] / Xcam[2];
  radial_distort(&cam[RAD_IDX], proj);
  proj[0] = proj[0] * cam[F_IDX] + cam[X0_IDX + 0];
  proj[1] = proj[1] * cam[F_IDX] + cam[X0_IDX + 1];
}

static void compute_reproj_error(const double *restrict cam, const double *restrict X,
                                 const double *restrict w, const double *restrict feat,
                                 double *restrict err) {
  double proj[2];
  project(cam, X, proj);
  err[0] = (*w) * (proj[0] - feat[0]);
  err[1] = (*w) * (proj[1] - feat[1]);
}

static void compute_zach_weight_error(const double *w, double *err) { *err = 1 - (*w) * (*w); }

void ba_objective(const struct ba_problem *pb, double *restrict reproj_err,
                  double *restrict w_err) {
  for (int i = 0; i < pb->p; i++) {
    int camIdx = pb->obs[i * 2 + 0], ptIdx = pb->obs[i * 2 + 1];
    compute_reproj_error(CAM(pb->cams, camIdx), &pb->X[ptIdx * 3], &pb->w[i], &pb->feats[i * 2],
                         &reproj_err[2 * i]);
  }
  for (int i = 0; i < pb->p; i++) compute_zach_weight_error(pb->w + i, w_err + i);
}

#ifdef COTAN_TEST
#include "check.h"
void ba_objective_vjp(const struct ba_problem *pb, struct ba_problem *d_pb, double *restrict reproj_err, double *d_reproj_err, double *restrict w_err, double *d_w_err);

/* The data generator of the roundtrip version's main() (tests/roundtrip/
 * adbench_ba.c), moved here from the top of the file: only the driver
 * uses it, and an unused static function breaks the -Werror build. */
static unsigned int seed = 12345u;
static double rnd(void) {
  seed = seed * 1103515245u + 12345u;
  return ((seed >> 8) & 0xffffu) / 65536.0;
}

#define NCP (NCAMS * BA_NCAMPARAMS)
static double cams[NCP], Xs[NPTS * 3], ws[NOBS], feats[NOBS * 2];
static int obs[NOBS][2];
static const struct ba_problem pb = {NCAMS, NPTS, NOBS, cams, Xs, ws, feats, &obs[0][0]};
/* the shadow problem: pb's ints, pointers to the adjoint buffers */
static double d_cams[NCP], d_X[NPTS * 3], d_w[NOBS], d_feats[NOBS * 2];
static struct ba_problem d_pb = {NCAMS, NPTS, NOBS, d_cams, d_X, d_w, d_feats, &obs[0][0]};
/* the outputs, their adjoints, the seeds */
static double reproj_err[2 * NOBS], w_err[NOBS], d_reproj_err[2 * NOBS], d_w_err[NOBS];
static double s_reproj[2 * NOBS], s_w[NOBS];

static double f(void) {
  ba_objective(&pb, reproj_err, w_err);
  return check_dot(s_reproj, reproj_err, 2 * NOBS) + check_dot(s_w, w_err, NOBS);
}
static double g(void) {
  check_seed(d_reproj_err, s_reproj, 2 * NOBS);
  check_seed(d_w_err, s_w, NOBS);
  check_poison(reproj_err, 2 * NOBS);
  check_poison(w_err, NOBS);
  ba_objective_vjp(&pb, &d_pb, reproj_err, d_reproj_err, w_err, d_w_err);
  CHECK_ZEROED(d_reproj_err, 2 * NOBS);
  CHECK_ZEROED(d_w_err, NOBS);
  return check_dot(s_reproj, reproj_err, 2 * NOBS) + check_dot(s_w, w_err, NOBS);
}

int main(void) {
  /* The problem of the roundtrip main(): one camera, point, weight and
   * feature, replicated as ADBench does. */
  double cam[BA_NCAMPARAMS], X[3], w, feat[2];
  for (int i = 0; i < BA_NCAMPARAMS; i++) cam[i] = rnd();
  cam[F_IDX] += 100.0;
  cam[RAD_IDX] *= 1e-3, cam[RAD_IDX + 1] *= 1e-5;
  for (int i = 0; i < 3; i++) X[i] = rnd() * 10 + (i == 2 ? 20.0 : 0.0);
  w = rnd();
  feat[0] = rnd() * 100, feat[1] = rnd() * 100;
  for (int i = 0; i < NOBS; i++) {
    obs[i][0] = i % NCAMS;
    obs[i][1] = i % NPTS;
  }
  for (int pt = 0; pt < 4; pt++) {
    for (int i = 0; i < NCAMS; i++) memcpy(CAM(cams, i), cam, sizeof cam);
    for (int i = 0; i < NPTS; i++) memcpy(&Xs[3 * i], X, sizeof(vec3));
    for (int i = 0; i < NOBS; i++) {
      ws[i] = w;
      feats[2 * i] = feat[0], feats[2 * i + 1] = feat[1];
    }
    if (pt > 0) { /* then every camera, point, weight and feature its own */
      for (int i = 0; i < NCP; i++) {
        int j = i % BA_NCAMPARAMS;
        cams[i] += j < C_IDX ? check_rand(-0.3, 0.3)
                   : j < RAD_IDX ? check_rand(-0.5, 0.5)
                                 : cams[i] * check_rand(-0.5, 0.5);
      }
      for (int i = 0; i < NPTS * 3; i++) Xs[i] += check_rand(-2, 2);
      for (int i = 0; i < NOBS; i++) ws[i] = check_rand(0.2, 1.2);
      for (int i = 0; i < NOBS * 2; i++) feats[i] += check_rand(-20, 20);
    }
    cams[ROT_IDX] = 0.0, cams[ROT_IDX + 1] = 0.0, cams[ROT_IDX + 2] = 0.0; /* the zero-angle branch */
    check_fill(s_reproj, 2 * NOBS, -1, 1);
    check_fill(s_w, NOBS, -1, 1);
    check_begin("adbench_ba", f, g);
    CHECK_ARG(cams, d_cams, NCP);
    CHECK_ARG(Xs, d_X, NPTS * 3);
    CHECK_ARG(ws, d_w, NOBS);
    CHECK_ARG(feats, d_feats, NOBS * 2);
    check_run();
  }
  return check_done();
}
#endif
