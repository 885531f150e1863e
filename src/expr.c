/*
 * expr.c: expressions (C11 6.5), each typed as it is built.
 *
 * The tree keeps what the user wrote: a[i], p->f, x op= y, ++, casts and
 * commas are their own node kinds, parentheses are a flag on the inner
 * node, and no implicit-conversion node is ever inserted.  Every node gets
 * its C type in `ty` when it is built; the conversion an operator applies
 * can be recomputed from its operands with type_common().
 *
 * The builders (new_binary, new_unary, new_cast, ...) do the typing and
 * the constraint checks, so later passes that synthesize code get the same
 * types and the same errors as the parser.
 *
 * Binary operators are parsed by precedence climbing over one table rather
 * than one function per level: the grammar is the same, and a deeply
 * parenthesized expression costs a few stack frames per level instead of a
 * dozen.
 */
#include "cotan.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Nesting limit for parentheses, unary operators, casts, assignments and
 * conditionals, so hostile input gets an error instead of a stack
 * overflow.  One parenthesis level counts twice (cast and assignment). */
enum { MAX_EXPR_NESTING = 2000 };
static int expr_nesting;

static Node *parse_cast(Parser *p);
static Node *parse_unary(Parser *p);
static Node *parse_postfix_tail(Parser *p, Node *node);

/* ---------------------------------------------------------------------- */
/* Small helpers                                                          */
/* ---------------------------------------------------------------------- */

static void nesting_enter(Parser *p) {
  if (++expr_nesting > MAX_EXPR_NESTING)
    error_tok(peek(p), "expression nested too deeply (more than %d levels)",
              MAX_EXPR_NESTING / 2);
}

static void nesting_leave(void) { expr_nesting--; }

static const char *tyname(Type *ty) { return type_to_str(ty, ""); }

/* The pointee of a pointer or the element of an array. */
static Type *pointee(Type *ty) { return type_canon(ty)->base; }

static bool is_bitfield(const Node *node) {
  return (node->kind == ND_MEMBER || node->kind == ND_ARROW) && node->member &&
         node->member->bit_width >= 0;
}

/* 6.3.2.1: the type of an operand used as a value: arrays and functions
 * decay to pointers, qualifiers are dropped. */
static Type *value_ty(Node *node) { return type_decay(node->ty); }

/* The value type, and for a bit-field the type the integer promotions
 * give it (6.3.1.1p2): a bit-field narrower than int promotes to int. */
static Type *operand_ty(Node *node) {
  Type *ty = value_ty(node);
  if (is_bitfield(node) && is_integer(ty) && type_canon(ty)->size <= ty_int->size) {
    if (node->member->bit_width < 32)
      return ty_int;
    return type_promote(ty);
  }
  return ty;
}

static bool is_func_designator(const Node *node) { return is_func(node->ty); }

/* A fresh token for synthesized code: the spelling given, the source place
 * of `at` (for diagnostics), and no comments. */
static Token *synth_token(Token *at, TokenKind kind, char *text) {
  Token *tok = new_of(Token);
  if (at) {
    tok->file = at->file;
    tok->line = at->line;
    tok->col = at->col;
    tok->seq = at->seq;
  }
  tok->kind = kind;
  tok->text = text;
  tok->len = (int)strlen(text);
  return tok;
}

/* The tokens from `first` through `last` as one string, with one space
 * where the source had white space. */
static char *tokens_text(Token *first, Token *last) {
  Buf b = {0};
  for (Token *t = first;; t = t->next) {
    if (t != first && t->has_space)
      buf_putc(&b, ' ');
    buf_puts(&b, t->text);
    if (t == last || t->kind == TK_EOF)
      break;
  }
  return xstrdup(buf_str(&b));
}

/* ---------------------------------------------------------------------- */
/* Lvalues and constants                                                  */
/* ---------------------------------------------------------------------- */

/* 6.3.2.1p1: does the expression designate an object? */
bool is_lvalue(const Node *node) {
  switch (node->kind) {
  case ND_VAR:
    return node->obj && node->obj->kind == OBJ_VAR;
  case ND_DEREF:
  case ND_INDEX:
  case ND_ARROW:
    return !is_func(node->ty) && !is_void(node->ty);
  case ND_MEMBER:
    return is_lvalue(node->lhs);
  case ND_STR:
  case ND_FUNC_NAME:
  case ND_COMPOUND_LIT:
    return true;
  case ND_GENERIC:
    return node->selected && is_lvalue(node->selected);
  case ND_BUILTIN:
    /* __real__ x and __imag__ x are lvalues when x is. */
    return node->text && (str_eq(node->text, "__real__") || str_eq(node->text, "__imag__")) &&
           node->args.len == 1 && is_lvalue(vec_get(Node, &node->args, 0));
  default:
    return false;
  }
}

/* 6.3.2.3p3: an integer constant expression with value 0, or one cast to
 * void *. */
bool is_null_pointer_constant(Node *node) {
  if (node->kind == ND_CAST && is_pointer(node->ty)) {
    Type *base = pointee(node->ty);
    return is_void(base) && !base->quals && node->lhs && is_integer(node->lhs->ty) &&
           is_null_pointer_constant(node->lhs);
  }
  if (!is_integer(node->ty))
    return false;
  int64_t val;
  return eval_int_try(node, &val) && val == 0;
}

/* The checks for the left operand of =, op=, ++ and --: a modifiable
 * lvalue (6.3.2.1p1). */
static void check_modifiable(Node *node, Token *tok) {
  if (!is_lvalue(node))
    error_tok(tok, "expression is not assignable");
  if (is_array(node->ty))
    error_tok(tok, "array type '%s' is not assignable", tyname(node->ty));
  if (!is_const(node->ty))
    return;
  if (node->kind == ND_VAR)
    error_tok(tok, "cannot assign to variable '%s' with const-qualified type '%s'",
              node->obj->name, tyname(node->ty));
  if ((node->kind == ND_MEMBER || node->kind == ND_ARROW) && node->member->name)
    error_tok(tok, "cannot assign to non-static data member '%s' with const-qualified type '%s'",
              node->member->name, tyname(node->ty));
  error_tok(tok, "read-only variable is not assignable");
}

static char *conv_phrase(ConvContext ctx, Type *dst, Type *src, const char *adj) {
  switch (ctx) {
  case CONV_ARG:
    return format("passing '%s' to parameter of %stype '%s'", tyname(src), adj, tyname(dst));
  case CONV_RETURN:
    return format("returning '%s' from a function with %sresult type '%s'", tyname(src), adj,
                  tyname(dst));
  case CONV_INIT:
    return format("initializing '%s' with an expression of %stype '%s'", tyname(dst), adj,
                  tyname(src));
  default:
    return format("assigning to '%s' from %stype '%s'", tyname(dst), adj, tyname(src));
  }
}

/* 6.5.16.1 simple assignment constraints, applied to assignments, call
 * arguments and return values.  Clear mismatches are errors; integer /
 * pointer mixes are warnings, as gcc and clang treat them. */
void check_convertible(Type *dst, Node *src, Token *tok, ConvContext ctx) {
  Type *s = value_ty(src);
  if (is_arith(dst) && is_arith(s))
    return;
  if (is_record(dst)) {
    /* A union parameter may be a transparent union: leave it to cc. */
    if (type_same_unqual(dst, s) || type_canon(dst)->kind == TY_UNION)
      return;
    error_tok(tok, "%s", conv_phrase(ctx, dst, s, "incompatible "));
  }
  if (is_pointer(dst)) {
    if (is_pointer(s) || is_null_pointer_constant(src))
      return;
    if (is_integer(s)) {
      warn_tok(tok, "incompatible integer to pointer conversion %s", conv_phrase(ctx, dst, s, ""));
      return;
    }
    error_tok(tok, "%s", conv_phrase(ctx, dst, s, "incompatible "));
  }
  if (type_canon(dst)->kind == TY_BOOL && is_pointer(s))
    return;
  if (is_integer(dst) && is_pointer(s)) {
    warn_tok(tok, "incompatible pointer to integer conversion %s", conv_phrase(ctx, dst, s, ""));
    return;
  }
  if (is_void(dst) && is_void(s))
    return;
  error_tok(tok, "%s", conv_phrase(ctx, dst, s, "incompatible "));
}

/* ---------------------------------------------------------------------- */
/* Builders: constants and names                                          */
/* ---------------------------------------------------------------------- */

/* The spelling of an integer constant of type ty: the suffix makes the
 * constant have exactly that type when it fits. */
static char *int_spelling(int64_t v, Type *ty) {
  Type *c = type_canon(ty);
  const char *suffix = "";
  switch (c->kind) {
  case TY_UINT: suffix = "u"; break;
  case TY_LONG: suffix = "l"; break;
  case TY_ULONG: suffix = "ul"; break;
  case TY_LLONG: suffix = "ll"; break;
  case TY_ULLONG: suffix = "ull"; break;
  default: break;
  }
  if (c->is_unsigned)
    return format("%llu%s", (unsigned long long)v, suffix);
  if (v == INT64_MIN)
    return format("-9223372036854775807%s - 1", *suffix ? suffix : "l");
  return format("%lld%s", (long long)v, suffix);
}

Node *new_num_int(int64_t v, Type *ty, Token *tok) {
  Node *node = new_node(ND_NUM, synth_token(tok, TK_NUM, int_spelling(v, ty)));
  node->tok->lit_ty = ty;
  node->tok->ival = v;
  node->ival = v;
  node->ty = ty;
  /* A negative constant is spelled "-5": parentheses keep it one operand
   * wherever the printer puts it. */
  node->parenthesized = v < 0 && !type_canon(ty)->is_unsigned;
  return node;
}

/* The shortest "%.*g" spelling that reads back as the same value, always
 * with a '.' or an exponent so it stays a floating constant. */
static char *float_spelling(double v, Type *ty) {
  TypeKind kind = type_canon(ty)->kind;
  bool is_float = kind == TY_FLOAT;
  const char *suffix = is_float ? "f" : kind == TY_LDOUBLE ? "L" : "";
  if (isnan(v))
    return format("__builtin_nan%s(\"\")", is_float ? "f" : kind == TY_LDOUBLE ? "l" : "");
  if (isinf(v))
    return format("%s__builtin_inf%s()", v < 0 ? "-" : "",
                  is_float ? "f" : kind == TY_LDOUBLE ? "l" : "");
  char buf[64];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (is_float ? strtof(buf, NULL) == (float)v : strtod(buf, NULL) == v)
      break;
  }
  if (!strpbrk(buf, ".eEn"))
    strcat(buf, ".0");
  return format("%s%s", buf, suffix);
}

Node *new_num_float(double v, Type *ty, Token *tok) {
  Node *node = new_node(ND_NUM, synth_token(tok, TK_NUM, float_spelling(v, ty)));
  node->tok->lit_ty = ty;
  node->tok->fval = v;
  node->fval = v;
  node->ty = ty;
  node->parenthesized = signbit(v) != 0;
  return node;
}

Node *new_var_node(Obj *obj, Token *tok) {
  Node *node = new_node(ND_VAR, tok);
  node->obj = obj;
  node->ty = obj->ty;
  return node;
}

/* ---------------------------------------------------------------------- */
/* Builders: operators                                                    */
/* ---------------------------------------------------------------------- */

_Noreturn static void invalid_operands(Node *lhs, Node *rhs, Token *tok) {
  error_tok(tok, "invalid operands to binary expression ('%s' and '%s')", tyname(lhs->ty),
            tyname(rhs->ty));
}

/* 6.5.6p2: the pointer operand of + and - must point to a complete
 * object type (GNU C also allows void * and function pointers). */
static Type *pointer_arith_type(Type *ptr, Token *tok) {
  Type *base = pointee(ptr);
  if (is_record(base) && !type_canon(base)->sdef->is_complete)
    error_tok(tok, "arithmetic on a pointer to an incomplete type '%s'", tyname(base));
  return ptr;
}

/* Pointers whose pointees are compatible when qualifiers are ignored. */
static bool pointees_compatible(Type *a, Type *b) {
  return type_same_unqual(pointee(a), pointee(b)) ||
         type_compatible(type_unqualified(pointee(a)), type_unqualified(pointee(b)));
}

/* 6.5.8, 6.5.9: pointer operands of a comparison. */
static Type *compare_type(NodeKind kind, Node *lhs, Node *rhs, Type *l, Type *r, Token *tok) {
  bool equality = kind == ND_EQ || kind == ND_NE;
  if (is_arith(l) && is_arith(r)) {
    if (!equality && (is_complex(l) || is_complex(r)))
      invalid_operands(lhs, rhs, tok);
    return ty_int;
  }
  if (is_pointer(l) && is_pointer(r))
    return ty_int;
  if ((is_pointer(l) && is_null_pointer_constant(rhs)) ||
      (is_pointer(r) && is_null_pointer_constant(lhs)))
    return ty_int;
  if ((is_pointer(l) && is_integer(r)) || (is_integer(l) && is_pointer(r))) {
    warn_tok(tok, "comparison between pointer and integer ('%s' and '%s')", tyname(lhs->ty),
             tyname(rhs->ty));
    return ty_int;
  }
  invalid_operands(lhs, rhs, tok);
}

/* The result type of a binary operator (6.5.5 to 6.5.14), or an error. */
static Type *binary_type(NodeKind kind, Node *lhs, Node *rhs, Token *tok) {
  Type *l = operand_ty(lhs);
  Type *r = operand_ty(rhs);
  switch (kind) {
  case ND_MUL:
  case ND_DIV:
    if (is_arith(l) && is_arith(r))
      return type_common(l, r);
    break;
  case ND_MOD:
  case ND_BITAND:
  case ND_BITOR:
  case ND_BITXOR:
    if (is_integer(l) && is_integer(r))
      return type_common(l, r);
    break;
  case ND_SHL:
  case ND_SHR:
    /* 6.5.7p3: the type of the promoted left operand. */
    if (is_integer(l) && is_integer(r))
      return type_promote(l);
    break;
  case ND_ADD:
    if (is_arith(l) && is_arith(r))
      return type_common(l, r);
    if (is_pointer(l) && is_integer(r))
      return pointer_arith_type(l, tok);
    if (is_integer(l) && is_pointer(r))
      return pointer_arith_type(r, tok);
    break;
  case ND_SUB:
    if (is_arith(l) && is_arith(r))
      return type_common(l, r);
    if (is_pointer(l) && is_integer(r))
      return pointer_arith_type(l, tok);
    if (is_pointer(l) && is_pointer(r)) {
      if (!pointees_compatible(l, r))
        error_tok(tok, "'%s' and '%s' are not pointers to compatible types", tyname(lhs->ty),
                  tyname(rhs->ty));
      return ty_long; /* ptrdiff_t */
    }
    break;
  case ND_LT:
  case ND_LE:
  case ND_GT:
  case ND_GE:
  case ND_EQ:
  case ND_NE:
    return compare_type(kind, lhs, rhs, l, r, tok);
  case ND_LOGAND:
  case ND_LOGOR:
    if (is_scalar(l) && is_scalar(r))
      return ty_int;
    break;
  default:
    unreachable();
  }
  invalid_operands(lhs, rhs, tok);
}

/* 6.5.2.1 Array subscripting: one operand a pointer to a complete object
 * type (arrays decay), the other an integer.  i[a] is kept with swapped. */
static Node *new_index(Node *base, Node *index, Token *tok) {
  Node *node = new_node(ND_INDEX, tok);
  if (is_integer(value_ty(base)) && is_pointer(value_ty(index))) {
    Node *tmp = base;
    base = index;
    index = tmp;
    node->swapped = true;
  }
  Type *bt = value_ty(base);
  if (!is_pointer(bt))
    error_tok(tok, "subscripted value is not an array or pointer (type '%s')", tyname(base->ty));
  if (!is_integer(operand_ty(index)))
    error_tok(tok, "array subscript is not an integer (type '%s')", tyname(index->ty));
  Type *elem = pointee(bt);
  if (is_void(elem) || is_func(elem))
    error_tok(tok, "subscript of pointer to %s type '%s'", is_void(elem) ? "incomplete" : "function",
              tyname(elem));
  node->lhs = base;
  node->rhs = index;
  node->ty = elem;
  return node;
}

/* Assignment (6.5.16): plain when op == ND_NONE, else compound (ND_ADD for
 * +=, ...).  The result has the unqualified type of the left operand. */
Node *new_assign(NodeKind op, Node *lhs, Node *rhs, Token *tok) {
  check_modifiable(lhs, tok);
  if (op == ND_NONE) {
    check_convertible(lhs->ty, rhs, tok, CONV_ASSIGN);
  } else if (is_pointer(value_ty(lhs))) {
    /* 6.5.16.2p1: pointer += integer and pointer -= integer only. */
    if (!((op == ND_ADD || op == ND_SUB) && is_integer(operand_ty(rhs))))
      invalid_operands(lhs, rhs, tok);
    pointer_arith_type(value_ty(lhs), tok);
  } else {
    binary_type(op, lhs, rhs, tok);
    if (!is_arith(lhs->ty))
      invalid_operands(lhs, rhs, tok);
  }
  Node *node = new_node(ND_ASSIGN, tok);
  node->op = op;
  node->lhs = lhs;
  node->rhs = rhs;
  node->ty = type_unqualified(lhs->ty);
  return node;
}

Node *new_binary(NodeKind kind, Node *lhs, Node *rhs, Token *tok) {
  if (kind == ND_INDEX)
    return new_index(lhs, rhs, tok);
  if (kind == ND_ASSIGN)
    return new_assign(ND_NONE, lhs, rhs, tok);
  Node *node = new_node(kind, tok);
  node->lhs = lhs;
  node->rhs = rhs;
  if (kind == ND_COMMA)
    node->ty = value_ty(rhs);
  else
    node->ty = binary_type(kind, lhs, rhs, tok);
  return node;
}

/* 6.5.3.2p1: & needs a function designator or an lvalue that is not a
 * bit-field or a register variable. */
static Type *address_type(Node *operand, Token *tok) {
  if (!is_func_designator(operand) && !is_lvalue(operand))
    error_tok(tok, "cannot take the address of an rvalue of type '%s'", tyname(operand->ty));
  if (is_bitfield(operand))
    error_tok(tok, "address of bit-field requested");
  if (operand->kind == ND_VAR && operand->obj->storage == SC_REGISTER)
    error_tok(tok, "address of register variable requested");
  return pointer_to(operand->ty);
}

/* 6.5.3.2p2: * needs a pointer; the result is the pointee (a function
 * designator for a function pointer). */
static Type *deref_type(Node *operand, Token *tok) {
  Type *ty = value_ty(operand);
  if (!is_pointer(ty))
    error_tok(tok, "indirection requires pointer operand ('%s' invalid)", tyname(operand->ty));
  return pointee(ty);
}

/* 6.5.2.4, 6.5.3.1: ++ and -- need a modifiable real or pointer lvalue. */
static Type *incdec_type(Node *operand, Token *tok) {
  check_modifiable(operand, tok);
  Type *ty = value_ty(operand);
  if (!(is_integer(ty) || is_floating(ty) || is_complex(ty) || is_pointer(ty)))
    error_tok(tok, "cannot %s value of type '%s'",
              (tok_is(tok, "++") ? "increment" : "decrement"), tyname(operand->ty));
  if (is_pointer(ty))
    pointer_arith_type(ty, tok);
  return type_unqualified(operand->ty);
}

/* sizeof / _Alignof applied to an expression (6.5.3.4p1). */
static void check_sizeof_operand(Node *operand, Token *tok) {
  Type *ty = operand->ty;
  if (is_func(ty))
    error_tok(tok, "invalid application of '%s' to a function type", tok->text);
  if (is_bitfield(operand))
    error_tok(tok, "invalid application of '%s' to bit-field", tok->text);
  if (is_record(ty) && !type_canon(ty)->sdef->is_complete)
    error_tok(tok, "invalid application of '%s' to an incomplete type '%s'", tok->text,
              tyname(ty));
}

static Type *unary_type(NodeKind kind, Node *operand, Token *tok) {
  Type *ty = operand_ty(operand);
  switch (kind) {
  case ND_NEG:
  case ND_PLUS:
    if (is_arith(ty))
      return type_promote(ty);
    break;
  case ND_BITNOT:
    /* ~ on a complex value is GNU conjugation. */
    if (is_integer(ty) || is_complex(ty))
      return type_promote(ty);
    break;
  case ND_NOT:
    if (is_scalar(ty))
      return ty_int;
    break;
  case ND_ADDR:
    return address_type(operand, tok);
  case ND_DEREF:
    return deref_type(operand, tok);
  case ND_PRE_INC:
  case ND_PRE_DEC:
  case ND_POST_INC:
  case ND_POST_DEC:
    return incdec_type(operand, tok);
  case ND_SIZEOF:
  case ND_ALIGNOF:
    check_sizeof_operand(operand, tok);
    return ty_ulong; /* size_t */
  default:
    unreachable();
  }
  error_tok(tok, "invalid argument type '%s' to unary expression", tyname(operand->ty));
}

Node *new_unary(NodeKind kind, Node *operand, Token *tok) {
  Node *node = new_node(kind, tok);
  node->lhs = operand;
  node->ty = unary_type(kind, operand, tok);
  return node;
}

/* 6.5.4 Cast operators: to void, or scalar to scalar (no pointer <->
 * floating); GNU C also casts to a union type or to the same record. */
Node *new_cast(Node *expr, Type *ty, Token *tok) {
  Type *from = value_ty(expr);
  if (is_void(ty)) {
    /* anything may be cast to void */
  } else if (is_scalar(ty)) {
    if (!is_scalar(from))
      error_tok(tok, "operand of type '%s' where arithmetic or pointer type is required",
                tyname(expr->ty));
    if (is_pointer(ty) && (is_floating(from) || is_complex(from)))
      error_tok(tok, "operand of type '%s' cannot be cast to a pointer type", tyname(expr->ty));
    if ((is_floating(ty) || is_complex(ty)) && is_pointer(from))
      error_tok(tok, "pointer cannot be cast to type '%s'", tyname(ty));
  } else if (!(type_canon(ty)->kind == TY_UNION || type_same_unqual(ty, from))) {
    error_tok(tok, "used type '%s' where arithmetic or pointer type is required", tyname(ty));
  }
  Node *node = new_node(ND_CAST, tok);
  node->lhs = expr;
  node->type_arg = ty;
  node->ty = type_unqualified(ty);
  return node;
}

/* 6.5.2.3 Structure and union members: `.` on a record, `->` on a pointer
 * to one.  The member's type gets the record's qualifiers. */
Node *new_member_access(NodeKind kind, Node *base, Token *name) {
  Type *rec = base->ty;
  if (kind == ND_ARROW) {
    Type *ptr = value_ty(base);
    if (!is_pointer(ptr)) {
      if (is_record(base->ty))
        error_tok(name, "member reference type '%s' is not a pointer; did you mean to use '.'?",
                  tyname(base->ty));
      error_tok(name, "member reference type '%s' is not a pointer", tyname(base->ty));
    }
    rec = pointee(ptr);
  }
  if (!is_record(rec)) {
    if (kind == ND_MEMBER && is_pointer(rec) && is_record(pointee(rec)))
      error_tok(name, "member reference type '%s' is a pointer; did you mean to use '->'?",
                tyname(rec));
    error_tok(name, "member reference base type '%s' is not a structure or union", tyname(rec));
  }
  if (!type_canon(rec)->sdef->is_complete)
    error_tok(name, "incomplete definition of type '%s'", tyname(rec));
  Member *member = type_find_member(rec, name->text, NULL);
  if (!member)
    error_tok(name, "no member named '%s' in '%s'", name->text, tyname(type_unqualified(rec)));
  Node *node = new_node(kind, name);
  node->lhs = base;
  node->member = member;
  node->ty = rec->quals ? type_qualified(member->ty, rec->quals) : member->ty;
  return node;
}

/* ---------------------------------------------------------------------- */
/* Calls and builtins                                                     */
/* ---------------------------------------------------------------------- */

/* How the result type of an undeclared __builtin_ function is found. */
typedef enum {
  RES_FIXED,      /* the type in the table */
  RES_BY_SUFFIX,  /* double; "f" suffix float; "l" long double; "f128"/"q" _Float128 */
  RES_POINTEE,    /* the pointee of the first argument (__sync_fetch_and_add) */
  RES_COMPLEX,    /* __builtin_complex(re, im): _Complex of the argument type */
  RES_TGMATH,     /* __builtin_tgmath: the common type of the arithmetic arguments */
  RES_FIRST_ARG,  /* the first argument's type (__builtin_expect_with_probability) */
} ResultRule;

typedef struct BuiltinInfo {
  const char *name;  /* without the prefix */
  bool is_prefix;    /* matches every name starting with it (clzll, signbitf) */
  ResultRule rule;
  Type **ty;         /* RES_FIXED */
} BuiltinInfo;

/* Result types of the builtins that system headers and user code call
 * without declaring them.  Unknown ones return int, as an implicit
 * declaration would. */
static const BuiltinInfo builtin_table[] = {
  /* Floating results; the name's suffix picks the type. */
  {"inf", false, RES_BY_SUFFIX, NULL}, {"huge_val", false, RES_BY_SUFFIX, NULL},
  {"nan", false, RES_BY_SUFFIX, NULL}, {"nans", false, RES_BY_SUFFIX, NULL},
  {"fabs", false, RES_BY_SUFFIX, NULL}, {"sqrt", false, RES_BY_SUFFIX, NULL},
  {"cbrt", false, RES_BY_SUFFIX, NULL}, {"hypot", false, RES_BY_SUFFIX, NULL},
  {"sin", false, RES_BY_SUFFIX, NULL}, {"cos", false, RES_BY_SUFFIX, NULL},
  {"tan", false, RES_BY_SUFFIX, NULL}, {"asin", false, RES_BY_SUFFIX, NULL},
  {"acos", false, RES_BY_SUFFIX, NULL}, {"atan", false, RES_BY_SUFFIX, NULL},
  {"atan2", false, RES_BY_SUFFIX, NULL}, {"sinh", false, RES_BY_SUFFIX, NULL},
  {"cosh", false, RES_BY_SUFFIX, NULL}, {"tanh", false, RES_BY_SUFFIX, NULL},
  {"asinh", false, RES_BY_SUFFIX, NULL}, {"acosh", false, RES_BY_SUFFIX, NULL},
  {"atanh", false, RES_BY_SUFFIX, NULL}, {"exp", false, RES_BY_SUFFIX, NULL},
  {"exp2", false, RES_BY_SUFFIX, NULL}, {"expm1", false, RES_BY_SUFFIX, NULL},
  {"log", false, RES_BY_SUFFIX, NULL}, {"log2", false, RES_BY_SUFFIX, NULL},
  {"log10", false, RES_BY_SUFFIX, NULL}, {"log1p", false, RES_BY_SUFFIX, NULL},
  {"logb", false, RES_BY_SUFFIX, NULL}, {"pow", false, RES_BY_SUFFIX, NULL},
  {"fmod", false, RES_BY_SUFFIX, NULL}, {"remainder", false, RES_BY_SUFFIX, NULL},
  {"floor", false, RES_BY_SUFFIX, NULL}, {"ceil", false, RES_BY_SUFFIX, NULL},
  {"round", false, RES_BY_SUFFIX, NULL}, {"trunc", false, RES_BY_SUFFIX, NULL},
  {"rint", false, RES_BY_SUFFIX, NULL}, {"nearbyint", false, RES_BY_SUFFIX, NULL},
  {"copysign", false, RES_BY_SUFFIX, NULL}, {"fmin", false, RES_BY_SUFFIX, NULL},
  {"fmax", false, RES_BY_SUFFIX, NULL}, {"fdim", false, RES_BY_SUFFIX, NULL},
  {"fma", false, RES_BY_SUFFIX, NULL}, {"erf", false, RES_BY_SUFFIX, NULL},
  {"erfc", false, RES_BY_SUFFIX, NULL}, {"tgamma", false, RES_BY_SUFFIX, NULL},
  {"lgamma", false, RES_BY_SUFFIX, NULL}, {"ldexp", false, RES_BY_SUFFIX, NULL},
  {"frexp", false, RES_BY_SUFFIX, NULL}, {"modf", false, RES_BY_SUFFIX, NULL},
  {"scalbn", false, RES_BY_SUFFIX, NULL}, {"scalbln", false, RES_BY_SUFFIX, NULL},
  {"nextafter", false, RES_BY_SUFFIX, NULL}, {"nexttoward", false, RES_BY_SUFFIX, NULL},
  /* Integer results. */
  {"lround", true, RES_FIXED, &ty_long}, {"lrint", true, RES_FIXED, &ty_long},
  {"llround", true, RES_FIXED, &ty_llong}, {"llrint", true, RES_FIXED, &ty_llong},
  {"isnan", true, RES_FIXED, &ty_int}, {"isinf", true, RES_FIXED, &ty_int},
  {"isfinite", true, RES_FIXED, &ty_int}, {"isnormal", true, RES_FIXED, &ty_int},
  {"finite", true, RES_FIXED, &ty_int}, {"signbit", true, RES_FIXED, &ty_int},
  {"fpclassify", true, RES_FIXED, &ty_int}, {"isgreater", true, RES_FIXED, &ty_int},
  {"isless", true, RES_FIXED, &ty_int}, {"isunordered", true, RES_FIXED, &ty_int},
  {"iseqsig", true, RES_FIXED, &ty_int}, {"issignaling", true, RES_FIXED, &ty_int},
  {"ilogb", true, RES_FIXED, &ty_int}, {"clz", true, RES_FIXED, &ty_int},
  {"ctz", true, RES_FIXED, &ty_int}, {"popcount", true, RES_FIXED, &ty_int},
  {"ffs", true, RES_FIXED, &ty_int}, {"parity", true, RES_FIXED, &ty_int},
  {"clrsb", true, RES_FIXED, &ty_int}, {"constant_p", false, RES_FIXED, &ty_int},
  {"classify_type", false, RES_FIXED, &ty_int}, {"abs", false, RES_FIXED, &ty_int},
  {"labs", false, RES_FIXED, &ty_long}, {"llabs", false, RES_FIXED, &ty_llong},
  {"expect", false, RES_FIXED, &ty_long},
  {"expect_with_probability", false, RES_FIRST_ARG, NULL},
  {"memcmp", false, RES_FIXED, &ty_int}, {"strcmp", false, RES_FIXED, &ty_int},
  {"strncmp", false, RES_FIXED, &ty_int}, {"printf", false, RES_FIXED, &ty_int},
  {"sprintf", false, RES_FIXED, &ty_int}, {"snprintf", false, RES_FIXED, &ty_int},
  {"__sprintf_chk", false, RES_FIXED, &ty_int}, {"__snprintf_chk", false, RES_FIXED, &ty_int},
  {"__printf_chk", false, RES_FIXED, &ty_int}, {"__fprintf_chk", false, RES_FIXED, &ty_int},
  {"__vsprintf_chk", false, RES_FIXED, &ty_int}, {"__vsnprintf_chk", false, RES_FIXED, &ty_int},
  {"bswap16", false, RES_FIXED, &ty_ushort}, {"bswap32", false, RES_FIXED, &ty_uint},
  {"bswap64", false, RES_FIXED, &ty_ulong}, {"bswap128", false, RES_FIXED, &ty_uint128},
  {"object_size", false, RES_FIXED, &ty_ulong},
  {"dynamic_object_size", false, RES_FIXED, &ty_ulong}, {"strlen", false, RES_FIXED, &ty_ulong},
  {"add_overflow", false, RES_FIXED, &ty_bool}, {"sub_overflow", false, RES_FIXED, &ty_bool},
  {"mul_overflow", false, RES_FIXED, &ty_bool},
  /* void */
  {"unreachable", false, RES_FIXED, &ty_void}, {"trap", false, RES_FIXED, &ty_void},
  {"va_start", false, RES_FIXED, &ty_void}, {"va_end", false, RES_FIXED, &ty_void},
  {"va_copy", false, RES_FIXED, &ty_void}, {"prefetch", false, RES_FIXED, &ty_void},
  {"abort", false, RES_FIXED, &ty_void}, {"exit", false, RES_FIXED, &ty_void},
  {"free", false, RES_FIXED, &ty_void}, {"__clear_cache", false, RES_FIXED, &ty_void},
  {"ia32_pause", false, RES_FIXED, &ty_void},
  /* Others. */
  {"complex", false, RES_COMPLEX, NULL}, {"tgmath", false, RES_TGMATH, NULL},
};

/* Builtins returning void *: set up at first use (no static Type for
 * pointers). */
static const char *const voidptr_builtins[] = {
    "alloca", "alloca_with_align", "memcpy", "memmove", "memset", "malloc", "calloc",
    "realloc", "assume_aligned", "frame_address", "return_address", "extract_return_addr",
    "__memcpy_chk", "__memmove_chk", "__memset_chk", "__mempcpy_chk", "mempcpy",
};
static const char *const charptr_builtins[] = {
    "strcpy", "strncpy", "strcat", "strncat", "strchr", "strrchr", "strstr", "stpcpy",
    "__strcpy_chk", "__strncpy_chk", "__strcat_chk", "__strncat_chk", "__stpcpy_chk",
};

/* The floating type a math builtin's suffix selects, or NULL when `rest`
 * is not `base` plus a known suffix. */
static Type *by_suffix(const char *rest, const char *base) {
  size_t n = strlen(base);
  if (strncmp(rest, base, n) != 0)
    return NULL;
  const char *suffix = rest + n;
  if (!*suffix || str_eq(suffix, "f64") || str_eq(suffix, "f32x"))
    return ty_double;
  if (str_eq(suffix, "f") || str_eq(suffix, "f32"))
    return ty_float;
  if (str_eq(suffix, "l") || str_eq(suffix, "f64x"))
    return ty_ldouble;
  if (str_eq(suffix, "f128") || str_eq(suffix, "q"))
    return ty_float128;
  return NULL;
}

static bool in_list(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (str_eq(name, list[i]))
      return true;
  return false;
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* __sync_* and __atomic_*: the value-returning ones return the pointee
 * type of their first argument. */
static Type *atomic_result(const char *name, ResultRule *rule) {
  static const char *const bool_words[] = {"compare_and_swap", "compare_exchange",
                                           "test_and_set", "lock_free"};
  static const char *const void_names[] = {
      "__sync_synchronize", "__sync_lock_release", "__atomic_thread_fence",
      "__atomic_signal_fence", "__atomic_store", "__atomic_store_n", "__atomic_load",
      "__atomic_exchange", "__atomic_clear"};
  if (starts_with(name, "__sync_bool_"))
    return ty_bool;
  for (size_t i = 0; i < COUNT_OF(bool_words); i++)
    if (starts_with(name, "__atomic_") && strstr(name, bool_words[i]))
      return ty_bool;
  if (in_list(name, void_names, COUNT_OF(void_names)))
    return ty_void;
  *rule = RES_POINTEE;
  return ty_int;
}

/* The declared result type of a builtin (what its implicit function type
 * returns).  `rule` tells whether the call's arguments refine it. */
static Type *builtin_result(const char *name, ResultRule *rule) {
  *rule = RES_FIXED;
  const char *rest = name;
  if (starts_with(name, "__builtin_"))
    rest = name + strlen("__builtin_");
  if (starts_with(name, "__sync_") || starts_with(name, "__atomic_"))
    return atomic_result(name, rule);
  if (in_list(rest, voidptr_builtins, COUNT_OF(voidptr_builtins)))
    return pointer_to(ty_void);
  if (in_list(rest, charptr_builtins, COUNT_OF(charptr_builtins)))
    return pointer_to(ty_char);
  for (size_t i = 0; i < COUNT_OF(builtin_table); i++) {
    const BuiltinInfo *b = &builtin_table[i];
    if (b->rule == RES_BY_SUFFIX) {
      Type *ty = by_suffix(rest, b->name);
      if (ty)
        return ty;
      continue;
    }
    if (b->is_prefix ? starts_with(rest, b->name) : str_eq(rest, b->name)) {
      *rule = b->rule;
      return b->ty ? *b->ty : ty_int;
    }
  }
  return ty_int;
}

static bool is_builtin_name(const char *name) {
  return starts_with(name, "__builtin_") || starts_with(name, "__sync_") ||
         starts_with(name, "__atomic_");
}

/* Builtin functions used so far, so every use of one name shares an Obj. */
static Vec builtin_objs;

/* The implicitly declared builtin function `name`: an Obj marked
 * is_builtin (never printed), with an unprototyped function type. */
static Obj *builtin_function(Parser *p, Token *tok) {
  for (int i = 0; i < builtin_objs.len; i++) {
    Obj *obj = vec_get(Obj, &builtin_objs, i);
    if (str_eq(obj->name, tok->text))
      return obj;
  }
  ResultRule rule;
  Type *ty = func_type(builtin_result(tok->text, &rule));
  ty->is_oldstyle = true;
  Obj *obj = new_obj(p, OBJ_FUNC, xstrdup(tok->text), ty, tok);
  obj->is_builtin = true;
  obj->storage = SC_EXTERN;
  obj->is_local = false;
  vec_push(&builtin_objs, obj);
  return obj;
}

/* A builtin call's result type, refined by its arguments when the rule
 * says so. */
static Type *builtin_call_type(Obj *fn, Vec *args, Type *declared) {
  ResultRule rule;
  builtin_result(fn->name, &rule);
  Node *first = args->len ? vec_get(Node, args, 0) : NULL;
  switch (rule) {
  case RES_POINTEE:
    if (first && is_pointer(value_ty(first)))
      return type_unqualified(pointee(value_ty(first)));
    return declared;
  case RES_FIRST_ARG:
    return first ? value_ty(first) : declared;
  case RES_COMPLEX:
    return first && is_floating(value_ty(first)) ? complex_of(value_ty(first)) : declared;
  case RES_TGMATH: {
    /* The arguments after the candidate functions decide the type:
     * integers count as double (7.25p3). */
    Type *common = NULL;
    for (int i = 0; i < args->len; i++) {
      Type *ty = value_ty(vec_get(Node, args, i));
      if (!is_arith(ty))
        continue;
      if (is_integer(ty))
        ty = ty_double;
      common = common ? type_common(common, ty) : ty;
    }
    return common ? common : ty_double;
  }
  default:
    return declared;
  }
}

/* 6.5.2.2 Function calls: the callee is a function or a pointer to one;
 * a prototype fixes the argument count and converts the arguments. */
Node *new_call(Node *callee, Vec args, Token *tok) {
  Type *fp = value_ty(callee);
  if (!is_pointer(fp) || !is_func(pointee(fp)))
    error_tok(tok, "called object type '%s' is not a function or function pointer",
              tyname(callee->ty));
  Type *fty = pointee(fp);
  Type *fn = type_canon(fty);
  if (!fn->is_oldstyle) {
    int want = fn->params.len;
    if (args.len < want)
      error_tok(tok, "too few arguments to function call, expected %d, have %d", want, args.len);
    if (args.len > want && !fn->is_variadic)
      error_tok(vec_get(Node, &args, want)->tok,
                "too many arguments to function call, expected %d, have %d", want, args.len);
    for (int i = 0; i < want; i++) {
      Node *arg = vec_get(Node, &args, i);
      check_convertible(type_decay(vec_get(Type, &fn->params, i)), arg, arg->tok, CONV_ARG);
    }
  }
  Node *node = new_node(ND_CALL, tok);
  node->lhs = callee;
  node->args = args;
  node->func_ty = fty;
  node->ty = type_unqualified(fn->return_ty);
  if (callee->kind == ND_VAR && callee->obj->is_builtin && callee->obj->kind == OBJ_FUNC)
    node->ty = builtin_call_type(callee->obj, &node->args, node->ty);
  if (is_record(node->ty) && !type_canon(node->ty)->sdef->is_complete)
    error_tok(tok, "calling function with incomplete return type '%s'", tyname(node->ty));
  return node;
}

/* ---------------------------------------------------------------------- */
/* Primary expressions (6.5.1)                                            */
/* ---------------------------------------------------------------------- */

static Node *parse_number(Parser *p) {
  Token *tok = advance(p);
  if (!tok->lit_ty)
    error_tok(tok, "invalid numeric constant '%s'", tok->text);
  Node *node = new_node(ND_NUM, tok);
  node->ty = tok->lit_ty;
  node->ival = tok->ival;
  node->fval = tok->fval;
  return node;
}

static Node *parse_char(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_CHAR, tok);
  node->ty = tok->lit_ty ? tok->lit_ty : ty_int;
  node->ival = tok->ival;
  return node;
}

/* The encoding prefix of a string literal token: "", "u8", "u", "U", "L". */
static const char *string_prefix(Token *tok) {
  const char *s = tok->text;
  if (starts_with(s, "u8"))
    return "u8";
  if (*s == 'u')
    return "u";
  if (*s == 'U')
    return "U";
  if (*s == 'L')
    return "L";
  return "";
}

/* The element type of a string literal piece (6.4.5p6). */
static Type *string_elem_type(Token *tok) {
  if (tok->lit_ty) {
    Type *c = type_canon(tok->lit_ty);
    return c->kind == TY_ARRAY || c->kind == TY_PTR ? c->base : tok->lit_ty;
  }
  const char *prefix = string_prefix(tok);
  if (str_eq(prefix, "u"))
    return ty_ushort;
  if (str_eq(prefix, "U"))
    return ty_uint;
  if (str_eq(prefix, "L"))
    return ty_int;
  return ty_char;
}

/* string = string-literal+ (6.4.5p5: adjacent literals are concatenated;
 * a wide or UTF prefix on any piece applies to the whole). */
static Node *parse_string(Parser *p) {
  Node *node = new_node(ND_STR, peek(p));
  const char *prefix = "";
  Type *elem = ty_char;
  int64_t len = 0;
  while (peek(p)->kind == TK_STR) {
    Token *tok = advance(p);
    vec_push(&node->toks, tok);
    const char *piece = string_prefix(tok);
    if (*piece && !str_eq(piece, "u8")) {
      if (*prefix && !str_eq(prefix, piece))
        error_tok(tok, "unsupported non-standard concatenation of string literals");
      prefix = piece;
      elem = string_elem_type(tok);
    }
    len += (tok->str_len > 0 ? tok->str_len : 1) - 1;
  }
  node->ty = array_of(elem, len + 1);
  return node;
}

/* __func__ (6.4.2.2), and GNU's __FUNCTION__ and __PRETTY_FUNCTION__,
 * which in C are the same: a static const char array holding the name. */
static Node *parse_func_name(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_FUNC_NAME, tok);
  const char *name = p->func ? p->func->name : "";
  if (!p->func)
    warn_tok(tok, "'%s' is not defined outside of function scope", tok->text);
  node->ty = array_of(type_qualified(ty_char, Q_CONST), (int64_t)strlen(name) + 1);
  return node;
}

/* generic-selection = "_Generic" "(" assign ("," generic-association)+ ")"
 * generic-association = (type-name | "default") ":" assign
 * 6.5.1.1: the controlling expression's type after lvalue conversion picks
 * the association with a compatible type, else default. */
static Node *parse_generic(Parser *p) {
  Node *node = new_node(ND_GENERIC, advance(p));
  expect(p, "(");
  node->cond = parse_assign(p);
  Type *ctrl = type_unqualified(value_ty(node->cond));
  Node *fallback = NULL;
  while (accept(p, ",")) {
    Token *at_tok = peek(p);
    Type *ty = NULL;
    if (accept(p, "default")) {
      if (fallback)
        error_tok(at_tok, "duplicate default generic association");
    } else {
      ty = parse_typename(p);
    }
    expect(p, ":");
    Node *expr = parse_assign(p);
    vec_push(&node->assoc_types, ty);
    vec_push(&node->assoc_exprs, expr);
    if (!ty)
      fallback = expr;
    else if (!node->selected && type_compatible(ty, ctrl))
      node->selected = expr;
  }
  expect(p, ")");
  if (!node->selected)
    node->selected = fallback;
  if (!node->selected)
    error_tok(node->cond->tok,
              "controlling expression type '%s' not compatible with any generic association type",
              tyname(ctrl));
  node->ty = node->selected->ty;
  return node;
}

/* The type of a statement expression: the value of its last statement
 * if that is an expression statement, else void. */
static Type *stmt_expr_type(Node *block) {
  Node *last = vec_last(&block->stmts);
  /* gcc takes the value through labels: ({ ...; done: t; }) */
  while (last && (last->kind == ND_LABEL || last->kind == ND_CASE || last->kind == ND_DEFAULT))
    last = last->body;
  if (last && last->kind == ND_EXPR_STMT)
    return value_ty(last->lhs);
  return ty_void;
}

/* stmt-expr = "(" compound-statement ")"   (GNU) */
static Node *parse_stmt_expr(Parser *p) {
  Token *tok = expect(p, "(");
  if (!p->func)
    error_tok(tok, "statement expression not allowed at file scope");
  Node *node = new_node(ND_STMT_EXPR, tok);
  node->body = parse_compound_stmt(p);
  expect(p, ")");
  node->ty = stmt_expr_type(node->body);
  return node;
}

static Node *new_type_arg(Type *ty, Token *tok) {
  Node *node = new_node(ND_TYPE_ARG, tok);
  node->type_arg = ty;
  node->ty = ty;
  return node;
}

/* va-arg = "__builtin_va_arg" "(" assign "," type-name ")" */
static Node *parse_va_arg(Parser *p) {
  Node *node = new_node(ND_VA_ARG, advance(p));
  expect(p, "(");
  node->lhs = parse_assign(p);
  expect(p, ",");
  node->type_arg = parse_typename(p);
  expect(p, ")");
  node->ty = node->type_arg;
  return node;
}

/* offsetof = "__builtin_offsetof" "(" type-name "," designator ")"
 * designator = ident ("." ident | "[" expr "]")*
 * The designator is kept as text; it is also checked here, and its offset
 * left in ival when every index is a constant. */
static Node *parse_offsetof(Parser *p) {
  Node *node = new_node(ND_OFFSETOF, advance(p));
  expect(p, "(");
  node->type_arg = parse_typename(p);
  expect(p, ",");
  Token *first = peek(p);
  Type *ty = node->type_arg;
  int64_t offset = 0;
  Token *name = expect_ident(p, "a member name");
  for (;;) {
    if (name) {
      if (!is_record(ty))
        error_tok(name, "offsetof requires struct or union type, '%s' invalid", tyname(ty));
      Vec path = {0};
      Member *m = type_find_member(ty, name->text, &path);
      if (!m)
        error_tok(name, "no member named '%s' in '%s'", name->text, tyname(ty));
      for (int i = 0; i < path.len; i++)
        offset += vec_get(Member, &path, i)->offset;
      offset += m->offset;
      ty = m->ty;
      name = NULL;
    }
    if (accept(p, ".")) {
      name = expect_ident(p, "a member name");
      continue;
    }
    if (at(p, "[")) {
      Token *open = advance(p);
      Node *index = parse_expr(p);
      expect(p, "]");
      if (!is_array(ty))
        error_tok(open, "subscripted value is not an array (type '%s')", tyname(ty));
      int64_t i;
      Type *elem = pointee(ty);
      if (eval_int_try(index, &i))
        offset += i * elem->size;
      ty = elem;
      continue;
    }
    break;
  }
  /* The designator is the tokens from `first` up to the current ")". */
  Token *last = first;
  while (last->next != peek(p))
    last = last->next;
  node->text = tokens_text(first, last);
  expect(p, ")");
  node->ival = offset;
  node->ty = ty_ulong; /* size_t */
  return node;
}

/* types-compatible = "__builtin_types_compatible_p" "(" type-name "," type-name ")"
 * An int constant; ival holds the answer (qualifiers are ignored). */
static Node *parse_types_compatible(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_BUILTIN, tok);
  node->text = xstrdup(tok->text);
  expect(p, "(");
  Type *a = parse_typename(p);
  vec_push(&node->args, new_type_arg(a, tok));
  expect(p, ",");
  Type *b = parse_typename(p);
  vec_push(&node->args, new_type_arg(b, tok));
  expect(p, ")");
  node->ival = type_compatible(type_unqualified(a), type_unqualified(b));
  node->ty = ty_int;
  return node;
}

/* choose-expr = "__builtin_choose_expr" "(" const-expr "," assign "," assign ")"
 * The type is the chosen operand's; `selected` points to it. */
static Node *parse_choose_expr(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_BUILTIN, tok);
  node->text = xstrdup(tok->text);
  expect(p, "(");
  Node *cond = parse_assign(p);
  expect(p, ",");
  Node *a = parse_assign(p);
  expect(p, ",");
  Node *b = parse_assign(p);
  expect(p, ")");
  vec_push(&node->args, cond);
  vec_push(&node->args, a);
  vec_push(&node->args, b);
  node->selected = eval_int(cond) ? a : b;
  node->ty = node->selected->ty;
  return node;
}

/* convertvector = "__builtin_convertvector" "(" assign "," type-name ")" */
static Node *parse_convertvector(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_BUILTIN, tok);
  node->text = xstrdup(tok->text);
  expect(p, "(");
  vec_push(&node->args, parse_assign(p));
  expect(p, ",");
  Type *ty = parse_typename(p);
  vec_push(&node->args, new_type_arg(ty, tok));
  expect(p, ")");
  node->ty = ty;
  return node;
}

/* An identifier in an expression: a variable, function or enumeration
 * constant in scope, or an undeclared builtin function. */
static Node *parse_identifier(Parser *p) {
  Token *tok = peek(p);
  Obj *obj = scope_find(p, tok->text);
  if (!obj) {
    if (is_builtin_name(tok->text)) {
      obj = builtin_function(p, tok);
    } else if (tok_is(tok->next, "(")) {
      error_tok(tok, "implicit declaration of function '%s' is invalid in C11", tok->text);
    } else {
      error_tok(tok, "use of undeclared identifier '%s'", tok->text);
    }
  }
  if (obj->kind == OBJ_TYPEDEF)
    error_tok(tok, "unexpected type name '%s': expected expression", tok->text);
  advance(p);
  return new_var_node(obj, tok);
}

/* Names with their own syntax, written as keywords or identifiers. */
typedef struct SpecialForm {
  const char *name;
  Node *(*parse)(Parser *p);
} SpecialForm;

static const SpecialForm special_forms[] = {
    {"_Generic", parse_generic},
    {"__func__", parse_func_name},
    {"__FUNCTION__", parse_func_name},
    {"__PRETTY_FUNCTION__", parse_func_name},
    {"__builtin_va_arg", parse_va_arg},
    {"__builtin_offsetof", parse_offsetof},
    {"__builtin_types_compatible_p", parse_types_compatible},
    {"__builtin_choose_expr", parse_choose_expr},
    {"__builtin_convertvector", parse_convertvector},
};

/* primary = identifier | constant | string-literal+
 *         | "(" expr ")" | "(" compound-statement ")"
 *         | generic-selection | "__func__" | builtin-with-type-arguments */
static Node *parse_primary(Parser *p) {
  Token *tok = peek(p);
  if (at(p, "(")) {
    if (tok_is(tok->next, "{"))
      return parse_stmt_expr(p);
    advance(p);
    Node *node = parse_expr(p);
    expect(p, ")");
    node->parenthesized = true;
    return node;
  }
  switch (tok->kind) {
  case TK_NUM:
    return parse_number(p);
  case TK_CHAR:
    return parse_char(p);
  case TK_STR:
    return parse_string(p);
  case TK_IDENT:
  case TK_KEYWORD:
    for (size_t i = 0; i < COUNT_OF(special_forms); i++)
      if (str_eq(tok->text, special_forms[i].name))
        return special_forms[i].parse(p);
    if (tok->kind == TK_IDENT)
      return parse_identifier(p);
    break;
  default:
    break;
  }
  if (tok->kind == TK_EOF)
    error_tok(tok, "expected expression at end of input");
  error_tok(tok, "expected expression");
}

/* ---------------------------------------------------------------------- */
/* Postfix expressions (6.5.2)                                            */
/* ---------------------------------------------------------------------- */

/* argument-list = assign ("," assign)* */
static Vec parse_arguments(Parser *p) {
  Vec args = {0};
  if (at(p, ")"))
    return args;
  do
    vec_push(&args, parse_assign(p));
  while (accept(p, ","));
  return args;
}

/* compound-literal = "(" type-name ")" "{" initializer-list "}"
 * (the parenthesized type is already read).  An array of unknown size
 * takes its size from the initializer. */
static Node *parse_compound_literal(Parser *p, Type *ty, Token *tok) {
  if (is_func(ty))
    error_tok(tok, "compound literal has function type '%s'", tyname(ty));
  Node *node = new_node(ND_COMPOUND_LIT, tok);
  node->type_arg = ty;
  node->init = parse_initializer(p, ty);
  node->ty = ty;
  if (is_array(ty) && type_canon(ty)->array_len < 0 && node->init->ty &&
      is_array(node->init->ty) && type_canon(node->init->ty)->array_len >= 0)
    node->ty = node->init->ty;
  return node;
}

/* ---------------------------------------------------------------------- */
/* clang's __attribute__((overloadable)) (its <tgmath.h>)                 */
/* ---------------------------------------------------------------------- */

/* How well an argument of type `arg` (already decayed) fits a parameter
 * of type `param`: 0 exact, 1 by integer promotion, 2 by another implicit
 * conversion, 3 not at all.  A simplified form of clang's ranking, enough
 * for sets that differ in one arithmetic type per parameter. */
static int overload_arg_cost(Type *param, Type *arg) {
  Type *pt = type_decay(param);
  if (type_same_unqual(pt, arg))
    return 0;
  if (is_integer(arg) && type_same_unqual(pt, type_promote(arg)))
    return 1;
  if ((is_arith(pt) && is_arith(arg)) || (is_pointer(pt) && is_pointer(arg)))
    return 2;
  return 3;
}

/* The cost of calling fn with args: the worst argument's cost; variadic
 * extras cost more than any conversion, so `f(...)` is the last resort. */
static int overload_cost(Type *fn, Vec *args) {
  if (fn->is_oldstyle || args->len < fn->params.len ||
      (args->len > fn->params.len && !fn->is_variadic))
    return INT_MAX;
  int worst = args->len > fn->params.len || fn->params.len == 0 ? 3 : 0;
  for (int i = 0; i < fn->params.len; i++) {
    int c = overload_arg_cost(vec_get(Type, &fn->params, i), value_ty(vec_get(Node, args, i)));
    if (c == 3)
      return INT_MAX;
    if (c > worst)
      worst = c;
  }
  return worst;
}

static bool is_overloadable(Obj *obj) {
  return obj->kind == OBJ_FUNC && obj->attrs && strstr(obj->attrs, "overloadable");
}

/* A call of an overloaded name calls the overload its arguments fit best
 * (every overload is a file-scope function of that name); the name's
 * lookup only gave the newest one.  Ties keep the earlier declaration. */
static Node *resolve_overload(Parser *p, Node *callee, Vec *args) {
  if (callee->kind != ND_VAR || !is_overloadable(callee->obj))
    return callee;
  Obj *best = NULL;
  int best_cost = INT_MAX;
  Vec *globals = &p->unit->globals;
  for (int i = 0; i < globals->len; i++) {
    Obj *obj = vec_get(Obj, globals, i);
    if (!is_overloadable(obj) || !str_eq(obj->name, callee->obj->name))
      continue;
    int cost = overload_cost(type_canon(obj->ty), args);
    if (cost < best_cost)
      best = obj, best_cost = cost;
  }
  if (!best || best == callee->obj)
    return callee;
  return new_var_node(best, callee->tok);
}

/* postfix-tail = ("[" expr "]" | "(" argument-list ")" | "." ident
 *                | "->" ident | "++" | "--")* */
static Node *parse_postfix_tail(Parser *p, Node *node) {
  for (;;) {
    Token *tok = peek(p);
    if (accept(p, "[")) {
      Node *index = parse_expr(p);
      expect(p, "]");
      node = new_index(node, index, tok);
    } else if (accept(p, "(")) {
      Vec args = parse_arguments(p);
      expect(p, ")");
      node = new_call(resolve_overload(p, node, &args), args, tok);
    } else if (accept(p, ".")) {
      node = new_member_access(ND_MEMBER, node, expect_ident(p, "a member name"));
    } else if (accept(p, "->")) {
      node = new_member_access(ND_ARROW, node, expect_ident(p, "a member name"));
    } else if (accept(p, "++")) {
      node = new_unary(ND_POST_INC, node, tok);
    } else if (accept(p, "--")) {
      node = new_unary(ND_POST_DEC, node, tok);
    } else {
      return node;
    }
  }
}

static bool at_paren_type(Parser *p) {
  return at(p, "(") && is_typename_start(p, peek(p)->next);
}

/* paren-type = "(" type-name ")" ( "{" initializer-list "}" postfix-tail | cast ) */
static Node *parse_paren_type(Parser *p) {
  Token *tok = expect(p, "(");
  Type *ty = parse_typename(p);
  expect(p, ")");
  if (at(p, "{"))
    return parse_postfix_tail(p, parse_compound_literal(p, ty, tok));
  return new_cast(parse_cast(p), ty, tok);
}

/* postfix = compound-literal postfix-tail | primary postfix-tail */
static Node *parse_postfix(Parser *p) {
  if (at_paren_type(p))
    return parse_paren_type(p);
  return parse_postfix_tail(p, parse_primary(p));
}

/* ---------------------------------------------------------------------- */
/* Unary and cast expressions (6.5.3, 6.5.4)                              */
/* ---------------------------------------------------------------------- */

/* sizeof / _Alignof: "(" type-name ")" or a unary expression.  A
 * parenthesized type followed by "{" is a compound literal operand. */
static Node *parse_sizeof_like(Parser *p, NodeKind kind) {
  Token *tok = advance(p);
  if (at_paren_type(p)) {
    Token *open = advance(p);
    Type *ty = parse_typename(p);
    expect(p, ")");
    if (at(p, "{")) {
      Node *operand = parse_postfix_tail(p, parse_compound_literal(p, ty, open));
      return new_unary(kind, operand, tok);
    }
    if (is_func(ty))
      error_tok(tok, "invalid application of '%s' to a function type", tok->text);
    if (is_record(ty) && !type_canon(ty)->sdef->is_complete)
      error_tok(tok, "invalid application of '%s' to an incomplete type '%s'", tok->text,
                tyname(ty));
    Node *node = new_node(kind, tok);
    node->type_arg = ty;
    node->ty = ty_ulong; /* size_t */
    return node;
  }
  return new_unary(kind, parse_unary(p), tok);
}

/* __real__ x, __imag__ x (GNU): kept as ND_BUILTIN named by the keyword,
 * which prints back as `__real__(x)`. */
static Node *parse_real_imag(Parser *p) {
  Token *tok = advance(p);
  Node *operand = parse_cast(p);
  Type *ty = value_ty(operand);
  if (!is_arith(ty))
    error_tok(tok, "invalid argument type '%s' to unary expression", tyname(operand->ty));
  Node *node = new_node(ND_BUILTIN, tok);
  node->text = xstrdup(tok->text[2] == 'r' ? "__real__" : "__imag__");
  vec_push(&node->args, operand);
  node->ty = is_complex(ty) ? type_canon(ty)->base : ty;
  return node;
}

/* Unary operators followed by a cast-expression, and their node kinds. */
static const struct {
  const char *op;
  NodeKind kind;
} unary_ops[] = {
    {"&", ND_ADDR}, {"*", ND_DEREF}, {"+", ND_PLUS},
    {"-", ND_NEG},  {"~", ND_BITNOT}, {"!", ND_NOT},
};

/* unary = ("++" | "--") unary
 *       | ("&" | "*" | "+" | "-" | "~" | "!") cast
 *       | "sizeof" unary | "sizeof" "(" type-name ")"
 *       | ("_Alignof" | "__alignof__") "(" type-name ")"
 *       | "__extension__" cast | ("__real__" | "__imag__") cast
 *       | postfix */
static Node *parse_unary(Parser *p) {
  Token *tok = peek(p);
  if (accept(p, "++"))
    return new_unary(ND_PRE_INC, parse_unary(p), tok);
  if (accept(p, "--"))
    return new_unary(ND_PRE_DEC, parse_unary(p), tok);
  for (size_t i = 0; i < COUNT_OF(unary_ops); i++)
    if (accept(p, unary_ops[i].op))
      return new_unary(unary_ops[i].kind, parse_cast(p), tok);
  if (at(p, "sizeof"))
    return parse_sizeof_like(p, ND_SIZEOF);
  if (at(p, "_Alignof") || at(p, "__alignof__") || at(p, "__alignof"))
    return parse_sizeof_like(p, ND_ALIGNOF);
  if (accept(p, "__extension__"))
    return parse_cast(p);
  if (at(p, "__real__") || at(p, "__real") || at(p, "__imag__") || at(p, "__imag"))
    return parse_real_imag(p);
  if (at(p, "&&"))
    error_tok(tok, "taking the address of a label (GNU '&&label') is not supported");
  return parse_postfix(p);
}

/* cast = "(" type-name ")" cast | unary
 * (a parenthesized type followed by "{" is a compound literal instead) */
static Node *parse_cast(Parser *p) {
  nesting_enter(p);
  Node *node = at_paren_type(p) ? parse_paren_type(p) : parse_unary(p);
  nesting_leave();
  return node;
}

/* ---------------------------------------------------------------------- */
/* Binary, conditional, assignment and comma expressions (6.5.5-6.5.17)   */
/* ---------------------------------------------------------------------- */

/* The binary operators, loosest first; `prec` grows with binding. */
static const struct {
  const char *op;
  NodeKind kind;
  int prec;
} binary_ops[] = {
    {"||", ND_LOGOR, 1},  {"&&", ND_LOGAND, 2}, {"|", ND_BITOR, 3},  {"^", ND_BITXOR, 4},
    {"&", ND_BITAND, 5},  {"==", ND_EQ, 6},     {"!=", ND_NE, 6},    {"<", ND_LT, 7},
    {"<=", ND_LE, 7},     {">", ND_GT, 7},      {">=", ND_GE, 7},    {"<<", ND_SHL, 8},
    {">>", ND_SHR, 8},    {"+", ND_ADD, 9},     {"-", ND_SUB, 9},    {"*", ND_MUL, 10},
    {"/", ND_DIV, 10},    {"%", ND_MOD, 10},
};

/* The binary operator at the current token, or -1. */
static int find_binary_op(Parser *p) {
  Token *tok = peek(p);
  if (tok->kind != TK_PUNCT)
    return -1;
  for (int i = 0; i < (int)COUNT_OF(binary_ops); i++)
    if (str_eq(tok->text, binary_ops[i].op))
      return i;
  return -1;
}

/* All left-associative binary levels, by precedence climbing:
 *   logor  = logand ("||" logand)*
 *   logand = bitor ("&&" bitor)*
 *   bitor  = bitxor ("|" bitxor)*
 *   bitxor = bitand ("^" bitand)*
 *   bitand = equality ("&" equality)*
 *   equality = relational ("==" relational | "!=" relational)*
 *   relational = shift ("<" shift | "<=" shift | ">" shift | ">=" shift)*
 *   shift  = add ("<<" add | ">>" add)*
 *   add    = mul ("+" mul | "-" mul)*
 *   mul    = cast ("*" cast | "/" cast | "%" cast)*
 * parse_binary(p, min_prec) reads a chain of operators binding at least
 * as tightly as min_prec. */
static Node *parse_binary(Parser *p, int min_prec) {
  Node *lhs = parse_cast(p);
  for (;;) {
    int i = find_binary_op(p);
    if (i < 0 || binary_ops[i].prec < min_prec)
      return lhs;
    Token *tok = advance(p);
    Node *rhs = parse_binary(p, binary_ops[i].prec + 1);
    lhs = new_binary(binary_ops[i].kind, lhs, rhs, tok);
  }
}

/* 6.5.15p3-6: the type of `cond ? a : b`. */
static Type *cond_type(Node *a, Node *b, Token *tok) {
  Type *ta = operand_ty(a);
  Type *tb = operand_ty(b);
  if (is_arith(ta) && is_arith(tb))
    return type_common(ta, tb);
  if (is_record(ta) && is_record(tb) && type_same_unqual(ta, tb))
    return type_unqualified(ta);
  if (is_void(ta) || is_void(tb))
    return ty_void;
  if (is_pointer(ta) && is_null_pointer_constant(b))
    return ta;
  if (is_pointer(tb) && is_null_pointer_constant(a))
    return tb;
  if (is_pointer(ta) && is_pointer(tb)) {
    /* The pointee gets the qualifiers of both (6.5.15p6). */
    Type *pa = pointee(ta), *pb = pointee(tb);
    int quals = pa->quals | pb->quals;
    if (is_void(pa) || is_void(pb))
      return pointer_to(type_qualified(ty_void, quals));
    if (!pointees_compatible(ta, tb)) {
      warn_tok(tok, "pointer type mismatch ('%s' and '%s')", tyname(a->ty), tyname(b->ty));
      return pointer_to(type_qualified(ty_void, quals));
    }
    return pointer_to(type_qualified(pa, quals));
  }
  if ((is_pointer(ta) && is_integer(tb)) || (is_integer(ta) && is_pointer(tb))) {
    warn_tok(tok, "pointer/integer type mismatch in conditional expression ('%s' and '%s')",
             tyname(a->ty), tyname(b->ty));
    return is_pointer(ta) ? ta : tb;
  }
  error_tok(tok, "incompatible operand types ('%s' and '%s')", tyname(a->ty), tyname(b->ty));
}

/* conditional = logor ("?" expr? ":" conditional)?
 * (GNU: `a ?: b` is a with the middle operand left out: then == NULL) */
Node *parse_cond_expr(Parser *p) {
  Node *cond = parse_binary(p, 1);
  if (!at(p, "?"))
    return cond;
  Token *tok = advance(p);
  nesting_enter(p);
  if (!is_scalar(value_ty(cond)))
    error_tok(cond->tok, "used type '%s' where arithmetic or pointer type is required",
              tyname(cond->ty));
  Node *node = new_node(ND_COND, tok);
  node->cond = cond;
  if (!at(p, ":"))
    node->then = parse_expr(p);
  expect(p, ":");
  node->els = parse_cond_expr(p);
  node->ty = cond_type(node->then ? node->then : cond, node->els, tok);
  nesting_leave();
  return node;
}

/* The assignment operators and the operator each compounds. */
static const struct {
  const char *op;
  NodeKind kind;
} assign_ops[] = {
    {"=", ND_NONE},    {"+=", ND_ADD},    {"-=", ND_SUB},    {"*=", ND_MUL},
    {"/=", ND_DIV},    {"%=", ND_MOD},    {"<<=", ND_SHL},   {">>=", ND_SHR},
    {"&=", ND_BITAND}, {"^=", ND_BITXOR}, {"|=", ND_BITOR},
};

/* assign = conditional (assign-op assign)?
 * assign-op = "=" | "*=" | "/=" | "%=" | "+=" | "-=" | "<<=" | ">>=" | "&=" | "^=" | "|="
 * (6.5.16: the left side must be a unary expression; a conditional or a
 * cast there is caught as "not assignable") */
Node *parse_assign(Parser *p) {
  nesting_enter(p);
  Node *lhs = parse_cond_expr(p);
  Token *tok = peek(p);
  if (tok->kind == TK_PUNCT) {
    for (size_t i = 0; i < COUNT_OF(assign_ops); i++) {
      if (str_eq(tok->text, assign_ops[i].op)) {
        advance(p);
        Node *rhs = parse_assign(p);
        lhs = new_assign(assign_ops[i].kind, lhs, rhs, tok);
        break;
      }
    }
  }
  nesting_leave();
  return lhs;
}

/* expr = assign ("," assign)* */
Node *parse_expr(Parser *p) {
  Node *node = parse_assign(p);
  while (at(p, ",")) {
    Token *tok = advance(p);
    node = new_binary(ND_COMMA, node, parse_assign(p), tok);
  }
  return node;
}
