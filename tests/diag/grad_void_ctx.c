/* Active data passed through an untyped context pointer. */
static double energy(void *ctx, double t) {
  double *k = (double *)ctx;
  return 0.5 * k[0] * t * t;
}

double f(double *k, double t) {
  return energy(k, t);
}
