/* Several problems: every one is reported, in source order. */
double ext(double);

double f(double x) {
  double y = ext(x);
  if (y > 0)
    goto out;
  __asm__("");
out:
  return y;
}
