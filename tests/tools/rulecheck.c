/*
 * rulecheck.c: writes to stdout a C program that checks every derivative
 * rule of src/rules.def numerically, for tests/rules.sh.
 *
 * For each row and each floating type (sin, sinf, sinl) it prints
 *     static double f_sin(double a, double b, double c, int n)       the function
 *     static void d_sin(double a, double b, double c, int n, double r, double *d)
 * where d_ fills d[j] with the partial rule_partial() builds from the row,
 * printed with print_expr() with the arguments bound to a, b, c (n for an
 * integer argument) and the result to r.  The program's main() compares
 * every partial, at three points per function inside its domain and away
 * from kinks, with a central difference:
 *     double       difference of the double function, relative tolerance 1e-6
 *     float        difference of the double function at the float point, 1e-4
 *     long double  difference of the long double function, 1e-8
 * plus a few exact values at the edges (pow at x = 0, fmin with a NaN).
 * It prints a line per failure and ends with "N passed, M failed".
 *
 * Build: cc -Isrc -o rulecheck tests/tools/rulecheck.c build/san/libcotan.a -lm
 */
#define _POSIX_C_SOURCE 200809L
#include "cotan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

typedef struct Row {
  const char *name;
  int arity;
  bool int_arg2;          /* SCALE: x2 is an integer */
  const char *int_result; /* ZERO1INT: the result type */
} Row;

static const Row rows[] = {
#define RULE1(f, d) {#f, 1, false, NULL},
#define RULE2(f, d1, d2) {#f, 2, false, NULL},
#define RULE3(f, d1, d2, d3) {#f, 3, false, NULL},
#define SCALE(f, ity, d1) {#f, 2, true, NULL},
#define ZERO1(f) {#f, 1, false, NULL},
#define ZERO1INT(f, rty) {#f, 1, false, #rty},
#include "rules.def"
};
enum { NROWS = sizeof rows / sizeof rows[0] };

/* Three points per function: inside the domain, away from kinks and from
 * where x1 / x2 is near an integer (fmod, remainder).  For SCALE rows the
 * second coordinate is the integer n. */
typedef struct Domain {
  const char *name;
  double p[3][3];
} Domain;

static const Domain domains[] = {
    {"sin", {{0.3}, {-1.2}, {2.5}}},
    {"cos", {{0.3}, {-1.2}, {2.5}}},
    {"tan", {{0.3}, {-1.2}, {2.5}}},
    {"asin", {{0.3}, {-0.7}, {0.9}}},
    {"acos", {{0.3}, {-0.7}, {0.9}}},
    {"atan", {{0.3}, {-2.0}, {10.0}}},
    {"atan2", {{0.5, 1.2}, {-1.5, 0.3}, {2.0, -3.0}}},
    {"sinh", {{0.3}, {-1.5}, {3.0}}},
    {"cosh", {{0.3}, {-1.5}, {3.0}}},
    {"tanh", {{0.3}, {-1.5}, {2.0}}},
    {"asinh", {{0.3}, {-2.0}, {50.0}}},
    {"acosh", {{1.5}, {3.0}, {20.0}}},
    {"atanh", {{0.3}, {-0.6}, {0.9}}},
    {"exp", {{0.3}, {-2.0}, {5.0}}},
    {"exp2", {{0.3}, {-2.0}, {5.0}}},
    {"expm1", {{0.001}, {-2.0}, {3.0}}},
    {"log", {{0.3}, {2.0}, {50.0}}},
    {"log2", {{0.3}, {2.0}, {50.0}}},
    {"log10", {{0.3}, {2.0}, {50.0}}},
    {"log1p", {{-0.5}, {0.001}, {5.0}}},
    {"pow", {{1.5, 2.5}, {0.7, -1.3}, {3.0, 2.0}}},
    {"sqrt", {{0.3}, {2.0}, {50.0}}},
    {"cbrt", {{0.3}, {-2.0}, {50.0}}},
    {"hypot", {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}}},
    {"fabs", {{0.3}, {-2.0}, {5.0}}},
    {"fmin", {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -0.5}}},
    {"fmax", {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -0.5}}},
    {"fdim", {{3.0, 1.0}, {1.0, 2.0}, {-1.0, -4.0}}},
    {"fmod", {{5.3, 2.0}, {-7.5, 2.2}, {1.3, -0.7}}},
    {"remainder", {{5.3, 2.0}, {-7.5, 2.2}, {1.3, -0.7}}},
    {"copysign", {{1.5, -2.0}, {-0.5, 3.0}, {2.0, 1.0}}},
    {"fma", {{1.5, -2.0, 0.3}, {0.2, 3.0, -1.0}, {-4.0, 0.5, 2.0}}},
    {"ldexp", {{1.3, 3}, {-0.7, -2}, {5.0, 0}}},
    {"scalbn", {{1.3, 3}, {-0.7, -2}, {5.0, 0}}},
    {"scalbln", {{1.3, 3}, {-0.7, -2}, {5.0, 0}}},
    {"erf", {{0.3}, {-1.0}, {2.0}}},
    {"erfc", {{0.3}, {-1.0}, {2.0}}},
    {"tgamma", {{-1.5}, {0.7}, {8.5}}},
    {"lgamma", {{-2.5}, {1.7}, {12.3}}},
    {"floor", {{0.3}, {-1.7}, {2.4}}},
    {"ceil", {{0.3}, {-1.7}, {2.4}}},
    {"round", {{0.3}, {-1.7}, {2.4}}},
    {"trunc", {{0.3}, {-1.7}, {2.4}}},
    {"rint", {{0.3}, {-1.7}, {2.4}}},
    {"nearbyint", {{0.3}, {-1.7}, {2.4}}},
    {"logb", {{0.3}, {3.0}, {100.0}}},
    {"lround", {{0.3}, {-1.7}, {2.4}}},
    {"llround", {{0.3}, {-1.7}, {2.4}}},
    {"lrint", {{0.3}, {-1.7}, {2.4}}},
    {"llrint", {{0.3}, {-1.7}, {2.4}}},
    {"ilogb", {{0.3}, {3.0}, {100.0}}},
};

/* Exact values where a difference quotient cannot look: the edges the
 * templates guard. */
typedef struct Exact {
  const char *name;
  const char *args[2]; /* C text */
  int which;           /* argument index */
  const char *want;
  bool near;          /* within a few units of the precision (absolute below 1), not exact */
} Exact;

static const Exact exacts[] = {
    {"pow", {"0.0", "2.0"}, 1, "0.0", false},  /* pow(0, y) = 0 for y > 0 */
    {"pow", {"0.0", "2.0"}, 0, "0.0", false},  /* 2 * 0^1 */
    {"pow", {"0.0", "0.0"}, 0, "0.0", false},  /* pow(x, 0) = 1 */
    {"pow", {"2.0", "0.0"}, 0, "0.0", false},
    {"pow", {"-2.0", "3.0"}, 0, "12.0", false}, /* 3 (-2)^2 */
    {"fmin", {"1.0", "NAN"}, 0, "1.0", false},  /* fmin(1, NaN) = 1 */
    {"fmin", {"1.0", "NAN"}, 1, "0.0", false},
    {"fmax", {"NAN", "1.0"}, 1, "1.0", false},
    {"fmax", {"NAN", "1.0"}, 0, "0.0", false},
    {"fmin", {"1.0", "1.0"}, 0, "1.0", false},  /* a tie: to x1 only */
    {"fmin", {"1.0", "1.0"}, 1, "0.0", false},
    {"sqrt", {"4.0"}, 0, "0.25", false},
    /* digamma (lgamma's derivative): -gamma, -gamma - 2 ln 2, reflection, series */
    {"lgamma", {"1.0"}, 0, "-0.577215664901532860606512090082402431L", true},
    {"lgamma", {"0.5"}, 0, "-1.96351002602142347944097633299875556L", true},
    {"lgamma", {"-0.5"}, 0, "0.0364899739785765205590236670012444L", true},
    {"lgamma", {"10.0"}, 0, "2.25175258906672110764745616388585154L", true},
    {"lgamma", {"20.0"}, 0, "2.97052399224214905087725697882598536L", true},
};

static const char *const tname[3] = {"double", "float", "long double"};
static const char *const fsuffix[3] = {"", "f", "l"};
static const char *const csuffix[3] = {"", "f", "L"};
static const char *const tag[3] = {"d", "f", "l"};

static Obj *find_global(Unit *u, const char *name) {
  for (int i = 0; i < u->globals.len; i++) {
    Obj *o = vec_get(Obj, &u->globals, i);
    if (str_eq(o->name, name))
      return o;
  }
  fprintf(stderr, "rulecheck: no global %s\n", name);
  exit(1);
}

static const Domain *domain_of(const char *name) {
  for (size_t i = 0; i < sizeof domains / sizeof domains[0]; i++)
    if (str_eq(domains[i].name, name))
      return &domains[i];
  return NULL;
}

/* The call of row r at type t on a, b, c / n, as C text. */
static char *call_text(const Row *row, int t) {
  const char *fn = format("%s%s", row->name, fsuffix[t]);
  switch (row->arity) {
  case 1: return format("%s(a)", fn);
  case 2: return format("%s(a, %s)", fn, row->int_arg2 ? "n" : "b");
  default: return format("%s(a, b, c)", fn);
  }
}

int main(void) {
  /* The variables the partials are printed on, one unit per type. */
  Unit *units[3];
  for (int t = 0; t < 3; t++) {
    char *src = format("%s a, b, c, r; int n;\n", tname[t]);
    units[t] = parse_unit(lex(src, "vars.c"), "vars.c");
  }

  printf("/* Generated by tests/tools/rulecheck.c from src/rules.def: every\n"
         " * derivative rule checked against central differences. */\n"
         "#include <float.h>\n#include <math.h>\n#include <stdio.h>\n\n");
  for (int t = 0; t < 3; t++)
    printf("%s\n", rule_helper_code(format("cotan_digamma%s", fsuffix[t])));

  int missing = 0;
  for (int i = 0; i < NROWS; i++) {
    const Row *row = &rows[i];
    if (!domain_of(row->name)) {
      fprintf(stderr, "rulecheck: no test domain for '%s': add one to tests/tools/rulecheck.c\n",
              row->name);
      missing++;
    }
    for (int t = 0; t < 3; t++) {
      const char *T = tname[t];
      const char *name = format("%s%s", row->name, fsuffix[t]);
      const Rule *rule = rule_find(name);
      if (!rule) {
        fprintf(stderr, "rulecheck: rule_find(%s) failed\n", name);
        return 1;
      }
      Unit *u = units[t];
      Node *args[3] = {new_var_node(find_global(u, "a"), NULL),
                       new_var_node(find_global(u, row->int_arg2 ? "n" : "b"), NULL),
                       new_var_node(find_global(u, "c"), NULL)};
      Node *res = new_var_node(find_global(u, "r"), NULL);
      const char *call = call_text(row, t);
      printf("/* %s */\n", name);
      printf("static %s f_%s(%s a, %s b, %s c, int n)\n{\n", T, name, T, T, T);
      printf("    (void)a; (void)b; (void)c; (void)n;\n");
      printf("    return (%s)%s;\n}\n", T, call);
      printf("static void d_%s(%s a, %s b, %s c, int n, %s r, %s *d)\n{\n", name, T, T, T, T, T);
      printf("    (void)a; (void)b; (void)c; (void)n; (void)r;\n");
      for (int j = 0; j < row->arity; j++) {
        Node *p = rule_partial(rule, j, args, rule_uses_result(rule, j) ? res : NULL, NULL);
        Buf b = {0};
        if (p)
          print_expr(&b, p);
        else
          buf_printf(&b, "0.0%s", csuffix[t]);
        printf("    d[%d] = %s;\n", j, buf_str(&b));
      }
      printf("}\n");
    }
  }
  if (missing)
    return 1;

  /* The case tables, in row order. */
  for (int t = 0; t < 3; t++) {
    const char *T = tname[t];
    printf("\ntypedef struct Case_%s {\n    const char *name;\n    int arity, int_arg2;\n"
           "    %s (*f)(%s, %s, %s, int);\n    void (*d)(%s, %s, %s, int, %s, %s *);\n} Case_%s;\n",
           tag[t], T, T, T, T, T, T, T, T, T, tag[t]);
    printf("static const Case_%s cases_%s[] = {\n", tag[t], tag[t]);
    for (int i = 0; i < NROWS; i++) {
      const char *name = format("%s%s", rows[i].name, fsuffix[t]);
      printf("    {\"%s\", %d, %d, f_%s, d_%s},\n", name, rows[i].arity, rows[i].int_arg2, name,
             name);
    }
    printf("};\n");
  }
  printf("\nstatic const double points[][3][3] = {\n");
  for (int i = 0; i < NROWS; i++) {
    const Domain *dm = domain_of(rows[i].name);
    printf("    {");
    for (int k = 0; k < 3; k++)
      printf("%s{%.17g, %.17g, %.17g}", k ? ", " : "", dm->p[k][0], dm->p[k][1], dm->p[k][2]);
    printf("}, /* %s */\n", rows[i].name);
  }
  printf("};\n");

  printf("\nstatic int passed, failed;\n\n"
         "/* d against the difference quotient fd of f(x +- h) = fp, fm: relative\n"
         " * tolerance tol, plus the rounding noise of the quotient. */\n"
         "static void check(const char *name, int k, int j, long double d, long double fd,\n"
         "                  long double fp, long double fm, long double h, long double eps,\n"
         "                  long double tol)\n{\n"
         "    long double noise = 64 * eps * (fabsl(fp) + fabsl(fm)) / h;\n"
         "    long double err = fabsl(d - fd);\n"
         "    if (err <= tol * fmaxl(fabsl(fd), 1e-6L) + noise) {\n"
         "        passed++;\n"
         "        return;\n"
         "    }\n"
         "    failed++;\n"
         "    printf(\"FAIL %%s at point %%d: d/dx%%d = %%.12Lg, central difference %%.12Lg\\n\",\n"
         "           name, k + 1, j + 1, d, fd);\n"
         "}\n\n");

  printf("int main(void)\n{\n"
         "    int n_rules = (int)(sizeof cases_d / sizeof cases_d[0]);\n"
         "    for (int i = 0; i < n_rules; i++) {\n"
         "        for (int k = 0; k < 3; k++) {\n"
         "            const double *x = points[i][k];\n"
         "            int n = (int)x[1];\n"
         "            const Case_d *cd = &cases_d[i];\n"
         "            const Case_f *cf = &cases_f[i];\n"
         "            const Case_l *cl = &cases_l[i];\n"
         "            double d[3] = {0, 0, 0};\n"
         "            cd->d(x[0], x[1], x[2], n, cd->f(x[0], x[1], x[2], n), d);\n"
         "            float xf[3] = {(float)x[0], (float)x[1], (float)x[2]};\n"
         "            float df[3] = {0, 0, 0};\n"
         "            cf->d(xf[0], xf[1], xf[2], n, cf->f(xf[0], xf[1], xf[2], n), df);\n"
         "            long double dl[3] = {0, 0, 0};\n"
         "            cl->d(x[0], x[1], x[2], n, cl->f(x[0], x[1], x[2], n), dl);\n"
         "            for (int j = 0; j < cd->arity; j++) {\n"
         "                if (j == 1 && cd->int_arg2)\n"
         "                    continue;\n"
         "                /* double, and float against the double function */\n"
         "                for (int ty = 0; ty < 2; ty++) {\n"
         "                    double p[3] = {x[0], x[1], x[2]}, m[3] = {x[0], x[1], x[2]};\n"
         "                    if (ty == 1)\n"
         "                        for (int q = 0; q < 3; q++)\n"
         "                            p[q] = m[q] = xf[q];\n"
         "                    double h = 1e-5 * fmax(1.0, fabs(p[j]));\n"
         "                    p[j] += h;\n"
         "                    m[j] -= h;\n"
         "                    double fp = cd->f(p[0], p[1], p[2], n), fm = cd->f(m[0], m[1], m[2], n);\n"
         "                    double fd = (fp - fm) / (p[j] - m[j]);\n"
         "                    if (ty == 0)\n"
         "                        check(cd->name, k, j, d[j], fd, fp, fm, h, DBL_EPSILON, 1e-6L);\n"
         "                    else\n"
         "                        check(cf->name, k, j, df[j], fd, fp, fm, h, FLT_EPSILON, 1e-4L);\n"
         "                }\n"
         "                long double pl[3] = {x[0], x[1], x[2]}, ml[3] = {x[0], x[1], x[2]};\n"
         "                long double hl = 1e-6L * fmaxl(1.0L, fabsl(pl[j]));\n"
         "                pl[j] += hl;\n"
         "                ml[j] -= hl;\n"
         "                long double fpl = cl->f(pl[0], pl[1], pl[2], n);\n"
         "                long double fml = cl->f(ml[0], ml[1], ml[2], n);\n"
         "                check(cl->name, k, j, dl[j], (fpl - fml) / (pl[j] - ml[j]), fpl, fml, hl,\n"
         "                      LDBL_EPSILON, 1e-8L);\n"
         "            }\n"
         "        }\n"
         "    }\n");

  /* Exact values at the guarded edges, for each type. */
  for (size_t e = 0; e < sizeof exacts / sizeof exacts[0]; e++) {
    const Exact *x = &exacts[e];
    for (int t = 0; t < 3; t++) {
      const char *name = format("%s%s", x->name, fsuffix[t]);
      const Row *row = NULL;
      for (int i = 0; i < NROWS; i++)
        if (str_eq(rows[i].name, x->name))
          row = &rows[i];
      const char *a = x->args[0], *b = row->arity > 1 ? x->args[1] : "0.0";
      printf("    {\n        %s d[3] = {0, 0, 0};\n", tname[t]);
      printf("        d_%s(%s, %s, 0, 0, f_%s(%s, %s, 0, 0), d);\n", name, a, b, name, a, b);
      const char *cond = x->near ? format("fabsl(d[%d] - %s) <= %s * fmaxl(1, fabsl(%s))", x->which,
                                         x->want, t == 0 ? "4 * DBL_EPSILON" : t == 1 ? "4 * FLT_EPSILON" : "16 * LDBL_EPSILON", x->want)
                                  : format("d[%d] == %s", x->which, x->want);
      printf("        if (%s) {\n            passed++;\n        } else {\n"
             "            failed++;\n"
             "            printf(\"FAIL %s(%s, %s): d/dx%d = %%.17Lg, want %s\\n\", "
             "(long double)d[%d]);\n        }\n    }\n",
             cond, name, a, b, x->which + 1, x->want, x->which);
    }
  }
  printf("    printf(\"%%d passed, %%d failed\\n\", passed, failed);\n"
         "    return failed != 0;\n}\n");
  return 0;
}
