/*
 * rules.c: the derivative rule table (rules.def) as typed expressions.
 *
 * Every row of rules.def is C text.  The first time a rule of a floating
 * type (double, float, long double) is instantiated, every template is
 * rewritten for that type (cos -> cosf, 0.5 -> 0.5f), wrapped in a small
 * function
 *     float cotan_rule_sin_1(float x, float r) { return cosf(x); }
 * after prototypes of the table's functions, and the whole text goes
 * through cotan's own lexer and parser, once per type.  The return
 * expressions are kept; rule_partial() rebuilds one with the builders of
 * expr.c, replacing the parameters by the call's arguments, so the result
 * is typed against the real arguments.
 */
#include "cotan.h"

#include <string.h>

/* ===================================================================== */
/* The table                                                              */
/* ===================================================================== */

typedef struct RuleRow {
  const char *name;         /* the double form: "sin" */
  int arity;
  const char *int_param;    /* SCALE: the C type of x2 ("int", "long"); else NULL */
  const char *int_result;   /* ZERO1INT: the integer result type; else NULL */
  const char *partials[3];  /* templates; NULL past the arity and for integer arguments */
} RuleRow;

static const RuleRow rows[] = {
#define RULE1(f, d) {#f, 1, NULL, NULL, {d, NULL, NULL}},
#define RULE2(f, d1, d2) {#f, 2, NULL, NULL, {d1, d2, NULL}},
#define RULE3(f, d1, d2, d3) {#f, 3, NULL, NULL, {d1, d2, d3}},
#define SCALE(f, ity, d1) {#f, 2, #ity, NULL, {d1, NULL, NULL}},
#define ZERO1(f) {#f, 1, NULL, NULL, {"0", NULL, NULL}},
#define ZERO1INT(f, rty) {#f, 1, NULL, #rty, {"0", NULL, NULL}},
#include "rules.def"
#undef RULE1
#undef RULE2
#undef RULE3
#undef SCALE
#undef ZERO1
#undef ZERO1INT
};

enum { NROWS = sizeof rows / sizeof rows[0] };

/* The floating types a rule is instantiated at. */
typedef enum { RT_DOUBLE, RT_FLOAT, RT_LDOUBLE, RT_COUNT } RuleType;

static const struct {
  const char *name;     /* C spelling */
  const char *fsuffix;  /* of the functions: sinf, sinl */
  const char *csuffix;  /* of floating constants: 0.5f, 0.5L */
} rtypes[RT_COUNT] = {
    {"double", "", ""},
    {"float", "f", "f"},
    {"long double", "l", "L"},
};

static Type *rtype_type(RuleType t) {
  return t == RT_FLOAT ? ty_float : t == RT_LDOUBLE ? ty_ldouble : ty_double;
}

/* A rule: a row at one floating type. */
struct Rule {
  const RuleRow *row;
  RuleType type;
};
static Rule rules[NROWS][RT_COUNT];

/* The helpers templates may call, as cotan_<name><suffix>(T). */
static const char *const helpers[] = {"digamma"};

/* ===================================================================== */
/* Lookup                                                                 */
/* ===================================================================== */

/* Open addressing on the double names; built on first use. */
enum { HASH_SLOTS = 256 };
static int hash_slot[HASH_SLOTS]; /* row index + 1; 0 = empty */
static bool hash_ready;

static unsigned hash_name(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void hash_init(void) {
  _Static_assert(NROWS * 2 < HASH_SLOTS, "rule hash table too small");
  for (int i = 0; i < NROWS; i++) {
    unsigned h = hash_name(rows[i].name, strlen(rows[i].name)) % HASH_SLOTS;
    while (hash_slot[h])
      h = (h + 1) % HASH_SLOTS;
    hash_slot[h] = i + 1;
    for (int t = 0; t < RT_COUNT; t++)
      rules[i][t] = (Rule){&rows[i], (RuleType)t};
  }
  hash_ready = true;
}

/* The row named by the first n characters of s, or -1. */
static int find_row(const char *s, size_t n) {
  if (!hash_ready)
    hash_init();
  for (unsigned h = hash_name(s, n) % HASH_SLOTS; hash_slot[h]; h = (h + 1) % HASH_SLOTS) {
    const char *name = rows[hash_slot[h] - 1].name;
    if (strlen(name) == n && !strncmp(name, s, n))
      return hash_slot[h] - 1;
  }
  return -1;
}

/* "sin" is the double rule, "sinf" the float one, "sinl" the long double
 * one.  The exact name is tried first, so "erf" is double erf and "erff"
 * float erf.  GCC's __builtin_ spellings name the same functions. */
const Rule *rule_find(const char *name) {
  if (!name)
    return NULL;
  if (starts_with(name, "__builtin_"))
    name += strlen("__builtin_");
  size_t n = strlen(name);
  int row = find_row(name, n);
  if (row >= 0)
    return &rules[row][RT_DOUBLE];
  if (n > 1 && (name[n - 1] == 'f' || name[n - 1] == 'l')) {
    row = find_row(name, n - 1);
    if (row >= 0)
      return &rules[row][name[n - 1] == 'f' ? RT_FLOAT : RT_LDOUBLE];
  }
  return NULL;
}

int rule_arity(const Rule *rule) { return rule->row->arity; }

static bool is_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Does the template use the identifier `name`? */
static bool template_uses(const char *tpl, const char *name) {
  size_t n = strlen(name);
  for (const char *p = tpl; *p; p++) {
    if (!is_ident_char(*p) || (p > tpl && is_ident_char(p[-1])))
      continue;
    if (!strncmp(p, name, n) && !is_ident_char(p[n]))
      return true;
  }
  return false;
}

static bool partial_is_zero(const Rule *rule, int i) {
  const char *tpl = i >= 0 && i < rule->row->arity ? rule->row->partials[i] : NULL;
  return !tpl || str_eq(tpl, "0");
}

bool rule_uses_result(const Rule *rule, int i) {
  return !partial_is_zero(rule, i) && template_uses(rule->row->partials[i], "r");
}

bool rule_is_constant(const Rule *rule) {
  for (int i = 0; i < rule->row->arity; i++)
    if (!partial_is_zero(rule, i))
      return false;
  return true;
}

/* ===================================================================== */
/* Instantiation: the templates parsed once per floating type             */
/* ===================================================================== */

typedef struct Inst {
  bool ready;
  Node *expr[NROWS][3];     /* the return expression of each partial (NULL if zero) */
  Obj *params[NROWS][3][4]; /* its function's parameters: the arguments, then r */
} Inst;
static Inst insts[RT_COUNT];

/* The template rewritten for type t: every called function (an
 * identifier before '(') gets the function suffix, every floating
 * constant the constant suffix. */
static void put_template(Buf *b, const char *tpl, RuleType t) {
  const char *p = tpl;
  while (*p) {
    if (is_ident_char(*p) && !(*p >= '0' && *p <= '9')) {
      const char *start = p;
      while (is_ident_char(*p))
        p++;
      buf_putn(b, start, (size_t)(p - start));
      const char *q = p;
      while (*q == ' ')
        q++;
      if (*q == '(')
        buf_puts(b, rtypes[t].fsuffix);
    } else if ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
      /* A pp-number (6.4.8). */
      const char *start = p;
      bool floating = false;
      while (is_ident_char(*p) || *p == '.' ||
             ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E'))) {
        if (*p == '.' || *p == 'e' || *p == 'E')
          floating = true;
        p++;
      }
      buf_putn(b, start, (size_t)(p - start));
      if (floating)
        buf_puts(b, rtypes[t].csuffix);
    } else {
      buf_putc(b, *p++);
    }
  }
}

/* The parameter list of a row's rule functions at type t. */
static void put_params(Buf *b, const RuleRow *row, RuleType t, bool names) {
  const char *T = rtypes[t].name;
  for (int j = 0; j < row->arity; j++) {
    const char *pty = j == 1 && row->int_param ? row->int_param : T;
    if (!names)
      buf_printf(b, "%s%s", j ? ", " : "", pty);
    else if (row->arity == 1)
      buf_printf(b, "%s x", pty);
    else
      buf_printf(b, "%s%s x%d", j ? ", " : "", pty, j + 1);
  }
}

/* The C text parsed for type t: a prototype of every floating-valued
 * function of the table and of the helpers, then one function per
 * nonzero partial, cotan_rule_<name>_<argument number>. */
static char *inst_text(RuleType t) {
  const char *T = rtypes[t].name;
  const char *fs = rtypes[t].fsuffix;
  Buf b = {0};
  for (int i = 0; i < NROWS; i++) {
    if (rows[i].int_result)
      continue;
    buf_printf(&b, "%s %s%s(", T, rows[i].name, fs);
    put_params(&b, &rows[i], t, false);
    buf_puts(&b, ");\n");
  }
  for (size_t h = 0; h < sizeof helpers / sizeof helpers[0]; h++)
    buf_printf(&b, "%s cotan_%s%s(%s);\n", T, helpers[h], fs, T);
  for (int i = 0; i < NROWS; i++) {
    for (int j = 0; j < rows[i].arity; j++) {
      const char *tpl = rows[i].partials[j];
      if (!tpl || str_eq(tpl, "0"))
        continue;
      buf_printf(&b, "%s cotan_rule_%s_%d(", T, rows[i].name, j + 1);
      put_params(&b, &rows[i], t, true);
      buf_printf(&b, ", %s r) { return ", T);
      put_template(&b, tpl, t);
      buf_puts(&b, "; }\n");
    }
  }
  return xstrdup(buf_str(&b));
}

/* Parses every template at type t (once). */
static Inst *instantiate(RuleType t) {
  Inst *in = &insts[t];
  if (in->ready)
    return in;
  if (!hash_ready)
    hash_init();
  char *path = format("<cotan rules: %s>", rtypes[t].name);
  Unit *unit = parse_unit(lex(inst_text(t), path), path);
  /* The rules' objects are private: keep their ids apart from the user's
   * unit's (ids there count from 0). */
  for (int g = 0; g < unit->globals.len; g++)
    vec_get(Obj, &unit->globals, g)->id += 1 << 30;
  for (int k = 0; k < unit->items.len; k++) {
    Node *item = vec_get(Node, &unit->items, k);
    if (item->kind != ND_FUNCDEF || !starts_with(item->obj->name, "cotan_rule_"))
      continue;
    Obj *fn = item->obj;
    /* cotan_rule_<row name>_<j> */
    const char *name = fn->name + strlen("cotan_rule_");
    const char *us = strrchr(name, '_');
    int row = find_row(name, (size_t)(us - name));
    int j = us[1] - '1';
    cotan_assert(row >= 0 && j >= 0 && j < rows[row].arity);
    Node *ret = vec_get(Node, &fn->body->stmts, 0);
    cotan_assert(ret->kind == ND_RETURN && ret->lhs);
    if (type_canon(ret->lhs->ty)->kind != type_canon(rtype_type(t))->kind)
      internal_error(__FILE__, __LINE__, "rules.def: the partial %d of %s%s has type %s, not %s",
                     j + 1, rows[row].name, rtypes[t].fsuffix, type_to_str(ret->lhs->ty, ""),
                     rtypes[t].name);
    in->expr[row][j] = ret->lhs;
    cotan_assert(fn->params.len == rows[row].arity + 1);
    for (int q = 0; q < fn->params.len; q++)
      in->params[row][j][q] = vec_get(Obj, &fn->params, q);
  }
  in->ready = true;
  return in;
}

/* ===================================================================== */
/* rule_partial: the template rebuilt on the call's arguments             */
/* ===================================================================== */

typedef struct Bind {
  Obj **params;  /* the rule function's parameters: arguments, then r */
  int nparams;
  Node **values; /* what each stands for, converted to the parameter's type */
  Token *place;  /* token for the new nodes: the user's place, no macro, no comments */
} Bind;

static Node *rebuild(Node *e, Bind *b);

static Node *rebuild_var(Node *e, Bind *b) {
  for (int q = 0; q < b->nparams; q++) {
    if (e->obj != b->params[q])
      continue;
    if (!b->values[q])
      internal_error(__FILE__, __LINE__, "rule_partial: no value for '%s'", e->obj->name);
    return clone_expr(b->values[q]);
  }
  cotan_assert(e->obj->kind == OBJ_FUNC);
  return new_var_node(e->obj, b->place);
}

static Node *rebuild(Node *e, Bind *b) {
  switch (e->kind) {
  case ND_NUM: {
    /* Keep the template's spelling (a long double constant has more
     * digits than a double holds). */
    Token *t = new_of(Token);
    *t = *b->place;
    t->kind = TK_NUM;
    t->text = e->tok->text;
    t->len = e->tok->len;
    t->lit_ty = e->ty;
    t->ival = e->ival;
    t->fval = e->fval;
    Node *n = new_node(ND_NUM, t);
    n->ty = e->ty;
    n->ival = e->ival;
    n->fval = e->fval;
    return n;
  }
  case ND_VAR:
    return rebuild_var(e, b);
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
  case ND_LOGAND: case ND_LOGOR:
    return new_binary(e->kind, rebuild(e->lhs, b), rebuild(e->rhs, b), b->place);
  case ND_NEG: case ND_PLUS: case ND_NOT:
    return new_unary(e->kind, rebuild(e->lhs, b), b->place);
  case ND_CAST:
    return new_cast(rebuild(e->lhs, b), e->type_arg, b->place);
  case ND_COND: {
    Node *n = new_node(ND_COND, b->place);
    n->cond = rebuild(e->cond, b);
    n->then = rebuild(e->then, b);
    n->els = rebuild(e->els, b);
    n->ty = type_common(n->then->ty, n->els->ty);
    return n;
  }
  case ND_CALL: {
    Vec args = {0};
    for (int k = 0; k < e->args.len; k++)
      vec_push(&args, rebuild(vec_get(Node, &e->args, k), b));
    return new_call(rebuild(e->lhs, b), args, b->place);
  }
  default:
    internal_error(__FILE__, __LINE__, "rules.def: unsupported expression in a template (kind %d)",
                   (int)e->kind);
  }
}

static bool is_zero_constant(Node *e) {
  return e->kind == ND_NUM && (is_floating(e->ty) ? e->fval == 0 : e->ival == 0);
}

Node *rule_partial(const Rule *rule, int i, Node **args, Node *result, Token *tok) {
  if (partial_is_zero(rule, i))
    return NULL;
  Inst *in = instantiate(rule->type);
  int row = (int)(rule->row - rows);
  Node *tpl = in->expr[row][i];
  cotan_assert(tpl);

  Token *place = new_of(Token);
  if (tok) {
    place->file = tok->file;
    place->line = tok->line;
    place->col = tok->col;
    place->seq = tok->seq;
  }
  place->kind = TK_PUNCT;
  place->text = "(";
  place->len = 1;

  Bind b = {in->params[row][i], rule->row->arity + 1, NULL, place};
  Node *values[4] = {0};
  b.values = values;
  for (int q = 0; q < b.nparams; q++) {
    Node *v = q < rule->row->arity ? args[q] : result;
    Type *want = b.params[q]->ty;
    /* The call converts each argument to the parameter type (6.5.2.2p7):
     * the partial is taken at the converted value. */
    if (v && !type_same_unqual(v->ty, want))
      v = new_cast(v, want, place);
    values[q] = v;
  }
  Node *e = simplify_expr(rebuild(tpl, &b));
  return is_zero_constant(e) ? NULL : e;
}

/* ===================================================================== */
/* Helpers' C source                                                      */
/* ===================================================================== */

/* psi(x) = d/dx ln Gamma(x), at type t. */
static char *digamma_code(RuleType t) {
  const char *T = rtypes[t].name, *f = rtypes[t].fsuffix, *c = rtypes[t].csuffix;
  /* Shift x up to where the series' first omitted term, about 3 / x^18, is
   * below the type's precision. */
  const char *shift = t == RT_FLOAT ? "6" : t == RT_DOUBLE ? "10" : "16";
  const char *err = t == RT_FLOAT ? "3e-14" : t == RT_DOUBLE ? "3e-18" : "1e-21";
  Buf b = {0};
  buf_printf(&b,
             "/* psi(x) = d/dx ln Gamma(x), for the derivatives of tgamma%s and lgamma%s:\n"
             " * reflection psi(x) = psi(1 - x) - pi / tan(pi x) below 0, the recurrence\n"
             " * psi(x) = psi(x + 1) - 1 / x up to x >= %s, then the asymptotic series\n"
             " * ln x - 1 / 2x - sum B_2k / (2k x^2k) (error below %s). */\n",
             f, f, shift, err);
  buf_printf(&b, "static %s cotan_digamma%s(%s x)\n{\n", T, f, T);
  buf_printf(&b, "    %s s = 0.0%s;\n", T, c);
  buf_printf(&b, "    if (x <= 0.0%s && x == floor%s(x))\n", c, f);
  buf_printf(&b, "        return nan%s(\"\"); /* a pole */\n", f);
  buf_printf(&b, "    if (x < 0.0%s) {\n", c);
  buf_printf(&b, "        s = -3.14159265358979323846%s / tan%s(3.14159265358979323846%s * x);\n",
             c, f, c);
  buf_printf(&b, "        x = 1.0%s - x;\n", c);
  buf_puts(&b, "    }\n");
  buf_printf(&b, "    while (x < %s.0%s) {\n", shift, c);
  buf_printf(&b, "        s -= 1.0%s / x;\n", c);
  buf_printf(&b, "        x += 1.0%s;\n", c);
  buf_puts(&b, "    }\n");
  buf_printf(&b, "    %s t = 1.0%s / (x * x);\n", T, c);
  buf_printf(&b,
             "    return s + log%s(x) - 0.5%s / x -\n"
             "           t * (1.0%s / 12 - t * (1.0%s / 120 - t * (1.0%s / 252 - t * (1.0%s / 240 -\n"
             "           t * (1.0%s / 132 - t * (691.0%s / 32760 - t * (1.0%s / 12 - t * (3617.0%s / 8160))))))));\n",
             f, c, c, c, c, c, c, c, c, c);
  buf_puts(&b, "}\n");
  return xstrdup(buf_str(&b));
}

const char *rule_helper_code(const char *name) {
  if (!name || !starts_with(name, "cotan_digamma"))
    return NULL;
  const char *s = name + strlen("cotan_digamma");
  if (!*s)
    return digamma_code(RT_DOUBLE);
  if (str_eq(s, "f"))
    return digamma_code(RT_FLOAT);
  if (str_eq(s, "l"))
    return digamma_code(RT_LDOUBLE);
  return NULL;
}
