int main(void) {
  double d = 2.5zz;
  return (int)d;
}
