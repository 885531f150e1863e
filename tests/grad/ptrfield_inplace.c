/* cotan: grad -f normalize_loss */
/* ptrfield_inplace.c: writes through the pointer fields of a struct
 * parameter (`m->w[i] *= ...`, updated in place, then read back), and a
 * callee updating a buffer reached through a struct.  The adjoint struct
 * has the same type; its pointer fields point to the caller's adjoint
 * buffers.  Before, every such write was refused ("cannot tell which
 * variable's memory it points to"); found by the red-team run. */
#include <math.h>

struct model {
  int n;
  double *w;
  double *b;
  double scale;
};

static void shift(struct model *m, double by) {
  for (int i = 0; i < m->n; i++)
    m->b[i] += by * m->w[i];
}

double normalize_loss(struct model *m, double by) {
  double norm = 0.0;
  for (int i = 0; i < m->n; i++)
    norm += m->w[i] * m->w[i];
  norm = sqrt(norm);
  for (int i = 0; i < m->n; i++)
    m->w[i] *= m->scale / norm;
  shift(m, by);
  double s = 0.0;
  for (int i = 0; i < m->n; i++)
    s += sin(m->w[i]) * m->b[i];
  return s;
}

#ifdef COTAN_TEST
#include "check.h"
double normalize_loss_grad(struct model *m, struct model *d_m, double by, double *d_by);

#define N 5
static double w[N], b[N], d_w[N], d_b[N], scale, by, d_by, d_scale;
static double ws[N], bs[N];
static struct model m, dm;
/* F updates the buffers in place: run it on copies */
static double f(void) {
  memcpy(ws, w, sizeof w);
  memcpy(bs, b, sizeof b);
  struct model c = {N, ws, bs, scale};
  return normalize_loss(&c, by);
}
static double g(void) {
  memcpy(ws, w, sizeof w);
  memcpy(bs, b, sizeof b);
  m = (struct model){N, ws, bs, scale};
  dm = (struct model){N, d_w, d_b, 0.0};
  double v = normalize_loss_grad(&m, &dm, by, &d_by);
  d_scale += dm.scale;
  return v;
}

int main(void) {
  for (int p = 0; p < 4; p++) {
    for (int i = 0; i < N; i++) {
      w[i] = check_rand(-1, 1);
      b[i] = check_rand(-1, 1);
    }
    scale = check_rand(0.5, 2);
    by = check_rand(-1, 1);
    check_begin("ptrfield_inplace", f, g);
    check_no_twice();
    CHECK_ARG(w, d_w, N);
    CHECK_ARG(b, d_b, N);
    CHECK_SCALAR(scale, d_scale);
    CHECK_SCALAR(by, d_by);
    check_run();
  }
  return check_done();
}
#endif
