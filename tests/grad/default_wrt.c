/* cotan: grad -f default_wrt */
/* default_wrt.c: the default --wrt: floating scalars, pointers to floating
 * and structs with floating fields are differentiated; ints, pointers to
 * int and a struct with only int fields are not. */
struct opts {
  int order;
  int flags;
};

struct gain {
  double k;
  int unused;
};

double default_wrt(int n, const double *x, const int *idx, double s, const struct opts *o,
                   struct gain gn, float t) {
  double acc = 0.0;
  for (int i = 0; i < n; i++) {
    double v = x[idx[i]];
    acc += o->order > 1 ? v * v * s : v * s;
  }
  return acc * gn.k + (o->flags & 1 ? t * acc : (double)t);
}

#ifdef COTAN_TEST
#include "check.h"
double default_wrt_grad(int n, const double *x, double *d_x, const int *idx, double s, double *d_s, const struct opts *o, struct gain gn, struct gain *d_gn, float t, float *d_t);

static double x[5], d_x[5], s, d_s;
static int idx[5] = {4, 0, 3, 3, 1};
static struct opts o;
static struct gain gn, d_gn;
static float t, d_t;
static double f(void) { return default_wrt(5, x, idx, s, &o, gn, t); }
static double g(void) { return default_wrt_grad(5, x, d_x, idx, s, &d_s, &o, gn, &d_gn, t, &d_t); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    check_fill(x, 5, -1, 1);
    s = check_rand(0.5, 2);
    o.order = 1 + p % 2;
    o.flags = p / 2;
    gn.k = check_rand(-2, 2);
    t = (float)check_rand(0.5, 1.5);
    check_begin("default_wrt", f, g);
    CHECK_ARG(x, d_x, 5);
    CHECK_SCALAR(s, d_s);
    CHECK_SCALAR(gn.k, d_gn.k);
    CHECK_SCALARF(t, d_t);
    check_run();
  }
  return check_done();
}
#endif
