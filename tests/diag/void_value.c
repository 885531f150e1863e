static void reset(int *p) { *p = 0; }

int main(void) {
  int x = 5;
  int y = reset(&x);
  return y;
}
