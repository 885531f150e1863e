/* cotan: grad lib/physics.c -f chain_settle --wrt x0,sp,cd */
/* multi_physics.c: a two-file program (`cotan grad multi_physics.c
 * lib/physics.c`): a hanging chain of unit masses and springs, integrated
 * with forces and the energy computed by functions defined in
 * lib/physics.c (declared in lib/physics.h, with a static inline helper);
 * the output links with lib/physics.c's object. */
#include <math.h>
#include "lib/physics.h"

#define NM 4

double chain_settle(const double *x0, const struct spring_params *sp, double cd, double dt, int steps) {
  double x[NM], v[NM] = {0, 0, 0, 0};
  for (int i = 0; i < NM; i++)
    x[i] = x0[i];
  for (int s = 0; s < steps; s++) {
    double a[NM];
    for (int i = 0; i < NM; i++) {
      double len = x[i] - (i > 0 ? x[i - 1] : 0.0);
      double rate = v[i] - (i > 0 ? v[i - 1] : 0.0);
      a[i] = spring_force(sp, len, rate) + 0.5; /* pull of gravity */
      if (i + 1 < NM) {
        double len2 = x[i + 1] - x[i], rate2 = v[i + 1] - v[i];
        a[i] -= spring_force(sp, len2, rate2);
      }
      a[i] += drag_force(v[i], sqrt(v[i] * v[i] + 0.01), cd);
    }
    for (int i = 0; i < NM; i++) {
      v[i] += dt * a[i];
      x[i] += dt * v[i];
    }
  }
  return chain_energy(x, v, NM, sp) + sq(x[NM - 1] - 4.0);
}

#ifdef COTAN_TEST
#include "check.h"
double chain_settle_grad(const double *x0, double *d_x0, const struct spring_params *sp, struct spring_params *d_sp, double cd, double *d_cd, double dt, int steps);

static double x0[NM], d_x0[NM], cd, d_cd;
static struct spring_params sp, d_sp;
static double f(void) { return chain_settle(x0, &sp, cd, 0.05, 30); }
static double g(void) { return chain_settle_grad(x0, d_x0, &sp, &d_sp, cd, &d_cd, 0.05, 30); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NM; i++) x0[i] = i + 1 + check_rand(-0.2, 0.2);
    sp.k = check_rand(2, 5);
    sp.rest = check_rand(0.8, 1.2);
    sp.c = check_rand(0.1, 0.5);
    cd = check_rand(0.05, 0.2);
    check_begin("multi_physics", f, g);
    CHECK_ARG(x0, d_x0, NM);
    CHECK_STRUCT(sp, d_sp);
    CHECK_SCALAR(cd, d_cd);
    check_run();
  }
  return check_done();
}
#endif
