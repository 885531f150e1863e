/* A GNU statement expression computing an active value. */
double f(double x) {
  double y = ({
    double t = x * x;
    t + 1;
  });
  return y;
}
