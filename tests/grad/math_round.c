/* cotan: grad -f math_round */
/* math_round.c: floor ceil round trunc (double forms): zero derivatives, so each is multiplied by its argument (d/dx floor(x) * x = floor(x) away from integers).
 * One parameter per function, so a wrong rule shows up as the component
 * named after its function. */
#include <math.h>

double math_round(double x_floor, double x_ceil, double x_round, double x_trunc, double x2_floor, double x2_round) {
  double r = floor(x_floor) * x_floor;
  r += ceil(x_ceil) * x_ceil;
  r += round(x_round) * x_round;
  r += trunc(x_trunc) * x_trunc;
  r += floor(x2_floor);
  r += round(x2_round);
  return r;
}

#ifdef COTAN_TEST
#include "check.h"
double math_round_grad(double x_floor, double *d_x_floor, double x_ceil, double *d_x_ceil, double x_round, double *d_x_round, double x_trunc, double *d_x_trunc, double x2_floor, double *d_x2_floor, double x2_round, double *d_x2_round);

static double x_floor, d_x_floor;
static double x_ceil, d_x_ceil;
static double x_round, d_x_round;
static double x_trunc, d_x_trunc;
static double x2_floor, d_x2_floor;
static double x2_round, d_x2_round;
static double f(void) { return math_round(x_floor, x_ceil, x_round, x_trunc, x2_floor, x2_round); }
static double g(void) { return math_round_grad(x_floor, &d_x_floor, x_ceil, &d_x_ceil, x_round, &d_x_round, x_trunc, &d_x_trunc, x2_floor, &d_x2_floor, x2_round, &d_x2_round); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    x_floor = check_rand(0.1, 0.9);
    x_ceil = check_rand(1.1, 1.9);
    x_round = check_rand(2.1, 2.4);
    x_trunc = check_rand(-1.9, -1.1);
    x2_floor = check_rand(3.1, 3.7);
    x2_round = check_rand(-1.4, -0.6);
    check_begin("math_round", f, g);
    CHECK_SCALAR(x_floor, d_x_floor);
    CHECK_SCALAR(x_ceil, d_x_ceil);
    CHECK_SCALAR(x_round, d_x_round);
    CHECK_SCALAR(x_trunc, d_x_trunc);
    CHECK_SCALAR(x2_floor, d_x2_floor);
    CHECK_SCALAR(x2_round, d_x2_round);
    check_run();
  }
  return check_done();
}
#endif
