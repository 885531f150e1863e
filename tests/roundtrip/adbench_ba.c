/* adbench_ba.c: the ADBench bundle-adjustment objective: Rodrigues
 * rotation, radial distortion, projection, reprojection and weight errors
 * for replicated cameras and points. */
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

static unsigned int seed = 12345u;
static double rnd(void) {
  seed = seed * 1103515245u + 12345u;
  return ((seed >> 8) & 0xffffu) / 65536.0;
}

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

static void ba_objective(const struct ba_problem *pb, double *restrict reproj_err,
                         double *restrict w_err) {
  for (int i = 0; i < pb->p; i++) {
    int camIdx = pb->obs[i * 2 + 0], ptIdx = pb->obs[i * 2 + 1];
    compute_reproj_error(CAM(pb->cams, camIdx), &pb->X[ptIdx * 3], &pb->w[i], &pb->feats[i * 2],
                         &reproj_err[2 * i]);
  }
  for (int i = 0; i < pb->p; i++) compute_zach_weight_error(pb->w + i, w_err + i);
}

int main(void) {
  double cam[BA_NCAMPARAMS], X[3], w, feat[2];
  for (int i = 0; i < BA_NCAMPARAMS; i++) cam[i] = rnd();
  cam[F_IDX] += 100.0;
  cam[RAD_IDX] *= 1e-3, cam[RAD_IDX + 1] *= 1e-5;
  for (int i = 0; i < 3; i++) X[i] = rnd() * 10 + (i == 2 ? 20.0 : 0.0);
  w = rnd();
  feat[0] = rnd() * 100, feat[1] = rnd() * 100;

  static double cams[NCAMS * BA_NCAMPARAMS], Xs[NPTS][3], ws[NOBS], feats[NOBS][2];
  static int obs[NOBS][2];
  for (int i = 0; i < NCAMS; i++) memcpy(CAM(cams, i), cam, sizeof cam);
  cams[ROT_IDX] = 0.0, cams[ROT_IDX + 1] = 0.0, cams[ROT_IDX + 2] = 0.0; /* the zero-angle branch */
  for (int i = 0; i < NPTS; i++) memcpy(Xs[i], X, sizeof(vec3));
  for (int i = 0; i < NOBS; i++) {
    ws[i] = w;
    feats[i][0] = feat[0], feats[i][1] = feat[1];
    obs[i][0] = i % NCAMS;
    obs[i][1] = i % NPTS;
  }
  struct ba_problem pb = {NCAMS, NPTS, NOBS, cams, &Xs[0][0], ws, feats[0], &obs[0][0]};
  double reproj_err[2 * NOBS], w_err[NOBS];
  ba_objective(&pb, reproj_err, w_err);
  for (int i = 0; i < NOBS; i += 5)
    printf("obs %2d: %.17g %.17g %.17g\n", i, reproj_err[2 * i], reproj_err[2 * i + 1], w_err[i]);
  double total = 0;
  for (int i = 0; i < 2 * NOBS; i++) total += SQR(reproj_err[i]);
  printf("sum of squares = %.17g\n", total);
  return 0;
}
