int main(void) {
  int i = 0;
loop:
  i++;
  if (i < 10)
    goto lopp;
  return 0;
}
