/*
 * eval.c: integer constant expressions (C11 6.6) evaluated on the AST.
 *
 * Every value is computed in 64 bits and then wrapped to the width and
 * signedness of the node's type, so `0u - 1` is 4294967295 and `(char)300`
 * is 44, as the target computes them.  Floating subexpressions are allowed
 * where gcc folds them: as operands of casts to an integer type
 * (`(int)(2.5 * 2)`), of comparisons and of logical operators.  The
 * address-constant idiom `(size_t)&((struct S *)0)->m` is folded too.
 */
#include "cotan.h"

/* An evaluation: `strict` reports errors; otherwise the first failure just
 * makes the whole evaluation fail. */
typedef struct Eval {
  bool strict;
  bool failed;
} Eval;

static int64_t eval_node(Eval *ev, Node *node);
static long double eval_float(Eval *ev, Node *node);

static Type *type_or_int(Type *ty) { return ty ? type_canon(ty) : ty_int; }

/* A node that is not constant: an error when strict, a failure otherwise. */
static int64_t not_constant(Eval *ev, Node *node) {
  if (ev->strict)
    error_tok(node->tok, "expression is not an integer constant expression");
  ev->failed = true;
  return 0;
}

/* Converts a 64-bit value to the integer type ty (6.3.1.3; out-of-range
 * signed conversion wraps, as gcc defines it). */
static int64_t wrap_to(Type *ty, int64_t val) {
  Type *c = type_or_int(ty);
  if (c->kind == TY_BOOL)
    return val != 0;
  if (c->kind == TY_PTR)
    return val;
  if (!is_integer(c) || c->size >= 8)
    return val;
  int bits = (int)c->size * 8;
  uint64_t mask = ((uint64_t)1 << bits) - 1;
  uint64_t u = (uint64_t)val & mask;
  if (c->is_unsigned)
    return (int64_t)u;
  uint64_t sign = (uint64_t)1 << (bits - 1);
  return (int64_t)((u ^ sign) - sign);
}

static bool is_float_node(Node *node) {
  Type *c = type_or_int(node->ty);
  return is_floating(c) || is_complex(c);
}

/* Truth value of a scalar operand (for !, &&, ||, ?:). */
static bool eval_truth(Eval *ev, Node *node) {
  if (is_float_node(node))
    return eval_float(ev, node) != 0;
  return eval_node(ev, node) != 0;
}

static int64_t float_to_int(Type *ty, long double f) {
  Type *c = type_or_int(ty);
  if (c->kind == TY_BOOL)
    return f != 0;
  if (c->is_unsigned && f >= 9223372036854775808.0L)
    return wrap_to(ty, (int64_t)(uint64_t)f);
  return wrap_to(ty, (int64_t)f);
}

/* ---------------------------------------------------------------------- */
/* Floating operands                                                      */
/* ---------------------------------------------------------------------- */

static long double eval_float_binary(Eval *ev, Node *node) {
  long double a = eval_float(ev, node->lhs);
  long double b = eval_float(ev, node->rhs);
  switch (node->kind) {
  case ND_ADD: return a + b;
  case ND_SUB: return a - b;
  case ND_MUL: return a * b;
  case ND_DIV: return a / b;
  default: return not_constant(ev, node);
  }
}

static long double eval_float(Eval *ev, Node *node) {
  if (!is_float_node(node)) {
    int64_t v = eval_node(ev, node);
    if (type_or_int(node->ty)->is_unsigned)
      return (long double)(uint64_t)v;
    return (long double)v;
  }
  switch (node->kind) {
  case ND_NUM:
    return node->fval;
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
    return eval_float_binary(ev, node);
  case ND_NEG:
    return -eval_float(ev, node->lhs);
  case ND_PLUS:
    return eval_float(ev, node->lhs);
  case ND_CAST: {
    long double v = eval_float(ev, node->lhs);
    Type *c = type_or_int(node->ty);
    if (c->kind == TY_FLOAT)
      return (float)v;
    if (c->kind == TY_DOUBLE)
      return (double)v;
    return v;
  }
  case ND_COND:
    if (eval_truth(ev, node->cond))
      return eval_float(ev, node->then ? node->then : node->cond);
    return eval_float(ev, node->els);
  case ND_GENERIC:
    return node->selected ? eval_float(ev, node->selected) : not_constant(ev, node);
  default:
    return not_constant(ev, node);
  }
}

/* ---------------------------------------------------------------------- */
/* Integer operators                                                      */
/* ---------------------------------------------------------------------- */

static int64_t eval_division(Eval *ev, Node *node, Type *ty, int64_t a, int64_t b) {
  if (b == 0) {
    if (ev->strict)
      error_tok(node->tok, "division by zero in constant expression");
    ev->failed = true;
    return 0;
  }
  bool is_div = node->kind == ND_DIV;
  if (ty->is_unsigned) {
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    return (int64_t)(is_div ? ua / ub : ua % ub);
  }
  if (a == INT64_MIN && b == -1) /* overflow: wraps like the hardware */
    return is_div ? INT64_MIN : 0;
  return is_div ? a / b : a % b;
}

static int64_t eval_shift(Eval *ev, Node *node, Type *ty) {
  int64_t a = wrap_to(ty, eval_node(ev, node->lhs));
  int64_t b = eval_node(ev, node->rhs);
  int bits = ty->size >= 8 || ty->size <= 0 ? 64 : (int)ty->size * 8;
  if (b < 0 || b >= bits) {
    if (ev->strict && !ev->failed)
      warn_tok(node->tok, "shift count is negative or too large for the type");
    return 0;
  }
  if (node->kind == ND_SHL)
    return wrap_to(ty, (int64_t)((uint64_t)a << b));
  if (ty->is_unsigned)
    return wrap_to(ty, (int64_t)((uint64_t)a >> b));
  return a < 0 ? ~(~a >> b) : a >> b;
}

/* <, <=, >, >=, ==, != on the operands' common type. */
static int64_t eval_compare(Eval *ev, Node *node) {
  if (is_float_node(node->lhs) || is_float_node(node->rhs)) {
    long double a = eval_float(ev, node->lhs), b = eval_float(ev, node->rhs);
    switch (node->kind) {
    case ND_LT: return a < b;
    case ND_LE: return a <= b;
    case ND_GT: return a > b;
    case ND_GE: return a >= b;
    case ND_EQ: return a == b;
    default: return a != b;
    }
  }
  Type *ty = type_common(type_or_int(node->lhs->ty), type_or_int(node->rhs->ty));
  if (is_pointer(type_or_int(node->lhs->ty)) || is_pointer(type_or_int(node->rhs->ty)))
    ty = ty_ulong;
  int64_t a = wrap_to(ty, eval_node(ev, node->lhs));
  int64_t b = wrap_to(ty, eval_node(ev, node->rhs));
  if (ty->is_unsigned) {
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    switch (node->kind) {
    case ND_LT: return ua < ub;
    case ND_LE: return ua <= ub;
    case ND_GT: return ua > ub;
    case ND_GE: return ua >= ub;
    case ND_EQ: return ua == ub;
    default: return ua != ub;
    }
  }
  switch (node->kind) {
  case ND_LT: return a < b;
  case ND_LE: return a <= b;
  case ND_GT: return a > b;
  case ND_GE: return a >= b;
  case ND_EQ: return a == b;
  default: return a != b;
  }
}

/* + - * / % & | ^ in the type of the node (the usual arithmetic
 * conversions were applied by expr.c when it typed the node). */
static int64_t eval_arith(Eval *ev, Node *node) {
  Type *ty = type_or_int(node->ty);
  if (!is_integer(ty))
    return not_constant(ev, node);
  int64_t a = wrap_to(ty, eval_node(ev, node->lhs));
  int64_t b = wrap_to(ty, eval_node(ev, node->rhs));
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (node->kind) {
  case ND_ADD: return wrap_to(ty, (int64_t)(ua + ub));
  case ND_SUB: return wrap_to(ty, (int64_t)(ua - ub));
  case ND_MUL: return wrap_to(ty, (int64_t)(ua * ub));
  case ND_DIV: case ND_MOD: return wrap_to(ty, eval_division(ev, node, ty, a, b));
  case ND_BITAND: return a & b;
  case ND_BITOR: return a | b;
  case ND_BITXOR: return a ^ b;
  default: unreachable();
  }
}

static int64_t eval_cast(Eval *ev, Node *node) {
  Type *to = type_or_int(node->ty);
  if (is_floating(to) || is_complex(to))
    return not_constant(ev, node);
  if (is_float_node(node->lhs))
    return float_to_int(to, eval_float(ev, node->lhs));
  return wrap_to(to, eval_node(ev, node->lhs));
}

/* ---------------------------------------------------------------------- */
/* sizeof, _Alignof, builtins                                             */
/* ---------------------------------------------------------------------- */

static bool is_variable_size(Type *ty) {
  for (Type *t = type_canon(ty); t && t->kind == TY_ARRAY; t = type_canon(t->base))
    if (t->is_vla || t->is_star)
      return true;
  return false;
}

static int64_t eval_sizeof(Eval *ev, Node *node) {
  Type *ty = node->lhs ? node->lhs->ty : node->type_arg;
  if (!ty || is_variable_size(ty))
    return not_constant(ev, node);
  Type *c = type_canon(ty);
  if (node->kind == ND_ALIGNOF)
    return c->align;
  if (c->kind == TY_VOID || c->kind == TY_FUNC)
    return 1; /* GNU */
  if (c->size < 0)
    return not_constant(ev, node);
  return c->size;
}

static bool is_builtin_named(Node *node, const char *name) {
  if (node->kind == ND_BUILTIN)
    return node->text && str_eq(node->text, name);
  if (node->kind == ND_CALL && node->lhs && node->lhs->kind == ND_VAR && node->lhs->obj)
    return node->lhs->obj->name && str_eq(node->lhs->obj->name, name);
  return false;
}

static Node *builtin_arg(Node *node, int i) {
  return i < node->args.len ? vec_get(Node, &node->args, i) : NULL;
}

/* __builtin_constant_p is 1 exactly when its operand folds. */
static int64_t eval_constant_p(Node *arg) {
  if (!arg)
    return 0;
  if (is_float_node(arg)) {
    Eval sub = {0};
    eval_float(&sub, arg);
    return !sub.failed;
  }
  int64_t v;
  return eval_int_try(arg, &v);
}

static int64_t eval_builtin(Eval *ev, Node *node) {
  if (is_builtin_named(node, "__builtin_constant_p"))
    return eval_constant_p(builtin_arg(node, 0));
  if (is_builtin_named(node, "__builtin_types_compatible_p")) {
    Node *a = builtin_arg(node, 0), *b = builtin_arg(node, 1);
    if (!a || !b || !a->type_arg || !b->type_arg)
      return node->ival;
    return type_compatible(type_unqualified(a->type_arg), type_unqualified(b->type_arg));
  }
  if (is_builtin_named(node, "__builtin_expect") && builtin_arg(node, 0))
    return eval_node(ev, builtin_arg(node, 0));
  if (is_builtin_named(node, "__builtin_choose_expr") && node->selected)
    return eval_node(ev, node->selected);
  return not_constant(ev, node);
}

/* ---------------------------------------------------------------------- */
/* Address constants for the offsetof idiom                               */
/* ---------------------------------------------------------------------- */

/* The address an lvalue designates when its base is an integer cast to a
 * pointer: `((struct S *)0)->a.b[2]`. */
static int64_t eval_address(Eval *ev, Node *node) {
  switch (node->kind) {
  case ND_ARROW:
    return eval_node(ev, node->lhs) + (node->member ? node->member->offset : 0);
  case ND_MEMBER:
    return eval_address(ev, node->lhs) + (node->member ? node->member->offset : 0);
  case ND_DEREF:
    return eval_node(ev, node->lhs);
  case ND_INDEX: {
    Node *base = node->swapped ? node->rhs : node->lhs;
    Node *index = node->swapped ? node->lhs : node->rhs;
    Type *bty = type_or_int(base->ty);
    int64_t start = bty->kind == TY_ARRAY ? eval_address(ev, base) : eval_node(ev, base);
    return start + eval_node(ev, index) * type_or_int(node->ty)->size;
  }
  default:
    return not_constant(ev, node);
  }
}

/* A pointer-typed operand: only integer constants cast to pointers and
 * addresses computed from them fold. */
static int64_t eval_pointer(Eval *ev, Node *node) {
  if (node->kind == ND_CAST)
    return eval_node(ev, node->lhs);
  if (node->kind == ND_ADDR)
    return eval_address(ev, node->lhs);
  return not_constant(ev, node);
}

/* ---------------------------------------------------------------------- */
/* The evaluator                                                          */
/* ---------------------------------------------------------------------- */

static int64_t eval_var(Eval *ev, Node *node) {
  if (node->obj && node->obj->kind == OBJ_ENUM_CONST)
    return node->obj->enum_val;
  return not_constant(ev, node);
}

static int64_t eval_cond(Eval *ev, Node *node) {
  Type *ty = type_or_int(node->ty);
  bool c = eval_truth(ev, node->cond);
  Node *chosen = c ? (node->then ? node->then : node->cond) : node->els;
  if (is_float_node(chosen))
    return float_to_int(ty, eval_float(ev, chosen));
  return wrap_to(ty, eval_node(ev, chosen));
}

static int64_t eval_node(Eval *ev, Node *node) {
  if (ev->failed && !ev->strict)
    return 0;
  if (is_pointer(type_or_int(node->ty)) && node->kind != ND_COND)
    return eval_pointer(ev, node);
  switch (node->kind) {
  case ND_NUM:
    if (is_float_node(node))
      return not_constant(ev, node);
    return wrap_to(node->ty, node->ival);
  case ND_CHAR:
    return node->ival;
  case ND_VAR:
    return eval_var(ev, node);
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD:
  case ND_BITAND: case ND_BITOR: case ND_BITXOR:
    return eval_arith(ev, node);
  case ND_SHL: case ND_SHR:
    return eval_shift(ev, node, type_or_int(node->ty));
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
    return eval_compare(ev, node);
  case ND_LOGAND:
    return eval_truth(ev, node->lhs) && eval_truth(ev, node->rhs);
  case ND_LOGOR:
    return eval_truth(ev, node->lhs) || eval_truth(ev, node->rhs);
  case ND_NOT:
    return !eval_truth(ev, node->lhs);
  case ND_NEG:
    return wrap_to(node->ty, (int64_t)(0 - (uint64_t)eval_node(ev, node->lhs)));
  case ND_PLUS:
    return wrap_to(node->ty, eval_node(ev, node->lhs));
  case ND_BITNOT:
    return wrap_to(node->ty, ~eval_node(ev, node->lhs));
  case ND_COND:
    return eval_cond(ev, node);
  case ND_CAST:
    return eval_cast(ev, node);
  case ND_SIZEOF: case ND_ALIGNOF:
    return eval_sizeof(ev, node);
  case ND_OFFSETOF:
    return node->ival;
  case ND_GENERIC:
    return node->selected ? eval_node(ev, node->selected) : not_constant(ev, node);
  case ND_BUILTIN: case ND_CALL:
    return eval_builtin(ev, node);
  default:
    /* the comma operator, assignments, calls, ... (6.6p3) */
    return not_constant(ev, node);
  }
}

int64_t eval_int(Node *node) {
  Eval ev = {.strict = true};
  return eval_node(&ev, node);
}

bool eval_int_try(Node *node, int64_t *out) {
  Eval ev = {0};
  int64_t v = eval_node(&ev, node);
  if (ev.failed)
    return false;
  if (out)
    *out = v;
  return true;
}
