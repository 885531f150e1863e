/* softmax.c: numerically stable softmax, logsumexp and cross-entropy. */
#include <float.h>
#include <math.h>
#include <stdio.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static double logsumexp(const double *x, size_t n) {
  double m = -DBL_MAX;
  for (size_t i = 0; i < n; i++)
    m = x[i] > m ? x[i] : m;
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += exp(x[i] - m);
  return m + log(s);
}

static void softmax(const double *restrict x, double *restrict out, size_t n) {
  double lse = logsumexp(x, n);
  for (size_t i = 0; i < n; i++)
    out[i] = exp(x[i] - lse);
}

static double cross_entropy(const double *logits, size_t n, size_t label) {
  return logsumexp(logits, n) - logits[label];
}

int main(void) {
  double logits[] = {1.0, 2.0, 3.0, -1.0, 1000.0 / 1000.0};
  double big[] = {1000.0, 1001.0, 1002.0};
  double p[COUNT(logits)];
  softmax(logits, p, COUNT(logits));
  double total = 0;
  for (size_t i = 0; i < COUNT(p); i++) {
    printf("p[%zu]=%.17g\n", i, p[i]);
    total += p[i];
  }
  printf("sum=%.17g\n", total);
  printf("lse(big)=%.17g\n", logsumexp(big, COUNT(big)));
  for (size_t k = 0; k < COUNT(logits); k++)
    printf("ce[%zu]=%.17g\n", k, cross_entropy(logits, COUNT(logits), k));
  return 0;
}
