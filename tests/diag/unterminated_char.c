int main(void) {
  char c = 'a;
  return c;
}
