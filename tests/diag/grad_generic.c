/* _Generic selecting active code. */
double f(double x) {
  double y = _Generic(x, float: x * 2, default: x * 3);
  return y;
}
