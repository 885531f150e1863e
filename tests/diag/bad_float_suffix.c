int main(void) {
  double d = 2.5q;
  return (int)d;
}
