int main(void) {
  int total = 0;
  total += count;
  return total;
}
