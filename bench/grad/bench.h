/* bench/grad/bench.h: timing for the gradient benchmarks (bench/grad.sh).
 * Each case file defines F and, under #ifdef COTAN_BENCH, a driver that
 * times F and F_grad in the same run, best of REPS, and prints
 *   case: primal X ms, gradient Y ms, ratio Z (target <= 3)          */
#ifndef COTAN_BENCH_H
#define COTAN_BENCH_H
#include <stdio.h>
#include <string.h>
#include <time.h>

#define REPS 15

static double bench_now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

/* Keeps results alive, so the compiler cannot drop the calls. */
static volatile double bench_sink;

/* Best of REPS: primal() and gradient() each run once per repetition,
 * interleaved, so both see the same machine state. */
static void bench_report(const char *name, double (*primal)(void), double (*gradient)(void)) {
  double bp = 1e300, bg = 1e300;
  for (int r = 0; r < REPS; r++) {
    double t0 = bench_now_ms();
    bench_sink = primal();
    double t1 = bench_now_ms();
    bench_sink = gradient();
    double t2 = bench_now_ms();
    if (t1 - t0 < bp) bp = t1 - t0;
    if (t2 - t1 < bg) bg = t2 - t1;
  }
  printf("%s: primal %.3f ms, gradient %.3f ms, ratio %.2f (target <= 3)\n", name, bp, bg,
         bg / bp);
}
#endif
