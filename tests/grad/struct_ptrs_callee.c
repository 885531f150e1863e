/* cotan: grad -f f --wrt x */
/* struct_ptrs_callee.c: a local struct of malloc'd buffers, refilled in a
 * loop and passed by value to a callee that reads through its pointers:
 * the call reads the memory behind the struct's pointers, so that memory
 * is saved before the next refill.  Before the fix the callee's read was
 * not seen and the gradient was wrong; found by the red-team run. */
#include <stdlib.h>
#include <math.h>
struct ws { double *a, *b; int n; };
static double dotab(struct ws w) {
  double s = 0;
  for (int i = 0; i < w.n; i++) s += w.a[i] * sin(w.b[i]);
  return s;
}
double f(const double *x, int n) {
  struct ws w = {0, 0, n};
  w.a = malloc(n * sizeof *w.a);
  w.b = malloc(n * sizeof *w.b);
  double s = 0;
  for (int it = 0; it < 3; it++) {
    for (int i = 0; i < n; i++) { w.a[i] = x[i] * (it + 1); w.b[i] = x[(i + it) % n] * x[i]; }
    s += dotab(w);
  }
  free(w.a); free(w.b);
  return s;
}
#ifdef COTAN_TEST
#include "check.h"
double f_grad(const double *x, double *d_x, int n);
#define N 4
static double x[N], dx[N];
static double F(void){ return f(x,N);} static double G(void){ return f_grad(x,dx,N);}
int main(void){ for(int p=0;p<3;p++){ check_fill(x,N,-1,1); check_begin("struct_ptrs_callee",F,G); CHECK_ARG(x,dx,N); check_run();} return check_done(); }
#endif
