struct pair {
  double a, b;
};

static double first(double x) { return x; }

int main(void) {
  struct pair p = {1, 2};
  return (int)first(p);
}
