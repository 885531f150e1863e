/* A label nothing jumps to is rejected too: reverse mode needs structured code. */
double f(double x) {
  double y = x * x;
again:
  y = y * 2;
  return y;
}
