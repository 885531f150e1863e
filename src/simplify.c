/*
 * simplify.c: folding and algebraic identities on generated code.
 *
 * The AD passes build expressions mechanically (d_r * 1.0, 0.0 + e,
 * -(a) * b, (double)2, 2.0 - 1) and statements that may do nothing
 * (d_x += 0.0; loops whose body became empty).  This pass cleans them up
 * without changing what the program computes, with one documented
 * exception, the AD zero rule: a product with a zero constant factor (and
 * 0 / y) is zero, and a zero adjoint contribution is dropped, as every AD
 * tool does, although IEEE says inf * 0 is NaN (and x + 0.0 is +0.0 for x
 * = -0.0).  Everything else is exact in IEEE arithmetic: x * 1, x / 1,
 * - -x, (-a) * b == -(a * b), a + -b == a - b, and constants are folded
 * in the precision of their type.
 *
 * Every rewrite keeps the type of the node it replaces (inserting a cast
 * where an operand's type differs), so the parents' types stay right.
 * The pass reuses and modifies the nodes it is given: use it on trees
 * the code generator owns, not on the user's AST.
 */
#include "cotan.h"

#include <math.h>
#include <string.h>

/* ===================================================================== */
/* Constants                                                              */
/* ===================================================================== */

/* The value of an arithmetic constant (integer or real floating), in its
 * own type's precision. */
static bool const_value(Node *e, long double *v) {
  if (!e || e->kind != ND_NUM || !e->ty)
    return false;
  Type *c = type_canon(e->ty);
  switch (c->kind) {
  case TY_FLOAT: *v = (float)e->fval; return true;
  case TY_DOUBLE: *v = (double)e->fval; return true;
  case TY_LDOUBLE: *v = e->fval; return true;
  default:
    break;
  }
  if (!is_integer(c))
    return false;
  *v = c->is_unsigned ? (long double)(uint64_t)e->ival : (long double)e->ival;
  return true;
}

static bool is_const_eq(Node *e, long double want) {
  long double v;
  return const_value(e, &v) && v == want;
}

static bool is_zero(Node *e) { return is_const_eq(e, 0); }

/* A constant spelled by a user macro (ALPHA, M_PI): identities may drop
 * it, but it is not folded into a bare number. */
static bool is_named(Node *e) { return e->tok && e->tok->macro; }

/* A constant of type ty with value v, or NULL if it cannot be spelled
 * exactly (a long double value that is not a double; an integer type out
 * of range). */
static Node *make_const(long double v, Type *ty, Token *tok) {
  Type *c = type_canon(ty);
  if (isnan(v) || isinf(v))
    return NULL;
  switch (c->kind) {
  case TY_FLOAT:
    return new_num_float((double)(float)v, ty, tok);
  case TY_DOUBLE:
    return new_num_float((double)v, ty, tok);
  case TY_LDOUBLE:
    if ((long double)(double)v != v)
      return NULL;
    return new_num_float((double)v, ty, tok);
  default:
    break;
  }
  if (!is_integer(c) || v != floorl(v))
    return NULL;
  if (c->is_unsigned ? (v < 0 || v > 1e18L) : (v < -1e18L || v > 1e18L))
    return NULL;
  if (c->size < 8) {
    long double lim = c->is_unsigned ? ldexpl(1, (int)c->size * 8) : ldexpl(1, (int)c->size * 8 - 1);
    if (v >= lim || (!c->is_unsigned && v < -lim))
      return NULL;
  }
  return new_num_int((int64_t)v, ty, tok);
}

/* The AD zero of an expression's type: 0.0, 0.0f, 0.0L or 0. */
static Node *zero_of(Type *ty, Token *tok) {
  Node *z = make_const(0, ty, tok);
  return z ? z : new_num_int(0, ty_int, tok);
}

/* x op y in the precision of the result type ty (6.3.1.8: both operands
 * are converted to it first); false if it cannot be folded exactly. */
static bool fold_arith(NodeKind op, long double a, long double b, Type *ty, long double *out) {
  if ((op == ND_DIV || op == ND_MOD) && b == 0)
    return false;
  switch (type_canon(ty)->kind) {
#define FOLD(T)                                                   \
  {                                                               \
    T x = (T)a, y = (T)b;                                         \
    switch (op) {                                                 \
    case ND_ADD: *out = x + y; return true;                       \
    case ND_SUB: *out = x - y; return true;                       \
    case ND_MUL: *out = x * y; return true;                       \
    case ND_DIV: *out = x / y; return true;                       \
    default: return false;                                        \
    }                                                             \
  }
  case TY_FLOAT: FOLD(float)
  case TY_DOUBLE: FOLD(double)
  case TY_LDOUBLE: FOLD(long double)
#undef FOLD
  default:
    return false; /* integers: overflow and division rules; left to the C compiler */
  }
}

/* ===================================================================== */
/* Properties                                                             */
/* ===================================================================== */

/* A function without side effects: the <math.h> functions of the rule
 * table (errno aside) and the rules' helpers. */
static bool is_pure_call(Node *e) {
  Node *f = e->lhs;
  if (f->kind != ND_VAR || !f->obj || f->obj->kind != OBJ_FUNC)
    return false;
  return rule_find(f->obj->name) || rule_helper_code(f->obj->name);
}

/* Might evaluating e change anything (assignments, ++/--, calls to
 * anything but pure functions, volatile reads)? */
static bool has_side_effects(Node *e) {
  if (!e)
    return false;
  switch (e->kind) {
  case ND_ASSIGN:
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
  case ND_STMT_EXPR: case ND_VA_ARG: case ND_COMPOUND_LIT: case ND_BUILTIN:
  case ND_GENERIC: case ND_INIT_LIST:
    return true;
  case ND_CALL:
    if (!is_pure_call(e))
      return true;
    for (int i = 0; i < e->args.len; i++)
      if (has_side_effects(vec_get(Node, &e->args, i)))
        return true;
    return false;
  case ND_VAR:
    return e->ty && (e->ty->quals & Q_VOLATILE);
  case ND_SIZEOF: case ND_ALIGNOF:
    return false;
  default:
    return has_side_effects(e->lhs) || has_side_effects(e->rhs) || has_side_effects(e->cond) ||
           has_side_effects(e->then) || has_side_effects(e->els);
  }
}

/* Structural equality of two side-effect-free lvalues or simple
 * expressions (x, a[i], p->f, s.f, *p, constants). */
static bool same_expr(Node *a, Node *b) {
  if (!a || !b)
    return a == b;
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case ND_VAR:
    return a->obj == b->obj;
  case ND_NUM: {
    long double x, y;
    return const_value(a, &x) && const_value(b, &y) && x == y &&
           type_same_unqual(a->ty, b->ty);
  }
  case ND_MEMBER: case ND_ARROW:
    return a->member == b->member && same_expr(a->lhs, b->lhs);
  case ND_INDEX:
  case ND_ADD: case ND_SUB: case ND_MUL:
    return same_expr(a->lhs, b->lhs) && same_expr(a->rhs, b->rhs);
  case ND_DEREF: case ND_NEG:
    return same_expr(a->lhs, b->lhs);
  default:
    return false;
  }
}

/* e converted to ty, without a cast when it already has that type. */
static Node *convert(Node *e, Type *ty) {
  if (type_same_unqual(e->ty, ty))
    return e;
  long double v;
  if (const_value(e, &v) && !is_named(e) && is_floating(ty)) {
    Node *c = make_const(v, ty, e->tok);
    long double back;
    if (c && const_value(c, &back) && back == v)
      return c;
  }
  return new_cast(e, type_unqualified(ty), e->tok);
}

/* The operand of a unary minus that is being removed: parentheses the
 * user wrote around it were for the minus. */
static Node *unneg(Node *neg) {
  neg->lhs->parenthesized = false;
  return neg->lhs;
}

static Node *negate(Node *e, Token *tok);

/* ===================================================================== */
/* Expressions                                                            */
/* ===================================================================== */

static Node *simplify_node(Node *e);

static Node *negate(Node *e, Token *tok) {
  return simplify_node(new_unary(ND_NEG, e, tok));
}

static bool is_boolean(Node *e) {
  switch (e->kind) {
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
  case ND_LOGAND: case ND_LOGOR: case ND_NOT:
    return true;
  default:
    return false;
  }
}

static Node *fold_cast(Node *e) {
  Node *o = e->lhs;
  Type *to = e->ty;
  if (!is_arith(to) || is_complex(to) || !is_arith(o->ty) || is_complex(o->ty))
    return e;
  long double v;
  if (is_floating(to) && const_value(o, &v) && !is_named(o)) {
    /* (double)2 -> 2.0, (float)0.5 -> 0.5f: only where the conversion
     * is exact or rounds like the C conversion (floating to floating). */
    long double conv = type_canon(to)->kind == TY_FLOAT    ? (long double)(float)v
                       : type_canon(to)->kind == TY_DOUBLE ? (long double)(double)v
                                                           : v;
    if (is_floating(o->ty) || conv == v) {
      Node *c = make_const(conv, to, e->tok);
      if (c)
        return c;
    }
  }
  if (type_same_unqual(o->ty, to))
    return o;
  return e;
}

static Node *fold_binary_consts(Node *e) {
  long double a, b, r;
  if (!const_value(e->lhs, &a) || !const_value(e->rhs, &b) || is_named(e->lhs) ||
      is_named(e->rhs))
    return NULL;
  switch (e->kind) {
  case ND_LT: return new_num_int(a < b, ty_int, e->tok);
  case ND_LE: return new_num_int(a <= b, ty_int, e->tok);
  case ND_GT: return new_num_int(a > b, ty_int, e->tok);
  case ND_GE: return new_num_int(a >= b, ty_int, e->tok);
  case ND_EQ: return new_num_int(a == b, ty_int, e->tok);
  case ND_NE: return new_num_int(a != b, ty_int, e->tok);
  case ND_LOGAND: return new_num_int(a != 0 && b != 0, ty_int, e->tok);
  case ND_LOGOR: return new_num_int(a != 0 || b != 0, ty_int, e->tok);
  default:
    break;
  }
  if (!is_floating(e->ty) || !fold_arith(e->kind, a, b, e->ty, &r))
    return NULL;
  return make_const(r, e->ty, e->tok);
}

static Node *simplify_add_sub(Node *e) {
  Node *l = e->lhs, *r = e->rhs;
  bool add = e->kind == ND_ADD;
  if (is_zero(r))                            /* x + 0, x - 0 */
    return convert(l, e->ty);
  if (is_zero(l))                            /* 0 + x, 0 - x */
    return add ? convert(r, e->ty) : negate(convert(r, e->ty), e->tok);
  if (!is_floating(e->ty))
    return e;
  if (r->kind == ND_NEG)                     /* a + -b -> a - b, a - -b -> a + b */
    return simplify_node(new_binary(add ? ND_SUB : ND_ADD, l, unneg(r), e->tok));
  if (l->kind == ND_NEG)                     /* -a + b -> b - a, -a - b -> -(a + b) */
    return add ? simplify_node(new_binary(ND_SUB, r, unneg(l), e->tok))
               : negate(simplify_node(new_binary(ND_ADD, unneg(l), r, e->tok)), e->tok);
  return e;
}

/* A negative floating constant operand written as a minus outside: c is
 * the operand; NULL if it is not one. */
static Node *abs_const(Node *c) {
  long double v;
  if (!is_floating(c->ty) || !const_value(c, &v) || !(v < 0) || is_named(c))
    return NULL;
  return make_const(-v, c->ty, c->tok);
}

static Node *simplify_mul(Node *e) {
  Node *l = e->lhs, *r = e->rhs;
  if ((is_zero(l) && !has_side_effects(r)) || (is_zero(r) && !has_side_effects(l)))
    return zero_of(e->ty, e->tok);           /* the AD zero rule */
  if (is_const_eq(r, 1))
    return convert(l, e->ty);
  if (is_const_eq(l, 1))
    return convert(r, e->ty);
  if (!is_floating(e->ty))
    return e;
  if (is_const_eq(r, -1))
    return negate(convert(l, e->ty), e->tok);
  if (is_const_eq(l, -1))
    return negate(convert(r, e->ty), e->tok);
  Node *c;
  if ((c = abs_const(l)))                    /* (-2.0) OP b -> -(2.0 OP b) */
    return negate(simplify_node(new_binary(e->kind, c, r, e->tok)), e->tok);
  if ((c = abs_const(r)))
    return negate(simplify_node(new_binary(e->kind, l, c, e->tok)), e->tok);
  if (l->kind == ND_NEG && r->kind == ND_NEG)
    return simplify_node(new_binary(ND_MUL, unneg(l), unneg(r), e->tok));
  if (l->kind == ND_NEG)                     /* (-a) * b -> -(a * b) */
    return negate(simplify_node(new_binary(ND_MUL, unneg(l), r, e->tok)), e->tok);
  if (r->kind == ND_NEG)
    return negate(simplify_node(new_binary(ND_MUL, l, unneg(r), e->tok)), e->tok);
  return e;
}

static Node *simplify_div(Node *e) {
  Node *l = e->lhs, *r = e->rhs;
  if (!is_floating(e->ty))
    return is_const_eq(r, 1) ? convert(l, e->ty) : e;
  if (is_zero(l) && !has_side_effects(r))
    return zero_of(e->ty, e->tok);           /* the AD zero rule */
  if (is_const_eq(r, 1))
    return convert(l, e->ty);
  if (is_const_eq(r, -1))
    return negate(convert(l, e->ty), e->tok);
  Node *c;
  if ((c = abs_const(l)))                    /* (-2.0) OP b -> -(2.0 OP b) */
    return negate(simplify_node(new_binary(e->kind, c, r, e->tok)), e->tok);
  if ((c = abs_const(r)))
    return negate(simplify_node(new_binary(e->kind, l, c, e->tok)), e->tok);
  if (l->kind == ND_NEG && r->kind == ND_NEG)
    return simplify_node(new_binary(ND_DIV, unneg(l), unneg(r), e->tok));
  if (l->kind == ND_NEG)                     /* (-a) / b -> -(a / b) */
    return negate(simplify_node(new_binary(ND_DIV, unneg(l), r, e->tok)), e->tok);
  if (r->kind == ND_NEG)
    return negate(simplify_node(new_binary(ND_DIV, l, unneg(r), e->tok)), e->tok);
  return e;
}

/* && and || with one constant operand whose value decides nothing:
 * b && 1, b || 0 -> b (b already 0 or 1); and the ones that decide. */
static Node *simplify_logic(Node *e) {
  bool is_and = e->kind == ND_LOGAND;
  long double v;
  if (const_value(e->lhs, &v)) {
    if ((v != 0) != is_and)                  /* 0 && b, 1 || b */
      return new_num_int(!is_and, ty_int, e->tok);
    if (is_boolean(e->rhs))                  /* 1 && b, 0 || b */
      return e->rhs;
  }
  if (const_value(e->rhs, &v) && !has_side_effects(e->lhs)) {
    if ((v != 0) != is_and)                  /* a && 0, a || 1 */
      return new_num_int(!is_and, ty_int, e->tok);
    if (is_boolean(e->lhs))                  /* a && 1, a || 0 */
      return e->lhs;
  }
  return e;
}

static Node *simplify_call(Node *e) {
  /* pow(x, 1) == x exactly (C11 F.10.4.4 and every libm). */
  Node *f = e->lhs;
  if (f->kind == ND_VAR && f->obj && e->args.len == 2 &&
      (str_eq(f->obj->name, "pow") || str_eq(f->obj->name, "powf") ||
       str_eq(f->obj->name, "powl")) &&
      is_const_eq(vec_get(Node, &e->args, 1), 1) && is_floating(e->ty)) {
    Node *x = vec_get(Node, &e->args, 0);
    if (is_floating(x->ty) && type_canon(x->ty)->kind == type_canon(e->ty)->kind)
      return x;
    return convert(new_cast(x, e->ty, e->tok), e->ty);
  }
  return e;
}

/* The rewrites at one node whose operands are already simplified. */
static Node *simplify_node(Node *e) {
  switch (e->kind) {
  case ND_CAST:
    return fold_cast(e);
  case ND_NEG: {
    long double v;
    if (is_floating(e->ty) && const_value(e->lhs, &v) && !is_named(e->lhs)) {
      Node *c = make_const(-v, e->ty, e->tok);
      if (c)
        return c;
    }
    if (e->lhs->kind == ND_NEG && type_same_unqual(e->lhs->lhs->ty, e->ty))
      return unneg(e->lhs);                  /* - -x */
    return e;
  }
  case ND_PLUS:
    return type_same_unqual(e->lhs->ty, e->ty) ? e->lhs : e;
  case ND_NOT: {
    long double v;
    if (const_value(e->lhs, &v))
      return new_num_int(v == 0, ty_int, e->tok);
    return e;
  }
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
  case ND_LOGAND: case ND_LOGOR: {
    if (!is_arith(e->lhs->ty) || !is_arith(e->rhs->ty) || is_complex(e->lhs->ty) ||
        is_complex(e->rhs->ty))
      return e;                              /* pointer arithmetic, complex */
    Node *c = fold_binary_consts(e);
    if (c)
      return c;
    switch (e->kind) {
    case ND_ADD: case ND_SUB: return simplify_add_sub(e);
    case ND_MUL: return simplify_mul(e);
    case ND_DIV: return simplify_div(e);
    case ND_LOGAND: case ND_LOGOR: return simplify_logic(e);
    default: return e;
    }
  }
  case ND_COND: {
    long double v;
    if (!e->then || !is_arith(e->ty))
      return e;
    if (const_value(e->cond, &v))
      return convert(v != 0 ? e->then : e->els, e->ty);
    if (same_expr(e->then, e->els) && !has_side_effects(e->cond) &&
        type_same_unqual(e->then->ty, e->els->ty))
      return convert(e->then, e->ty);
    return e;
  }
  case ND_CALL:
    return simplify_call(e);
  case ND_ASSIGN:
    /* d += -e -> d -= e, d -= -e -> d += e (IEEE: x + -y == x - y). */
    if ((e->op == ND_ADD || e->op == ND_SUB) && e->rhs->kind == ND_NEG &&
        is_floating(e->rhs->ty) && type_same_unqual(e->rhs->lhs->ty, e->rhs->ty)) {
      e->op = e->op == ND_ADD ? ND_SUB : ND_ADD;
      e->rhs = unneg(e->rhs);
    }
    return e;
  default:
    return e;
  }
}

Node *simplify_expr(Node *e) {
  if (!e)
    return NULL;
  switch (e->kind) {
  case ND_STMT_EXPR: case ND_COMPOUND_LIT: case ND_INIT_LIST: case ND_GENERIC:
  case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF: case ND_VA_ARG:
    return e;                                /* not generated arithmetic */
  default:
    break;
  }
  e->lhs = simplify_expr(e->lhs);
  e->rhs = simplify_expr(e->rhs);
  e->cond = simplify_expr(e->cond);
  e->then = simplify_expr(e->then);
  e->els = simplify_expr(e->els);
  for (int i = 0; i < e->args.len; i++)
    e->args.items[i] = simplify_expr(e->args.items[i]);
  return simplify_node(e);
}

Node *simplify_accumulate(Node *lhs, Node *rhs, Token *tok) {
  rhs = simplify_expr(rhs);
  if (is_zero(rhs) && !has_side_effects(rhs))
    return NULL;
  if (rhs->kind == ND_NEG && is_floating(rhs->ty) && type_same_unqual(rhs->lhs->ty, rhs->ty))
    return new_assign(ND_SUB, lhs, unneg(rhs), tok);
  return new_assign(ND_ADD, lhs, rhs, tok);
}

/* ===================================================================== */
/* Statements                                                             */
/* ===================================================================== */

static bool has_comments(Node *s) {
  return s->tok && (s->tok->lead_comments.len || s->tok->trail_comment);
}

static bool is_empty_stmt(Node *s) {
  if (!s)
    return true;
  if (s->kind == ND_NULL_STMT)
    return !has_comments(s);
  return s->kind == ND_BLOCK && s->stmts.len == 0;
}

/* An expression statement that does nothing: d += 0, d -= 0, d *= 1,
 * d /= 1, x = x, a constant or a plain (non-volatile) variable. */
static bool is_noop_expr(Node *e) {
  if (e->kind == ND_NUM)
    return true;
  if (e->kind == ND_VAR)
    return !has_side_effects(e);
  if (e->kind != ND_ASSIGN || has_side_effects(e->lhs) || has_side_effects(e->rhs))
    return false;
  switch (e->op) {
  case ND_ADD: case ND_SUB:
    return is_zero(e->rhs);
  case ND_MUL: case ND_DIV:
    return is_const_eq(e->rhs, 1);
  case ND_NONE:
    return same_expr(e->lhs, e->rhs);
  default:
    return false;
  }
}

/* Is v one of the variables the declaration declares? */
static bool declares(Node *decl, Obj *v) {
  if (!decl || decl->kind != ND_DECL)
    return false;
  for (int i = 0; i < decl->decl_vars.len; i++)
    if (vec_get(Declarator, &decl->decl_vars, i)->obj == v)
      return true;
  return false;
}

/* A for-loop increment that only steps variables its init declares. */
static bool steps_only_own(Node *inc, Node *init) {
  if (!inc)
    return true;
  switch (inc->kind) {
  case ND_COMMA:
    return steps_only_own(inc->lhs, init) && steps_only_own(inc->rhs, init);
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return inc->lhs->kind == ND_VAR && declares(init, inc->lhs->obj);
  case ND_ASSIGN:
    return inc->lhs->kind == ND_VAR && declares(init, inc->lhs->obj) &&
           !has_side_effects(inc->rhs);
  default:
    return !has_side_effects(inc);
  }
}

/* A for loop with an empty body whose header changes nothing outside the
 * loop.  (C11 6.8.5p6 lets an implementation assume such a loop ends.) */
static bool removable_for(Node *s) {
  if (!s->cond || has_side_effects(s->cond) || !steps_only_own(s->inc, s->init))
    return false;
  if (!s->init)
    return true;
  if (s->init->kind == ND_EXPR_STMT)
    return !has_side_effects(s->init->lhs);
  if (s->init->kind != ND_DECL)
    return false;
  for (int i = 0; i < s->init->decl_vars.len; i++) {
    Declarator *d = vec_get(Declarator, &s->init->decl_vars, i);
    if ((d->init && has_side_effects(d->init)) || (d->ty && type_canon(d->ty)->is_vla))
      return false;
  }
  return true;
}

static Node *empty_block(Token *tok) {
  Node *b = new_node(ND_BLOCK, tok);
  return b;
}

/* The statement simplified, or NULL if it does nothing. */
static Node *simplify_stmt(Node *s) {
  if (!s)
    return NULL;
  switch (s->kind) {
  case ND_BLOCK: {
    Vec kept = {0};
    for (int i = 0; i < s->stmts.len; i++) {
      Node *t = simplify_stmt(vec_get(Node, &s->stmts, i));
      if (t && !is_empty_stmt(t))
        vec_push(&kept, t);
    }
    s->stmts = kept;
    return s;
  }
  case ND_EXPR_STMT:
    s->lhs = simplify_expr(s->lhs);
    return is_noop_expr(s->lhs) ? NULL : s;
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &s->decl_vars, i);
      if (d->init && d->init->kind != ND_INIT_LIST)
        d->init = simplify_expr(d->init);
    }
    return s;
  case ND_RETURN:
    s->lhs = simplify_expr(s->lhs);
    return s;
  case ND_IF: {
    s->cond = simplify_expr(s->cond);
    Node *then = simplify_stmt(s->then);
    Node *els = simplify_stmt(s->els);
    long double v;
    if (const_value(s->cond, &v))
      return v != 0 ? then : els;
    if (is_empty_stmt(els))
      els = NULL;
    if (is_empty_stmt(then) && !els) {
      if (!has_side_effects(s->cond))
        return NULL;
      Node *es = new_node(ND_EXPR_STMT, s->tok);
      es->lhs = s->cond;
      return es;
    }
    if (is_empty_stmt(then)) {               /* if (c) {} else S -> if (!c) S */
      s->cond = new_unary(ND_NOT, s->cond, s->cond->tok);
      if (els->kind != ND_BLOCK) {
        Node *b = empty_block(els->tok);
        vec_push(&b->stmts, els);
        els = b;
      }
      then = els;
      els = NULL;
    }
    s->then = then ? then : empty_block(s->tok);
    s->els = els;
    return s;
  }
  case ND_FOR:
    if (s->init && s->init->kind == ND_EXPR_STMT)
      s->init->lhs = simplify_expr(s->init->lhs);
    else if (s->init && s->init->kind == ND_DECL)
      simplify_stmt(s->init);
    s->cond = simplify_expr(s->cond);
    s->inc = simplify_expr(s->inc);
    s->body = simplify_stmt(s->body);
    if (is_empty_stmt(s->body) && removable_for(s))
      return NULL;
    if (!s->body)
      s->body = empty_block(s->tok);
    return s;
  case ND_WHILE:
  case ND_DO: {
    s->cond = simplify_expr(s->cond);
    s->body = simplify_stmt(s->body);
    long double v;
    if (is_empty_stmt(s->body) && !has_side_effects(s->cond) &&
        !(const_value(s->cond, &v) && v != 0))
      return NULL;
    if (!s->body)
      s->body = empty_block(s->tok);
    return s;
  }
  case ND_SWITCH:
    s->cond = simplify_expr(s->cond);
    s->body = simplify_stmt(s->body);
    if (!s->body)
      s->body = empty_block(s->tok);
    return s;
  case ND_CASE:
  case ND_DEFAULT:
  case ND_LABEL:
    s->body = simplify_stmt(s->body);
    if (!s->body)
      s->body = new_node(ND_NULL_STMT, s->tok);
    return s;
  default:
    return s;
  }
}

void simplify_block(Node *block) {
  if (block)
    simplify_stmt(block);
}
