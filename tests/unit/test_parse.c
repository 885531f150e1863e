/*
 * test_parse.c: unit tests for expression typing (expr.c) and statements
 * (stmt.c).  C text without directives is valid preprocessed input, so
 * each test runs lex() and parse_unit() on a small program and checks the
 * node kinds and types of what it parsed.  Errors exit the process, so
 * the error tests parse in a child process and check its stderr.
 *
 * Build (as tests/unit.sh does):
 *   cc -std=c11 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
 *      -Isrc -o test_parse tests/unit/test_parse.c build/san/libcotan.a -lm
 * The last line printed is "N passed, M failed"; the exit status is
 * nonzero when anything failed.
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

static Unit *parse_text(const char *src) { return parse_unit(lex(src, "test.c"), "test.c"); }

/* The function definition `name` of a unit. */
static Obj *find_func(Unit *unit, const char *name) {
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (item->kind == ND_FUNCDEF && str_eq(item->obj->name, name))
      return item->obj;
  }
  return NULL;
}

/* The statements of a function's body. */
static Vec *body_of(Unit *unit, const char *name) {
  Obj *fn = find_func(unit, name);
  if (!fn || !fn->body)
    return NULL;
  return &fn->body->stmts;
}

/* Parses `decls void t_(void) { expr; }` and returns expr. */
static Node *expr_in(const char *decls, const char *expr) {
  char *src = format("%s\nvoid t_(void) { %s; }\n", decls, expr);
  Vec *stmts = body_of(parse_text(src), "t_");
  if (!stmts || !stmts->len)
    return NULL;
  Node *last = vec_last(stmts);
  return last->kind == ND_EXPR_STMT ? last->lhs : NULL;
}

/* A compact spelling of a type for comparisons, independent of the
 * printer: "double", "const double", "double *", "double[3]",
 * "double (*)[3]", "int (*)(double)", "struct S". */
static void spell(Buf *b, Type *ty);

static void spell_base(Buf *b, Type *ty) {
  static const char *const names[] = {
      [TY_VOID] = "void",     [TY_BOOL] = "_Bool",   [TY_CHAR] = "char",
      [TY_SCHAR] = "signed char", [TY_UCHAR] = "unsigned char", [TY_SHORT] = "short",
      [TY_USHORT] = "unsigned short", [TY_INT] = "int", [TY_UINT] = "unsigned int",
      [TY_LONG] = "long",     [TY_ULONG] = "unsigned long", [TY_LLONG] = "long long",
      [TY_ULLONG] = "unsigned long long", [TY_FLOAT] = "float", [TY_DOUBLE] = "double",
      [TY_LDOUBLE] = "long double",
  };
  Type *c = type_canon(ty);
  if (c->kind == TY_STRUCT || c->kind == TY_UNION) {
    buf_printf(b, "%s %s", c->kind == TY_STRUCT ? "struct" : "union",
               c->sdef->tag ? c->sdef->tag : "<anon>");
  } else if (c->kind == TY_COMPLEX) {
    buf_puts(b, "_Complex ");
    spell(b, c->base);
  } else if (c->kind <= TY_LDOUBLE && names[c->kind]) {
    buf_puts(b, names[c->kind]);
  } else {
    buf_printf(b, "<kind %d>", (int)c->kind);
  }
}

static void spell(Buf *b, Type *ty) {
  if (!ty) {
    buf_puts(b, "<null>");
    return;
  }
  if (ty->quals & Q_CONST)
    buf_puts(b, "const ");
  Type *c = type_canon(ty);
  switch (c->kind) {
  case TY_PTR: {
    Type *base = type_canon(c->base);
    if (base->kind == TY_ARRAY) {
      spell(b, base->base);
      buf_printf(b, " (*)[%lld]", (long long)base->array_len);
    } else if (base->kind == TY_FUNC) {
      spell(b, base->return_ty);
      buf_puts(b, " (*)(");
      for (int i = 0; i < base->params.len; i++) {
        if (i)
          buf_puts(b, ", ");
        spell(b, vec_get(Type, &base->params, i));
      }
      buf_puts(b, ")");
    } else {
      spell(b, c->base);
      buf_puts(b, " *");
    }
    return;
  }
  case TY_ARRAY:
    spell(b, c->base);
    buf_printf(b, "[%lld]", (long long)c->array_len);
    return;
  case TY_FUNC:
    spell(b, c->return_ty);
    buf_puts(b, "()");
    return;
  default:
    spell_base(b, ty);
  }
}

static const char *ty_str(Type *ty) {
  Buf b = {0};
  spell(&b, ty);
  return xstrdup(buf_str(&b));
}

/* Checks the kind and type of `expr` parsed after `decls`. */
#define EXPECT_TYPE(decls, expr, kind_, type_)                                      \
  do {                                                                              \
    Node *n_ = expr_in(decls, expr);                                                \
    CHECK(n_ && n_->kind == (kind_), "%s: kind %d, want %d", expr, n_ ? (int)n_->kind : -1, \
          (int)(kind_));                                                            \
    if (n_)                                                                         \
      CHECK(str_eq(ty_str(n_->ty), type_), "%s: type '%s', want '%s'", expr,        \
            ty_str(n_->ty), type_);                                                 \
  } while (0)

/* Parses src in a child process; checks that it fails with a message
 * containing `want`. */
static void expect_error(const char *src, const char *want, int line) {
  fflush(stdout);
  int fds[2];
  if (pipe(fds) != 0) {
    perror("pipe");
    exit(2);
  }
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 2);
    parse_text(src);
    _exit(0);
  }
  close(fds[1]);
  Buf err = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
    buf_putn(&err, chunk, (size_t)n);
  close(fds[0]);
  int status;
  waitpid(pid, &status, 0);
  bool exited_with_error = WIFEXITED(status) && WEXITSTATUS(status) == EXIT_INPUT_ERROR;
  bool has_message = strstr(buf_str(&err), want) != NULL;
  CHECK(exited_with_error && has_message, "line %d: want error containing \"%s\", got status %d: %s",
        line, want, status, buf_str(&err));
}
#define EXPECT_ERROR(src, want) expect_error(src, want, __LINE__)

/* Parses src in a child process and checks that it succeeds. */
static void expect_ok(const char *src, int line) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    parse_text(src);
    _exit(0);
  }
  int status;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "line %d: parse failed for: %s", line, src);
}
#define EXPECT_OK(src) expect_ok(src, __LINE__)

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */
/* ---------------------------------------------------------------------- */

static void test_constants(void) {
  EXPECT_TYPE("", "1 + 2.0f", ND_ADD, "float");
  EXPECT_TYPE("", "'a'", ND_CHAR, "int");
  EXPECT_TYPE("", "1.5", ND_NUM, "double");
  EXPECT_TYPE("", "10ul", ND_NUM, "unsigned long");
  EXPECT_TYPE("", "\"abc\"", ND_STR, "char[4]");
  EXPECT_TYPE("", "\"ab\" \"cd\"", ND_STR, "char[5]");
  Node *s = expr_in("", "\"ab\" \"cd\"");
  CHECK(s && s->toks.len == 2, "adjacent string pieces kept");
  EXPECT_TYPE("", "1 + 'a'", ND_ADD, "int");
  EXPECT_TYPE("", "1u + 1l", ND_ADD, "long");
  EXPECT_TYPE("", "1u + -1", ND_ADD, "unsigned int");
  EXPECT_TYPE("", "1.0f * 2.0L", ND_MUL, "long double");
}

static void test_variables(void) {
  const char *d = "double *x; int i; double a[3]; double m[2][3]; char c; short sh;"
                  "struct S { double f; int n; struct S *next; int bits : 3; } s, *ps;"
                  "const double k = 1.0; double *q; unsigned u;";
  EXPECT_TYPE(d, "x[i]", ND_INDEX, "double");
  Node *n = expr_in(d, "x[i]");
  CHECK(n && is_lvalue(n), "x[i] is an lvalue");
  n = expr_in(d, "i[x]");
  CHECK(n && n->kind == ND_INDEX && n->swapped && n->lhs->kind == ND_VAR &&
            str_eq(n->lhs->obj->name, "x"),
        "i[x] is ND_INDEX with swapped and lhs the pointer");
  EXPECT_TYPE(d, "&a", ND_ADDR, "double (*)[3]");
  EXPECT_TYPE(d, "a", ND_VAR, "double[3]");
  EXPECT_TYPE(d, "a + 1", ND_ADD, "double *");
  EXPECT_TYPE(d, "m[1]", ND_INDEX, "double[3]");
  EXPECT_TYPE(d, "m[1][2]", ND_INDEX, "double");
  EXPECT_TYPE(d, "x - q", ND_SUB, "long");
  EXPECT_TYPE(d, "x + i", ND_ADD, "double *");
  EXPECT_TYPE(d, "i ? 1 : 2.0", ND_COND, "double");
  EXPECT_TYPE(d, "i ? x : 0", ND_COND, "double *");
  EXPECT_TYPE(d, "i ? (void *)x : q", ND_COND, "void *");
  EXPECT_TYPE(d, "i ?: 2", ND_COND, "int");
  EXPECT_TYPE(d, "s.f", ND_MEMBER, "double");
  EXPECT_TYPE(d, "ps->n", ND_ARROW, "int");
  EXPECT_TYPE(d, "ps->next->f", ND_ARROW, "double");
  EXPECT_TYPE(d, "s.bits + 0u", ND_ADD, "unsigned int");
  EXPECT_TYPE(d, "-s.bits", ND_NEG, "int");
  EXPECT_TYPE(d, "sizeof x", ND_SIZEOF, "unsigned long");
  EXPECT_TYPE(d, "sizeof(struct S)", ND_SIZEOF, "unsigned long");
  EXPECT_TYPE(d, "_Alignof(double)", ND_ALIGNOF, "unsigned long");
  EXPECT_TYPE(d, "c + c", ND_ADD, "int");
  EXPECT_TYPE(d, "sh << 2L", ND_SHL, "int");
  EXPECT_TYPE(d, "u >> 1", ND_SHR, "unsigned int");
  EXPECT_TYPE(d, "x == q", ND_EQ, "int");
  EXPECT_TYPE(d, "x && i", ND_LOGAND, "int");
  EXPECT_TYPE(d, "!x", ND_NOT, "int");
  EXPECT_TYPE(d, "~c", ND_BITNOT, "int");
  EXPECT_TYPE(d, "*x", ND_DEREF, "double");
  EXPECT_TYPE(d, "(int)k", ND_CAST, "int");
  EXPECT_TYPE(d, "k", ND_VAR, "const double");
  EXPECT_TYPE(d, "k + 1", ND_ADD, "double");
  EXPECT_TYPE(d, "i++", ND_POST_INC, "int");
  EXPECT_TYPE(d, "--x", ND_PRE_DEC, "double *");
  EXPECT_TYPE(d, "(i, a)", ND_COMMA, "double *");
  EXPECT_TYPE(d, "(double[]){1, 2}", ND_COMPOUND_LIT, "double[2]");
  n = expr_in(d, "(struct S){0}.f");
  CHECK(n && n->kind == ND_MEMBER && is_lvalue(n), "compound literal member is an lvalue");

  n = expr_in(d, "x += 1");
  CHECK(n && n->kind == ND_ASSIGN && n->op == ND_ADD, "x += 1 is ND_ASSIGN with op ND_ADD");
  n = expr_in(d, "i = 2");
  CHECK(n && n->kind == ND_ASSIGN && n->op == ND_NONE && str_eq(ty_str(n->ty), "int"),
        "i = 2 is plain ND_ASSIGN of type int");
  n = expr_in(d, "(i) + 1");
  CHECK(n && n->lhs->kind == ND_VAR && n->lhs->parenthesized && !n->parenthesized,
        "parenthesized flag on the inner node");
  n = expr_in(d, "(x)");
  CHECK(n && n->kind == ND_VAR && n->parenthesized, "(x) stays ND_VAR");
}

static void test_functions(void) {
  const char *d = "double sq(double v); int (*fp)(int); void vf(void); struct P { double x; };"
                  "struct P mk(void); int printf(const char *, ...);";
  EXPECT_TYPE(d, "sq(2)", ND_CALL, "double");
  EXPECT_TYPE(d, "sq", ND_VAR, "double()");
  EXPECT_TYPE(d, "&sq", ND_ADDR, "double (*)(double)");
  EXPECT_TYPE(d, "fp(1)", ND_CALL, "int");
  EXPECT_TYPE(d, "(*fp)(1)", ND_CALL, "int");
  EXPECT_TYPE(d, "mk().x", ND_MEMBER, "double");
  EXPECT_TYPE(d, "printf(\"%d\", 1, 2.0)", ND_CALL, "int");
  Node *n = expr_in(d, "mk().x");
  CHECK(n && !is_lvalue(n), "member of an rvalue struct is not an lvalue");
  n = expr_in(d, "sq(2)");
  CHECK(n && n->args.len == 1 && n->func_ty && is_func(n->func_ty), "call args and func_ty");
  EXPECT_TYPE("", "__builtin_huge_val()", ND_CALL, "double");
  EXPECT_TYPE("", "__builtin_inff()", ND_CALL, "float");
  EXPECT_TYPE("", "__builtin_isnan(1.0)", ND_CALL, "int");
  EXPECT_TYPE("", "__builtin_bswap32(1u)", ND_CALL, "unsigned int");
  EXPECT_TYPE("", "__builtin_alloca(8)", ND_CALL, "void *");
  n = expr_in("", "__builtin_nanf(\"\")");
  CHECK(n && n->lhs->kind == ND_VAR && n->lhs->obj->is_builtin, "builtin Obj marked is_builtin");
  EXPECT_TYPE("struct Q { int a; double b[4]; };", "__builtin_offsetof(struct Q, b[2])",
              ND_OFFSETOF, "unsigned long");
  n = expr_in("struct Q { int a; double b[4]; };", "__builtin_offsetof(struct Q, b[2])");
  CHECK(n && n->ival == 24 && n->text && str_eq(n->text, "b[2]"), "offsetof value and text");
  EXPECT_TYPE("", "__builtin_types_compatible_p(int, const int)", ND_BUILTIN, "int");
  EXPECT_TYPE("", "__builtin_choose_expr(1, 1.0, 2)", ND_BUILTIN, "double");
  EXPECT_TYPE("double d;", "_Generic(d, int: 1, double: 2.0f, default: 'c')", ND_GENERIC,
              "float");
  EXPECT_TYPE("const int ci;", "_Generic(ci, int: 1L, default: 2)", ND_GENERIC, "long");
  EXPECT_TYPE("", "({ int t = 1; t + 1.0; })", ND_STMT_EXPR, "double");
  EXPECT_TYPE("", "({ ; })", ND_STMT_EXPR, "void");
  EXPECT_TYPE("", "({ int t = 1; goto done; done: t; })", ND_STMT_EXPR, "int");
  EXPECT_TYPE("float sinf(float); double sin(double); long double sinl(long double);",
              "__builtin_tgmath(sinf, sin, sinl, 2.0f)", ND_CALL, "float");
  EXPECT_TYPE("", "__builtin_expect(1, 0)", ND_CALL, "long");
  EXPECT_TYPE("", "u\"ab\"", ND_STR, "unsigned short[3]");
  EXPECT_TYPE("", "L\"a\" \"bc\"", ND_STR, "int[4]");
  EXPECT_TYPE("", "__func__", ND_FUNC_NAME, "const char[3]");
}

static void test_builders(void) {
  Node *one = new_num_int(1, ty_int, NULL);
  CHECK(str_eq(one->tok->text, "1") && one->kind == ND_NUM, "new_num_int spelling");
  Node *big = new_num_int(5, ty_ulong, NULL);
  CHECK(str_eq(big->tok->text, "5ul"), "new_num_int suffix: %s", big->tok->text);
  Node *f = new_num_float(0.1, ty_double, NULL);
  CHECK(str_eq(f->tok->text, "0.1"), "new_num_float 0.1: %s", f->tok->text);
  Node *g = new_num_float(2.0, ty_float, NULL);
  CHECK(str_eq(g->tok->text, "2.0f"), "new_num_float 2.0f: %s", g->tok->text);
  Node *h = new_num_float(1e300, ty_double, NULL);
  CHECK(str_eq(h->tok->text, "1e+300"), "new_num_float 1e300: %s", h->tok->text);
  Node *third = new_num_float(1.0 / 3.0, ty_double, NULL);
  CHECK(strtod(third->tok->text, NULL) == 1.0 / 3.0, "new_num_float round trip: %s",
        third->tok->text);
  Node *sum = new_binary(ND_ADD, one, f, NULL);
  CHECK(str_eq(ty_str(sum->ty), "double"), "new_binary types int + double");
  Node *cast = new_cast(one, ty_float, NULL);
  CHECK(cast->kind == ND_CAST && str_eq(ty_str(cast->ty), "float"), "new_cast");
  CHECK(is_null_pointer_constant(new_num_int(0, ty_int, NULL)), "0 is a null pointer constant");
  CHECK(!is_null_pointer_constant(one), "1 is not a null pointer constant");
  CHECK(is_null_pointer_constant(new_cast(new_num_int(0, ty_int, NULL), pointer_to(ty_void), NULL)),
        "(void *)0 is a null pointer constant");
}

static void test_statements(void) {
  Unit *u = parse_text(
      "int f(int n, double *x) {\n"
      "  double s = 0;\n"
      "  for (int i = 0; i < n; i++) { double t = x[i]; s += t; }\n"
      "  switch (n) { case 1: break; case 2 ... 4: s = 1; default: ; }\n"
      "  while (n--) continue;\n"
      "  do { n++; } while (n < 3);\n"
      "  goto out;\n"
      " out:\n"
      "  if (s > 0) return 1; else return 0;\n"
      "}\n");
  Obj *fn = find_func(u, "f");
  CHECK(fn && fn->body && fn->body->kind == ND_BLOCK, "function body parsed");
  if (!fn || !fn->body)
    return;
  Vec *stmts = &fn->body->stmts;
  CHECK(stmts->len == 7, "7 statements, got %d", stmts->len);
  CHECK(fn->locals.len == 3, "3 locals (s, i, t), got %d", fn->locals.len);
  if (fn->locals.len == 3) {
    CHECK(str_eq(vec_get(Obj, &fn->locals, 0)->name, "s") &&
              str_eq(vec_get(Obj, &fn->locals, 1)->name, "i") &&
              str_eq(vec_get(Obj, &fn->locals, 2)->name, "t"),
          "locals in order");
  }
  if (stmts->len < 7)
    return;
  CHECK(vec_get(Node, stmts, 0)->kind == ND_DECL, "declaration");
  Node *loop = vec_get(Node, stmts, 1);
  CHECK(loop->kind == ND_FOR && loop->init && loop->init->kind == ND_DECL && loop->cond &&
            loop->inc && loop->body->kind == ND_BLOCK,
        "for with declaration");
  Node *sw = vec_get(Node, stmts, 2);
  CHECK(sw->kind == ND_SWITCH && sw->cases.len == 3, "switch has 3 cases, got %d", sw->cases.len);
  if (sw->cases.len == 3) {
    Node *c2 = vec_get(Node, &sw->cases, 1);
    CHECK(c2->kind == ND_CASE && c2->case_val == 2 && c2->case_hi && c2->case_hi_val == 4,
          "case range");
    CHECK(vec_get(Node, &sw->cases, 2)->kind == ND_DEFAULT, "default last");
  }
  CHECK(vec_get(Node, stmts, 3)->kind == ND_WHILE, "while");
  CHECK(vec_get(Node, stmts, 4)->kind == ND_DO, "do");
  CHECK(vec_get(Node, stmts, 5)->kind == ND_GOTO, "goto");
  Node *label = vec_get(Node, stmts, 6);
  CHECK(label->kind == ND_LABEL && str_eq(label->label, "out") && label->body->kind == ND_IF &&
            label->body->els,
        "label with if/else");
  CHECK(label->end_tok && tok_is(label->end_tok, ";"), "end_tok of the labeled if");
  CHECK(fn->body->end_tok && tok_is(fn->body->end_tok, "}"), "block end_tok");

  EXPECT_OK("void g(void) { __label__ a; goto a; a: ; }");
  EXPECT_OK("void g(int x) { switch (x) { case 1: x++; __attribute__((fallthrough)); case 2: break; } }");
  EXPECT_OK("void g(void) { __asm__ __volatile__ (\"nop\" : : : \"memory\"); }");
  EXPECT_OK("typedef int T; void g(void) { T: ; T x = 1; (void)x; }");
  EXPECT_OK("void g(void) { int x; x = ({ int y = 2; y * 2; }); }");
}

static void test_errors(void) {
  EXPECT_ERROR("void f(void) { y = 1; }", "use of undeclared identifier 'y'");
  EXPECT_ERROR("void f(void) { g(1); }", "implicit declaration of function 'g' is invalid in C11");
  EXPECT_ERROR("int g(int, int); void f(void) { g(1, 2, 3); }",
               "too many arguments to function call, expected 2, have 3");
  EXPECT_ERROR("int g(int, int); void f(void) { g(1); }", "too few arguments to function call");
  EXPECT_ERROR("struct S { int a; }; void f(struct S s) { s.b = 1; }",
               "no member named 'b' in 'struct S'");
  EXPECT_ERROR("void f(double d) { d.x = 1; }", "member reference base type");
  EXPECT_ERROR("void f(void) { const double k = 1; k = 2; }",
               "cannot assign to variable 'k' with const-qualified type");
  EXPECT_ERROR("void f(int a) { a + 1 = 2; }", "expression is not assignable");
  EXPECT_ERROR("struct S { int a; }; void f(struct S s) { s + 1; }",
               "invalid operands to binary expression");
  EXPECT_ERROR("void f(double x) { *x; }", "indirection requires pointer operand");
  EXPECT_ERROR("void f(int x) { x(); }", "called object type 'int' is not a function");
  EXPECT_ERROR("void f(void) { break; }", "'break' statement not in loop or switch statement");
  EXPECT_ERROR("void f(void) { switch (1) { case 1: continue; } }",
               "'continue' statement not in loop statement");
  EXPECT_ERROR("void f(int x) { case 1: ; }", "'case' statement not in switch statement");
  EXPECT_ERROR("void f(int x) { switch (x) { case 1: case 1: ; } }", "duplicate case value '1'");
  EXPECT_ERROR("void f(int x) { switch (x) { default: default: ; } }", "multiple default labels");
  EXPECT_ERROR("void f(void) { goto nowhere; }", "use of undeclared label 'nowhere'");
  EXPECT_ERROR("void f(void) { a: ; a: ; }", "redefinition of label 'a'");
  EXPECT_ERROR("void f(void) { return 1; }", "void function 'f' should not return a value");
  EXPECT_ERROR("void f(int x) { x = (1 + ", "expected expression");
  EXPECT_ERROR("void f(double *p) { p[1.0]; }", "array subscript is not an integer");
  EXPECT_ERROR("void f(double d) { switch (d) { } }", "statement requires expression of integer type");
  EXPECT_ERROR("void f(int x) { x = &&lab; }", "not supported");
  EXPECT_ERROR("void f(double d) { _Generic(d, int: 1); }", "not compatible with any generic");

  /* Deep nesting ends in an error, not a stack overflow. */
  Buf deep = {0};
  buf_puts(&deep, "int f(int x) { return ");
  for (int i = 0; i < 100000; i++)
    buf_putc(&deep, '(');
  buf_puts(&deep, "x;}");
  EXPECT_ERROR(buf_str(&deep), "nested too deeply");
  Buf blocks = {0};
  buf_puts(&blocks, "void f(void) ");
  for (int i = 0; i < 100000; i++)
    buf_putc(&blocks, '{');
  EXPECT_ERROR(buf_str(&blocks), "nested too deeply");
  Buf unary = {0};
  buf_puts(&unary, "int f(int x) { return ");
  for (int i = 0; i < 100000; i++)
    buf_puts(&unary, "- ");
  buf_puts(&unary, "x; }");
  EXPECT_ERROR(buf_str(&unary), "nested too deeply");
}

int main(void) {
  test_constants();
  test_variables();
  test_functions();
  test_builders();
  test_statements();
  test_errors();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
