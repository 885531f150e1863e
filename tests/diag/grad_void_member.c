/* Active data behind a `void *` member of a struct. */
struct problem {
  int n;
  void *data;
};

static double cost(const struct problem *pb) {
  const double *w = pb->data;
  double s = 0;
  for (int i = 0; i < pb->n; i++)
    s += w[i] * w[i];
  return s;
}

double f(double *w, int n) {
  struct problem pb = {n, w};
  return cost(&pb);
}
