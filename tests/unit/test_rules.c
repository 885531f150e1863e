/*
 * test_rules.c: unit tests for the derivative rule table (rules.def,
 * rules.c) and the simplifier (simplify.c).
 *
 * - Every row is found by name in its double, float and long double forms,
 *   every template parses at every type, and rule_partial() gives a typed
 *   expression of the rule's type that calls only functions of that type
 *   (cosf, not cos) with constants of that type (0.5f).
 * - The partials are rebuilt against the real arguments: an int argument
 *   is converted, a double passed to sinf is converted to float.
 * - Simplifier cases: small functions are parsed, their return expression
 *   (or body) simplified and printed, and the text compared.
 *
 * Build (as tests/unit.sh does):
 *   cc -std=c11 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
 *      -Isrc -o test_rules tests/unit/test_rules.c build/san/libcotan.a -lm
 * The last line printed is "N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "cotan.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

/* The rows of the table, read from rules.def itself. */
typedef struct Row {
  const char *name;
  int arity;
  bool int_arg2; /* SCALE: x2 is an integer */
  bool zero;     /* every partial zero */
} Row;

static const Row rows[] = {
#define RULE1(f, d) {#f, 1, false, false},
#define RULE2(f, d1, d2) {#f, 2, false, false},
#define RULE3(f, d1, d2, d3) {#f, 3, false, false},
#define SCALE(f, ity, d1) {#f, 2, true, false},
#define ZERO1(f) {#f, 1, false, true},
#define ZERO1INT(f, rty) {#f, 1, false, true},
#include "rules.def"
};
enum { NROWS = sizeof rows / sizeof rows[0] };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

static Unit *parse_text(const char *src) { return parse_unit(lex(src, "test.c"), "test.c"); }

static Obj *find_global(Unit *unit, const char *name) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *o = vec_get(Obj, &unit->globals, i);
    if (str_eq(o->name, name))
      return o;
  }
  return NULL;
}

static char *expr_text(Node *e) {
  if (!e)
    return "(null)";
  Buf b = {0};
  print_expr(&b, e);
  return xstrdup(buf_str(&b));
}

/* The return expression of `T t_(<params>) { return <expr>; }`. */
static Node *return_expr(const char *decls, const char *params, const char *type,
                         const char *expr) {
  char *src = format("%s\n%s t_(%s) { return %s; }\n", decls, type, params, expr);
  Unit *u = parse_text(src);
  Obj *fn = find_global(u, "t_");
  Node *ret = vec_last(&fn->body->stmts);
  return ret->lhs;
}

static const char *math_decls =
    "double pow(double, double); float powf(float, float); double sin(double);\n"
    "double cos(double); float sinf(float); double exp(double);\n"
    "long double powl(long double, long double);\n";

/* simplify_expr on `expr` in a function of x, y (double), z (float), n
 * (int), printed. */
static char *simplified(const char *expr) {
  Node *e = return_expr(math_decls, "double x, double y, float z, int n, double *p", "double",
                        expr);
  return expr_text(simplify_expr(e));
}

#define SIMP(in, out)                                                        \
  do {                                                                       \
    char *got_ = simplified(in);                                             \
    CHECK(str_eq(got_, out), "simplify %s: got %s, want %s", in, got_, out); \
  } while (0)

/* simplify_block on the body of `void t_(...) { body }`, printed. */
static char *simplified_body(const char *body) {
  char *src = format("%s\nvoid g(void);\nvolatile double v;\n"
                     "void t_(double x, double y, double *d, int n) %s\n",
                     math_decls, body);
  Unit *u = parse_text(src);
  Obj *fn = find_global(u, "t_");
  simplify_block(fn->body);
  Buf b = {0};
  print_stmt(&b, fn->body, 0);
  /* one line: each line break and the indentation after it become one space */
  Buf o = {0};
  for (const char *s = buf_str(&b); *s; s++) {
    if (*s == '\n') {
      while (s[1] == ' ')
        s++;
      if (s[1])
        buf_putc(&o, ' ');
      continue;
    }
    buf_putc(&o, *s);
  }
  return xstrdup(buf_str(&o));
}

#define SIMPB(in, out)                                                       \
  do {                                                                       \
    char *got_ = simplified_body(in);                                        \
    CHECK(str_eq(got_, out), "simplify_block %s:\n  got  %s\n  want %s", in, got_, out); \
  } while (0)

/* ---------------------------------------------------------------------- */
/* The table                                                              */
/* ---------------------------------------------------------------------- */

static void test_find(void) {
  CHECK(rule_find("sin") && rule_arity(rule_find("sin")) == 1, "sin");
  CHECK(rule_find("sinf") && rule_find("sinf") != rule_find("sin"), "sinf");
  CHECK(rule_find("sinl") && rule_find("sinl") != rule_find("sinf"), "sinl");
  CHECK(rule_find("erf") && rule_find("erff") && rule_find("erf") != rule_find("erff"), "erf");
  CHECK(rule_find("__builtin_fabs") == rule_find("fabs"), "__builtin_fabs");
  CHECK(rule_find("atan2") && rule_arity(rule_find("atan2")) == 2, "atan2 arity");
  CHECK(rule_find("fma") && rule_arity(rule_find("fma")) == 3, "fma arity");
  CHECK(!rule_find("modf") && !rule_find("frexp") && !rule_find("printf") && !rule_find("") &&
            !rule_find("f") && !rule_find("sinff") && !rule_find("sinq"),
        "unknown names");
  CHECK(rule_uses_result(rule_find("exp"), 0) && !rule_uses_result(rule_find("sin"), 0),
        "uses result");
  CHECK(rule_uses_result(rule_find("pow"), 1) && !rule_uses_result(rule_find("pow"), 0),
        "pow uses result only for the exponent");
  CHECK(rule_is_constant(rule_find("floor")) && rule_is_constant(rule_find("lroundf")) &&
            !rule_is_constant(rule_find("fabs")),
        "constant rules");
  CHECK(!rule_is_constant(rule_find("copysign")) && !rule_uses_result(rule_find("copysign"), 1),
        "copysign");
  CHECK(rule_helper_code("cotan_digamma") && rule_helper_code("cotan_digammaf") &&
            rule_helper_code("cotan_digammal") && !rule_helper_code("cotan_digammax") &&
            !rule_helper_code("sin"),
        "helper code");
  const char *h = rule_helper_code("cotan_digammaf");
  CHECK(h && strstr(h, "static float cotan_digammaf(float x)") && strstr(h, "logf(x)") &&
            !strstr(h, " log(") && !strstr(h, " tan(3"),
        "float helper is float: %s", h);
  h = rule_helper_code("cotan_digamma");
  CHECK(h && strstr(h, "static double cotan_digamma(double x)"), "double helper");
}

/* Every function called in the text has the suffix, every floating
 * constant the constant suffix. */
static bool all_of_type(const char *s, const char *fsuffix, const char *csuffix,
                        const char **why) {
  for (const char *p = s; *p;) {
    if ((*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
      const char *start = p;
      while (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
             (*p >= '0' && *p <= '9'))
        p++;
      if (*p == '(' && *fsuffix && p[-1] != *fsuffix) {
        *why = start;
        return false;
      }
      if (*p == '(' && !*fsuffix && (p[-1] == 'f' || p[-1] == 'l') && !starts_with(start, "erf")) {
        *why = start;
        return false;
      }
    } else if (*p >= '0' && *p <= '9') {
      const char *start = p;
      bool fl = false;
      while ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'f' || *p == 'L' ||
             ((*p == '-' || *p == '+') && p[-1] == 'e')) {
        fl |= *p == '.' || *p == 'e';
        p++;
      }
      if (fl && (*csuffix ? p[-1] != *csuffix : (p[-1] == 'f' || p[-1] == 'L'))) {
        *why = start;
        return false;
      }
    } else {
      p++;
    }
  }
  return true;
}

/* Does s use the identifier `name`? */
static bool has_ident(const char *s, const char *name) {
  size_t n = strlen(name);
  for (const char *p = strstr(s, name); p; p = strstr(p + 1, name)) {
    bool before = p > s && (p[-1] == '_' || isalnum((unsigned char)p[-1]));
    bool after = p[n] == '_' || isalnum((unsigned char)p[n]);
    if (!before && !after)
      return true;
  }
  return false;
}

static void test_partials(void) {
  static const char *const sfx[] = {"", "f", "l"};
  static const char *const csfx[] = {"", "f", "L"};
  static const char *const tname[] = {"double", "float", "long double"};
  Unit *u = parse_text("double a1, a2, a3, ra; float b1, b2, b3, rb;\n"
                       "long double c1, c2, c3, rc; int n; long ln;\n");
  Obj *vars[3][4] = {
      {find_global(u, "a1"), find_global(u, "a2"), find_global(u, "a3"), find_global(u, "ra")},
      {find_global(u, "b1"), find_global(u, "b2"), find_global(u, "b3"), find_global(u, "rb")},
      {find_global(u, "c1"), find_global(u, "c2"), find_global(u, "c3"), find_global(u, "rc")},
  };
  Type *types[3] = {ty_double, ty_float, ty_ldouble};
  int nonzero = 0;
  for (int t = 0; t < 3; t++) {
    for (int r = 0; r < NROWS; r++) {
      const char *name = format("%s%s", rows[r].name, sfx[t]);
      const Rule *rule = rule_find(name);
      CHECK(rule, "rule_find(%s)", name);
      if (!rule)
        continue;
      CHECK(rule_arity(rule) == rows[r].arity, "%s: arity %d", name, rule_arity(rule));
      CHECK(rule_is_constant(rule) == rows[r].zero, "%s: constant", name);
      Node *args[3];
      for (int j = 0; j < rows[r].arity; j++)
        args[j] = new_var_node(j == 1 && rows[r].int_arg2 ? find_global(u, "n") : vars[t][j],
                               vars[t][j]->tok);
      Node *res = new_var_node(vars[t][3], vars[t][3]->tok);
      for (int j = 0; j < rows[r].arity; j++) {
        Node *d = rule_partial(rule, j, args, rule_uses_result(rule, j) ? res : NULL, NULL);
        if (rows[r].zero || (j == 1 && rows[r].int_arg2)) {
          CHECK(!d, "%s: partial %d should be zero: %s", name, j + 1, expr_text(d));
          continue;
        }
        if (!d) /* copysign's sign argument */
          continue;
        nonzero++;
        char *text = expr_text(d);
        CHECK(type_canon(d->ty) == type_canon(types[t]), "%s: partial %d has type %s: %s", name,
              j + 1, type_to_str(d->ty, ""), text);
        const char *why = "";
        CHECK(all_of_type(text, sfx[t], csfx[t], &why), "%s: partial %d not all %s: %s (at %s)",
              name, j + 1, tname[t], text, why);
        CHECK(!strstr(text, "cotan_rule") && !has_ident(text, "x") && !has_ident(text, "x1") &&
                  !has_ident(text, "x2") && !has_ident(text, "x3") && !has_ident(text, "r"),
              "%s: template names left: %s", name, text);
      }
    }
  }
  CHECK(nonzero >= 3 * 40, "nonzero partials: %d", nonzero);

  /* Spot checks of the text. */
  Node *a[3] = {new_var_node(vars[0][0], NULL), new_var_node(vars[0][1], NULL), NULL};
  Node *fa[3] = {new_var_node(vars[1][0], NULL), new_var_node(vars[1][1], NULL), NULL};
  Node *ra = new_var_node(vars[0][3], NULL), *rb = new_var_node(vars[1][3], NULL);
  char *s;
  s = expr_text(rule_partial(rule_find("sin"), 0, a, NULL, NULL));
  CHECK(str_eq(s, "cos(a1)"), "sin: %s", s);
  s = expr_text(rule_partial(rule_find("cosf"), 0, fa, NULL, NULL));
  CHECK(str_eq(s, "-sinf(b1)"), "cosf: %s", s);
  s = expr_text(rule_partial(rule_find("sqrtf"), 0, fa, rb, NULL));
  CHECK(str_eq(s, "0.5f / rb"), "sqrtf: %s", s);
  s = expr_text(rule_partial(rule_find("exp"), 0, a, ra, NULL));
  CHECK(str_eq(s, "ra"), "exp: %s", s);
  s = expr_text(rule_partial(rule_find("atan2"), 1, a, NULL, NULL));
  CHECK(str_eq(s, "-(a1 / (a1 * a1 + a2 * a2))"), "atan2/x2: %s", s);
  s = expr_text(rule_partial(rule_find("pow"), 1, a, ra, NULL));
  CHECK(str_eq(s, "a1 == 0 ? 0.0 : ra * log(a1)"), "pow/x2: %s", s);

  /* Arguments are converted as the call converts them. */
  Node *two = new_num_int(2, ty_int, NULL);
  Node *pa[2] = {a[0], two};
  s = expr_text(rule_partial(rule_find("pow"), 0, pa, ra, NULL));
  CHECK(str_eq(s, "2.0 * a1"), "pow(x, 2): %s", s);
  Node *three = new_num_int(3, ty_int, NULL);
  Node *pb[2] = {a[0], three};
  s = expr_text(rule_partial(rule_find("pow"), 0, pb, ra, NULL));
  CHECK(str_eq(s, "3.0 * pow(a1, 2.0)"), "pow(x, 3): %s", s);
  Node *na = new_var_node(find_global(u, "n"), NULL);
  Node *pn[2] = {a[0], na};
  Node *d = rule_partial(rule_find("pow"), 0, pn, ra, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "(double)n == 0 ? 0.0 : (double)n * pow(a1, (double)n - 1)"), "pow(x, n): %s",
        s);
  Node *dx[1] = {a[0]};
  d = rule_partial(rule_find("cosf"), 0, dx, NULL, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "-sinf((float)a1)") && type_canon(d->ty) == ty_float, "cosf(double): %s", s);
  d = rule_partial(rule_find("ldexp"), 0, (Node *[]){a[0], na}, NULL, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "ldexp(1.0, n)"), "ldexp: %s", s);
  d = rule_partial(rule_find("fmaxf"), 1, fa, rb, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "b1 >= b2 || b2 != b2 ? 0.0f : 1.0f"), "fmaxf: %s", s);
  d = rule_partial(rule_find("fmax"), 0, (Node *[]){a[0], new_num_float(1.5, ty_double, NULL)},
                   NULL, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "a1 >= 1.5 ? 1.0 : 0.0"), "fmax(x, 1.5): %s", s);
  d = rule_partial(rule_find("tgammal"), 0, (Node *[]){new_var_node(vars[2][0], NULL)},
                   new_var_node(vars[2][3], NULL), NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "rc * cotan_digammal(c1)"), "tgammal: %s", s);
  d = rule_partial(rule_find("exp2l"), 0, (Node *[]){new_var_node(vars[2][0], NULL)},
                   new_var_node(vars[2][3], NULL), NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "rc * 0.693147180559945309417L"), "exp2l: %s", s);
  /* The argument expressions are cloned, not shared. */
  Node *sum = new_binary(ND_ADD, a[0], a[1], NULL);
  d = rule_partial(rule_find("atan"), 0, (Node *[]){sum}, NULL, NULL);
  s = expr_text(d);
  CHECK(str_eq(s, "1 / (1 + (a1 + a2) * (a1 + a2))"), "atan(a1 + a2): %s", s);
  CHECK(d->rhs->rhs->lhs != sum && d->rhs->rhs->rhs != sum, "arguments cloned");

  /* The user's unit is untouched by the rules' own parse (lex() and
   * parse_unit() ran again for the templates after it was parsed). */
  CHECK(find_global(u, "a1")->id < (1 << 30), "ids");
  Buf pu = {0};
  print_unit(&pu, u, &(PrintOptions){NULL, true});
  CHECK(strstr(buf_str(&pu), "double a1, a2, a3, ra;\n") && !strstr(buf_str(&pu), "cotan"),
        "user unit prints after the rules' parse: %s", buf_str(&pu));
}

/* ---------------------------------------------------------------------- */
/* The simplifier                                                         */
/* ---------------------------------------------------------------------- */

static void test_simplify_expr(void) {
  SIMP("x * 1.0", "x");
  SIMP("1.0 * x", "x");
  SIMP("x * 1", "x");
  SIMP("x / 1.0", "x");
  SIMP("x + 0.0", "x");
  SIMP("0.0 + x", "x");
  SIMP("x - 0.0", "x");
  SIMP("0.0 - x", "-x");
  SIMP("x * 0.0", "0.0");
  SIMP("0.0 * sin(x)", "0.0");
  SIMP("0.0 * x + y", "y");
  SIMP("0.0 / x", "0.0");
  SIMP("-(-x)", "x");
  SIMP("- -x", "x");
  SIMP("-x * y", "-(x * y)");
  SIMP("x * -y", "-(x * y)");
  SIMP("-x * -y", "x * y");
  SIMP("-x / y", "-(x / y)");
  SIMP("x + -y", "x - y");
  SIMP("x - -y", "x + y");
  SIMP("-x + y", "y - x");
  SIMP("-x - y", "-(x + y)");
  SIMP("x * -1.0", "-x");
  SIMP("-1.0 * x", "-x");
  SIMP("x / -1.0", "-x");
  SIMP("(double)x", "x");
  SIMP("(double)2", "2.0");
  SIMP("(double)n", "(double)n");
  SIMP("(float)0.5", "0.5f");
  SIMP("(float)0.1", "0.1f");
  SIMP("2.0 * 3.0", "6.0");
  SIMP("2.0 - 1", "1.0");
  SIMP("1.0 / 3.0", "0.3333333333333333");
  SIMP("0.1 + 0.2", "0.30000000000000004");
  SIMP("1.0 / 0.0", "1.0 / 0.0");
  SIMP("2.0f * 0.1f", "0.2f");
  SIMP("z * 1.0f", "z");
  SIMP("z * 1.0", "(double)z");
  SIMP("z + 0", "z");
  SIMP("n + 0.0", "(double)n");
  SIMP("0 - n", "-n");
  SIMP("n * 1", "n");
  SIMP("2.0 > 1.0 ? x : y", "x");
  SIMP("0 ? x : z", "(double)z");
  SIMP("x > 0 ? y : y", "y");
  SIMP("x > y || 0", "x > y");
  SIMP("x > y && 1", "x > y");
  SIMP("x > y || 2.0 != 2.0 ? 1.0 : 0.0", "x > y ? 1.0 : 0.0");
  SIMP("pow(x, 1.0)", "x");
  SIMP("powf(z, 1.0f)", "z");
  SIMP("pow(x, 2.0 - 1)", "x");
  SIMP("x * (y * 0.0)", "0.0");
  SIMP("x * 1.0 + 0.0 * y - 0.0", "x");
  SIMP("-(0.5 * x)", "-(0.5 * x)");
  SIMP("-(0.5)", "(-0.5)");
  SIMP("x * -(0.5)", "-(x * 0.5)");
  SIMP("-(-0.5) * x", "0.5 * x");
  SIMP("x * 0.0 + p[n * 1 + 0]", "p[n]");
  SIMP("p[0] * (x + 0.0)", "p[0] * x");
  SIMP("+x", "x");
  SIMP("!0 ? x : y", "x");
  /* Not simplified: side effects, pointers, what is not exact. */
  SIMP("0.0 * (x = 1.0)", "0.0 * (x = 1.0)");
  SIMP("*(p + 0)", "*(p + 0)");
  SIMP("x + x", "x + x");
  SIMP("x - x", "x - x");
  SIMP("x / x", "x / x");
  SIMP("2.0 * (3.0 * x)", "2.0 * (3.0 * x)");
  SIMP("(float)x", "(float)x");
  SIMP("powl(1.0L, 2.0L) * 0.1L", "powl(1.0L, 2.0L) * 0.1L");
  SIMP("0.1L + 0.2L", "0.1L + 0.2L");   /* not a double: left to the compiler */
  SIMP("0.5L + 0.25L", "0.75L");

  /* The d += -e helper and the assignment rewrite. */
  Unit *u = parse_text("double dx, s, b;");
  Node *dx = new_var_node(find_global(u, "dx"), NULL);
  Node *sv = new_var_node(find_global(u, "s"), NULL);
  Node *bv = new_var_node(find_global(u, "b"), NULL);
  Node *neg = new_unary(ND_NEG, new_binary(ND_MUL, sv, bv, NULL), NULL);
  char *s = expr_text(simplify_accumulate(dx, neg, NULL));
  CHECK(str_eq(s, "dx -= s * b"), "accumulate -: %s", s);
  s = expr_text(simplify_accumulate(dx, new_binary(ND_MUL, new_unary(ND_NEG, sv, NULL), bv, NULL),
                                    NULL));
  CHECK(str_eq(s, "dx -= s * b"), "accumulate (-s) * b: %s", s);
  s = expr_text(simplify_accumulate(dx, new_binary(ND_MUL, sv, bv, NULL), NULL));
  CHECK(str_eq(s, "dx += s * b"), "accumulate +: %s", s);
  CHECK(!simplify_accumulate(dx, new_binary(ND_MUL, sv, new_num_float(0, ty_double, NULL), NULL),
                             NULL),
        "accumulate 0");
  s = expr_text(simplify_expr(new_assign(ND_ADD, dx, new_unary(ND_NEG, sv, NULL), NULL)));
  CHECK(str_eq(s, "dx -= s"), "+= -: %s", s);
  s = expr_text(simplify_expr(new_assign(ND_SUB, dx, new_unary(ND_NEG, sv, NULL), NULL)));
  CHECK(str_eq(s, "dx += s"), "-= -: %s", s);
}

static void test_simplify_block(void) {
  SIMPB("{ *d += 0.0; }", "{}");
  SIMPB("{ *d += x * 0.0; *d -= 0.0; *d *= 1.0; x = x; 0; x; }", "{}");
  SIMPB("{ *d += -(x * y); }", "{ *d -= x * y; }");
  SIMPB("{ v; }", "{ v; }");
  SIMPB("{ (void)x; }", "{ (void)x; }");
  SIMPB("{ if (x > 0) { *d += 0.0; } }", "{}");
  SIMPB("{ if (x > 0) { *d += 0.0; } else { *d += y; } }", "{ if (!(x > 0)) { *d += y; } }");
  SIMPB("{ if (x > 0) { *d += y; } else { *d += 0.0; } }", "{ if (x > 0) { *d += y; } }");
  SIMPB("{ if (x > 0) { } else if (y > 0) { *d += y; } }",
        "{ if (!(x > 0)) { if (y > 0) { *d += y; } } }");
  SIMPB("{ if (1) { *d += y; } else { *d += x; } }", "{ { *d += y; } }");
  SIMPB("{ if (0) { *d += y; } }", "{}");
  SIMPB("{ if (n++) { } }", "{ n++; }");
  SIMPB("{ for (int i = 0; i < n; i++) { *d += 0.0; } }", "{}");
  SIMPB("{ for (int i = n - 1; i >= 0; i--) { { } } }", "{}");
  SIMPB("{ for (int i = 0; i < n; i++) { *d += y; } }",
        "{ for (int i = 0; i < n; i++) { *d += y; } }");
  SIMPB("{ int i; for (i = 0; i < n; i++) { } }", "{ int i; for (i = 0; i < n; i++) {} }");
  SIMPB("{ for (int i = 0; i < n; i++, n--) { } }", "{ for (int i = 0; i < n; i++, n--) {} }");
  SIMPB("{ for (int i = 0; i < n; g(), i++) { } }", "{ for (int i = 0; i < n; g(), i++) {} }");
  SIMPB("{ for (;;) { } }", "{ for (;;) {} }");
  SIMPB("{ while (n > 0) { x = x; } }", "{}");
  SIMPB("{ while (n-- > 0) { } }", "{ while (n-- > 0) {} }");
  SIMPB("{ do { *d += 0.0; } while (n > 0); }", "{}");
  SIMPB("{ while (1) { } }", "{ while (1) {} }");
  SIMPB("{ { { } } ; *d += y * 1.0; }", "{ *d += y; }");
  SIMPB("{ switch (n) { case 1: *d += 0.0; break; default: *d += y; } }",
        "{ switch (n) { case 1: ; break; default: *d += y; } }");
  SIMPB("{ double t = x * 1.0 + 0.0; *d += t; }", "{ double t = x; *d += t; }");
  SIMPB("{ return; }", "{ return; }");
}

int main(void) {
  test_find();
  test_partials();
  test_simplify_expr();
  test_simplify_block();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
