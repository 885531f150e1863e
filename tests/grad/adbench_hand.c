/* cotan: vjp -f hand_objective --wrt theta --out err */
/* adbench_hand.c: a small ADBench hand objective ("simple" variant): pose
 * parameters to per-bone rotations, bone transforms composed down the
 * skeleton, linear blend skinning, residuals against correspondences.
 * The code of tests/roundtrip/adbench_hand.c as it is (hand_objective made
 * non-static, the random generator moved into the driver): J^T seed for
 * random seeds of the residuals, with respect to all 26 pose parameters
 * (the dense 3N x 26 Jacobian ADBench measures, one row combination at a
 * time). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBONES 6
#define NVERTS 8
#define NTHETA 26
#define NFINGERS 5

typedef double Mat4[4][4];
typedef double Mat3[3][3];

typedef struct {
  int n_bones, n_verts;
  const int *parents;              /* -1 for the root */
  Mat4 *base_relatives; /* bone to parent at rest */
  Mat4 *inverse_base_absolutes;
  const double (*base_positions)[4]; /* homogeneous rest vertices */
  const double (*weights)[NBONES];   /* n_verts x n_bones */
} HandModel;

static void mat4_mul(Mat4 a, Mat4 b, Mat4 out) /* const Mat4 needs C2x to convert */ {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      double s = 0;
      for (int k = 0; k < 4; k++) s += a[i][k] * b[k][j];
      out[i][j] = s;
    }
}

static void angle_axis_to_rotation_matrix(const double *restrict aa, Mat3 R) {
  double n = sqrt(aa[0] * aa[0] + aa[1] * aa[1] + aa[2] * aa[2]);
  if (n < 1e-4) {
    memset(R, 0, sizeof(Mat3));
    R[0][0] = R[1][1] = R[2][2] = 1;
    return;
  }
  double x = aa[0] / n, y = aa[1] / n, z = aa[2] / n, s = sin(n), c = cos(n);
  R[0][0] = x * x + (1 - x * x) * c;
  R[0][1] = x * y * (1 - c) - z * s;
  R[0][2] = x * z * (1 - c) + y * s;
  R[1][0] = x * y * (1 - c) + z * s;
  R[1][1] = y * y + (1 - y * y) * c;
  R[1][2] = y * z * (1 - c) - x * s;
  R[2][0] = x * z * (1 - c) - y * s;
  R[2][1] = z * y * (1 - c) + x * s;
  R[2][2] = z * z + (1 - z * z) * c;
}

/* R = Rz(yaw) Ry(pitch) Rx(roll), embedded in a 4x4 transform */
static void euler_angles_to_transform(const double angles[static 3], Mat4 T) {
  double cx = cos(angles[0]), sx = sin(angles[0]), cy = cos(angles[1]), sy = sin(angles[1]),
         cz = cos(angles[2]), sz = sin(angles[2]);
  Mat4 Rx = {{1, 0, 0, 0}, {0, cx, -sx, 0}, {0, sx, cx, 0}, {0, 0, 0, 1}};
  Mat4 Ry = {{cy, 0, sy, 0}, {0, 1, 0, 0}, {-sy, 0, cy, 0}, [3][3] = 1};
  Mat4 Rz = {{cz, -sz}, {sz, cz}, [2] = {[2] = 1}, [3] = {[3] = 1}};
  Mat4 tmp;
  mat4_mul(Ry, Rx, tmp);
  mat4_mul(Rz, tmp, T);
}

/* theta: 3 global rotation, 3 translation, then 4 per finger (2 for the
 * first joint, 1 for each of the next two); bones get 3 angles each */
static void to_pose_params(const double *restrict theta, int n_bones, double (*pose)[3]) {
  memset(pose, 0, sizeof(double[3]) * (size_t)n_bones);
  int i = 6;
  for (int f = 0; f < NFINGERS && f + 1 < n_bones; f++) {
    pose[f + 1][0] = theta[i++];
    pose[f + 1][1] = theta[i++];
    pose[f + 1][2] = theta[i] + 0.5 * theta[i + 1];
    i += 2;
  }
}

static void get_skinned_vertex_positions(const HandModel *restrict mdl, const double *restrict theta,
                                         double (*restrict out)[3]) {
  double pose[NBONES][3];
  Mat4 relatives[NBONES], absolutes[NBONES], transforms[NBONES];
  to_pose_params(theta, mdl->n_bones, pose);
  for (int i = 0; i < mdl->n_bones; i++) {
    Mat4 R;
    euler_angles_to_transform(pose[i], R);
    mat4_mul(mdl->base_relatives[i], R, relatives[i]);
  }
  for (int i = 0; i < mdl->n_bones; i++) {
    const int p = mdl->parents[i];
    if (p < 0)
      memcpy(absolutes[i], relatives[i], sizeof(Mat4));
    else
      mat4_mul(absolutes[p], relatives[i], absolutes[i]);
    mat4_mul(absolutes[i], mdl->inverse_base_absolutes[i], transforms[i]);
  }
  Mat3 G;
  angle_axis_to_rotation_matrix(theta, G);
  for (int v = 0; v < mdl->n_verts; v++) {
    double acc[3] = {0};
    for (int b = 0; b < mdl->n_bones; b++) {
      const double w = mdl->weights[v][b];
      if (w == 0.0) continue;
      for (int r = 0; r < 3; r++) {
        double s = 0;
        for (int k = 0; k < 4; k++) s += transforms[b][r][k] * mdl->base_positions[v][k];
        acc[r] += w * s;
      }
    }
    for (int r = 0; r < 3; r++)
      out[v][r] = G[r][0] * acc[0] + G[r][1] * acc[1] + G[r][2] * acc[2] + theta[3 + r];
  }
}

void hand_objective(const HandModel *mdl, const double *theta, const double (*points)[3],
                    const int *correspondences, int n_corr, double *err) {
  double verts[NVERTS][3];
  get_skinned_vertex_positions(mdl, theta, verts);
  for (int i = 0; i < n_corr; i++)
    for (int j = 0; j < 3; j++) err[i * 3 + j] = points[i][j] - verts[correspondences[i]][j];
}

#ifdef COTAN_TEST
#include "check.h"
void hand_objective_vjp(const HandModel *mdl, const double *theta, double *d_theta, const double (*points)[3], const int *correspondences, int n_corr, double *err, double *d_err);

/* The data generator of the roundtrip version's main() (tests/roundtrip/
 * adbench_hand.c), moved here from the top of the file: only the driver
 * uses it, and an unused static function breaks the -Werror build. */
static unsigned lcg = 2024u;
static double urand(void) { return (lcg = lcg * 22695477u + 1u) / 4294967296.0; }

static const int parents[NBONES] = {-1, 0, 1, 0, 3, 0};
static Mat4 base_rel[NBONES], base_abs[NBONES], inv_abs[NBONES];
static double positions[NVERTS][4], weights[NVERTS][NBONES];
static HandModel mdl;
static int corr[NVERTS];
static double points[NVERTS][3];
static double theta[NTHETA], d_theta[NTHETA];
static double err[3 * NVERTS], d_err[3 * NVERTS], s_err[3 * NVERTS]; /* output, its adjoint, seed */

static double f(void) {
  hand_objective(&mdl, theta, (const double(*)[3])points, corr, NVERTS, err);
  return check_dot(s_err, err, 3 * NVERTS);
}
static double g(void) {
  check_seed(d_err, s_err, 3 * NVERTS);
  check_poison(err, 3 * NVERTS);
  hand_objective_vjp(&mdl, theta, d_theta, (const double(*)[3])points, corr, NVERTS, err, d_err);
  CHECK_ZEROED(d_err, 3 * NVERTS);
  return check_dot(s_err, err, 3 * NVERTS);
}

int main(void) {
  /* the model of the roundtrip main() */
  for (int b = 0; b < NBONES; b++) {
    memset(base_rel[b], 0, sizeof base_rel[b]);
    for (int i = 0; i < 4; i++) base_rel[b][i][i] = 1.0;
    base_rel[b][0][3] = b ? 1.0 + 0.1 * b : 0.0; /* translation along x */
    base_rel[b][1][3] = 0.2 * (b % 3);
  }
  for (int b = 0; b < NBONES; b++) {
    if (parents[b] < 0)
      memcpy(base_abs[b], base_rel[b], sizeof(Mat4));
    else
      mat4_mul(base_abs[parents[b]], base_rel[b], base_abs[b]);
    /* pure translations: the inverse negates the offset */
    memcpy(inv_abs[b], base_abs[b], sizeof(Mat4));
    for (int r = 0; r < 3; r++) inv_abs[b][r][3] = -base_abs[b][r][3];
  }
  for (int v = 0; v < NVERTS; v++) {
    for (int k = 0; k < 3; k++) positions[v][k] = urand() * 3;
    positions[v][3] = 1.0;
    int b0 = v % NBONES, b1 = (v + 1) % NBONES;
    double a = urand();
    weights[v][b0] += a, weights[v][b1] += 1 - a;
  }
  mdl = (HandModel){
      .n_bones = NBONES,
      .n_verts = NVERTS,
      .parents = parents,
      .base_relatives = base_rel,
      .inverse_base_absolutes = inv_abs,
      .base_positions = (const double(*)[4])positions,
      .weights = (const double(*)[NBONES])weights,
  };
  for (int pt = 0; pt < 4; pt++) {
    /* the pose of the roundtrip main() (angles within 0.2), then larger ones */
    double scale = pt == 0 ? 0.4 : 1.5;
    for (int i = 0; i < NTHETA; i++) theta[i] = scale * (urand() - 0.5);
    for (int i = 0; i < NVERTS; i++) {
      corr[i] = (i * 3 + pt) % NVERTS;
      for (int j = 0; j < 3; j++) points[i][j] = urand() * 3;
    }
    /* the global rotation well away from the small-angle branch (norm < 1e-4) */
    if (sqrt(theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]) < 0.05)
      theta[0] += 0.1;
    check_fill(s_err, 3 * NVERTS, -1, 1);
    check_begin("adbench_hand", f, g);
    CHECK_ARG(theta, d_theta, NTHETA);
    check_run();
  }
  return check_done();
}
#endif
