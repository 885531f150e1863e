/* A union holding an active value. */
union bits {
  double d;
  unsigned long long u;
};

double f(double x) {
  union bits b;
  b.d = x * x;
  return b.d;
}
