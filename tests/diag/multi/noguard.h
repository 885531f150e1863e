/* No include guard: fine in one file, twice in a program. */
struct params {
  double a, b;
};

double model(const struct params *p, double x);
