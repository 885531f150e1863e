/* cotan: grad -f f --wrt theta */
/* glob_assigned_in_f.c: a --wrt global that F itself updates in a loop,
 * read by a callee: the callee's derivative reads the global, so its old
 * values are saved before each update (they were not: silently wrong).
 * Found by the red-team run. */
#include <math.h>
double theta = 0.5;
static double obs(double t) { return sin(theta * t); }
double f(void) { double s = 0; for (int i = 0; i < 3; i++) { s += obs(1.0 + i); theta = theta * 1.1 + 0.1; } return s; }
#ifdef COTAN_TEST
#include "check.h"
double f_grad(void);
extern double d_theta;
#ifdef COTAN_SELFTEST
double d_theta;
#endif
static double th, dth;
static double F(void){ theta=th; return f();} 
static double G(void){ theta=th; d_theta=dth; double r=f_grad(); dth=d_theta; return r;} 
int main(void){ th=0.7; check_begin("glob_assigned_in_f",F,G); CHECK_SCALAR(th,dth); check_no_twice(); check_run(); return check_done(); }
#endif
