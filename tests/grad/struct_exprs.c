/* cotan: grad -f f --wrt a,b */
/* struct_exprs.c: struct values as expressions: a member of a struct a
 * function returns (mk(a * b, a).x), a struct chosen by ?:, a struct passed
 * by value to a callee that stores it through a pointer.  The first was
 * refused before; found by the red-team run. */
#include <math.h>
typedef struct { double x, y; } V;
static V mk(double x, double y) { V r; r.x = x; r.y = y; return r; }
static void put(V *dst, V src) { *dst = src; }
double f(double a, double b) {
  V p = mk(a, b), q = mk(b * b, sin(a));
  V m = a > b ? p : q;
  double s = mk(a * b, a).x + m.y * m.x;
  V r;
  put(&r, q);
  V *rp = &r;
  *rp = (a > 0) ? r : p;
  s += rp->x * r.y;
  V arr[2] = {p, q};
  arr[1] = arr[0];
  s += arr[1].y * arr[0].x;
  return s;
}
#ifdef COTAN_TEST
#include "check.h"
double f_grad(double a, double *d_a, double b, double *d_b);
static double a, da, b, db;
static double ff(void){ return f(a,b);} static double g(void){ return f_grad(a,&da,b,&db);} 
int main(void){ for(int p=0;p<4;p++){ a=check_rand(-1,1); b=check_rand(-1,1); check_begin("struct_exprs",ff,g); CHECK_SCALAR(a,da); CHECK_SCALAR(b,db); check_run(); } return check_done(); }
#endif
