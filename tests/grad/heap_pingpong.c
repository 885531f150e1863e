/* cotan: grad -f smooth --wrt x,k */
/* heap_pingpong.c: two malloc'd buffers used in turn (src = dst; dst =
 * dst == b1 ? b2 : b1), the classic ping-pong of iterative smoothers.  The
 * shadows follow the pointers: d_dst is chosen by the same condition on
 * the old dst, so it is set before dst.  Found by the red-team run (the
 * shadow was set after, reading the new dst: wrong from the third pass
 * on). */
#include <math.h>
#include <stdlib.h>
double smooth(const double *x, int n, const double *k, int passes) {
  double *b1 = malloc(n * sizeof *b1), *b2 = malloc(n * sizeof *b2);
  const double *src = x;
  double *dst = b1;
  for (int p = 0; p < passes; p++) {
    for (int i = 0; i < n; i++) {
      double l = i > 0 ? src[i - 1] : src[i], r = i + 1 < n ? src[i + 1] : src[i];
      dst[i] = k[0] * l + k[1] * src[i] + k[2] * r;
    }
    src = dst;
    dst = (dst == b1) ? b2 : b1;
  }
  double s = 0;
  for (int i = 0; i < n; i++) s += src[i] * src[i] * cos(i * 0.3);
  free(b1); free(b2);
  return s;
}
#ifdef COTAN_TEST
#include "check.h"
double smooth_grad(const double *x, double *d_x, int n, const double *k, double *d_k, int passes);
#define N 6
static double x[N], dx[N], k[3], dk[3]; static int P;
static double f(void){ return smooth(x,N,k,P);} static double g(void){ return smooth_grad(x,dx,N,k,dk,P);} 
int main(void){ for(int p=0;p<4;p++){ P=p; check_fill(x,N,-1,1); check_fill(k,3,0,.6); check_begin("t21",f,g); CHECK_ARG(x,dx,N); CHECK_ARG(k,dk,3); check_run(); } return check_done(); }
#endif
