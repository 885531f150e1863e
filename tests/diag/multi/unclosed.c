double f(double x) {
  if (x > 0) {
    return x * x;
  return -x;
}
