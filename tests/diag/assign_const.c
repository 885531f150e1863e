int main(void) {
  const double rate = 0.5;
  rate = 0.25;
  return 0;
}
