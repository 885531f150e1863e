/* tests/grad/check.h: the numerical checks shared by the gradient corpus.
 *
 * Each corpus file ends with a test driver under #ifdef COTAN_TEST (cotan
 * reads the file without that macro, so it never sees the driver).  The
 * driver declares the F_grad prototype the contract promises (a mismatch
 * with the generated definition is a compile or link error), keeps F's
 * inputs and their adjoints in static variables, and gives two callbacks:
 *
 *   static double f(void)   F at the current inputs (its value, as double)
 *   static double g(void)   F_grad at the same inputs, adding into d_*
 *
 * Then, for each of several points:
 *
 *   check_begin("name", f, g);
 *   CHECK_ARG(x, d_x, n);       a double input: array of n, or &scalar, 1
 *   CHECK_ARGF(x, d_x, n);      a float input
 *   CHECK_SCALAR(a, d_a);       same as CHECK_ARG(&a, &d_a, 1)
 *   CHECK_SCALARF(a, d_a);
 *   check_run();
 *
 * check_run() zeroes every registered adjoint, calls g() and checks that it
 * returns f()'s value; checks every adjoint component against a central
 * finite difference of f() (perturbing the input in place and restoring
 * it); then calls g() again WITHOUT zeroing and checks that every adjoint
 * doubled (F_grad adds into the adjoint memory).  main() ends with
 * `return check_done();`, which prints "PASS name" or the failures, one
 * line each: "FAIL name component d_x[k] at point p: got G want W".
 *
 * If F writes its inputs (in-place updates), f() and g() must copy the
 * registered inputs into scratch arrays and call F / F_grad on the copies,
 * and the driver calls check_no_twice(): with an input that is also an
 * output, the adjoint present on entry is the adjoint of the input's final
 * value, so a second call does not simply double it.
 *
 * A struct input that holds only doubles (nested structs and arrays of
 * doubles included, e.g. a two-layer MLP's parameters) can be registered
 * whole: CHECK_STRUCT(p, d_p) is CHECK_ARG((double *)&p, (double *)&d_p,
 * sizeof p / sizeof(double)), with p and d_p of the same type (a compile
 * error otherwise).  A struct with int or pointer fields: register its
 * double fields one by one, and the shadow buffers its pointer fields point
 * to (CHECK_ARG(m.w, d_w, n) where d_m.w == d_w).
 *
 * Vector outputs (`cotan vjp`, F_vjp).  At each point the driver draws a
 * random seed ybar for every output y (and w for a floating return value)
 * and checks the scalar function  f(x) = ybar . y(x) + w * F(x),  whose
 * gradient J^T ybar + w grad F is what F_vjp adds into the inputs' d_:
 *
 *   static double f(void) { double r = F(x, y); return check_dot(ybar, y, m) + w * r; }
 *   static double g(void) {
 *     check_seed(d_y, ybar, m);              d_y = ybar, on every call
 *     check_poison(y, m);                    y = NaN: F_vjp must write it
 *     double r = F_vjp(x, d_x, y, d_y, w);   d_return = w
 *     CHECK_ZEROED(d_y, m);                  F_vjp zeroes the seed memory
 *     return check_dot(ybar, y, m) + w * r;  y holds F's results
 *   }
 *
 * The += check applies unchanged (g re-sets the seeds, the inputs' adjoints
 * must double).  An output that is also an input (F updates x in place,
 * --wrt x --out x): d_x holds the seed on entry and the input's adjoint on
 * exit, the value of x after F_vjp is unspecified; f() and g() work on
 * copies of x, g() returns f()'s value, and the driver calls
 * check_no_twice().  check_entry() compares one number the driver computed
 * itself (a Jacobian entry built from F_vjp calls) with its reference.
 *
 * Tolerances (a file may #define them before including this header):
 *   double inputs: step h = 1e-6 * max(1, |x|); component ok when
 *     |got - want| <= CHECK_RTOL * max(|got|, |want|) + CHECK_ATOL * max(1, |F|)
 *   float inputs: step 4e-3 * max(1, |x|), CHECK_RTOLF / CHECK_ATOLF.
 *   value: |F_grad - F| <= CHECK_VTOL * max(1, |F|) (CHECK_VTOLF with floats).
 *
 * Self-test (-DCOTAN_SELFTEST, `bash tests/grad.sh --selftest`): g() is never
 * called (F_grad need not exist); the "gradient" is a fourth-order
 * finite difference with a much larger step instead.  It checks the corpus
 * itself: the drivers compile, F runs clean under the sanitizers, and the
 * points are far enough from kinks that the central differences agree.
 */
#ifndef COTAN_GRAD_CHECK_H
#define COTAN_GRAD_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CHECK_RTOL
#define CHECK_RTOL 1e-6
#endif
#ifndef CHECK_ATOL
#define CHECK_ATOL 1e-8
#endif
#ifndef CHECK_RTOLF
#define CHECK_RTOLF 2e-3
#endif
#ifndef CHECK_ATOLF
#define CHECK_ATOLF 2e-4
#endif
#ifndef CHECK_DSTEP /* relative step for double inputs */
#define CHECK_DSTEP 1e-6
#endif
#ifndef CHECK_VTOL
#define CHECK_VTOL 1e-12
#endif
#ifndef CHECK_VTOLF
#define CHECK_VTOLF 1e-6
#endif
/* The += check: second call's adjoint vs twice the first. */
#define CHECK_TWICE_TOL 1e-10
#define CHECK_TWICE_TOLF 1e-5

#define CHECK_MAX_ARGS 32
#define CHECK_MAX_REPORTS 40

typedef double (*check_fn)(void);

/* One registered input and its adjoint. */
typedef struct {
  const char *name;  /* the adjoint's name as written in the driver */
  void *x;           /* double * or float * */
  void *d;           /* same type as x */
  int n;             /* components */
  int is_float;
} CheckArg;

static struct {
  const char *name;   /* the case */
  check_fn f, g;
  CheckArg args[CHECK_MAX_ARGS];
  int nargs;
  int point;          /* the point number within the case, from 1 */
  int no_twice;       /* skip the += check (inputs written in place) */
  int failures;
  int reported;
  int checked;        /* components checked, over all points */
  unsigned long long rng;
} check_state = {0, 0, 0, {{0, 0, 0, 0, 0}}, 0, 0, 0, 0, 0, 0, 88172645463325252ull};

/* ---- deterministic inputs ---- */

/* Uniform in [lo, hi), from a fixed-seed generator: the same points every run. */
static inline double check_rand(double lo, double hi) {
  check_state.rng ^= check_state.rng << 13;
  check_state.rng ^= check_state.rng >> 7;
  check_state.rng ^= check_state.rng << 17;
  return lo + (hi - lo) * (double)(check_state.rng >> 11) * 0x1.0p-53;
}

static inline void check_fill(double *x, int n, double lo, double hi) {
  for (int i = 0; i < n; i++) x[i] = check_rand(lo, hi);
}

static inline void check_fillf(float *x, int n, double lo, double hi) {
  for (int i = 0; i < n; i++) x[i] = (float)check_rand(lo, hi);
}

/* ---- reporting ---- */

static inline void check_fail(const char *fmt, const char *what, int k, double got, double want) {
  check_state.failures++;
  if (check_state.reported++ >= CHECK_MAX_REPORTS) return;
  printf("FAIL %s ", check_state.name ? check_state.name : "?");
  printf(fmt, what, k);
  printf(" at point %d: got %.17g want %.17g\n", check_state.point, got, want);
}

/* ---- the case ---- */

static inline void check_begin(const char *name, check_fn f, check_fn g) {
  if (!check_state.name || strcmp(check_state.name, name) != 0) check_state.point = 0;
  check_state.name = name;
  check_state.f = f;
  check_state.g = g;
  check_state.nargs = 0;
  check_state.no_twice = 0;
  check_state.point++;
}

static inline void check_no_twice(void) { check_state.no_twice = 1; }

static inline void check_arg(const char *name, void *x, void *d, int n, int is_float) {
  if (check_state.nargs == CHECK_MAX_ARGS) {
    printf("FAIL %s: more than %d inputs (a corpus bug)\n", check_state.name, CHECK_MAX_ARGS);
    check_state.failures++;
    return;
  }
  CheckArg *a = &check_state.args[check_state.nargs++];
  a->name = name;
  a->x = x;
  a->d = d;
  a->n = n;
  a->is_float = is_float;
}

/* _Generic makes a double registered as float (or the reverse) a compile error. */
#define CHECK_DBL(p) _Generic((p), double *: (void *)(p))
#define CHECK_FLT(p) _Generic((p), float *: (void *)(p))
#define CHECK_ARG(x, d, n) check_arg(#d, CHECK_DBL(x), CHECK_DBL(d), (n), 0)
#define CHECK_ARGF(x, d, n) check_arg(#d, CHECK_FLT(x), CHECK_FLT(d), (n), 1)
#define CHECK_SCALAR(x, d) check_arg(#d, CHECK_DBL(&(x)), CHECK_DBL(&(d)), 1, 0)
#define CHECK_SCALARF(x, d) check_arg(#d, CHECK_FLT(&(x)), CHECK_FLT(&(d)), 1, 1)

static inline double check_get(const CheckArg *a, void *p, int k) {
  return a->is_float ? (double)((float *)p)[k] : ((double *)p)[k];
}

static inline int check_any_float(void) {
  for (int i = 0; i < check_state.nargs; i++)
    if (check_state.args[i].is_float) return 1;
  return 0;
}

/* F with component k of input a moved by t (rounded to the input's type);
 * *moved receives the displacement actually applied. */
static inline double check_eval_at(const CheckArg *a, int k, double t, double *moved) {
  double fx;
  if (a->is_float) {
    float *x = a->x, old = x[k];
    x[k] = (float)((double)old + t);
    *moved = (double)x[k] - (double)old;
    fx = check_state.f();
    x[k] = old;
  } else {
    double *x = a->x, old = x[k];
    x[k] = old + t;
    *moved = x[k] - old;
    fx = check_state.f();
    x[k] = old;
  }
  return fx;
}

/* Central difference of F in component k of input a, step h. */
static inline double check_central(const CheckArg *a, int k, double h) {
  double up, down;
  double fp = check_eval_at(a, k, h, &up);
  double fm = check_eval_at(a, k, -h, &down);
  return (fp - fm) / (up - down);
}

static inline double check_step(const CheckArg *a, int k) {
  double x = fabs(check_get(a, a->x, k));
  return (a->is_float ? 4e-3 : CHECK_DSTEP) * (x > 1 ? x : 1);
}

#ifdef COTAN_SELFTEST
/* Fourth-order difference, step 1000 times (float: 4 times) larger: a
 * second opinion that disagrees with the central difference near kinks,
 * branch switches, or where rounding swamps the step. */
static inline double check_reference(const CheckArg *a, int k) {
  double h = check_step(a, k) * (a->is_float || CHECK_DSTEP > 1e-6 ? 4 : 1000);
  double d1 = check_central(a, k, h), d2 = check_central(a, k, 2 * h);
  return (4 * d1 - d2) / 3;
}
#endif

static inline void check_zero_adjoints(void) {
  for (int i = 0; i < check_state.nargs; i++) {
    CheckArg *a = &check_state.args[i];
    memset(a->d, 0, (size_t)a->n * (a->is_float ? sizeof(float) : sizeof(double)));
  }
}

static inline void check_value(double got, double want) {
  double tol = (check_any_float() ? CHECK_VTOLF : CHECK_VTOL) * fmax(1, fabs(want));
  if (!(fabs(got - want) <= tol)) check_fail("%s%.0d", "value", 0, got, want);
}

static inline void check_run(void) {
  check_zero_adjoints();
  double want = check_state.f();
#ifndef COTAN_SELFTEST
  double got = check_state.g();
  check_value(got, want);
#endif
  double scale = fmax(1, fabs(want));

  /* Every component against finite differences. */
  for (int i = 0; i < check_state.nargs; i++) {
    const CheckArg *a = &check_state.args[i];
    for (int k = 0; k < a->n; k++) {
      double fd = check_central(a, k, check_step(a, k));
#ifdef COTAN_SELFTEST
      double ad = check_reference(a, k);
#else
      double ad = check_get(a, a->d, k);
#endif
      double rtol = a->is_float ? CHECK_RTOLF : CHECK_RTOL;
      double atol = (a->is_float ? CHECK_ATOLF : CHECK_ATOL) * scale;
      check_state.checked++;
      if (!(fabs(ad - fd) <= rtol * fmax(fabs(ad), fabs(fd)) + atol))
        check_fail(a->n == 1 ? "component %s%.0d" : "component %s[%d]", a->name, k, ad, fd);
    }
  }

#ifndef COTAN_SELFTEST
  /* The += contract: a second call without zeroing doubles every adjoint. */
  if (check_state.no_twice) return;
  double *first[CHECK_MAX_ARGS];
  for (int i = 0; i < check_state.nargs; i++) {
    const CheckArg *a = &check_state.args[i];
    first[i] = malloc((size_t)a->n * sizeof(double));
    for (int k = 0; k < a->n; k++) first[i][k] = check_get(a, a->d, k);
  }
  got = check_state.g();
  check_value(got, want);
  for (int i = 0; i < check_state.nargs; i++) {
    const CheckArg *a = &check_state.args[i];
    double big = 0;
    for (int k = 0; k < a->n; k++) big = fmax(big, fabs(first[i][k]));
    double tol = a->is_float ? CHECK_TWICE_TOLF : CHECK_TWICE_TOL;
    for (int k = 0; k < a->n; k++) {
      double twice = check_get(a, a->d, k), want2 = 2 * first[i][k];
      if (!(fabs(twice - want2) <= tol * (fabs(want2) + big) + 1e-300))
        check_fail(a->n == 1 ? "second call (+=) %s%.0d" : "second call (+=) %s[%d]", a->name,
                   k, twice, want2);
    }
    free(first[i]);
  }
#endif
}

/* ---- structs, vector outputs (F_vjp), single comparisons ---- */

/* A struct of doubles as one input (see the top comment).  The sizeof of a
 * comparison makes d's type differ from s's a constraint violation (an error
 * under -Werror) and is never evaluated. */
#define CHECK_STRUCT(s, d)                                                   \
  check_arg(#d, (void *)&(s), (void *)&(d),                                  \
            (int)(sizeof(s) / (sizeof(double))) + 0 * (int)sizeof(&(s) == &(d)), 0)

/* d = seed: an output's cotangent, set before each F_vjp call. */
static inline void check_seed(double *d, const double *seed, int n) {
  for (int i = 0; i < n; i++) d[i] = seed[i];
}

/* a . b: the seeded scalar of a vjp check. */
static inline double check_dot(const double *a, const double *b, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/* Before F_vjp: an output filled with NaN, so that a result F_vjp does not
 * write (the outputs hold F's results afterwards) fails the value check
 * instead of passing with the values f() left there. */
static inline void check_poison(double *y, int n) {
  for (int i = 0; i < n; i++) y[i] = NAN;
}

/* After F_vjp: every component of an output's seed memory is zero. */
static inline void check_zeroed(const char *name, const double *d, int n) {
  for (int k = 0; k < n; k++)
    if (d[k] != 0.0)
      check_fail(n == 1 ? "seed %s%.0d not zeroed by the vjp" : "seed %s[%d] not zeroed by the vjp",
                 name, k, d[k], 0.0);
}
#define CHECK_ZEROED(d, n) check_zeroed(#d, CHECK_DBL(d), (n))

/* One value the driver computed (got) against its reference (want), with
 * the double tolerances; scale is the size of the function the value is a
 * derivative of (the CHECK_ATOL term).  Counts as a checked component;
 * `what` names it in a failure, e.g. "J[2][3]". */
static inline void check_entry(const char *what, double got, double want, double scale) {
  check_state.checked++;
  if (!(fabs(got - want) <= CHECK_RTOL * fmax(fabs(got), fabs(want)) +
                                CHECK_ATOL * fmax(1, fabs(scale))))
    check_fail("%s%.0d", what, 0, got, want);
}

/* The end of main: the verdict line, and the exit status. */
static inline int check_done(void) {
  if (check_state.reported > CHECK_MAX_REPORTS)
    printf("FAIL %s: %d more failures not shown\n", check_state.name,
           check_state.reported - CHECK_MAX_REPORTS);
  if (check_state.checked == 0) {
    printf("FAIL %s: no gradient component was checked (a corpus bug)\n",
           check_state.name ? check_state.name : "?");
    return 1;
  }
  if (check_state.failures) return 1;
  printf("PASS %s (%d components)\n", check_state.name, check_state.checked);
  return 0;
}

#endif /* COTAN_GRAD_CHECK_H */
