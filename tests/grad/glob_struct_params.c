/* cotan: grad -f drag_loss --wrt aero */
/* glob_struct_params.c: a global struct of parameters (--wrt aero: the
 * generated file defines struct aero_coeffs d_aero).  Fitting a drag polar
 * to wind-tunnel measurements of lift and drag coefficients. */
#include <math.h>

struct aero_coeffs {
  double cl_alpha; /* lift slope per radian */
  double cl0;
  double cd0;      /* parasitic drag */
  double k;        /* induced drag factor */
};

struct aero_coeffs aero = {5.5, 0.2, 0.02, 0.05};

double drag_loss(const double *alpha, const double *cl, const double *cd, int n) {
  double loss = 0.0;
  for (int i = 0; i < n; i++) {
    double cl_m = aero.cl0 + aero.cl_alpha * alpha[i];
    double cd_m = aero.cd0 + aero.k * cl_m * cl_m;
    double el = cl_m - cl[i], ed = (cd_m - cd[i]) * 10;
    loss += el * el + ed * ed;
  }
  return loss / n;
}

#ifdef COTAN_TEST
#include "check.h"
double drag_loss_grad(const double *alpha, const double *cl, const double *cd, int n);
extern struct aero_coeffs d_aero;
#ifdef COTAN_SELFTEST
struct aero_coeffs d_aero;
#endif

#define N 8
static double alpha[N], cl[N], cd[N];
static double f(void) { return drag_loss(alpha, cl, cd, N); }
static double g(void) { return drag_loss_grad(alpha, cl, cd, N); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < N; i++) {
      alpha[i] = -0.05 + 0.03 * i;
      cl[i] = 0.25 + 5.7 * alpha[i] + check_rand(-0.02, 0.02);
      cd[i] = 0.025 + 0.045 * cl[i] * cl[i] + check_rand(-0.002, 0.002);
    }
    aero.cl_alpha = check_rand(5, 6.5);
    aero.cl0 = check_rand(0.1, 0.3);
    aero.cd0 = check_rand(0.01, 0.04);
    aero.k = check_rand(0.03, 0.06);
    check_begin("glob_struct_params", f, g);
    CHECK_STRUCT(aero, d_aero);
    check_run();
  }
  return check_done();
}
#endif
