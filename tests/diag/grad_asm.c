/* Inline asm: cotan cannot know what it reads or writes. */
double f(double x) {
  double y = x * x;
  __asm__ volatile("" : : : "memory");
  return y;
}
