/* cotan: vjp -f F --wrt x --out y */
/* vjp_out_by_callee.c: an output written only by a callee, twice in a
 * loop: the callee's writes are logged and undone in the reverse sweep,
 * and F's results are put back at the end (before, the helper left the
 * first iteration's value in y).  Found by the red-team run. */
#include <math.h>
static void ap(const double *in, double *out) { out[0] = sin(in[0]); }
void F(const double *x, double *y) {
  double t = x[0];
  for (int r = 0; r < 2; r++) {
    ap(&t, y);
    t = y[0];
  }
}
#ifdef COTAN_TEST
#include "check.h"
void F_vjp(const double *x, double *d_x, double *y, double *d_y);
static double x[1], dx[1], y[1], dy[1], yb[1];
static double F0(void){ F(x,y); return check_dot(yb,y,1);} 
static double G(void){ check_seed(dy,yb,1); check_poison(y,1); F_vjp(x,dx,y,dy); CHECK_ZEROED(dy,1); return check_dot(yb,y,1);} 
int main(void){ x[0]=0.7; yb[0]=1.0; check_begin("vjp_out_by_callee",F0,G); CHECK_ARG(x,dx,1); check_run(); return check_done(); }
#endif
