/* An external function that may write into active memory. */
void smooth(double *v, int n);

double f(const double *x, int n) {
  double buf[8];
  for (int i = 0; i < 8; i++)
    buf[i] = x[i] * x[i];
  smooth(buf, 8);
  return buf[0] + buf[7];
}
