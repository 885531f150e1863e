int main(void) {
  long n = 123abc;
  double d = 1.5e+;
  return (int)(n + d);
}
