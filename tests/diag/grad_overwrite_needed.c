/* A helper overwrites memory the derivative still needs (through the
 * caller's pointer parameter, whose extent cotan does not know). */
static void fill(double *out, int n, double v) {
  for (int i = 0; i < n; i++)
    out[i] = v;
}

double f(double *w, int n, double a) {
  double s = w[0] * w[0];
  fill(w, n, a);
  return s + w[1] * a;
}
