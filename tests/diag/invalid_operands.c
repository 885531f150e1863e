struct money {
  long cents;
};

long total(struct money a, struct money b) { return a + b; }
