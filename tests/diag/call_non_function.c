int main(void) {
  int rate = 3;
  return rate(2);
}
