/* mlp.c: a tiny multilayer perceptron forward pass (2 hidden layers,
 * tanh and ReLU) with weights from a fixed-seed LCG. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  int in, out;
  double *w; /* out x in, row major */
  double *b;
} Layer;

static unsigned long long lcg_state = 12345u;

static double lcg_uniform(void) {
  lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(lcg_state >> 11) / 9007199254740992.0; /* 2^53 */
}

static Layer layer_new(int in, int out) {
  Layer l = {in, out, malloc(sizeof(double) * (size_t)(in * out)), calloc((size_t)out, sizeof(double))};
  double scale = 1.0 / sqrt((double)in);
  for (int i = 0; i < in * out; i++)
    l.w[i] = (2.0 * lcg_uniform() - 1.0) * scale;
  for (int i = 0; i < out; i++)
    l.b[i] = 0.01 * i;
  return l;
}

static void layer_free(Layer *l) {
  free(l->w);
  free(l->b);
  l->w = l->b = NULL;
}

static double relu(double x) { return x > 0 ? x : 0; }

static void forward(const Layer *l, const double *x, double *y, double (*act)(double)) {
  for (int o = 0; o < l->out; o++) {
    double s = l->b[o];
    for (int i = 0; i < l->in; i++)
      s += l->w[o * l->in + i] * x[i];
    y[o] = act ? act(s) : s;
  }
}

int main(void) {
  Layer l1 = layer_new(3, 8), l2 = layer_new(8, 8), l3 = layer_new(8, 2);
  double h1[8], h2[8], y[2];
  for (int sample = 0; sample < 4; sample++) {
    double x[3] = {sample * 0.5, 1.0 - sample * 0.25, sample % 2 ? -1.0 : 1.0};
    forward(&l1, x, h1, tanh);
    forward(&l2, h1, h2, relu);
    forward(&l3, h2, y, NULL);
    printf("sample %d: %.17g %.17g\n", sample, y[0], y[1]);
  }
  layer_free(&l1);
  layer_free(&l2);
  layer_free(&l3);
  return 0;
}
