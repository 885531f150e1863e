/* cotan: grad -f mse_f */
/* float_array.c: mean squared error over float arrays, a float result. */
float mse_f(const float *pred, const float *target, int n) {
  float s = 0.0f;
  for (int i = 0; i < n; i++) {
    float e = pred[i] - target[i];
    s += e * e;
  }
  return s / (float)n;
}

#ifdef COTAN_TEST
#include "check.h"
float mse_f_grad(const float *pred, float *d_pred, const float *target, float *d_target, int n);

static float pred[6], target[6], d_pred[6], d_target[6];
static double f(void) { return mse_f(pred, target, 6); }
static double g(void) { return mse_f_grad(pred, d_pred, target, d_target, 6); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    check_fillf(pred, 6, -1, 1);
    check_fillf(target, 6, -1, 1);
    check_begin("float_array", f, g);
    CHECK_ARGF(pred, d_pred, 6);
    CHECK_ARGF(target, d_target, 6);
    check_run();
  }
  return check_done();
}
#endif
