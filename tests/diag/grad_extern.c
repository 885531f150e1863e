/* An external function with no body and no derivative rule. */
double model(double x, double theta);

double f(double x, double theta) {
  double y = model(x, theta);
  return y * y;
}
