/* a callee writing through the pointers of a local struct passed by address */
typedef struct { double *g; } M;
static void sq(M *m) { m->g[0] = m->g[0] * m->g[0]; }
double f(double x) {
  double buf[1] = {x};
  M m = {buf};
  sq(&m);
  sq(&m);
  return buf[0];   /* x^4 */
}
