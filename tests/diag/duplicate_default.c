int classify(int c) {
  switch (c) {
  default:
    return 10;
  case 2:
    return 20;
  default:
    return 30;
  }
}
