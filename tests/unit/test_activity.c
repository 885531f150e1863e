/*
 * test_activity.c: unit tests for the varied x useful analysis
 * (activity.c).  Each test parses a small program (C text without
 * directives is valid preprocessed input), runs activity_analyze() on one
 * function with the given inputs (and outputs), and compares the list of
 * its parameters and locals that are active, in declaration order
 * (parameters first), with the expected list.
 *
 * Build (as tests/unit.sh does):
 *   cc -std=c11 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
 *      -Isrc -o test_activity tests/unit/test_activity.c build/san/libcotan.a -lm
 * The last line printed is "N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "cotan.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The compiler never frees its arena; leaks are by design. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

static int passed, failed;

#define CHECK(cond, ...)                                                     \
  do {                                                                       \
    if (cond) {                                                              \
      passed++;                                                              \
    } else {                                                                 \
      failed++;                                                              \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                            \
      printf(__VA_ARGS__);                                                   \
      printf("\n");                                                          \
    }                                                                        \
  } while (0)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

static Unit *unit;      /* the program of the current test */
static Activity *act;   /* its analysis */

static Obj *find_func(const char *name) {
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (item->kind == ND_FUNCDEF && str_eq(item->obj->name, name))
      return item->obj;
  }
  return NULL;
}

static Obj *find_global(const char *name) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *obj = vec_get(Obj, &unit->globals, i);
    if (obj->kind == OBJ_VAR && str_eq(obj->name, name))
      return obj;
  }
  return NULL;
}

/* A parameter or a global, by name. */
static Obj *find_var(Obj *fn, const char *name) {
  for (int i = 0; i < fn->params.len; i++)
    if (str_eq(vec_get(Obj, &fn->params, i)->name, name))
      return vec_get(Obj, &fn->params, i);
  return find_global(name);
}

/* Splits "a,b" into the variables of fn (or globals). */
static Vec vars_of(Obj *fn, const char *csv) {
  Vec out = {0};
  if (!csv)
    return out;
  char *s = xstrdup(csv);
  for (char *name = strtok(s, ","); name; name = strtok(NULL, ",")) {
    Obj *v = find_var(fn, name);
    if (!v) {
      printf("test bug: no variable '%s'\n", name);
      exit(1);
    }
    vec_push(&out, v);
  }
  return out;
}

/* Parses src and analyses function fname with inputs wrt and outputs outs
 * (comma-separated names; outs may be NULL). */
static Obj *analyze(const char *src, const char *fname, const char *wrt, const char *outs) {
  unit = parse_unit(lex(src, "test.c"), "test.c");
  Obj *fn = find_func(fname);
  if (!fn) {
    printf("test bug: no function '%s'\n", fname);
    exit(1);
  }
  Vec w = vars_of(fn, wrt);
  Vec o = vars_of(fn, outs);
  act = activity_analyze(unit, fn, &w, &o);
  return fn;
}

/* The active parameters and locals of fn, space-separated, in order. */
static const char *active_vars(Obj *fn) {
  Buf b = {0};
  Vec *lists[] = {&fn->params, &fn->locals};
  for (int l = 0; l < 2; l++) {
    for (int i = 0; i < lists[l]->len; i++) {
      Obj *v = vec_get(Obj, lists[l], i);
      if (activity_obj(act, v))
        buf_printf(&b, "%s%s", b.len ? " " : "", v->name);
    }
  }
  return xstrdup(buf_str(&b));
}

/* The names of activity_callees(), space-separated. */
static const char *callee_names(void) {
  Buf b = {0};
  Vec *c = activity_callees(act);
  for (int i = 0; i < c->len; i++)
    buf_printf(&b, "%s%s", b.len ? " " : "", vec_get(Obj, c, i)->name);
  return xstrdup(buf_str(&b));
}

#define EXPECT_ACTIVE(src, f, wrt, outs, want)                               \
  do {                                                                       \
    Obj *fn_ = analyze(src, f, wrt, outs);                                   \
    const char *got_ = active_vars(fn_);                                     \
    CHECK(str_eq(got_, want), "%s: active '%s', expected '%s'", f, got_, want); \
  } while (0)

/* The initializer of local `name` of fn. */
static Node *init_of(Obj *fn, const char *name) {
  for (int i = 0; i < fn->locals.len; i++) {
    Obj *v = vec_get(Obj, &fn->locals, i);
    if (str_eq(v->name, name))
      return v->init;
  }
  return NULL;
}

/* The expression of fn's last return statement. */
static Node *last_return(Node *n) {
  if (!n)
    return NULL;
  if (n->kind == ND_RETURN)
    return n->lhs;
  Node *found = NULL;
  Node *kids[] = {n->then, n->els, n->body};
  for (int i = 0; i < 3; i++) {
    Node *r = last_return(kids[i]);
    if (r)
      found = r;
  }
  for (int i = 0; i < n->stmts.len; i++) {
    Node *r = last_return(vec_get(Node, &n->stmts, i));
    if (r)
      found = r;
  }
  return found;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */
/* ---------------------------------------------------------------------- */

static void test_straight_line(void) {
  const char *src =
      "double f(double x, double y) { double a = 2 * x; double b = y; double c = 3.0;"
      " return a * c; }";
  /* b is varied but useless; c is useful but not varied. */
  EXPECT_ACTIVE(src, "f", "x,y", NULL, "x a");
  Obj *f = find_func("f");
  CHECK(activity_expr(act, init_of(f, "a")), "2 * x is active");
  CHECK(!activity_expr(act, init_of(f, "b")), "y read into useless b is inactive");
  CHECK(!activity_expr(act, init_of(f, "c")), "3.0 is inactive");
  CHECK(activity_expr(act, last_return(f->body)), "a * c is active");
  CHECK(str_eq(callee_names(), ""), "no callees");

  /* Only x is differentiated: y is not varied. */
  EXPECT_ACTIVE("double f(double x, double y) { double a = x * y; return a; }", "f", "x",
                NULL, "x a");
  /* Overwritten by a constant, then used: flow-insensitively still active. */
  EXPECT_ACTIVE("double f(double x) { double a = x; a = 1.0; return a; }", "f", "x", NULL,
                "x a");
  /* Integer computations are never active; a float-to-int store is inactive. */
  EXPECT_ACTIVE("double f(double x, int n) { int k = x; long m = n * 2; double y = k * x + m;"
                " return y; }",
                "f", "x", NULL, "x y");
  EXPECT_ACTIVE("double f(double x) { int k = 0; k += x; return k; }", "f", "x", NULL, "");
  /* Compound assignment, ++, comparisons, ?: and comma. */
  EXPECT_ACTIVE("double f(double x) { double s = 1; s *= x; s++; double t = s > 0 ? s : -s;"
                " double u = (s, 2.0); return t + u; }",
                "f", "x", NULL, "x s t");
  /* float and casts between floating types. */
  EXPECT_ACTIVE("float f(float x) { double d = (double)x * 2; float r = (float)d; return r; }",
                "f", "x", NULL, "x d r");
  /* A value that only reaches the result through an integer is inactive. */
  EXPECT_ACTIVE("double f(double x) { double a = x * 3; int i = (int)a; return i; }", "f", "x",
                NULL, "");
}

static void test_loops(void) {
  /* Values flow around the back edge: t is varied only from the second
   * iteration on, s only through t. */
  EXPECT_ACTIVE("double f(double x, int n) { double s = 0, t = 1;"
                " for (int i = 0; i < n; i++) { s = s + t; t = t * x; } return s; }",
                "f", "x", NULL, "x s t");
  /* p becomes varied after its use in the body: the use is active too. */
  EXPECT_ACTIVE("double f(double x) { double r = 0, p = 0;"
                " for (int i = 0; i < 3; i++) { r = r + p; p = x; } return r; }",
                "f", "x", NULL, "x r p");
  /* Usefulness flows backwards around the loop too. */
  EXPECT_ACTIVE("double f(double x) { double a = 0, b = 0, c = 0; int k = 0;"
                " while (k < 4) { c = b; b = a; a = x; k++; } return c; }",
                "f", "x", NULL, "x a b c");
  EXPECT_ACTIVE("double f(double x) { double a = x, b = 0; do { b = a * b; } while (b < 1);"
                " double dead = b * 2; return a; }",
                "f", "x", NULL, "x a");
  /* Newton iterations whose count depends on the data. */
  EXPECT_ACTIVE("double f(double a) { double y = a; while (y * y - a > 1e-12 || a - y * y > 1e-12)"
                " y = 0.5 * (y + a / y); return y; }",
                "f", "a", NULL, "a y");
}

static void test_arrays_and_pointers(void) {
  /* One location per array: buf is active, z only useful. */
  EXPECT_ACTIVE("double f(const double *x, int n) { double buf[4]; double z[4];"
                " for (int i = 0; i < 4; i++) { buf[i] = x[i] * x[i]; z[i] = 1.0; }"
                " return buf[0] + buf[3] * z[1]; }",
                "f", "x", NULL, "x buf");
  /* A pointer walking the input: p and end point into active storage. */
  EXPECT_ACTIVE("double f(const double *x, int n) { const double *p = x + 1; double s = 0;"
                " const double *end = x + n; while (p < end) s += *p++; return s; }",
                "f", "x", NULL, "x p s end");
  /* A pointer into a local array: the store through q makes a active. */
  EXPECT_ACTIVE("double f(double x) { double a[3]; double *q = a; q[1] = x * x; return a[1]; }",
                "f", "x", NULL, "x a q");
  EXPECT_ACTIVE("double f(double x) { double a[3]; double *q = &a[1]; *q = x; double b[2];"
                " double *r = b; *r = 1; return a[1] * b[0]; }",
                "f", "x", NULL, "x a q");
  /* Two-dimensional arrays and array parameters. */
  EXPECT_ACTIVE("double f(double M[][3], int n) { double s = 0;"
                " for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) s += M[i][j];"
                " return s; }",
                "f", "M", NULL, "M s");
  /* A pointer parameter that is not differentiated: its data is inactive. */
  EXPECT_ACTIVE("double f(const double *w, const double *x, int n) { double s = 0;"
                " for (int i = 0; i < n; i++) s += w[i] * x[i]; return s; }",
                "f", "w", NULL, "w s");
  /* In-place update of an input. */
  EXPECT_ACTIVE("double f(double *x) { x[0] = x[0] * x[1]; return x[0]; }", "f", "x", NULL, "x");
  /* Structs: the struct is one location; int members stay inactive data. */
  EXPECT_ACTIVE("struct P { double a; int n; };"
                " double f(const struct P *p) { struct P q = *p; int k = q.n; return q.a * k; }",
                "f", "p", NULL, "p q");
  EXPECT_ACTIVE("struct P { double a, b; };"
                " double f(struct P s) { struct P t; t.a = s.a * 2; t.b = 1; return t.a + t.b; }",
                "f", "s", NULL, "s t");
  /* A struct holding a pointer to the input's memory. */
  EXPECT_ACTIVE("struct V { const double *d; int n; };"
                " double f(const double *x) { struct V v = { x, 2 }; return v.d[0] * v.d[1]; }",
                "f", "x", NULL, "x v");
  /* Outputs (vjp): the outs' storage is useful. */
  EXPECT_ACTIVE("void f(const double *x, double *y, double *z) { y[0] = x[0] * 2; z[0] = x[1]; }",
                "f", "x", "y", "x y");
}

static void test_calls(void) {
  const char *src =
      "static double sq(double v) { return v * v; }\n"
      "static double cst(double v) { (void)v; return 3.0; }\n"
      "double f(double x, double y) { double a = sq(x); double b = cst(x); double c = sq(y);"
      " return a + b; }";
  /* Context-insensitive: sq is analysed once for all its calls, so y
   * (passed to sq, whose parameter is useful) is active although c is not. */
  EXPECT_ACTIVE(src, "f", "x,y", NULL, "x y a");
  CHECK(str_eq(callee_names(), "sq"), "callees '%s', expected 'sq'", callee_names());
  Obj *sq = find_func("sq"), *cst = find_func("cst");
  CHECK(activity_param(act, sq, 0), "sq's v is active");
  CHECK(activity_returns(act, sq), "sq returns active");
  CHECK(!activity_returns(act, cst), "cst returns inactive");
  CHECK(!activity_param(act, cst, 0), "cst's v is useless");
  Obj *f = find_func("f");
  CHECK(!activity_expr(act, init_of(f, "b")), "cst(x) is inactive");
  CHECK(!activity_expr(act, init_of(f, "c")), "sq(y) into useless c is inactive");
  CHECK(activity_expr(act, init_of(f, "a")), "sq(x) is active");

  /* Recursion: the fixpoint runs over the call graph. */
  EXPECT_ACTIVE("double p(double x, int n) { if (n == 0) return 1.0; return x * p(x, n - 1); }\n"
                "double f(double x) { double r = p(x, 3); return r; }",
                "f", "x", NULL, "x r");
  Obj *p = find_func("p");
  CHECK(str_eq(callee_names(), "p"), "callees '%s', expected 'p'", callee_names());
  CHECK(activity_param(act, p, 0) && !activity_param(act, p, 1), "p: x active, n not");
  CHECK(activity_returns(act, p), "p returns active");
  /* F calling itself is its own callee. */
  EXPECT_ACTIVE("double f(double x, int n) { if (n == 0) return x; return f(x * 2, n - 1); }",
                "f", "x", NULL, "x");
  CHECK(str_eq(callee_names(), "f"), "callees '%s', expected 'f'", callee_names());
  /* Mutual recursion, and a callee's callee. */
  EXPECT_ACTIVE("double g(double, int);\n"
                "double h(double x, int n) { return n ? g(x * x, n - 1) : x; }\n"
                "double g(double x, int n) { return h(x + 1, n); }\n"
                "static double unused_helper(double x) { return x; }\n"
                "double f(double x) { return g(x, 4) + unused_helper(2.0); }",
                "f", "x", NULL, "x");
  CHECK(str_eq(callee_names(), "g h"), "callees '%s', expected 'g h'", callee_names());
  /* Writing through a pointer argument into the caller's local. */
  EXPECT_ACTIVE("static void sqr_into(double *out, double v) { *out = v * v; }\n"
                "double f(double x) { double t; sqr_into(&t, x); return t; }",
                "f", "x", NULL, "x t");
  Obj *s = find_func("sqr_into");
  CHECK(activity_param(act, s, 0) && activity_param(act, s, 1) && !activity_returns(act, s),
        "sqr_into: out and v active, no active result");
  CHECK(str_eq(callee_names(), "sqr_into"), "callees '%s'", callee_names());
  /* A callee that returns a pointer into its argument. */
  EXPECT_ACTIVE("static const double *second(const double *v) { return v + 1; }\n"
                "double f(const double *x) { const double *q = second(x); return *q * 3; }",
                "f", "x", NULL, "x q");
  /* Library functions: result varied when an argument is. */
  EXPECT_ACTIVE("double sin(double); int printf(const char *, ...);\n"
                "double f(double x) { double s = sin(x); double c = sin(2.0);"
                " printf(\"%g\\n\", s); return s + c; }",
                "f", "x", NULL, "x s");
  CHECK(str_eq(callee_names(), ""), "library functions are not callees");
  /* A library function writing through its pointer argument. */
  EXPECT_ACTIVE("void *memcpy(void *, const void *, unsigned long);\n"
                "double f(const double *x) { double b[2]; memcpy(b, x, sizeof b); return b[0]; }",
                "f", "x", NULL, "x b");
  /* A callee with no active work (only prints) is not on the active path. */
  EXPECT_ACTIVE("int printf(const char *, ...);\n"
                "static void show(double v) { printf(\"%g\\n\", v); }\n"
                "double f(double x) { show(x); return x * x; }",
                "f", "x", NULL, "x");
  CHECK(str_eq(callee_names(), ""), "callees '%s', expected none", callee_names());
}

static void test_globals(void) {
  const char *src = "double g_scale = 2.0; double g_acc;\n"
                    "double f(double x) { g_acc = x * g_scale; return g_acc; }";
  analyze(src, "f", "x", NULL);
  CHECK(activity_obj(act, find_global("g_acc")), "g_acc is active");
  CHECK(!activity_obj(act, find_global("g_scale")), "g_scale is not varied");
  /* A global differentiated. */
  analyze("double theta; double f(double x) { return theta * x; }", "f", "theta", NULL);
  CHECK(activity_obj(act, find_global("theta")), "theta is active");
  CHECK(!activity_obj(act, find_var(find_func("f"), "x")), "x is not varied");
  /* A global written by a callee and read by F: the callee is active. */
  EXPECT_ACTIVE("double acc;\n"
                "static void add(double v) { acc += v; }\n"
                "static void run(double v) { add(v); add(v * v); }\n"
                "double f(double x) { acc = 0; run(x); return acc; }",
                "f", "x", NULL, "x");
  CHECK(str_eq(callee_names(), "run add"), "callees '%s', expected 'run add'", callee_names());
  /* A global pointer to a global array. */
  analyze("double store[4]; double *cursor = store;\n"
          "double f(double x) { *cursor = x * 2; return store[0]; }",
          "f", "x", NULL);
  CHECK(activity_obj(act, find_global("store")), "store is active through cursor");
  CHECK(activity_obj(act, find_global("cursor")), "cursor points to active storage");
}

/* ---------------------------------------------------------------------- */
/* fence.c: what is accepted (fence_function returns) and what is         */
/* rejected (exit status 1).  The rejections' messages are golden files   */
/* in tests/diag/grad_*.                                                  */
/* ---------------------------------------------------------------------- */

/* Runs activity + fence on fname (all floating parameters differentiated)
 * in a child process; returns its exit status. */
static int fence_status(const char *src, const char *fname, const char *wrt) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stderr))
      _exit(99);
    Obj *fn = analyze(src, fname, wrt, NULL);
    fence_function(unit, fn, act);
    _exit(0);
  }
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

#define ACCEPTS(src, f, wrt) CHECK(fence_status(src, f, wrt) == 0, "fence should accept: %s", src)
#define REJECTS(src, f, wrt) CHECK(fence_status(src, f, wrt) == 1, "fence should reject: %s", src)

static void test_fence(void) {
  /* Only active arguments and results matter for calls without a body. */
  ACCEPTS("int printf(const char *, ...);\n"
          "double f(double x) { double y = x * x; printf(\"%g\\n\", y); return y; }",
          "f", "x");
  ACCEPTS("double ext(double);\n"
          "double f(double x) { double c = ext(2.0); double u = ext(x); (void)u; return c * x; }",
          "f", "x");
  REJECTS("double ext(double);\n"
          "double f(double x) { double u = ext(x); return u; }",
          "f", "x");
  /* Functions with a derivative rule, also as __builtin_ spellings. */
  ACCEPTS("double sin(double); float expf(float);\n"
          "double f(double x) { return sin(x) * __builtin_fabs(x) + expf((float)x); }",
          "f", "x");
  /* An active value stored into an integer: accepted, inactive. */
  ACCEPTS("double f(double x) { int k = x; long m = (long)(x * 3); return x * k + m; }", "f", "x");
  /* goto, asm, a function pointer in a function that is not on the active
   * path: not differentiated, so not checked. */
  ACCEPTS("static int count(int n) { int c = 0; again: if (c < n) { c++; goto again; }"
          " __asm__(\"\"); return c; }\n"
          "static void each(void (*cb)(int), int n) { cb(n); }\n"
          "static void nothing(int n) { (void)n; }\n"
          "double f(double x) { each(nothing, count(3)); return x * x; }",
          "f", "x");
  REJECTS("double f(double x) { double y = x; if (y < 0) goto neg; return y; neg: return -y; }",
          "f", "x");
  REJECTS("double f(double x) { __asm__(\"\"); return x; }", "f", "x");
  /* A callback receiving an active value. */
  REJECTS("double f(double x, void (*cb)(double)) { cb(x); return x; }", "f", "x");
  /* free() of an active buffer writes nothing a derivative reads. */
  ACCEPTS("void *malloc(unsigned long); void free(void *);\n"
          "double f(double x) { double *b = malloc(2 * sizeof *b); b[0] = x * x;"
          " double r = b[0]; free(b); return r; }",
          "f", "x");
  /* Writing an active buffer through an unknown function. */
  REJECTS("void fill(double *v);\n"
          "double f(double x) { double b[2]; b[0] = x; fill(b); return b[0] + b[1]; }",
          "f", "x");
  /* ... but reading it through a const pointer is fine. */
  ACCEPTS("int show(const double *v);\n"
          "double f(double x) { double b[2]; b[0] = x; b[1] = 1; show(b); return b[0] * b[1]; }",
          "f", "x");
  /* Unions and complex values that are not active. */
  ACCEPTS("union U { double d; long n; };\n"
          "double f(double x) { union U u; u.d = 2.0; return x * u.d; }",
          "f", "x");
  REJECTS("union U { double d; long n; };\n"
          "double f(double x) { union U u; u.d = x; return u.d; }",
          "f", "x");
  /* long double arithmetic is accepted. */
  ACCEPTS("double f(double x) { long double y = (long double)x * x; return (double)y; }", "f",
          "x");
  /* Variadic user functions: fine while the variable arguments are inactive
   * (not varied, or never read). */
  ACCEPTS("static double first(double a, ...) { return a; }\n"
          "double f(double x) { return first(x, 1, 2); }",
          "f", "x");
  ACCEPTS("static double first(double a, ...) { return a; }\n"
          "double f(double x) { return first(1.0, x) * x; }",
          "f", "x");
  REJECTS("static double second(int n, ...) { __builtin_va_list ap; __builtin_va_start(ap, n);"
          " double v = __builtin_va_arg(ap, double); __builtin_va_end(ap); return v; }\n"
          "double f(double x) { return second(1, x); }",
          "f", "x");
}

int main(void) {
  test_straight_line();
  test_loops();
  test_arrays_and_pointers();
  test_calls();
  test_globals();
  test_fence();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
