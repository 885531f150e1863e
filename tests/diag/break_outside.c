int main(void) {
  int x = 3;
  if (x > 2)
    break;
  return x;
}
