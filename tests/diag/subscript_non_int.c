int main(void) {
  int a[4] = {0};
  return a[1.5];
}
