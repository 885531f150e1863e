#define SQUARE(x) ((x) * (x))

int main(void) {
  int y = SQUARE(3;
  return y;
}
