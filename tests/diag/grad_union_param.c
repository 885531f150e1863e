/* A union parameter whose floating member is differentiated. */
union number {
  double d;
  long long bits;
};

double f(union number u) {
  return u.d * u.d;
}
