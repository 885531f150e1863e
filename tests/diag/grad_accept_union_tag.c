/* Accepted: a union of inactive data (an int tag) inside an active struct. */
struct item {
  double w;
  union {
    int i;
    unsigned u;
  } tag;
};

double f(const struct item *it, int n) {
  double s = 0;
  for (int k = 0; k < n; k++)
    if (it[k].tag.i > 0)
      s += it[k].w * it[k].w;
  return s;
}
