/* goto in a function called on the active path: the note says why it is
   differentiated at all. */
static double clamp(double v) {
  if (v > 1)
    goto big;
  return v;
big:
  return 1;
}

double f(double x) { return clamp(x * x) * 3; }
