/* A helper that updates a float array in place through the caller's
 * pointer parameter: cotan logs only double elements so far. */
static void scale(float *v, int n, float a) {
  for (int i = 0; i < n; i++)
    v[i] = a * v[i] * v[i];
}

float f(float *x, int n, float a) {
  scale(x, n, a);
  return x[0] + x[1];
}
