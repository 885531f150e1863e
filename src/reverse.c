/*
 * reverse.c: reverse mode.  The derivative of a function F is a new
 * function with two sweeps:
 *
 *   forward sweep   F's statements (normalized), saving on the tape the
 *                   values the reverse sweep needs that get overwritten;
 *   reverse sweep   the adjoint of each statement, in reverse order, each
 *                   block quoting the source line it differentiates.
 *
 * The passes, in order (reverse_function shows them in one place):
 *
 *   normalize    a new AST where `return` assigns F_value, break/continue/
 *                early return are flags, switch is an if-chain, every
 *                body is a block and every declaration declares one name;
 *                for loops whose trip count is fixed at entry stay `for`
 *                loops, other for loops become while loops;
 *   analyze      for each statement the keys its reverse code reads (a
 *                key is a variable's value, or the memory a pointer or
 *                array designates); then the to-be-recorded walk decides
 *                which writes must save the value they overwrite (a write
 *                whose key some earlier statement's reverse code reads,
 *                earlier counting every statement of an enclosing loop);
 *                locals of inner blocks that the reverse sweep reads are
 *                recomputed from their declaration where its inputs are
 *                unchanged, else pushed at the end of their block;
 *   reverse      the reverse sweep, adjoints declared where they first
 *                matter (a known-zero adjoint is never read);
 *   forward      the forward sweep with the pushes;
 *   clean        removal of generated variables nobody reads;
 *   fuse         when the forward sweep's last loop is followed only by
 *                scalar code, and its reverse loop (the reverse sweep's
 *                last statement) needs nothing the loop computes, the
 *                reverse body runs inside the forward loop, the seeds
 *                before it (one pass over the arrays: see fuse_loops).
 *
 * Values are saved on a small tape written into the output file (emit.c):
 * doubles and integers, pushed in forward order and popped in reverse.
 *
 * Calls to the user's functions are differentiated in "joint" mode: the
 * reverse sweep calls a generated helper <callee>_vjp that runs the callee
 * again from its arguments (restored to their values at the call) and then
 * its own reverse sweep.  Memory a callee overwrites through a pointer is
 * saved whole by the caller when it is a local array of the caller's
 * function level (the helper then runs on a copy).  Elsewhere (through the
 * caller's pointer parameter: unknown extent), a call that overwrites
 * memory the derivative still needs, or updates it in place, is split: the
 * forward sweep runs <callee>_fwd, the callee logging on the caller's tape
 * the address and old value of each element it writes, and the reverse
 * sweep undoes that log (cotan_undo) before the helper runs; that helper
 * restores all the memory the callee writes (see "Split calls").
 *
 * Assumptions, as in Tapenade and Enzyme's defaults: distinct pointer
 * parameters do not alias, and a function called on the active path
 * has no side effects other than through its pointer arguments.
 */
#include "cotan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ===================================================================== */
/* A pointer map (lookups only: it never decides an order)               */
/* ===================================================================== */

typedef struct Map {
  const void **keys;
  void **vals;
  size_t cap; /* a power of two, or 0 */
  size_t len;
} Map;

static size_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

static void map_put(Map *m, const void *key, void *val);

static void map_grow(Map *m) {
  Map bigger = {0};
  bigger.cap = m->cap ? m->cap * 2 : 64;
  bigger.keys = xcalloc(bigger.cap, sizeof(void *));
  bigger.vals = xcalloc(bigger.cap, sizeof(void *));
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i])
      map_put(&bigger, m->keys[i], m->vals[i]);
  *m = bigger;
}

static void *map_get(const Map *m, const void *key) {
  if (!m->cap)
    return NULL;
  for (size_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->keys[i])
      return NULL;
    if (m->keys[i] == key)
      return m->vals[i];
  }
}

static void map_put(Map *m, const void *key, void *val) {
  if ((m->len + 1) * 2 > m->cap)
    map_grow(m);
  size_t i = hash_ptr(key) & (m->cap - 1);
  while (m->keys[i] && m->keys[i] != key)
    i = (i + 1) & (m->cap - 1);
  if (!m->keys[i]) {
    m->keys[i] = key;
    m->len++;
  }
  m->vals[i] = val;
}

/* Sets of keys: a map whose value is non-NULL for members. */
static bool set_in(const Map *s, const void *k) { return map_get(s, k) != NULL; }
static void set_put(Map *s, const void *k) { map_put(s, k, (void *)1); }
static void set_del(Map *s, const void *k) {
  if (set_in(s, k))
    map_put(s, k, NULL);
}
static void set_union(Map *dst, const Map *src) {
  for (size_t i = 0; i < src->cap; i++)
    if (src->keys[i] && src->vals[i])
      set_put(dst, src->keys[i]);
}

/* A key is a variable's value (the Obj itself) or the memory it
 * designates (an array's elements, a pointer's pointee): the Obj's
 * address plus one (Objs are aligned, so the two never meet). */
static const void *val_key(Obj *obj) { return obj; }
static const void *mem_key(Obj *obj) { return (const char *)obj + 1; }
static Obj *key_obj(const void *key) {
  return (Obj *)((uintptr_t)key & ~(uintptr_t)1);
}

/* ===================================================================== */
/* The state of one derivative being built                               */
/* ===================================================================== */

typedef struct RScope RScope;

/* What the passes know about one variable of F (parameter, local, or a
 * variable a pass created). */
typedef struct VarInfo {
  Obj *var;
  bool active;         /* carries a derivative */
  bool generated;      /* created by cotan (flags, F_value, counters) */
  Node *block;         /* the normalized block declaring it (NULL: parameter or global) */
  int depth;           /* nesting depth of that block; 0: the function level */
  int decl_index;      /* position of its declaration in the block */
  Node *decl;          /* its declaration statement, or NULL */
  bool written;        /* assigned after its declaration */
  bool rr;             /* the reverse sweep reads its value */
  bool recompute;      /* an inner-block local rebuilt from its declaration */
  bool push_at_end;    /* an inner-block local pushed at the end of its block */
  bool is_counter;     /* iteration counter of a loop */
  bool zero_init;      /* declared without a value but saved: the forward sweep zeroes it */
  bool fwd_decl;       /* a shadow pointer points into its adjoint: declared in the forward sweep */

  /* adjoints */
  Obj *adj;            /* d_<name>: local adjoint, or the adjoint parameter */
  bool adj_is_ptr;     /* adj is a parameter pointing to the adjoint: use *adj */
  Obj *adj_param;      /* a written scalar parameter: its pointer parameter, added at the end */
  RScope *owner;       /* the reverse scope that declares adj */
  bool declared;       /* adj exists at this point of the reverse sweep */
  Node *seed;          /* the return value: its adjoint's known value until declared */
  Obj *shadow;         /* a pointer local: its shadow pointer (forward sweep) */
  bool adj_global;     /* a --wrt global: adj is the adjoint global d_<name> */
} VarInfo;

/* Per normalized statement. */
typedef struct SInfo {
  Map rr;              /* keys its reverse code reads (whole subtree for compounds) */
  bool save;           /* a simple statement: its write saves the old value */
  bool invert;         /* ... restored by the inverse operation instead */
  bool init_save;      /* a fixed for loop: its init overwrites an outer index that is saved */
  bool reeval;         /* if: the condition is evaluated again in the reverse sweep */
  bool cond_needed;    /* if, for: the reverse sweep has work inside (what the condition or
                          the bounds read is read again) */
  bool record;         /* if: the branch taken is pushed */
  bool fixed;          /* for: trip count fixed at entry */
  Obj *index;          /* fixed for: the index */
  Node *lo, *hi;       /* fixed for: first value; bound */
  bool up;             /* fixed for: i++ (else i--) */
  bool inclusive;      /* fixed for: <= or >= */
  Obj *counter;        /* counted loop: its iteration counter, once known to be needed */
  bool has_work;       /* the statement has reverse code */
  Vec end_push;        /* block: Obj * locals pushed at its end, in order */
  Vec recomputed;      /* block: declarations (Node *) recomputed in the reverse sweep */
  Vec call_saves;      /* simple statement: local arrays (Obj *) a call overwrites, saved whole */
  bool undo;           /* simple statement: its call logs the writes it makes (split call) */
} SInfo;

struct RScope {
  Node *block;         /* the reverse block being filled */
  const char *last_quote; /* the source line quoted last in it */
  const char *cur_quote;  /* the line of the statement being reversed in it */
  int insert_at;       /* where that statement's code starts: adjoint declarations go before */
  int depth;
  RScope *outer;
};

typedef struct Helper Helper;
typedef struct Gen Gen;

typedef struct Rev {
  Unit *unit;
  Obj *func;           /* the function differentiated */
  Activity *act;
  Gen *gen;            /* the whole run: helpers, tape functions */
  Helper *self;        /* the signature being generated */
  RScope *root;        /* the reverse sweep at function level */
  Map removable;       /* Node *: declarations in the reverse sweep the cleanup may drop */
  bool tape_used;
  Map subst;           /* Obj * -> Obj *: arrays the helper calls of the statement use copies of */
  Node *result_call;   /* the call whose value result_var holds, while its adjoint is made */
  Obj *result_var;
  Map vars;            /* Obj * -> VarInfo * */
  Vec names;           /* char *: names in use in the generated function */
  Obj *ret;            /* F_value */
  Obj *tape;           /* the local tape, once used */
  Obj *heap;           /* the local record of allocated blocks, once used */
  Obj *finals;         /* F_vjp: the values the reverse sweep overwrites in --out memory */
  RScope *scope;       /* innermost reverse scope */
  Node *body;          /* normalized body */
  Map split_calls;     /* Node *: calls run through <callee>_fwd, undone before their helper */
  Map rev_loops;       /* Node *: reverse loop at function level -> the normalized for it reverses */
  Token *tok;          /* F's name, for generated code */
} Rev;

static VarInfo *var_info(Rev *r, Obj *obj);
static Node *shadow_decl(Rev *r, Node *s);
static bool init_list_active(Rev *r, Node *n);
static Node *aggregate_shadow_part(Rev *r, Node *L);

/* ===================================================================== */
/* Names                                                                  */
/* ===================================================================== */

static bool name_used(Rev *r, const char *name) {
  for (int i = 0; i < r->names.len; i++)
    if (str_eq(vec_get(char, &r->names, i), name))
      return true;
  return false;
}

static void use_name(Rev *r, const char *name) {
  if (name && !name_used(r, name))
    vec_push(&r->names, (void *)name);
}

/* `base`, or base_2, base_3, ... : the first not in use. */
static char *fresh_name(Rev *r, const char *base) {
  char *name = xstrdup(base);
  for (int n = 2; name_used(r, name); n++)
    name = format("%s_%d", base, n);
  use_name(r, name);
  return name;
}

static void names_in(Rev *r, Node *n);

static void names_in_vec(Rev *r, Vec *v) {
  for (int i = 0; i < v->len; i++)
    names_in(r, v->items[i]);
}

/* Every identifier a tree refers to or declares. */
static void names_in(Rev *r, Node *n) {
  if (!n)
    return;
  if (n->kind == ND_VAR && n->obj)
    use_name(r, n->obj->name);
  for (int i = 0; i < n->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &n->decl_vars, i);
    if (dv->obj)
      use_name(r, dv->obj->name);
    names_in(r, dv->init);
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    names_in(r, kids[i]);
  names_in_vec(r, &n->args);
  names_in_vec(r, &n->stmts);
  for (int i = 0; i < n->items.len; i++)
    names_in(r, vec_get(InitItem, &n->items, i)->value);
}

/* ===================================================================== */
/* Small builders                                                         */
/* ===================================================================== */

static Token *gen_tok(Token *at) {
  Token *tok = new_of(Token);
  if (at) {
    tok->file = at->file;
    tok->line = at->line;
    tok->col = at->col;
    tok->seq = at->seq;
  }
  tok->kind = TK_IDENT;
  tok->text = "";
  return tok;
}

static Node *var(Obj *obj, Token *tok) { return new_var_node(obj, tok); }
static Node *num(double v, Type *ty, Token *tok) {
  return new_num_float(v, is_floating(ty) ? type_unqualified(ty) : ty_double, tok);
}
static Node *inum(int64_t v, Token *tok) { return new_num_int(v, ty_int, tok); }
static Node *stmt(Node *expr) { return new_expr_stmt(expr); }

static Node *simp(Node *e) { return e ? simplify_expr(e) : NULL; }

static bool is_zero_const(Node *e) {
  while (e && e->kind == ND_CAST)
    e = e->lhs;
  return e && e->kind == ND_NUM &&
         (is_floating(e->ty) ? e->fval == 0 : e->ival == 0);
}

static bool is_one_const(Node *e) {
  return e && e->kind == ND_NUM && (is_floating(e->ty) ? e->fval == 1 : e->ival == 1);
}

static Node *mul(Node *a, Node *b, Token *tok) {
  if (is_one_const(a))
    return b;
  if (is_one_const(b))
    return a;
  return new_binary(ND_MUL, a, b, tok);
}

static Node *neg(Node *a, Token *tok) {
  if (a->kind == ND_NEG)
    return a->lhs;
  return new_unary(ND_NEG, a, tok);
}

/* !a, with the comparison turned around for integers (no NaN there). */
static Node *not(Node *a, Token *tok) {
  static const NodeKind flip[][2] = {
      {ND_EQ, ND_NE}, {ND_NE, ND_EQ}, {ND_LT, ND_GE}, {ND_GE, ND_LT}, {ND_GT, ND_LE}, {ND_LE, ND_GT},
  };
  if (a->kind == ND_NOT)
    return a->lhs;
  if (a->lhs && a->rhs && is_integer(a->lhs->ty) && is_integer(a->rhs->ty))
    for (size_t i = 0; i < sizeof flip / sizeof flip[0]; i++)
      if (a->kind == flip[i][0])
        return new_binary(flip[i][1], a->lhs, a->rhs, tok);
  if (a->kind == ND_LOGOR || a->kind == ND_LOGAND) {
    Node *l = not(a->lhs, tok), *r = not(a->rhs, tok);
    if (l->kind != ND_NOT && r->kind != ND_NOT)
      return new_binary(a->kind == ND_LOGOR ? ND_LOGAND : ND_LOGOR, l, r, tok);
  }
  return new_unary(ND_NOT, a, tok);
}

static Node *and(Node *a, Node *b, Token *tok) {
  if (!a)
    return b;
  if (!b)
    return a;
  if (b->kind == ND_LOGAND && !b->parenthesized)
    return new_binary(ND_LOGAND, and(a, b->lhs, tok), b->rhs, tok);
  return new_binary(ND_LOGAND, a, b, tok);
}

static Node *or(Node *a, Node *b, Token *tok) {
  if (!a)
    return b;
  if (!b)
    return a;
  if (b->kind == ND_LOGOR && !b->parenthesized)
    return new_binary(ND_LOGOR, or(a, b->lhs, tok), b->rhs, tok);
  return new_binary(ND_LOGOR, a, b, tok);
}

static Node *paren(Node *e) {
  e->parenthesized = true;
  return e;
}

/* An expression's tree without side effects, and calls only to
 * functions that have a derivative rule (pure math). */
static bool is_pure(Node *e) {
  if (!e)
    return true;
  switch (e->kind) {
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
  case ND_STMT_EXPR: case ND_VA_ARG: case ND_ASM:
    return false;
  case ND_CALL:
    if (e->lhs->kind != ND_VAR || !rule_find(e->lhs->obj->name))
      return false;
    break;
  case ND_SIZEOF: case ND_ALIGNOF:
    return true;
  default:
    break;
  }
  if (!is_pure(e->lhs) || !is_pure(e->rhs) || !is_pure(e->cond) || !is_pure(e->then) ||
      !is_pure(e->els))
    return false;
  for (int i = 0; i < e->args.len; i++)
    if (!is_pure(e->args.items[i]))
      return false;
  return true;
}

/* Structural equality of two side-effect-free expressions. */
static bool same_expr(Node *a, Node *b) {
  if (!a || !b)
    return a == b;
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case ND_VAR:
    return a->obj == b->obj;
  case ND_NUM: case ND_CHAR:
    return a->ival == b->ival && a->fval == b->fval && type_same_unqual(a->ty, b->ty);
  case ND_MEMBER: case ND_ARROW:
    if (a->member != b->member)
      return false;
    break;
  case ND_CAST:
    if (!type_same_unqual(a->ty, b->ty))
      return false;
    break;
  case ND_CALL:
    if (a->args.len != b->args.len)
      return false;
    for (int i = 0; i < a->args.len; i++)
      if (!same_expr(a->args.items[i], b->args.items[i]))
        return false;
    break;
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD: case ND_NEG: case ND_PLUS:
  case ND_INDEX: case ND_DEREF: case ND_ADDR: case ND_LT: case ND_LE: case ND_GT: case ND_GE:
  case ND_EQ: case ND_NE: case ND_NOT: case ND_LOGAND: case ND_LOGOR: case ND_COND:
  case ND_SHL: case ND_SHR: case ND_BITAND: case ND_BITOR: case ND_BITXOR: case ND_BITNOT:
    break;
  default:
    return false;
  }
  return same_expr(a->lhs, b->lhs) && same_expr(a->rhs, b->rhs) && same_expr(a->cond, b->cond) &&
         same_expr(a->then, b->then) && same_expr(a->els, b->els);
}

/* The quoted source line, as a comment. */
static char *quote_comment(Token *tok) {
  char *text = source_line_text(tok);
  if (!text)
    return NULL;
  Buf b = {0};
  buf_puts(&b, "/* ");
  for (const char *p = text; *p; p++) {
    if (p[0] == '*' && p[1] == '/') {
      buf_puts(&b, "* ");
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      buf_puts(&b, "/ ");
      continue;
    }
    buf_putc(&b, *p);
  }
  buf_puts(&b, " */");
  return xstrdup(buf_str(&b));
}

/* The node holding the first token the printer prints for statement s. */
static Node *first_node(Node *s) {
  Node *e = s;
  if (s->kind == ND_EXPR_STMT)
    e = s->lhs;
  else
    return s;
  for (;;) {
    switch (e->kind) {
    case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD: case ND_SHL: case ND_SHR:
    case ND_BITAND: case ND_BITOR: case ND_BITXOR: case ND_LT: case ND_LE: case ND_GT:
    case ND_GE: case ND_EQ: case ND_NE: case ND_LOGAND: case ND_LOGOR: case ND_ASSIGN:
    case ND_COMMA: case ND_POST_INC: case ND_POST_DEC: case ND_MEMBER: case ND_ARROW:
    case ND_CALL:
      if (!e->lhs || e->parenthesized)
        return e;
      e = e->lhs;
      break;
    case ND_INDEX:
      e = e->swapped ? e->rhs : e->lhs;
      break;
    case ND_COND:
      if (e->parenthesized)
        return e;
      e = e->cond;
      break;
    default:
      return e;
    }
  }
}

/* Puts a comment line above statement s (a comment the printer prints as
 * the lead comment of its first token). */
static void attach_comment(Node *s, const char *text) {
  if (!s || !text)
    return;
  Node *n = first_node(s);
  Token *tok = gen_tok(n->tok);
  if (n->tok) {
    tok->kind = n->tok->kind;
    tok->text = n->tok->text;
    tok->len = n->tok->len;
    tok->lit_ty = n->tok->lit_ty;
    tok->ival = n->tok->ival;
    tok->fval = n->tok->fval;
    tok->str = n->tok->str;
    tok->str_len = n->tok->str_len;
  }
  tok->seq = -1;
  Vec comments = {0};
  vec_push(&comments, (void *)text);
  tok->lead_comments = comments;
  n->tok = tok;
}

/* A blank line above statement s. */
static void attach_blank(Node *s) {
  Node *n = first_node(s);
  if (!n->tok || !n->tok->lead_comments.len || n->tok->seq != -1) {
    attach_comment(s, "");
    return;
  }
  Vec comments = {0};
  vec_push(&comments, "");
  for (int i = 0; i < n->tok->lead_comments.len; i++)
    vec_push(&comments, n->tok->lead_comments.items[i]);
  n->tok->lead_comments = comments;
}

/* ===================================================================== */
/* Keys a tree reads and writes                                          */
/* ===================================================================== */

/* What a user function does through each pointer parameter (computed once
 * per function, for the whole run). */
static Gen *cur_gen;
static bool callee_reads(Obj *f, int i);
static bool callee_writes(Obj *f, int i);
static Obj *user_callee(Node *e);

static bool is_var_obj(Node *e) { return e && e->kind == ND_VAR && e->obj->kind == OBJ_VAR; }

/* Pointer aggregates: a local struct or array that holds pointers to
 * floating data (`struct ws { double *a, *b; } w;`, `const double *rows[3]`).
 * Its adjoint variable (same type) doubles as its shadow: the adjoint's
 * pointer parts point where the primal's point, in the adjoint memory, as
 * for struct parameters; it exists from the forward sweep on. */
static bool holds_float_ptr(Type *ty) {
  Type *c = type_canon(ty);
  switch (c->kind) {
  case TY_PTR:
    return type_has_floating(c->base);
  case TY_ARRAY:
    return holds_float_ptr(c->base);
  case TY_STRUCT:
    for (int i = 0; i < c->sdef->members.len; i++)
      if (holds_float_ptr(vec_get(Member, &c->sdef->members, i)->ty))
        return true;
    return false;
  default:
    return false;
  }
}

/* A pointer, or an aggregate with a pointer in it. */
static bool holds_pointer_type(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_PTR)
    return true;
  if (c->kind == TY_ARRAY)
    return holds_pointer_type(c->base);
  if (c->kind == TY_STRUCT || c->kind == TY_UNION) {
    for (int i = 0; i < c->sdef->members.len; i++)
      if (holds_pointer_type(vec_get(Member, &c->sdef->members, i)->ty))
        return true;
  }
  return false;
}

static bool is_ptr_aggregate(Obj *v) {
  return v && v->kind == OBJ_VAR && v->is_local && !v->is_param && !is_pointer(v->ty) &&
         holds_float_ptr(v->ty);
}

/* The pointer aggregate a pointer-valued lvalue is a part of (w for w.a,
 * rows[k], s.in[2].p), or NULL. */
static Obj *ptr_aggregate_of(Node *e) {
  if (!e || !is_pointer(e->ty))
    return NULL;
  Node *b = e;
  while (b->kind == ND_MEMBER || (b->kind == ND_INDEX && !b->swapped && is_array(b->lhs->ty)))
    b = b->lhs;
  if (b == e || b->kind != ND_VAR)
    return NULL;
  return is_ptr_aggregate(b->obj) ? b->obj : NULL;
}
static bool reads_wrt_global(Obj *f);
static void wrt_global_keys(Map *out);
static bool saved_as_mem(Type *ty);
/* Calls to the C allocator (see "Heap memory"). */
typedef enum { ALLOC_NONE, ALLOC_MALLOC, ALLOC_CALLOC, ALLOC_REALLOC, ALLOC_FREE } AllocKind;
static AllocKind alloc_kind(Node *e);

/* The key an lvalue's storage belongs to, or NULL if unknown. */
static const void *lvalue_key(Node *e);
static const void *canon(const void *key);
static int alias_rank(const void *k);

/* A pointer loaded from memory reached from a parameter (m->w, p[i].buf,
 * s.data for a struct parameter, q->w for a local copy q of one): the
 * memory reachable from that parameter, which is one class (distinct
 * parameters do not alias).  NULL when the chain starts anywhere else. */
static const void *loaded_pointer_key(Node *e) {
  Node *b = e;
  while (b->kind == ND_MEMBER || b->kind == ND_ARROW || b->kind == ND_DEREF ||
         (b->kind == ND_INDEX && !b->swapped))
    b = b->lhs;
  if (b == e || b->kind != ND_VAR || b->obj->kind != OBJ_VAR)
    return NULL;
  /* only memory a parameter (or a global) brings: what a local pointer
   * reaches may be allocated memory whose pointers cotan does not follow */
  const void *k = canon(mem_key(b->obj));
  return alias_rank(k) == 3 ? k : NULL;
}

static const void *pointer_key(Node *e) {
  switch (e->kind) {
  case ND_VAR:
    if (e->obj->kind != OBJ_VAR)
      return NULL;
    return canon(mem_key(e->obj));
  case ND_ADD:
    return pointer_key(is_pointer(type_decay(e->lhs->ty)) ? e->lhs : e->rhs);
  case ND_SUB:
  case ND_CAST:
  case ND_PRE_INC: case ND_POST_INC: case ND_PRE_DEC: case ND_POST_DEC:
    return pointer_key(e->lhs);
  case ND_ADDR:
    return lvalue_key(e->lhs);
  case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_DEREF:
    if (is_array(e->ty))
      return lvalue_key(e);
    if (ptr_aggregate_of(e)) /* w.a: the memory w's pointers point to */
      return canon(mem_key(ptr_aggregate_of(e)));
    return loaded_pointer_key(e);
  case ND_COND:
    return pointer_key(e->then ? e->then : e->cond);
  default:
    return NULL;
  }
}

/* Every memory class a pointer expression may point into: both arms of
 * a ?: (`sq(k ? x : y)` reads x or y). */
static void pointer_keys(Node *e, Map *out);

/* The memory a call argument gives the callee access to: what a pointer
 * points into, and for a struct that holds pointers (passed by value, or
 * by address), the memory behind those pointers too. */
static void arg_memory_keys(Node *a, Map *out) {
  Node *b = a;
  while (b->kind == ND_CAST)
    b = b->lhs;
  if (is_pointer(type_decay(a->ty)))
    pointer_keys(a, out);
  if (b->kind == ND_ADDR)
    b = b->lhs;
  else if (is_pointer(type_decay(a->ty)))
    return;
  if (!holds_float_ptr(b->ty))
    return;
  Node *root = b;
  while (root->kind == ND_MEMBER || (root->kind == ND_INDEX && is_array(root->lhs->ty)))
    root = root->lhs;
  if (root->kind == ND_VAR && root->obj->kind == OBJ_VAR)
    set_put(out, canon(mem_key(root->obj)));
}

static void pointer_keys(Node *e, Map *out) {
  while (e->kind == ND_CAST || e->kind == ND_COMMA)
    e = e->kind == ND_CAST ? e->lhs : e->rhs;
  if (e->kind == ND_COND) {
    pointer_keys(e->then ? e->then : e->cond, out);
    pointer_keys(e->els, out);
    return;
  }
  const void *k = pointer_key(e);
  if (k)
    set_put(out, k);
}

static const void *lvalue_key(Node *e) {
  switch (e->kind) {
  case ND_VAR:
    if (e->obj->kind != OBJ_VAR)
      return NULL;
    return is_array(e->obj->ty) ? canon(mem_key(e->obj)) : val_key(e->obj);
  case ND_INDEX:
    return pointer_key(e->swapped ? e->rhs : e->lhs);
  case ND_MEMBER:
    return lvalue_key(e->lhs);
  case ND_ARROW: case ND_DEREF:
    return pointer_key(e->lhs);
  default:
    return NULL;
  }
}

/* Pointer copies.  A pointer variable assigned the address of some memory
 * (`double *p = v;`, `xp = tmp;`, `q = v + 1;`) designates that memory: the
 * memory keys of the pointer and of every base it may point into are
 * unified into one class (flow-insensitive, over every function of the
 * unit), so a write through p is a write to v.  The class's key is that of
 * a parameter or global if it has one, else of a local array, else of a
 * pointer.  A class whose pointers may also point to memory cotan cannot
 * name (an element of an array of pointers, a struct member, a pointer a
 * function returns) is "unknown": a floating write through it is an error.
 * A class with several bases is "multi": it cannot be saved whole or
 * logged as a parameter. */
static Map alias_parent;  /* key -> key */
static Map alias_unknown; /* class key -> 1 */
static Map alias_bases;   /* class key -> (void *)(number of bases) */
static bool alias_raw;    /* while building, and for activity: no classes */

static const void *alias_find(const void *k) {
  const void *p;
  while ((p = map_get(&alias_parent, k)) && p != k)
    k = p;
  return k;
}

static const void *canon(const void *key) {
  return alias_raw ? key : alias_find(key);
}

static int alias_rank(const void *k) {
  Obj *o = key_obj(k);
  if (!o->is_local || o->is_param)
    return 3;
  return is_array(o->ty) ? 2 : 1;
}

static bool is_base(const void *k) { return alias_rank(k) >= 2; }

static void alias_union(const void *a, const void *b) {
  a = alias_find(a);
  b = alias_find(b);
  if (a == b)
    return;
  if (alias_rank(b) > alias_rank(a) ||
      (alias_rank(b) == alias_rank(a) && key_obj(b)->id < key_obj(a)->id)) {
    const void *t = a;
    a = b;
    b = t;
  }
  map_put(&alias_parent, b, (void *)a);
  size_t n = (size_t)(uintptr_t)map_get(&alias_bases, a) + (size_t)(uintptr_t)map_get(&alias_bases, b);
  map_put(&alias_bases, a, (void *)(uintptr_t)n);
  if (set_in(&alias_unknown, b))
    set_put(&alias_unknown, a);
}

static void alias_key(const void *k) {
  if (!map_get(&alias_parent, k)) {
    map_put(&alias_parent, k, (void *)k);
    map_put(&alias_bases, k, (void *)(uintptr_t)(is_base(k) ? 1 : 0));
  }
}

/* The memory key pk (a pointer variable's, or a pointer aggregate's) now
 * also designates what e points to. */
static void alias_assign_key(const void *pk, Node *e) {
  if (!e)
    return;
  alias_key(pk);
  if (e->kind == ND_COND) {
    alias_assign_key(pk, e->then ? e->then : e->cond);
    alias_assign_key(pk, e->els);
    return;
  }
  if (e->kind == ND_CAST && is_pointer(e->lhs->ty)) {
    alias_assign_key(pk, e->lhs);
    return;
  }
  if (e->kind == ND_COMMA) {
    alias_assign_key(pk, e->rhs);
    return;
  }
  if (is_null_pointer_constant(e))
    return;
  const void *k = pointer_key(e);
  if (k) {
    alias_key(k);
    alias_union(pk, k);
    return;
  }
  if (alloc_kind(e) == ALLOC_REALLOC) {
    alias_assign_key(pk, vec_get(Node, &e->args, 0));
    return;
  }
  /* fresh memory from a function without a body (malloc) is p's own */
  if (e->kind == ND_CALL && e->lhs && e->lhs->kind == ND_VAR && e->lhs->obj->kind == OBJ_FUNC &&
      !e->lhs->obj->body)
    return;
  set_put(&alias_unknown, alias_find(pk));
}

/* p (a pointer variable) = e */
static void alias_assign(Obj *p, Node *e) {
  if (!e || p->kind != OBJ_VAR || !is_pointer(p->ty))
    return;
  alias_assign_key(mem_key(p), e);
}

/* The pointers in an initializer list of a pointer aggregate. */
static void alias_init_list(Obj *v, Node *list) {
  for (int i = 0; i < list->items.len; i++) {
    Node *x = vec_get(InitItem, &list->items, i)->value;
    if (x->kind == ND_INIT_LIST)
      alias_init_list(v, x);
    else if (is_pointer(type_decay(x->ty)))
      alias_assign_key(mem_key(v), x);
  }
}

static void alias_walk(Node *n) {
  if (!n)
    return;
  if (n->kind == ND_ASSIGN && n->op == ND_NONE && n->lhs->kind == ND_VAR)
    alias_assign(n->lhs->obj, n->rhs);
  if (n->kind == ND_ASSIGN && n->op == ND_NONE && ptr_aggregate_of(n->lhs))
    alias_assign_key(mem_key(ptr_aggregate_of(n->lhs)), n->rhs);
  for (int i = 0; i < n->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &n->decl_vars, i);
    if (dv->obj && dv->init && dv->init->kind != ND_INIT_LIST)
      alias_assign(dv->obj, dv->init);
    if (dv->obj && dv->init && dv->init->kind == ND_INIT_LIST && is_ptr_aggregate(dv->obj))
      alias_init_list(dv->obj, dv->init);
    alias_walk(dv->init);
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    alias_walk(kids[i]);
  for (int i = 0; i < n->stmts.len; i++)
    alias_walk(n->stmts.items[i]);
  for (int i = 0; i < n->args.len; i++)
    alias_walk(n->args.items[i]);
  for (int i = 0; i < n->items.len; i++)
    alias_walk(vec_get(InitItem, &n->items, i)->value);
}

static void alias_build(Unit *unit) {
  alias_parent = (Map){0};
  alias_unknown = (Map){0};
  alias_bases = (Map){0};
  alias_raw = true;
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *f = unit->globals.items[i];
    if (f->kind == OBJ_FUNC && f->body)
      alias_walk(f->body);
  }
  alias_raw = false;
}

/* Is key k (a class) of memory cotan cannot name, or of several bases? */
static bool alias_is_unknown(const void *k) { return set_in(&alias_unknown, alias_find(k)); }
static bool alias_is_multi(const void *k) {
  return (size_t)(uintptr_t)map_get(&alias_bases, alias_find(k)) > 1;
}

/* The pointer variable an lvalue is written through (p for p[i], *p, p->f). */
static Obj *written_through(Node *L) {
  while (L) {
    switch (L->kind) {
    case ND_INDEX: L = L->swapped ? L->rhs : L->lhs; break;
    case ND_MEMBER: L = L->lhs; break;
    case ND_ARROW: case ND_DEREF: case ND_ADD: case ND_SUB: case ND_CAST:
    case ND_PRE_INC: case ND_POST_INC: case ND_PRE_DEC: case ND_POST_DEC:
      L = L->lhs; break;
    case ND_VAR: return L->obj;
    default: return NULL;
    }
  }
  return NULL;
}

static Node *index_base(Node *e) { return e->swapped ? e->rhs : e->lhs; }
static Node *index_sub(Node *e) { return e->swapped ? e->lhs : e->rhs; }

static void value_keys(Node *e, Map *out);

/* Keys needed to form the address of lvalue e. */
static void address_keys(Node *e, Map *out) {
  switch (e->kind) {
  case ND_VAR:
    return;
  case ND_INDEX: {
    Node *b = index_base(e);
    if (is_array(b->ty))
      address_keys(b, out);
    else
      value_keys(b, out);
    value_keys(index_sub(e), out);
    return;
  }
  case ND_MEMBER:
    address_keys(e->lhs, out);
    return;
  case ND_ARROW: case ND_DEREF:
    value_keys(e->lhs, out);
    return;
  default:
    value_keys(e, out);
  }
}

/* Keys read when e is evaluated. */
static void value_keys(Node *e, Map *out) {
  if (!e)
    return;
  switch (e->kind) {
  case ND_VAR:
    /* an array stands for its (constant) address: its elements are read
     * through [], * or a call */
    if (e->obj->kind == OBJ_VAR && !is_array(e->obj->ty))
      set_put(out, val_key(e->obj));
    return;
  case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF:
    return;
  case ND_INDEX: case ND_DEREF: case ND_ARROW: case ND_MEMBER: {
    const void *k = lvalue_key(e);
    if (k && !is_array(e->ty))
      set_put(out, k);
    address_keys(e, out);
    return;
  }
  case ND_ADDR:
    address_keys(e->lhs, out);
    return;
  case ND_CALL: {
    Obj *f = user_callee(e);
    if (f && reads_wrt_global(f))
      wrt_global_keys(out); /* its derivative reads them: saved if overwritten */
    for (int i = 0; i < e->args.len; i++) {
      Node *a = e->args.items[i];
      value_keys(a, out);
      if (!f || callee_reads(f, i))
        arg_memory_keys(a, out);
    }
    return;
  }
  default:
    break;
  }
  value_keys(e->lhs, out);
  value_keys(e->rhs, out);
  value_keys(e->cond, out);
  value_keys(e->then, out);
  value_keys(e->els, out);
  for (int i = 0; i < e->args.len; i++)
    value_keys(e->args.items[i], out);
  for (int i = 0; i < e->items.len; i++)
    value_keys(vec_get(InitItem, &e->items, i)->value, out);
}

/* Lvalues written anywhere in an expression (assignments, ++, --). */
static void writes_in_expr(Node *e, Vec *out) {
  if (!e)
    return;
  switch (e->kind) {
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    vec_push(out, e->lhs);
    break;
  default:
    break;
  }
  writes_in_expr(e->lhs, out);
  writes_in_expr(e->rhs, out);
  writes_in_expr(e->cond, out);
  writes_in_expr(e->then, out);
  writes_in_expr(e->els, out);
  for (int i = 0; i < e->args.len; i++)
    writes_in_expr(e->args.items[i], out);
}

/* Keys written anywhere in a statement (incl. nested statements). */
static void write_keys(Rev *r, Node *s, Map *out);

/* Memory the user functions called in e write through pointer arguments. */
static void call_write_keys(Node *e, Map *out) {
  if (!e)
    return;
  Obj *f = e->kind == ND_CALL ? user_callee(e) : NULL;
  for (int i = 0; f && i < e->args.len; i++) {
    Node *a = e->args.items[i];
    if (callee_writes(f, i))
      arg_memory_keys(a, out);
  }
  call_write_keys(e->lhs, out);
  call_write_keys(e->rhs, out);
  call_write_keys(e->cond, out);
  call_write_keys(e->then, out);
  call_write_keys(e->els, out);
  for (int i = 0; i < e->args.len; i++)
    call_write_keys(e->args.items[i], out);
}

static void expr_write_keys(Rev *r, Node *e, Map *out) {
  Vec w = {0};
  writes_in_expr(e, &w);
  for (int i = 0; i < w.len; i++) {
    Node *L = w.items[i];
    const void *k = lvalue_key(L);
    if (L->kind != ND_VAR && (!k || (k != val_key(key_obj(k)) && alias_is_unknown(k))) &&
        (is_floating(L->ty) || is_record(L->ty))) {
      Obj *p = written_through(L);
      if (p)
        error_tok(L->tok, "cannot differentiate a write through '%s': cotan cannot tell which "
                          "variable's memory it points to (a pointer kept in allocated memory, "
                          "or returned by a call); index the array or parameter it points into",
                  p->name);
      error_tok(L->tok, "cannot differentiate this write: cotan cannot tell which variable's "
                        "memory it stores to; index the array or parameter it points into");
    }
    if (k)
      set_put(out, k);
  }
  call_write_keys(e, out);
  (void)r;
}

static void write_keys(Rev *r, Node *s, Map *out) {
  if (!s)
    return;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      write_keys(r, s->stmts.items[i], out);
    return;
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++) {
      Declarator *dv = vec_get(Declarator, &s->decl_vars, i);
      if (dv->obj && dv->obj->kind == OBJ_VAR)
        set_put(out, is_array(dv->obj->ty) ? mem_key(dv->obj) : val_key(dv->obj));
      if (dv->init)
        expr_write_keys(r, dv->init, out);
    }
    return;
  case ND_EXPR_STMT:
    expr_write_keys(r, s->lhs, out);
    return;
  case ND_IF:
    expr_write_keys(r, s->cond, out);
    write_keys(r, s->then, out);
    write_keys(r, s->els, out);
    return;
  case ND_FOR:
    write_keys(r, s->init, out);
    expr_write_keys(r, s->cond, out);
    expr_write_keys(r, s->inc, out);
    write_keys(r, s->body, out);
    return;
  case ND_WHILE: case ND_DO:
    expr_write_keys(r, s->cond, out);
    write_keys(r, s->body, out);
    return;
  default:
    return;
  }
}

/* ===================================================================== */
/* Variables                                                              */
/* ===================================================================== */

static VarInfo *var_info(Rev *r, Obj *obj) {
  VarInfo *vi = map_get(&r->vars, obj);
  if (!vi) {
    vi = new_of(VarInfo);
    vi->var = obj;
    vi->active = obj->kind == OBJ_VAR && activity_obj(r->act, obj);
    map_put(&r->vars, obj, vi);
  }
  return vi;
}

/* A variable cotan creates (never active). */
static Obj *gen_var(Rev *r, const char *base, Type *ty) {
  Obj *v = new_local_var(fresh_name(r, base), ty, r->tok);
  VarInfo *vi = var_info(r, v);
  vi->generated = true;
  vi->active = false;
  return v;
}

/* Is the expression's value active: of a floating type (or a pointer to
 * or aggregate of one) and depending on an active variable? */
/* A pointer loaded from memory (pr[0] in pr[0][j], p->next->x) that
 * activity.c says may point into active storage, though the variable it
 * was loaded through is not active itself (an array of pointers reached
 * through another pointer, pointers kept in malloc'd memory). */
static bool loaded_pointer_active(Rev *r, Node *p) {
  if (!is_pointer(p->ty))
    return false;
  switch (p->kind) {
  case ND_INDEX: case ND_DEREF: case ND_ARROW: case ND_MEMBER:
    return activity_expr(r->act, p);
  default:
    return false;
  }
}

static bool active_expr(Rev *r, Node *e) {
  if (!e || !e->ty)
    return false;
  if (is_integer(e->ty))
    return false; /* M->rows of an active struct: an integer carries no derivative */
  switch (e->kind) {
  case ND_VAR:
    return e->obj->kind == OBJ_VAR && var_info(r, e->obj)->active;
  case ND_NUM: case ND_CHAR: case ND_STR: case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF:
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE: case ND_LOGAND:
  case ND_LOGOR: case ND_NOT:
    return false;
  case ND_CAST:
    if (!is_floating(e->ty) && !is_pointer(e->ty) && !is_record(e->ty))
      return false;
    return active_expr(r, e->lhs);
  case ND_INDEX:
    return active_expr(r, index_base(e)) || loaded_pointer_active(r, index_base(e));
  case ND_ARROW: case ND_DEREF:
    return active_expr(r, e->lhs) || loaded_pointer_active(r, e->lhs);
  case ND_MEMBER: case ND_ADDR:
    return active_expr(r, e->lhs);
  case ND_COND:
    return active_expr(r, e->then ? e->then : e->cond) || active_expr(r, e->els);
  case ND_COMMA:
    return active_expr(r, e->rhs);
  case ND_ASSIGN:
    return active_expr(r, e->lhs);
  case ND_COMPOUND_LIT:
    return e->init && init_list_active(r, e->init);
  case ND_CALL:
    if (!is_floating(e->ty) && !is_record(e->ty))
      return false;
    for (int i = 0; i < e->args.len; i++)
      if (active_expr(r, e->args.items[i]))
        return true;
    return user_callee(e) && reads_wrt_global(user_callee(e));
  default:
    break;
  }
  Type *t = type_decay(e->ty);
  if (!is_floating(t) && !is_pointer(t) && !is_record(t))
    return false;
  return active_expr(r, e->lhs) || active_expr(r, e->rhs);
}

/* The variable an lvalue's storage belongs to (x for x, a[i], p->f, *p,
 * s.f, A[i][j]), or NULL. */
static Obj *lvalue_obj(Node *e) {
  bool raw = alias_raw;
  alias_raw = true; /* the variable as written (its own activity) */
  const void *k = lvalue_key(e);
  alias_raw = raw;
  return k ? key_obj(k) : NULL;
}

/* Is an lvalue's storage active (and of a floating type)? */
static bool active_lvalue(Rev *r, Node *e) {
  Obj *o = lvalue_obj(e);
  return o && var_info(r, o)->active && (is_floating(e->ty) || is_record(e->ty));
}

/* ===================================================================== */
/* Normalization                                                          */
/* ===================================================================== */

/* A loop or switch being normalized: the flags its jumps set. */
typedef struct Jump {
  bool is_switch;
  Obj *brk;            /* loop: set by break; switch (general form): cleared by break */
  Obj *cont;           /* loop: set by continue */
  struct Jump *outer;
} Jump;

typedef struct Norm {
  Rev *r;
  Jump *jump;          /* innermost loop or switch */
  Obj *returned;       /* set by a return that is not the last thing done, or NULL */
  bool tail;           /* the statement being normalized is the last thing the function does */
} Norm;

enum { EX_BREAK = 1, EX_CONT = 2, EX_RET = 4 };

static SInfo *sinfo(Node *s) {
  if (!s->aux)
    s->aux = new_of(SInfo);
  return s->aux;
}

static bool always_exits(Node *s) {
  if (!s)
    return false;
  switch (s->kind) {
  case ND_RETURN: case ND_BREAK: case ND_CONTINUE:
    return true;
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      if (always_exits(s->stmts.items[i]))
        return true;
    return false;
  case ND_IF:
    return s->els && always_exits(s->then) && always_exits(s->els);
  default:
    return false;
  }
}

static bool always_returns(Node *s) {
  if (!s)
    return false;
  switch (s->kind) {
  case ND_RETURN:
    return true;
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      if (always_returns(s->stmts.items[i]))
        return true;
    return false;
  case ND_IF:
    return s->els && always_returns(s->then) && always_returns(s->els);
  default:
    return false;
  }
}

/* Does s contain a statement of kind `kind` that binds to the loop or
 * switch around s?  (break: not inside inner loops or switches;
 * continue: not inside inner loops; return: anywhere.) */
static bool has_jump(Node *s, NodeKind kind) {
  if (!s)
    return false;
  if (s->kind == kind)
    return true;
  switch (s->kind) {
  case ND_FOR: case ND_WHILE: case ND_DO:
    if (kind != ND_RETURN)
      return false;
    break;
  case ND_SWITCH:
    if (kind == ND_BREAK)
      return false;
    break;
  default:
    break;
  }
  if (has_jump(s->then, kind) || has_jump(s->els, kind) || has_jump(s->body, kind))
    return true;
  for (int i = 0; i < s->stmts.len; i++)
    if (has_jump(s->stmts.items[i], kind))
      return true;
  return false;
}

static bool flag_needed_stmt(Node *s, bool tail);

/* Does some return in the list not end the function's work?  Mirrors
 * norm_list's handling of `if (c) { ... return x; } rest`. */
static bool flag_needed(Vec *in, int from, bool tail, bool in_jump) {
  for (int i = from; i < in->len; i++) {
    Node *s = in->items[i];
    bool last = i + 1 == in->len;
    if (!in_jump && s->kind == ND_IF && !s->els && !last && always_returns(s->then))
      return flag_needed_stmt(s->then, tail) || flag_needed(in, i + 1, tail, in_jump);
    bool dead_after = always_returns(s);
    if (flag_needed_stmt(s, tail && (last || dead_after)))
      return true;
    if (always_exits(s))
      return false;
  }
  return false;
}

static bool flag_needed_stmt(Node *s, bool tail) {
  switch (s->kind) {
  case ND_RETURN:
    return !tail;
  case ND_BLOCK:
    return flag_needed(&s->stmts, 0, tail, false);
  case ND_IF:
    return flag_needed_stmt(s->then, tail) || (s->els && flag_needed_stmt(s->els, tail));
  case ND_FOR: case ND_WHILE: case ND_DO: case ND_SWITCH: case ND_LABEL:
    return has_jump(s, ND_RETURN);
  default:
    return false;
  }
}

static int norm_list(Norm *N, Vec *in, int from, Vec *out);
static int norm_stmt(Norm *N, Node *s, Vec *out);
static Node *hoist(Node *e, Vec *before, Vec *after, bool top);

static Node *flag_set(Obj *flag, int v, Token *tok) {
  return stmt(new_assign(ND_NONE, var(flag, tok), inum(v, tok), tok));
}

static Node *decl_int(Obj *v, int init, Token *tok) {
  return new_local_decl(v, inum(init, tok), tok);
}

static Jump *innermost_loop(Jump *j) {
  while (j && j->is_switch)
    j = j->outer;
  return j;
}

/* The condition under which the statements after one that may jump out
 * still run. */
static Node *guard_for(Norm *N, int mask, Token *tok) {
  Node *g = NULL;
  if (mask & EX_BREAK) {
    Jump *j = N->jump;
    g = and(g, j->is_switch ? var(j->brk, tok) : not(var(j->brk, tok), tok), tok);
  }
  if (mask & EX_CONT)
    g = and(g, not(var(innermost_loop(N->jump)->cont, tok), tok), tok);
  if ((mask & EX_RET) && N->returned)
    g = and(g, not(var(N->returned, tok), tok), tok);
  return g;
}

/* A body as a normalized block. */
static Node *norm_block(Norm *N, Node *s, int *ex) {
  if (s->kind == ND_BLOCK) {
    Node *b = new_node(ND_BLOCK, s->tok);
    b->end_tok = s->end_tok;
    *ex |= norm_list(N, &s->stmts, 0, &b->stmts);
    return b;
  }
  Node *b = new_block(s->tok);
  *ex |= norm_stmt(N, s, &b->stmts);
  return b;
}

static int norm_list(Norm *N, Vec *in, int from, Vec *out) {
  int ex_all = 0;
  bool tail = N->tail;
  for (int i = from; i < in->len; i++) {
    Node *s = in->items[i];
    bool last = i + 1 == in->len;
    N->tail = tail;
    if (!N->jump && s->kind == ND_IF && !s->els && !last && always_returns(s->then)) {
      /* if (c) { ...; return x; } rest  ->  if (c) { ...; F_value = x; } else { rest } */
      int ex = 0;
      Vec before = {0}, after = {0};
      Node *cond = hoist(clone_expr(s->cond), &before, &after, false);
      if (after.len)
        error_tok(s->cond->tok, "cannot differentiate an increment in an if condition; write "
                                "it as a statement before the if");
      for (int k = 0; k < before.len; k++)
        vec_push(out, before.items[k]);
      Node *then = norm_block(N, s->then, &ex);
      Node *els = new_block(s->tok);
      ex |= norm_list(N, in, i + 1, &els->stmts);
      Node *n = new_if(cond, then, els, s->tok);
      n->end_tok = NULL;
      vec_push(out, n);
      return ex_all | ex;
    }
    N->tail = tail && (last || always_returns(s));
    int ex = norm_stmt(N, s, out);
    N->tail = tail;
    ex_all |= ex;
    if (last || always_exits(s))
      break;
    int mask = ex;
    if (!N->returned)
      mask &= ~EX_RET;
    if (mask) {
      Node *rest = new_block(s->tok);
      ex_all |= norm_list(N, in, i + 1, &rest->stmts);
      if (rest->stmts.len) {
        /* a guard cotan adds: no place, so no quoted line */
        Token *rt = gen_tok(NULL);
        vec_push(out, new_if(guard_for(N, mask, rt), rest, NULL, rt));
      }
      break;
    }
  }
  return ex_all;
}

/* Is s `for (i = a; i < b; i++)` or a form like it, whose trip count is
 * fixed when the loop starts?  Fills the SInfo of the normalized loop n. */
static bool fixed_for(Rev *r, Node *s, SInfo *si) {
  Obj *i = NULL;
  Node *lo = NULL;
  Node *init = s->init;
  if (!init || !s->cond || !s->inc)
    return false;
  if (init->kind == ND_DECL && init->decl_vars.len == 1) {
    Declarator *dv = vec_get(Declarator, &init->decl_vars, 0);
    i = dv->obj;
    lo = dv->init;
  } else if (init->kind == ND_EXPR_STMT && init->lhs->kind == ND_ASSIGN &&
             init->lhs->op == ND_NONE && is_var_obj(init->lhs->lhs)) {
    i = init->lhs->lhs->obj;
    lo = init->lhs->rhs;
  }
  if (!i || !lo || !is_integer(i->ty) || !is_pure(lo))
    return false;
  Node *c = s->cond;
  NodeKind ck = c->kind;
  Node *hi;
  if (c->lhs && c->rhs && c->lhs->kind == ND_ADD && is_var_obj(c->lhs->lhs) &&
      c->lhs->lhs->obj == i && c->lhs->rhs->kind == ND_NUM && is_integer(c->lhs->rhs->ty) &&
      !type_canon(i->ty)->is_unsigned && (ck == ND_LT || ck == ND_LE)) {
    /* i + 1 < n: the bound is n - 1 */
    hi = new_binary(ND_SUB, clone_expr(c->rhs), clone_expr(c->lhs->rhs), c->tok);
  } else if (is_var_obj(c->lhs) && c->lhs->obj == i) {
    hi = c->rhs;
  } else if (c->rhs && is_var_obj(c->rhs) && c->rhs->obj == i) {
    hi = c->lhs;
    ck = ck == ND_LT ? ND_GT : ck == ND_GT ? ND_LT : ck == ND_LE ? ND_GE : ck == ND_GE ? ND_LE : ck;
  } else {
    return false;
  }
  if (!hi || !is_pure(hi))
    return false;
  Node *inc = s->inc;
  int step = 0;
  if ((inc->kind == ND_POST_INC || inc->kind == ND_PRE_INC) && is_var_obj(inc->lhs) &&
      inc->lhs->obj == i)
    step = 1;
  else if ((inc->kind == ND_POST_DEC || inc->kind == ND_PRE_DEC) && is_var_obj(inc->lhs) &&
           inc->lhs->obj == i)
    step = -1;
  else if (inc->kind == ND_ASSIGN && (inc->op == ND_ADD || inc->op == ND_SUB) &&
           is_var_obj(inc->lhs) && inc->lhs->obj == i && inc->rhs->kind == ND_NUM &&
           is_integer(inc->rhs->ty) && inc->rhs->ival == 1)
    step = inc->op == ND_ADD ? 1 : -1;
  if (!step)
    return false;
  bool up = step > 0;
  bool inclusive;
  switch (ck) {
  case ND_LT: if (!up) return false; inclusive = false; break;
  case ND_LE: if (!up) return false; inclusive = true; break;
  case ND_GT: if (up) return false; inclusive = false; break;
  case ND_GE: if (up) return false; inclusive = true; break;
  case ND_NE: inclusive = false; break;
  default: return false;
  }
  /* The body writes neither the index nor what the bounds read. */
  Map w = {0};
  write_keys(r, s->body, &w);
  if (set_in(&w, val_key(i)))
    return false;
  Map rd = {0};
  value_keys(lo, &rd);
  value_keys(hi, &rd);
  for (size_t k = 0; k < rd.cap; k++)
    if (rd.keys[k] && rd.vals[k] && set_in(&w, rd.keys[k]))
      return false;
  si->fixed = true;
  si->index = i;
  si->lo = lo;
  si->hi = hi;
  si->up = up;
  si->inclusive = inclusive;
  return true;
}

/* Are the side effects of e all on integer variables (i--, ++k)? */
static bool only_int_effects(Node *e) {
  if (!e)
    return true;
  switch (e->kind) {
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return is_var_obj(e->lhs) && is_integer(e->lhs->ty);
  case ND_ASSIGN:
    return is_var_obj(e->lhs) && is_integer(e->lhs->ty) && only_int_effects(e->rhs);
  case ND_CALL: case ND_STMT_EXPR: case ND_VA_ARG: case ND_ASM:
    return is_pure(e);
  case ND_LOGAND: case ND_LOGOR: case ND_COND:
    return is_pure(e->rhs) && is_pure(e->then) && is_pure(e->els) && only_int_effects(e->lhs) &&
           only_int_effects(e->cond);
  default:
    return only_int_effects(e->lhs) && only_int_effects(e->rhs);
  }
}

static int norm_loop(Norm *N, Node *s, Vec *out) {
  Rev *r = N->r;
  Token *tok = s->tok;
  if ((s->kind == ND_FOR || s->kind == ND_WHILE) && s->cond && !is_pure(s->cond) &&
      only_int_effects(s->cond) && !has_jump(s->body, ND_CONTINUE)) {
    /* for (i = n; i-- > 0;) body  ->  { i = n; while (1) { int more = i-- > 0;
     * if (!more) break; body } }: the condition's side effects become
     * statements the rest of normalization knows */
    Node *loop = new_node(ND_WHILE, tok);
    loop->cond = inum(1, tok);
    Node *b = new_block(tok);
    Obj *more = new_local_var(fresh_name(r, "more"), ty_int, tok);
    var_info(r, more)->generated = true;
    block_add(b, new_local_decl(more, clone_expr(s->cond), tok));
    block_add(b, new_if(not(var(more, tok), tok), new_node(ND_BREAK, tok), NULL, tok));
    block_add(b, s->body);
    if (s->kind == ND_FOR && s->inc)
      block_add(b, stmt(clone_expr(s->inc)));
    loop->body = b;
    Node *wrap = new_block(tok);
    if (s->kind == ND_FOR && s->init)
      block_add(wrap, s->init);
    block_add(wrap, loop);
    return norm_stmt(N, wrap, out);
  }
  bool brk = has_jump(s->body, ND_BREAK);
  bool cont = has_jump(s->body, ND_CONTINUE);
  bool ret = has_jump(s->body, ND_RETURN);
  Jump j = {.outer = N->jump};
  if (brk) {
    j.brk = gen_var(r, "broke", ty_int);
    vec_push(out, decl_int(j.brk, 0, tok));
  }
  if (cont)
    j.cont = gen_var(r, "skip", ty_int);
  N->jump = &j;
  bool tail = N->tail;
  N->tail = false;
  Node *body = new_node(ND_BLOCK, s->body->kind == ND_BLOCK ? s->body->tok : s->tok);
  if (s->body->kind == ND_BLOCK) {
    body->end_tok = s->body->end_tok;
  } else {
    body->tok = new_block(s->tok)->tok;
  }
  if (cont)
    vec_push(&body->stmts, decl_int(j.cont, 0, tok));
  int ex = 0;
  if (s->body->kind == ND_BLOCK)
    ex = norm_list(N, &s->body->stmts, 0, &body->stmts);
  else
    ex = norm_stmt(N, s->body, &body->stmts);
  N->jump = j.outer;
  N->tail = tail;
  Node *stop = and(brk ? not(var(j.brk, tok), tok) : NULL,
                   ret && N->returned ? not(var(N->returned, tok), tok) : NULL, tok);
  Node *cond = s->cond ? clone_expr(s->cond) : NULL;
  Node *n;
  switch (s->kind) {
  case ND_FOR: {
    n = new_node(ND_FOR, tok);
    n->end_tok = s->end_tok;
    SInfo *si = sinfo(n);
    if (!brk && !ret && fixed_for(r, s, si)) {
      n->init = clone_expr(s->init);
      n->cond = cond;
      n->inc = clone_expr(s->inc);
      n->body = body;
      si->lo = n->init->kind == ND_DECL ? vec_get(Declarator, &n->init->decl_vars, 0)->init
                                        : n->init->lhs->rhs;
      Node *c = n->cond;
      if (c->lhs->kind == ND_ADD && is_var_obj(c->lhs->lhs) && c->lhs->lhs->obj == si->index)
        si->hi = new_binary(ND_SUB, c->rhs, clone_expr(c->lhs->rhs), c->tok); /* i + 1 < n */
      else
        si->hi = c->lhs->kind == ND_VAR && c->lhs->obj == si->index ? c->rhs : c->lhs;
      vec_push(out, n);
      break;
    }
    si->fixed = false;
    /* for (init; cond; inc) body  ->  { init; while (cond) { body; inc; } } */
    Node *wrap = s->init && s->init->kind == ND_DECL ? new_block(tok) : NULL;
    Vec *target = wrap ? &wrap->stmts : out;
    if (s->init)
      norm_stmt(N, s->init, target);
    if (s->inc) {
      Node *incb = new_block(tok);
      norm_stmt(N, stmt(s->inc), &incb->stmts);
      Node *lastst = body->stmts.len ? vec_last(&body->stmts) : NULL;
      if (stop && lastst && lastst->kind == ND_IF && !lastst->els &&
          same_expr(lastst->cond, stop)) {
        /* the guard of the rest of the body covers the step too */
        for (int k = 0; k < incb->stmts.len; k++)
          vec_push(&lastst->then->stmts, incb->stmts.items[k]);
      } else if (stop)
        vec_push(&body->stmts, new_if(clone_expr(stop), incb, NULL, tok));
      else
        for (int k = 0; k < incb->stmts.len; k++)
          vec_push(&body->stmts, incb->stmts.items[k]);
    }
    n->kind = ND_WHILE;
    n->cond = and(stop, cond, tok);
    if (!n->cond)
      n->cond = inum(1, tok);
    n->body = body;
    vec_push(target, n);
    if (wrap)
      vec_push(out, wrap);
    break;
  }
  case ND_WHILE:
  case ND_DO:
    n = new_node(s->kind, tok);
    n->end_tok = s->end_tok;
    n->cond = and(stop, cond, tok);
    n->body = body;
    vec_push(out, n);
    break;
  default:
    unreachable();
  }
  return ex & EX_RET;
}

static bool keys_meet(const Map *a, const Map *b);

/* One run of statements of a switch body after its labels. */
typedef struct Segment {
  Vec labels; /* ND_CASE / ND_DEFAULT */
  Vec stmts;
  bool is_default;
} Segment;

static Node *match_segment(Segment *seg, Node *sel, Token *tok) {
  Node *m = NULL;
  for (int i = 0; i < seg->labels.len; i++) {
    Node *l = seg->labels.items[i];
    if (l->kind != ND_CASE)
      continue;
    Node *c;
    if (l->case_hi)
      c = and(new_binary(ND_GE, clone_expr(sel), clone_expr(l->case_lo), tok),
              new_binary(ND_LE, clone_expr(sel), clone_expr(l->case_hi), tok), tok);
    else
      c = new_binary(ND_EQ, clone_expr(sel), clone_expr(l->case_lo), tok);
    m = or(m, c, tok);
  }
  return m;
}

static int norm_switch_body(Norm *N, Node *s, Vec *out) {
  Rev *r = N->r;
  Token *tok = s->tok;
  Vec segs = {0};
  Segment *cur = NULL;
  Vec body = {0};
  if (s->body->kind == ND_BLOCK)
    body = s->body->stmts;
  else
    vec_push(&body, s->body);
  for (int i = 0; i < body.len; i++) {
    Node *st = body.items[i];
    if (st->kind == ND_CASE || st->kind == ND_DEFAULT) {
      if (!cur || cur->stmts.len) {
        cur = new_of(Segment);
        vec_push(&segs, cur);
      }
      while (st && (st->kind == ND_CASE || st->kind == ND_DEFAULT)) {
        vec_push(&cur->labels, st);
        if (st->kind == ND_DEFAULT)
          cur->is_default = true;
        st = st->body;
      }
    }
    if (st && cur)
      vec_push(&cur->stmts, st);
  }
  /* The selector, evaluated once. */
  Node *sel = s->cond;
  Map sel_keys = {0}, seg_writes = {0};
  value_keys(sel, &sel_keys);
  write_keys(r, s->body, &seg_writes);
  if (!(sel->kind == ND_VAR || (is_pure(sel) && sel->kind != ND_CALL)) ||
      keys_meet(&sel_keys, &seg_writes)) {
    Obj *v = gen_var(r, "selector", type_promote(sel->ty));
    vec_push(out, new_local_decl(v, clone_expr(sel), tok));
    sel = var(v, tok);
  }
  /* Simple: every segment but the last ends in a jump, and no other
   * break leaves the switch. */
  bool simple = true;
  for (int i = 0; i < segs.len && simple; i++) {
    Segment *seg = segs.items[i];
    bool last = i + 1 == segs.len;
    for (int k = 0; k < seg->stmts.len; k++) {
      Node *st = seg->stmts.items[k];
      bool final = k + 1 == seg->stmts.len;
      if (final && st->kind == ND_BREAK)
        continue;
      if (has_jump(st, ND_BREAK))
        simple = false;
    }
    Node *end = seg->stmts.len ? vec_last(&seg->stmts) : NULL;
    if (!last && !always_exits(end))
      simple = false;
  }
  Jump j = {.is_switch = true, .outer = N->jump};
  int ex_all = 0;
  if (simple) {
    N->jump = &j;
    Node *chain = NULL;
    Node *deflt = NULL;
    Vec blocks = {0};
    for (int i = 0; i < segs.len; i++) {
      Segment *seg = segs.items[i];
      Node *b = new_block(tok);
      int n = seg->stmts.len;
      if (n && ((Node *)seg->stmts.items[n - 1])->kind == ND_BREAK)
        n--;
      Vec part = {0};
      for (int k = 0; k < n; k++)
        vec_push(&part, seg->stmts.items[k]);
      ex_all |= norm_list(N, &part, 0, &b->stmts);
      vec_push(&blocks, b);
      if (seg->is_default)
        deflt = b;
    }
    N->jump = j.outer;
    chain = deflt;
    for (int i = segs.len - 1; i >= 0; i--) {
      Segment *seg = segs.items[i];
      if (seg->is_default)
        continue;
      Node *m = match_segment(seg, sel, tok);
      if (!m)
        continue;
      /* every branch a block: the later passes walk an else as one */
      Node *els = chain;
      if (els && els->kind != ND_BLOCK) {
        els = new_block(tok);
        block_add(els, chain);
      }
      chain = new_if(m, blocks.items[i], els, tok);
    }
    if (chain)
      vec_push(out, chain);
    return ex_all & ~EX_BREAK;
  }
  Node *none = NULL; /* no case label matches: the default's condition */
  for (int i = 0; i < segs.len; i++) {
    Node *m = match_segment(segs.items[i], sel, tok);
    if (m)
      none = and(none, not(m, tok), tok);
  }
  /* Breaks only at the ends of segments: segment i runs when the selector
   * picks it or a segment that falls through into it.  Each condition reads
   * only the selector, so the reverse sweep evaluates it again. */
  bool end_breaks = true;
  for (int i = 0; i < segs.len && end_breaks; i++) {
    Segment *seg = segs.items[i];
    for (int k = 0; k < seg->stmts.len; k++) {
      Node *st = seg->stmts.items[k];
      if (!(k + 1 == seg->stmts.len && st->kind == ND_BREAK) && has_jump(st, ND_BREAK))
        end_breaks = false;
    }
  }
  if (end_breaks) {
    int first = 0;
    int ex_before = 0;
    for (int i = 0; i < segs.len; i++) {
      Segment *seg = segs.items[i];
      if (i > 0) {
        Segment *prev = segs.items[i - 1];
        Node *end = prev->stmts.len ? vec_last(&prev->stmts) : NULL;
        if (always_exits(end))
          first = i;
      }
      Node *cond = NULL;
      for (int k = first; k <= i; k++) {
        Segment *sk = segs.items[k];
        Node *m = match_segment(sk, sel, tok);
        if (sk->is_default)
          m = or(m, none ? clone_expr(none) : inum(1, tok), tok);
        cond = or(cond, m, tok);
      }
      Node *b = new_block(tok);
      int n = seg->stmts.len;
      if (n && ((Node *)seg->stmts.items[n - 1])->kind == ND_BREAK)
        n--;
      Vec part = {0};
      for (int k = 0; k < n; k++)
        vec_push(&part, seg->stmts.items[k]);
      N->jump = &j;
      Node *guard = guard_for(N, ex_before & ~EX_BREAK, tok);
      int ex = norm_list(N, &part, 0, &b->stmts);
      N->jump = j.outer;
      ex_before |= ex;
      ex_all |= ex;
      if (cond && b->stmts.len)
        vec_push(out, new_if(and(guard, cond, tok), b, NULL, tok));
    }
    return ex_all & ~EX_BREAK;
  }
  /* General: a flag says the statements run (a case matched, or the
   * segment before fell through); break clears it. */
  j.brk = gen_var(r, "fall", ty_int);
  vec_push(out, decl_int(j.brk, 0, tok));
  int ex_before = 0;
  for (int i = 0; i < segs.len; i++) {
    Segment *seg = segs.items[i];
    Node *m = seg->is_default ? (none ? none : inum(1, tok)) : match_segment(seg, sel, tok);
    if (seg->is_default) {
      Node *own = match_segment(seg, sel, tok);
      if (own)
        m = or(own, m, tok);
    }
    Node *cond = or(var(j.brk, tok), m, tok);
    N->jump = &j;
    Node *guard = guard_for(N, ex_before & ~EX_BREAK, tok);
    Node *b = new_block(tok);
    vec_push(&b->stmts, flag_set(j.brk, 1, tok));
    int ex = norm_list(N, &seg->stmts, 0, &b->stmts);
    N->jump = j.outer;
    ex_before |= ex;
    ex_all |= ex;
    vec_push(out, new_if(and(guard, cond, tok), b, NULL, tok));
  }
  return ex_all & ~EX_BREAK;
}

/* Lifts the side effects out of an expression statement's parts: a nested
 * `x = e`, `++x` become statements before, `x++` one after, and the
 * expression reads x.  (Not inside the operands of &&, || and ?: that
 * may not run.)  `top`: e is the statement's own assignment. */
/* A call to one of the user's functions that may write memory through
 * its pointer arguments: its derivative is a statement of its own, so it
 * must not hide inside an expression whose value carries no derivative. */
static bool writing_call(Node *e) {
  Obj *f = e->kind == ND_CALL ? user_callee(e) : NULL;
  for (int i = 0; f && i < e->args.len && i < f->params.len; i++)
    if (is_pointer(type_decay(vec_get(Node, &e->args, i)->ty)) && callee_writes(f, i))
      return true;
  return false;
}

static Rev *hoist_rev; /* the derivative being normalized, for hoist's temporaries */
static Node *hoist_root; /* a declaration's value or an assignment's right side */

static Node *hoist(Node *e, Vec *before, Vec *after, bool top) {
  if (!e)
    return NULL;
  switch (e->kind) {
  case ND_CALL:
    for (int i = 0; i < e->args.len; i++)
      e->args.items[i] = hoist(e->args.items[i], before, after, false);
    /* a floating result as the whole value stored carries the call's
     * derivative already (rev_assign, rev_decl); elsewhere, lift it */
    bool carried = e == hoist_root && type_has_floating(e->ty);
    if (!top && !carried && writing_call(e) && !is_void(e->ty) && hoist_rev) {
      /* x = square(v) + 1  ->  int t = square(v); x = t + 1 */
      Obj *t = gen_var(hoist_rev, "result", type_unqualified(e->ty));
      VarInfo *ti = var_info(hoist_rev, t);
      ti->generated = false;
      ti->active = active_expr(hoist_rev, e); /* it may carry a derivative */
      Node *d = new_local_decl(t, e, e->tok);
      d->decl_base = NULL;
      vec_push(before, d);
      return var(t, e->tok);
    }
    return e;
  case ND_ASSIGN:
    e->lhs = hoist(e->lhs, before, after, false);
    if (top)
      hoist_root = e->rhs;
    e->rhs = hoist(e->rhs, before, after, false);
    if (top || !is_pure(e->lhs))
      return e;
    vec_push(before, stmt(e));
    return clone_expr(e->lhs);
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    e->lhs = hoist(e->lhs, before, after, false);
    if (top || !is_pure(e->lhs))
      return e;
    vec_push(e->kind == ND_PRE_INC || e->kind == ND_PRE_DEC ? before : after, stmt(e));
    return clone_expr(e->lhs);
  case ND_LOGAND: case ND_LOGOR:
    e->lhs = hoist(e->lhs, before, after, false);
    return e;
  case ND_COND:
    e->cond = hoist(e->cond, before, after, false);
    return e;
  case ND_COMMA:
    if (!top) {
      Node *l = hoist(e->lhs, before, after, true);
      vec_push(before, stmt(l));
      return hoist(e->rhs, before, after, false);
    }
    break;
  case ND_SIZEOF: case ND_ALIGNOF: case ND_STMT_EXPR:
    return e;
  default:
    break;
  }
  e->lhs = hoist(e->lhs, before, after, false);
  e->rhs = hoist(e->rhs, before, after, false);
  for (int i = 0; i < e->args.len; i++)
    e->args.items[i] = hoist(e->args.items[i], before, after, false);
  return e;
}

static int norm_switch(Norm *N, Node *s, Vec *out) {
  bool tail = N->tail;
  N->tail = false;
  int ex = norm_switch_body(N, s, out);
  N->tail = tail;
  return ex;
}

static int norm_stmt(Norm *N, Node *s, Vec *out) {
  Rev *r = N->r;
  Token *tok = s->tok;
  switch (s->kind) {
  case ND_BLOCK: {
    int ex = 0;
    vec_push(out, norm_block(N, s, &ex));
    return ex;
  }
  case ND_DECL:
    if (s->decl_vars.len == 0 || s->defines_struct || s->defines_enum) {
      Node *d = clone_expr(s);
      vec_push(out, d);
      return 0;
    }
    for (int i = 0; i < s->decl_vars.len; i++) {
      Node *d = new_of(Node);
      *d = *s;
      d->aux = NULL;
      d->decl_vars = (Vec){0};
      Declarator *dv = new_of(Declarator);
      *dv = *vec_get(Declarator, &s->decl_vars, i);
      Vec before = {0}, after = {0};
      Node *init = dv->init && dv->init->kind != ND_INIT_LIST ? clone_expr(dv->init) : NULL;
      hoist_root = init;
      dv->init = init ? hoist(init, &before, &after, false) : clone_expr(dv->init);
      vec_push(&d->decl_vars, dv);
      d->end_tok = i + 1 == s->decl_vars.len ? s->end_tok : NULL;
      for (int k = 0; k < before.len; k++)
        vec_push(out, before.items[k]);
      vec_push(out, d);
      for (int k = 0; k < after.len; k++)
        vec_push(out, after.items[k]);
    }
    return 0;
  case ND_EXPR_STMT: {
    /* a, b;  ->  a; b;  and side effects inside expressions lifted out */
    Vec parts = {0};
    Node *e = s->lhs;
    while (e->kind == ND_COMMA && !e->parenthesized) {
      vec_push(&parts, e->rhs);
      e = e->lhs;
    }
    vec_push(&parts, e);
    for (int i = parts.len - 1; i >= 0; i--) {
      Vec before = {0}, after = {0};
      Node *x = hoist(clone_expr(parts.items[i]), &before, &after, true);
      for (int k = 0; k < before.len; k++)
        vec_push(out, before.items[k]);
      Node *n = stmt(x);
      n->tok = i == parts.len - 1 ? s->tok : x->tok;
      n->end_tok = i == 0 && !after.len ? s->end_tok : NULL;
      vec_push(out, n);
      for (int k = 0; k < after.len; k++)
        vec_push(out, after.items[k]);
    }
    return 0;
  }
  case ND_IF: {
    int ex = 0;
    Vec before = {0}, after = {0};
    Node *cond = hoist(clone_expr(s->cond), &before, &after, false);
    if (after.len)
      error_tok(s->cond->tok, "cannot differentiate an increment in an if condition; write it "
                              "as a statement before the if");
    for (int k = 0; k < before.len; k++)
      vec_push(out, before.items[k]);
    Node *n = new_if(cond, norm_block(N, s->then, &ex),
                     s->els ? norm_block(N, s->els, &ex) : NULL, tok);
    n->end_tok = s->end_tok;
    vec_push(out, n);
    return ex;
  }
  case ND_FOR: case ND_WHILE: case ND_DO:
    return norm_loop(N, s, out);
  case ND_SWITCH:
    return norm_switch(N, s, out);
  case ND_BREAK: {
    Jump *j = N->jump;
    vec_push(out, flag_set(j->brk, j->is_switch ? 0 : 1, tok));
    return EX_BREAK;
  }
  case ND_CONTINUE:
    vec_push(out, flag_set(innermost_loop(N->jump)->cont, 1, tok));
    return EX_CONT;
  case ND_RETURN: {
    if (!s->lhs || !r->ret) {
      if (r->ret)
        error_tok(tok, "cannot differentiate a 'return' without a value");
      if (N->returned && !N->tail)
        vec_push(out, flag_set(N->returned, 1, tok));
      return EX_RET;
    }
    Vec before = {0}, after = {0};
    hoist_root = clone_expr(s->lhs);
    Node *value = hoist(hoist_root, &before, &after, false);
    for (int k = 0; k < before.len; k++)
      vec_push(out, before.items[k]);
    Node *a = new_assign(ND_NONE, var(r->ret, tok), value, tok);
    Node *n = stmt(a);
    n->end_tok = s->end_tok;
    vec_push(out, n);
    for (int k = 0; k < after.len; k++)
      vec_push(out, after.items[k]);
    if (N->returned && !N->tail)
      vec_push(out, flag_set(N->returned, 1, tok));
    return EX_RET;
  }
  case ND_NULL_STMT:
    if (s->text)
      vec_push(out, clone_expr(s));
    return 0;
  case ND_LABEL:
    if (s->body)
      return norm_stmt(N, s->body, out);
    return 0;
  case ND_GOTO:
    error_tok(tok, "cannot differentiate 'goto'; write the jump as a loop or an if");
  case ND_ASM:
    error_tok(tok, "cannot differentiate inline assembly");
  case ND_CASE: case ND_DEFAULT:
    error_tok(tok, "cannot differentiate a case label outside the statements of its switch");
  default:
    vec_push(out, clone_expr(s));
    return 0;
  }
}

/* The normalized body of r->func. */
/* After normalization a call that writes memory stands alone: as a
 * statement, as a declaration's value or an assignment's right side.
 * Anywhere else (a loop condition, the right of && or ||, an arm of ?:)
 * its derivative would be lost: an error. */
static void misplaced_call(void *ctx, Node *e) {
  if (writing_call(e))
    error_tok(e->tok, "cannot differentiate the call to '%s' here: it writes memory the "
                      "derivative follows, inside %s; call it in a statement of its own",
              user_callee(e)->name, "a condition or an expression that may not run");
  ast_each_evaluated_child(e, misplaced_call, ctx);
}

static void misplaced_calls(Node *e) {
  if (e)
    misplaced_call(NULL, e);
}

static void check_call_places(Node *s) {
  if (!s)
    return;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      check_call_places(s->stmts.items[i]);
    return;
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++) {
      Node *init = vec_get(Declarator, &s->decl_vars, i)->init;
      if (init && init->kind == ND_CALL) {
        for (int k = 0; k < init->args.len; k++)
          misplaced_calls(init->args.items[k]);
      } else if (init && init->kind != ND_INIT_LIST) {
        misplaced_calls(init);
      }
    }
    return;
  case ND_EXPR_STMT: {
    Node *e = s->lhs;
    if (e->kind == ND_ASSIGN) {
      misplaced_calls(e->lhs);
      e = e->rhs;
    }
    if (e->kind == ND_CALL) {
      for (int k = 0; k < e->args.len; k++)
        misplaced_calls(e->args.items[k]);
      return;
    }
    misplaced_calls(e);
    return;
  }
  case ND_IF:
    misplaced_calls(s->cond);
    check_call_places(s->then);
    check_call_places(s->els);
    return;
  case ND_FOR:
    if (s->init && s->init->kind == ND_EXPR_STMT)
      misplaced_calls(s->init->lhs);
    else
      check_call_places(s->init);
    misplaced_calls(s->cond);
    misplaced_calls(s->inc);
    check_call_places(s->body);
    return;
  case ND_WHILE: case ND_DO:
    misplaced_calls(s->cond);
    check_call_places(s->body);
    return;
  default:
    return;
  }
}

static Node *normalize(Rev *r) {
  Norm N = {.r = r, .tail = true};
  hoist_rev = r;
  Node *body = r->func->body;
  if (flag_needed(&body->stmts, 0, true, false)) {
    N.returned = gen_var(r, "returned", ty_int);
  }
  Node *out = new_node(ND_BLOCK, body->tok);
  out->end_tok = body->end_tok;
  if (N.returned)
    vec_push(&out->stmts, decl_int(N.returned, 0, r->tok));
  norm_list(&N, &body->stmts, 0, &out->stmts);
  check_call_places(out);
  /* `F_value = e;` as the last statement and the only assignment: a
   * declaration there; otherwise declared first. */
  int assigns = 0;
  Node *last = out->stmts.len ? vec_last(&out->stmts) : NULL;
  /* count assignments to F_value */
  Vec stack = {0};
  vec_push(&stack, out);
  while (stack.len) {
    Node *n = stack.items[--stack.len];
    if (!n)
      continue;
    if (n->kind == ND_ASSIGN && is_var_obj(n->lhs) && n->lhs->obj == r->ret)
      assigns++;
    Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
    for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
      if (kids[i])
        vec_push(&stack, kids[i]);
    for (int i = 0; i < n->stmts.len; i++)
      vec_push(&stack, n->stmts.items[i]);
  }
  if (!r->ret) {
    /* a void function: no value */
  } else if (assigns == 1 && last && last->kind == ND_EXPR_STMT && last->lhs->kind == ND_ASSIGN &&
      is_var_obj(last->lhs->lhs) && last->lhs->lhs->obj == r->ret) {
    Node *d = new_local_decl(r->ret, last->lhs->rhs, last->tok);
    d->tok = last->lhs->tok;
    d->end_tok = last->end_tok;
    out->stmts.items[out->stmts.len - 1] = d;
  } else {
    Node *d = new_local_decl(r->ret, new_zero(r->ret->ty, r->tok), r->tok);
    Vec stmts = {0};
    int k = 0;
    if (N.returned)
      vec_push(&stmts, out->stmts.items[k++]);
    vec_push(&stmts, d);
    for (; k < out->stmts.len; k++)
      vec_push(&stmts, out->stmts.items[k]);
    out->stmts = stmts;
  }
  return out;
}

/* ===================================================================== */
/* Analysis                                                               */
/* ===================================================================== */

static void adj_needs(Rev *r, Node *e, Map *out);

/* Keys the adjoint of an active expression reads. */
static void adj_needs(Rev *r, Node *e, Map *out) {
  if (!e || !active_expr(r, e))
    return;
  switch (e->kind) {
  case ND_VAR:
    return;
  case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_DEREF:
    address_keys(e, out);
    return;
  case ND_ADD: case ND_SUB:
    adj_needs(r, e->lhs, out);
    adj_needs(r, e->rhs, out);
    return;
  case ND_NEG: case ND_PLUS: case ND_CAST:
    adj_needs(r, e->lhs, out);
    return;
  case ND_COMMA:
    adj_needs(r, e->rhs, out);
    return;
  case ND_MUL:
    if (active_expr(r, e->lhs)) {
      value_keys(e->rhs, out);
      adj_needs(r, e->lhs, out);
    }
    if (active_expr(r, e->rhs)) {
      value_keys(e->lhs, out);
      adj_needs(r, e->rhs, out);
    }
    return;
  case ND_DIV:
    value_keys(e->rhs, out);
    adj_needs(r, e->lhs, out);
    if (active_expr(r, e->rhs)) {
      value_keys(e->lhs, out);
      adj_needs(r, e->rhs, out);
    }
    return;
  case ND_COND:
    value_keys(e->cond, out);
    adj_needs(r, e->then ? e->then : e->cond, out);
    adj_needs(r, e->els, out);
    return;
  case ND_CALL:
    if (user_callee(e) && reads_wrt_global(user_callee(e)))
      wrt_global_keys(out);
    for (int i = 0; i < e->args.len; i++) {
      Node *a = e->args.items[i];
      value_keys(a, out);
      arg_memory_keys(a, out);
      if (is_pointer(type_decay(a->ty)))
        address_keys(a, out);
      adj_needs(r, a, out);
    }
    return;
  default:
    value_keys(e, out);
    return;
  }
}

static bool init_list_active(Rev *r, Node *n);

/* `T v = f(x);` with a rule for f whose partial uses the result: v holds it
 * (v is not assigned again, so its value is the call's). */
static bool result_reusable(Rev *r, Obj *v, Node *init) {
  if (init->kind != ND_CALL || init->lhs->kind != ND_VAR || user_callee(init))
    return false;
  const Rule *rule = rule_find(init->lhs->obj->name);
  if (!rule || var_info(r, v)->written || !is_floating(v->ty) ||
      !type_same_unqual(v->ty, init->ty))
    return false;
  for (int i = 0; i < init->args.len && i < rule_arity(rule); i++)
    if (active_expr(r, init->args.items[i]) && rule_uses_result(rule, i))
      return true;
  return false;
}

/* adj_needs of an initializer, lists included. */
static void list_needs(Rev *r, Node *init, Map *out) {
  if (init->kind != ND_INIT_LIST) {
    adj_needs(r, init, out);
    return;
  }
  for (int i = 0; i < init->items.len; i++)
    list_needs(r, vec_get(InitItem, &init->items, i)->value, out);
}

/* The write at the top of an expression statement (`L = e`, `L op= e`,
 * `L++`), or NULL. */
static Node *top_write(Node *s) {
  if (s->kind != ND_EXPR_STMT)
    return NULL;
  Node *e = s->lhs;
  switch (e->kind) {
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return e;
  default:
    return NULL;
  }
}

static Node *decl_init(Node *s, Obj **v) {
  Declarator *dv = s->decl_vars.len ? vec_get(Declarator, &s->decl_vars, 0) : NULL;
  *v = dv ? dv->obj : NULL;
  return dv ? dv->init : NULL;
}

/* Is a call to one of the user's functions (defined in the unit)? */
static Obj *user_callee(Node *e) {
  if (e->kind != ND_CALL || e->lhs->kind != ND_VAR || e->lhs->obj->kind != OBJ_FUNC)
    return NULL;
  Obj *f = e->lhs->obj;
  return f->body ? f : NULL;
}

/* Keys a simple statement's reverse code reads. */
static void simple_rr(Rev *r, Node *s, Map *out) {
  if (s->kind == ND_DECL) {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (v && init && var_info(r, v)->active) {
      list_needs(r, init, out);
      if (result_reusable(r, v, init))
        set_put(out, val_key(v));
    }
    return;
  }
  Node *w = top_write(s);
  if (!w) {
    if (s->kind == ND_EXPR_STMT && s->lhs->kind == ND_CALL && user_callee(s->lhs))
      value_keys(s->lhs, out);
    return;
  }
  Node *L = w->lhs;
  address_keys(L, out);
  if (w->kind != ND_ASSIGN || !active_lvalue(r, L))
    return;
  Node *R = w->rhs;
  switch (w->op) {
  case ND_NONE: case ND_ADD: case ND_SUB:
    adj_needs(r, R, out);
    return;
  case ND_MUL:
    value_keys(R, out);
    if (active_expr(r, R)) {
      value_keys(L, out);
      adj_needs(r, R, out);
    }
    return;
  case ND_DIV:
    value_keys(R, out);
    if (active_expr(r, R)) {
      value_keys(L, out);
      adj_needs(r, R, out);
    }
    return;
  default:
    return;
  }
}

/* Fills every statement's rr (compound statements: the union over their
 * parts, with their own control reads), the if statements' reeval, and
 * the scopes of the variables. */
static void analyze(Rev *r, Node *s, Node *block, int depth, int index) {
  SInfo *si = sinfo(s);
  si->rr = (Map){0};
  si->save = si->invert = si->init_save = false;
  si->call_saves = (Vec){0};
  si->undo = false;
  switch (s->kind) {
  case ND_BLOCK: {
    int d = block ? depth + 1 : 0;
    for (int i = 0; i < s->stmts.len; i++) {
      Node *c = s->stmts.items[i];
      analyze(r, c, s, d, i);
      set_union(&si->rr, &sinfo(c)->rr);
    }
    if (!block)
      return;
    /* A local of an inner block that the reverse sweep reads may be
     * recomputed from its declaration: what that reads counts too. */
    for (int i = s->stmts.len - 1; i >= 0; i--) {
      Node *c = s->stmts.items[i];
      Obj *v;
      Node *init = c->kind == ND_DECL ? decl_init(c, &v) : NULL;
      if (!init || init->kind == ND_INIT_LIST || !is_pure(init))
        continue;
      if (!set_in(&si->rr, val_key(v)))
        continue;
      value_keys(init, &sinfo(c)->rr);
      value_keys(init, &si->rr);
    }
    return;
  }
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++) {
      Declarator *dv = vec_get(Declarator, &s->decl_vars, i);
      if (!dv->obj || dv->obj->kind != OBJ_VAR)
        continue;
      VarInfo *vi = var_info(r, dv->obj);
      vi->block = block;
      vi->depth = depth;
      vi->decl_index = index;
      vi->decl = s;
    }
    simple_rr(r, s, &si->rr);
    return;
  case ND_EXPR_STMT:
    simple_rr(r, s, &si->rr);
    return;
  case ND_IF: {
    analyze(r, s->then, block, depth, index);
    if (s->els)
      analyze(r, s->els, block, depth, index);
    Map w = {0};
    write_keys(r, s->then, &w);
    write_keys(r, s->els, &w);
    Map c = {0};
    value_keys(s->cond, &c);
    bool ok = is_pure(s->cond);
    for (size_t k = 0; k < c.cap && ok; k++)
      if (c.keys[k] && c.vals[k] && set_in(&w, c.keys[k]))
        ok = false;
    si->reeval = ok;
    if (ok && si->cond_needed)
      set_union(&si->rr, &c);
    set_union(&si->rr, &sinfo(s->then)->rr);
    if (s->els)
      set_union(&si->rr, &sinfo(s->els)->rr);
    return;
  }
  case ND_FOR: {
    if (s->init && s->init->kind == ND_DECL) {
      Obj *i;
      decl_init(s->init, &i);
      VarInfo *vi = var_info(r, i);
      vi->block = s->body;
      vi->depth = depth + 1;
      vi->decl = s->init;
    }
    analyze(r, s->body, block, depth, index);
    if (si->cond_needed) {
      value_keys(si->lo, &si->rr);
      value_keys(si->hi, &si->rr);
    }
    set_union(&si->rr, &sinfo(s->body)->rr);
    return;
  }
  case ND_WHILE: case ND_DO:
    analyze(r, s->body, block, depth, index);
    set_union(&si->rr, &sinfo(s->body)->rr);
    return;
  default:
    return;
  }
}

/* Variables assigned after their declaration. */
static void mark_written(Rev *r, Node *body) {
  Map w = {0};
  Vec stack = {0};
  vec_push(&stack, body);
  while (stack.len) {
    Node *s = stack.items[--stack.len];
    if (!s)
      continue;
    switch (s->kind) {
    case ND_BLOCK:
      for (int i = 0; i < s->stmts.len; i++)
        vec_push(&stack, s->stmts.items[i]);
      break;
    case ND_DECL:
      for (int i = 0; i < s->decl_vars.len; i++)
        expr_write_keys(r, vec_get(Declarator, &s->decl_vars, i)->init, &w);
      break;
    case ND_EXPR_STMT:
      expr_write_keys(r, s->lhs, &w);
      break;
    case ND_IF:
      expr_write_keys(r, s->cond, &w);
      vec_push(&stack, s->then);
      vec_push(&stack, s->els);
      break;
    case ND_FOR:
      expr_write_keys(r, s->cond, &w);
      expr_write_keys(r, s->inc, &w);
      vec_push(&stack, s->body);
      if (s->init && s->init->kind == ND_EXPR_STMT)
        expr_write_keys(r, s->init->lhs, &w);
      break;
    case ND_WHILE: case ND_DO:
      expr_write_keys(r, s->cond, &w);
      vec_push(&stack, s->body);
      break;
    default:
      break;
    }
  }
  for (size_t k = 0; k < w.cap; k++)
    if (w.keys[k] && w.vals[k])
      var_info(r, key_obj(w.keys[k]))->written = true;
}

/* Can the reverse sweep undo this write by the inverse operation
 * (i++, p--, i += 2 on an integer or a pointer)? */
static bool invertible(Node *w, const Map *all_writes) {
  Node *L = w->lhs;
  if (!is_var_obj(L) || !(is_integer(L->ty) || is_pointer(L->ty)))
    return false;
  switch (w->kind) {
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return true;
  case ND_ASSIGN:
    if (w->op != ND_ADD && w->op != ND_SUB)
      return false;
    if (!is_pure(w->rhs) || !is_integer(w->rhs->ty))
      return false;
    {
      Map k = {0};
      value_keys(w->rhs, &k);
      for (size_t i = 0; i < k.cap; i++)
        if (k.keys[i] && k.vals[i] && set_in(all_writes, k.keys[i]))
          return false;
    }
    return true;
  default:
    return false;
  }
}

static void check_nested_writes(Rev *r, Node *e, Node *top, Map *seen) {
  Vec w = {0};
  writes_in_expr(e, &w);
  for (int i = 0; i < w.len; i++) {
    Node *L = w.items[i];
    if (top && L == top->lhs)
      continue;
    const void *k = lvalue_key(L);
    if ((k && set_in(seen, k)) || active_lvalue(r, L))
      error_tok(L->tok, "cannot differentiate an assignment inside an expression here: "
                        "the derivative needs the value it overwrites; write it as a "
                        "statement of its own");
  }
}

/* The to-be-recorded walk, in execution order.  `seen` holds the keys
 * that the reverse code of statements already passed reads: a write to
 * one of them must save the value it overwrites.  `assigned` holds the
 * keys that may have a value (a write to one that has none yet saves
 * nothing). */
typedef struct Tbr {
  Map seen;
  Map assigned;
  const Map *all_writes;
} Tbr;

static Map set_copy(const Map *m) {
  Map c = {0};
  set_union(&c, m);
  return c;
}

/* A call that writes through a pointer argument: the memory must not be
 * something the reverse sweep needs the old value of (cotan cannot save an
 * extent it does not know), nor be read by the callee too (an update in
 * place: the callee's derivative would run on the new values). */
static bool array_elem_saveable(Type *ty);
static bool whole_saveable(Type *ty);

static bool is_out_key(Rev *r, const void *k);

static void check_call_writes(Rev *r, Node *e, Tbr *t, SInfo *si) {
  if (!e)
    return;
  Obj *f = e->kind == ND_CALL ? user_callee(e) : NULL;
  for (int i = 0; f && i < e->args.len; i++) {
    Node *a = e->args.items[i];
    if (!is_pointer(type_decay(a->ty)) && holds_float_ptr(a->ty) && callee_writes(f, i))
      error_tok(a->tok, "cannot differentiate this call: '%s' writes through the pointers in "
                        "the struct it is given; pass the buffers as arguments",
                f->name);
    if (!is_pointer(type_decay(a->ty)) || !callee_writes(f, i))
      continue;
    Map ks = {0};
    pointer_keys(a, &ks);
    if (ks.len > 1)
      error_tok(a->tok, "cannot differentiate a call that writes through a pointer chosen by "
                        "'?:'; call it in each branch of an if instead");
    const void *k = pointer_key(a);
    if (!k)
      continue;
    Obj *o = key_obj(k);
    if (is_ptr_aggregate(o) && holds_float_ptr(o->ty))
      error_tok(a->tok, "cannot differentiate this call: '%s' writes through the pointers '%s' "
                        "holds, and cotan saves the memory behind them only when it is passed "
                        "itself; pass the buffers as arguments",
                f->name, o->name);
    bool has_value = set_in(&t->assigned, k) || !o->is_local || o->is_param;
    bool needed = set_in(&t->seen, k) && has_value;
    bool in_place = callee_reads(f, i) && active_expr(r, a);
    /* F_vjp: the helper would write --out memory again in the reverse
     * sweep; logged and undone instead, so F's results are put back */
    bool to_out = is_out_key(r, k);
    if (needed || in_place || to_out) {
      /* a local array: saved whole before the call, restored in the
       * reverse sweep, and the helper runs on a copy (an undo log would
       * hold addresses that are gone once an inner block is left) */
      if (o->is_local && !o->is_param && whole_saveable(o->ty) && !alias_is_multi(k)) {
        /* saved before its first write: zeroed where declared, so no
         * indeterminate value is ever read */
        var_info(r, o)->zero_init = true;
        bool have = false;
        for (int n = 0; n < si->call_saves.len && !have; n++)
          have = si->call_saves.items[n] == o;
        if (!have)
          vec_push(&si->call_saves, o);
      } else if (!set_in(&r->split_calls, e)) {
        /* elsewhere (unknown extent): the call runs through <callee>_fwd,
         * which logs the old value of each element it writes; the reverse
         * sweep undoes the log before the helper runs */
        if (si->undo)
          error_tok(a->tok,
                    "cannot differentiate two calls that overwrite their arguments in one "
                    "statement; write them as separate statements");
        set_put(&r->split_calls, e);
        si->undo = true;
      } else {
        si->undo = true;
      }
    }
    set_put(&t->assigned, k);
  }
  check_call_writes(r, e->lhs, t, si);
  check_call_writes(r, e->rhs, t, si);
  check_call_writes(r, e->cond, t, si);
  check_call_writes(r, e->then, t, si);
  check_call_writes(r, e->els, t, si);
  for (int i = 0; i < e->args.len; i++)
    check_call_writes(r, e->args.items[i], t, si);
}

static void tbr(Rev *r, Node *s, Tbr *t);

static void tbr_write(Rev *r, Node *s, Node *w, Tbr *t) {
  SInfo *si = sinfo(s);
  const void *k = lvalue_key(w->lhs);
  if (!k)
    return;
  Obj *ko = key_obj(k);
  bool has_value = set_in(&t->assigned, k) || !ko->is_local || ko->is_param;
  if (set_in(&t->seen, k) && has_value) {
    si->save = true;
    si->invert = invertible(w, t->all_writes);
    Obj *o = key_obj(k);
    if (!si->invert && o->is_local && !o->is_param)
      var_info(r, o)->zero_init = true;
  }
  set_put(&t->assigned, k);
}

static void tbr(Rev *r, Node *s, Tbr *t) {
  SInfo *si = sinfo(s);
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      tbr(r, s->stmts.items[i], t);
    return;
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++) {
      Declarator *dv = vec_get(Declarator, &s->decl_vars, i);
      if (!dv->obj)
        continue;
      set_del(&t->seen, val_key(dv->obj));
      set_del(&t->seen, mem_key(dv->obj));
      if (dv->init) {
        check_nested_writes(r, dv->init, NULL, &t->seen);
        check_call_writes(r, dv->init, t, si);
        set_put(&t->assigned, val_key(dv->obj));
        set_put(&t->assigned, mem_key(dv->obj));
      } else {
        set_del(&t->assigned, val_key(dv->obj));
        set_del(&t->assigned, mem_key(dv->obj));
      }
    }
    set_union(&t->seen, &si->rr);
    return;
  case ND_EXPR_STMT: {
    set_union(&t->seen, &si->rr);
    Node *w = top_write(s);
    check_nested_writes(r, s->lhs, w, &t->seen);
    check_call_writes(r, s->lhs, t, si);
    if (w)
      tbr_write(r, s, w, t);
    return;
  }
  case ND_IF: {
    check_nested_writes(r, s->cond, NULL, &t->seen);
    if (si->reeval && si->cond_needed)
      value_keys(s->cond, &t->seen);
    Tbr other = {set_copy(&t->seen), set_copy(&t->assigned), t->all_writes};
    tbr(r, s->then, t);
    if (s->els)
      tbr(r, s->els, &other);
    set_union(&t->seen, &other.seen);
    set_union(&t->assigned, &other.assigned);
    return;
  }
  case ND_FOR: {
    Obj *i = si->index;
    if (s->init->kind == ND_DECL)
      set_del(&t->seen, val_key(i));
    else if (set_in(&t->seen, val_key(i)) &&
             (set_in(&t->assigned, val_key(i)) || !i->is_local || i->is_param))
      si->init_save = true;
    set_put(&t->assigned, val_key(i));
    if (si->cond_needed) {
      value_keys(si->lo, &t->seen);
      value_keys(si->hi, &t->seen);
    }
    set_union(&t->seen, &sinfo(s->body)->rr);
    write_keys(r, s->body, &t->assigned);
    tbr(r, s->body, t);
    return;
  }
  case ND_WHILE: case ND_DO:
    set_union(&t->seen, &sinfo(s->body)->rr);
    write_keys(r, s->body, &t->assigned);
    check_nested_writes(r, s->cond, NULL, &t->seen);
    tbr(r, s->body, t);
    return;
  default:
    return;
  }
}

static bool keys_meet(const Map *a, const Map *b) {
  for (size_t k = 0; k < a->cap; k++)
    if (a->keys[k] && a->vals[k] && set_in(b, a->keys[k]))
      return true;
  return false;
}

/* Keys assigned in a statement, declarations' own variables left out. */
static void assign_keys(Rev *r, Node *s, Map *out) {
  if (!s)
    return;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      assign_keys(r, s->stmts.items[i], out);
    return;
  case ND_DECL:
    for (int i = 0; i < s->decl_vars.len; i++)
      expr_write_keys(r, vec_get(Declarator, &s->decl_vars, i)->init, out);
    return;
  case ND_FOR:
    write_keys(r, s, out);
    return;
  default:
    write_keys(r, s, out);
    return;
  }
}

/* The element type of a (multi-dimensional) array. */
static Type *array_elem(Type *ty) {
  while (is_array(ty))
    ty = type_canon(ty)->base;
  return ty;
}

/* An array the tape can save whole: of double or float elements. */
static bool array_elem_saveable(Type *ty) {
  if (!is_array(ty))
    return false;
  TypeKind k = type_canon(array_elem(ty))->kind;
  return k == TY_DOUBLE || k == TY_FLOAT;
}

/* Adjoint work inside s (not counting restores): active assignments,
 * declarations and calls. */
/* Does a call pass active data (so its helper has work)? */
static bool call_args_active(Rev *r, Node *call) {
  for (int i = 0; i < call->args.len; i++)
    if (active_expr(r, call->args.items[i]))
      return true;
  return user_callee(call) && reads_wrt_global(user_callee(call));
}

static bool static_work(Rev *r, Node *s) {
  if (!s)
    return false;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      if (static_work(r, s->stmts.items[i]))
        return true;
    return false;
  case ND_DECL: {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (v && init && init->kind == ND_CALL && writing_call(init) && call_args_active(r, init))
      return true; /* int ok = square(v): the call's own derivative */
    return v && init && var_info(r, v)->active && init_list_active(r, init);
  }
  case ND_EXPR_STMT: {
    Node *w = top_write(s);
    if (w && w->kind == ND_ASSIGN && w->rhs->kind == ND_CALL && writing_call(w->rhs) &&
        call_args_active(r, w->rhs))
      return true;
    if (w)
      return w->kind == ND_ASSIGN && active_lvalue(r, w->lhs);
    Obj *f = s->lhs->kind == ND_CALL ? user_callee(s->lhs) : NULL;
    for (int i = 0; f && i < s->lhs->args.len; i++)
      if (active_expr(r, s->lhs->args.items[i]))
        return true;
    return false;
  }
  case ND_IF:
    return static_work(r, s->then) || static_work(r, s->els);
  case ND_FOR: case ND_WHILE: case ND_DO:
    return static_work(r, s->body);
  default:
    return false;
  }
}

/* Restores inside s. */
static bool has_saves(Node *s) {
  if (!s)
    return false;
  SInfo *si = sinfo(s);
  if (si->save || si->init_save)
    return true;
  for (int i = 0; i < s->stmts.len; i++)
    if (has_saves(s->stmts.items[i]))
      return true;
  return has_saves(s->then) || has_saves(s->els) || (s->kind != ND_EXPR_STMT && has_saves(s->body));
}

/* Sets cond_needed where the reverse sweep has work inside; true if it
 * changed anything. */
static bool need_conds(Rev *r, Node *s, bool first) {
  if (!s)
    return false;
  bool changed = false;
  if (s->kind == ND_IF || s->kind == ND_FOR) {
    SInfo *si = sinfo(s);
    Node *inside = s->kind == ND_IF ? s : s->body;
    bool want = first ? static_work(r, inside) : si->cond_needed || has_saves(inside);
    if (want && !si->cond_needed) {
      si->cond_needed = true;
      changed = true;
    }
  }
  for (int i = 0; i < s->stmts.len; i++)
    changed |= need_conds(r, s->stmts.items[i], first);
  changed |= need_conds(r, s->then, first);
  changed |= need_conds(r, s->els, first);
  if (s->kind == ND_FOR || s->kind == ND_WHILE || s->kind == ND_DO)
    changed |= need_conds(r, s->body, first);
  return changed;
}

/* Does the statement produce reverse code? */
static bool has_work(Rev *r, Node *s) {
  SInfo *si = sinfo(s);
  switch (s->kind) {
  case ND_BLOCK: {
    bool any = false;
    for (int i = 0; i < s->stmts.len; i++)
      any |= has_work(r, s->stmts.items[i]);
    return si->has_work = any;
  }
  case ND_DECL: {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (si->call_saves.len || si->undo)
      return si->has_work = true;
    if (v && init && init->kind == ND_CALL && writing_call(init) && call_args_active(r, init))
      return si->has_work = true; /* int ok = square(v) */
    return si->has_work = v && init && var_info(r, v)->active && init_list_active(r, init);
  }
  case ND_EXPR_STMT: {
    Node *w = top_write(s);
    if (si->call_saves.len || si->undo)
      return si->has_work = true;
    if (!w) {
      Obj *f = s->lhs->kind == ND_CALL ? user_callee(s->lhs) : NULL;
      bool any = false;
      for (int i = 0; f && i < s->lhs->args.len; i++)
        any |= active_expr(r, s->lhs->args.items[i]);
      return si->has_work = any;
    }
    if (w->kind == ND_ASSIGN && w->rhs->kind == ND_CALL && writing_call(w->rhs) &&
        call_args_active(r, w->rhs))
      return si->has_work = true;
    return si->has_work = si->save || (w->kind == ND_ASSIGN && active_lvalue(r, w->lhs));
  }
  case ND_IF: {
    bool a = has_work(r, s->then);
    bool b = s->els && has_work(r, s->els);
    return si->has_work = a || b;
  }
  case ND_FOR:
    return si->has_work = has_work(r, s->body) || si->init_save;
  case ND_WHILE: case ND_DO:
    return si->has_work = has_work(r, s->body);
  default:
    return si->has_work = false;
  }
}

/* After the to-be-recorded walk: loop counters, and how the reverse sweep
 * gets the locals of inner blocks (recomputed or pushed at the end). */
static void plan_blocks(Rev *r, Node *s) {
  SInfo *si = sinfo(s);
  switch (s->kind) {
  case ND_BLOCK: {
    for (int i = 0; i < s->stmts.len; i++)
      plan_blocks(r, s->stmts.items[i]);
    Map assigned = {0};
    assign_keys(r, s, &assigned);
    for (int i = 0; i < s->stmts.len; i++) {
      Node *c = s->stmts.items[i];
      SInfo *ci = sinfo(c);
      if ((c->kind == ND_WHILE || c->kind == ND_DO) && ci->has_work) {
        Obj *n = gen_var(r, "count", ty_int);
        VarInfo *vi = var_info(r, n);
        vi->is_counter = true;
        vi->block = s;
        ci->counter = n;
        vi->rr = true;
        if (s != r->body)
          vec_push(&si->end_push, n);
        continue;
      }
      if (c->kind != ND_DECL || s == r->body)
        continue;
      Obj *v;
      Node *init = decl_init(c, &v);
      if (!v || v->kind != OBJ_VAR)
        continue;
      VarInfo *vi = var_info(r, v);
      if (!set_in(&si->rr, val_key(v)) && !set_in(&si->rr, mem_key(v)))
        continue;
      vi->rr = true;
      bool recompute = init && init->kind != ND_INIT_LIST && !vi->written && is_pure(init) &&
                       !is_array(v->ty);
      if (recompute) {
        Map k = {0};
        value_keys(init, &k);
        if (keys_meet(&k, &assigned))
          recompute = false;
      }
      if (recompute) {
        vi->recompute = true;
        vec_push(&si->recomputed, c);
      } else {
        if (!is_floating(v->ty) && !is_integer(v->ty) && !array_elem_saveable(v->ty) &&
            !saved_as_mem(v->ty) && !is_pointer(v->ty))
          error_tok(v->tok,
                    "cannot differentiate: the reverse sweep needs the last value of '%s', "
                    "declared in an inner block, and cotan cannot save a '%s' there; "
                    "declare '%s' at the top of the function",
                    v->name, type_to_str(v->ty, ""), v->name);
        vi->push_at_end = true;
        vec_push(&si->end_push, v);
      }
    }
    return;
  }
  case ND_IF:
    plan_blocks(r, s->then);
    if (s->els)
      plan_blocks(r, s->els);
    return;
  case ND_FOR: case ND_WHILE: case ND_DO:
    plan_blocks(r, s->body);
    return;
  default:
    return;
  }
}

/* ===================================================================== */
/* Signatures, helpers, the tape                                          */
/* ===================================================================== */

/* One generated function: F_grad, or a helper <callee>_vjp for one set of
 * active arguments. */
struct Helper {
  Obj *callee;         /* the user's function */
  char *mask;          /* '1' for each differentiated parameter */
  Obj *fn;             /* the generated function */
  Vec adj;             /* Obj * per parameter of callee: its adjoint parameter, or NULL */
  Obj *seed;           /* the result's adjoint parameter, or NULL */
  Vec names;           /* char *: names in use in fn */
  bool restore;        /* its reverse sweep restores all the memory the callee writes */
  char *discard;       /* '1' for each pointer parameter whose memory the caller drops after
                          the call (a copy made for it): the callee's writes there that
                          nothing reads are left out; NULL if none */
  bool done;
};

struct Gen {
  Unit *unit;
  RevResult *res;
  Vec helpers;         /* Helper * */
  Type *tape_ty;
  Obj *push, *pop, *push_int, *pop_int, *tape_free, *push_array, *pop_array;
  Obj *log, *undo;     /* the undo log of split calls */
  Obj *keep_final, *put_back; /* F_vjp's --out results, kept through the reverse sweep */
  Obj *undo_keep;      /* cotan_undo that keeps what it overwrites on the finals tape */
  Type *heap_ty;       /* cotan_heap */
  Obj *h_malloc, *h_calloc, *h_realloc, *h_free, *h_shadow, *h_back, *h_backf, *h_heap_free;
  Vec fwd_callees;     /* Obj *: callees with a <callee>_fwd */
  Vec fwds;            /* Obj *: their <callee>_fwd, in the same order */
  Map summaries;       /* Obj * -> Summary *: what user functions do through pointers */
  Vec *outs;           /* Obj *: F's --out parameters (vjp): F_vjp leaves F's results there */
  Vec global_vars;     /* Obj *: the globals differentiated (--wrt) */
  Vec global_adjs;     /* Obj *: their adjoint globals, d_<name>, in the same order */
};

/* Does f, or a function it calls, read a --wrt global?  Then a call to
 * it is active whatever its arguments. */
static Map global_readers; /* Obj * -> 1: reads one; 2: does not; 3: being walked */

static void find_wrt_global(void *found, Node *n) {
  if (*(bool *)found)
    return;
  if (n->kind == ND_VAR && n->obj->kind == OBJ_VAR && !n->obj->is_local) {
    for (int i = 0; i < cur_gen->global_vars.len; i++)
      if (cur_gen->global_vars.items[i] == n->obj)
        *(bool *)found = true;
  }
  if (n->kind == ND_CALL && user_callee(n) && reads_wrt_global(user_callee(n)))
    *(bool *)found = true;
  ast_each_evaluated_child(n, find_wrt_global, found);
}

static void wrt_global_keys(Map *out) {
  for (int i = 0; cur_gen && i < cur_gen->global_vars.len; i++) {
    Obj *g = cur_gen->global_vars.items[i];
    set_put(out, is_array(g->ty) ? canon(mem_key(g)) : val_key(g));
  }
}

static bool reads_wrt_global(Obj *f) {
  if (!cur_gen || !cur_gen->global_vars.len || !f->body)
    return false;
  uintptr_t m = (uintptr_t)map_get(&global_readers, f);
  if (m)
    return m == 1;
  map_put(&global_readers, f, (void *)3);
  bool reads = false;
  find_wrt_global(&reads, f->body);
  map_put(&global_readers, f, (void *)(uintptr_t)(reads ? 1 : 2));
  return reads;
}

/* What a user function does with the memory behind each parameter. */
typedef struct Summary {
  bool *reads;
  bool *writes;
} Summary;

static void raw_effects(Node *n, Map *reads, Map *writes) {
  if (!n)
    return;
  if (n->kind < ND_BLOCK) {
    if (n->kind == ND_ASSIGN) {
      address_keys(n->lhs, reads);
      if (n->op != ND_NONE)
        value_keys(n->lhs, reads);
      value_keys(n->rhs, reads);
    } else {
      value_keys(n, reads);
    }
    expr_write_keys(NULL, n, writes);
    return;
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    raw_effects(kids[i], reads, writes);
  for (int i = 0; i < n->stmts.len; i++)
    raw_effects(n->stmts.items[i], reads, writes);
  for (int i = 0; i < n->decl_vars.len; i++)
    raw_effects(vec_get(Declarator, &n->decl_vars, i)->init, reads, writes);
}

static Summary *summary(Obj *f) {
  Gen *g = cur_gen;
  Summary *s = map_get(&g->summaries, f);
  if (s)
    return s;
  int n = f->params.len;
  /* Recursive calls see the summary being computed: start from "nothing"
   * and repeat until it no longer grows. */
  s = new_of(Summary);
  s->reads = xcalloc((size_t)n + 1, sizeof(bool));
  s->writes = xcalloc((size_t)n + 1, sizeof(bool));
  map_put(&g->summaries, f, s);
  for (bool changed = true; changed;) {
    changed = false;
    Map reads = {0}, writes = {0};
    raw_effects(f->body, &reads, &writes);
    for (int i = 0; i < n; i++) {
      Obj *p = vec_get(Obj, &f->params, i);
      bool rd = set_in(&reads, canon(mem_key(p))), wr = set_in(&writes, canon(mem_key(p)));
      changed |= rd != s->reads[i] || wr != s->writes[i];
      s->reads[i] |= rd;
      s->writes[i] |= wr;
    }
  }
  return s;
}

static bool callee_reads(Obj *f, int i) {
  return i >= f->params.len || summary(f)->reads[i];
}

static bool callee_writes(Obj *f, int i) {
  return i < f->params.len && summary(f)->writes[i];
}

/* The adjoint's type: the same shape, no const. */
static Type *adj_type(Type *ty) {
  switch (ty->kind) {
  case TY_PTR:
    return pointer_to(adj_type(ty->base));
  case TY_ARRAY: {
    Type *a = ty->is_vla ? vla_of(adj_type(ty->base), ty->len_expr)
                         : array_of(adj_type(ty->base), ty->array_len);
    if (!ty->is_vla)
      a->len_expr = ty->len_expr;
    return a;
  }
  default:
    return type_unqualified(ty);
  }
}

/* d_x's type for parameter x: double x -> double *d_x, const double *x ->
 * double *d_x, struct S s -> struct S *d_s. */
static Type *adj_param_type(Obj *p) {
  if (is_pointer(p->ty))
    return adj_type(p->ty);
  return pointer_to(adj_type(p->ty));
}

static void global_names(Unit *unit, Vec *names) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *g = vec_get(Obj, &unit->globals, i);
    if (g->name)
      vec_push(names, g->name);
  }
}

static Helper *make_sig(Gen *g, Obj *callee, char *mask, const char *name,
                        const char *seed_name, bool is_static) {
  Helper *h = new_of(Helper);
  h->callee = callee;
  h->mask = mask;
  Rev tmp = {0};
  global_names(g->unit, &tmp.names);
  for (int i = 0; i < g->helpers.len; i++)
    use_name(&tmp, vec_get(Helper, &g->helpers, i)->fn->name);
  for (int i = 0; i < callee->params.len; i++)
    use_name(&tmp, vec_get(Obj, &callee->params, i)->name);
  names_in(&tmp, callee->body);
  Obj *fn = new_of(Obj);
  fn->kind = OBJ_FUNC;
  fn->name = xstrdup(name);
  fn->tok = callee->tok;
  fn->def_tok = callee->tok;
  fn->storage = is_static ? SC_STATIC : SC_NONE;
  fn->is_defined = true;
  Type *fty = func_type(type_unqualified(type_canon(callee->ty)->return_ty));
  fty->return_ty = type_unqualified(callee->ty->return_ty);
  for (int i = 0; i < callee->params.len; i++) {
    Obj *p = vec_get(Obj, &callee->params, i);
    vec_push(&fn->params, p);
    vec_push(&fty->params, p->decl_ty ? p->decl_ty : p->ty);
    Obj *a = NULL;
    if (mask[i] == '1') {
      a = new_local_var(fresh_name(&tmp, format("d_%s", p->name)), adj_param_type(p), p->tok);
      a->is_param = true;
      vec_push(&fn->params, a);
      vec_push(&fty->params, a->ty);
    }
    vec_push(&h->adj, a);
  }
  if (seed_name) {
    h->seed = new_local_var(fresh_name(&tmp, seed_name), fty->return_ty, callee->tok);
    h->seed->is_param = true;
    vec_push(&fn->params, h->seed);
    vec_push(&fty->params, h->seed->ty);
  }
  fn->ty = fty;
  h->fn = fn;
  h->names = tmp.names;
  vec_push(&g->helpers, h);
  return h;
}

/* The helper for calls to callee with these arguments active. */
static Helper *helper_for(Gen *g, Obj *callee, char *mask, bool restore, char *discard) {
  for (int i = 0; i < g->helpers.len; i++) {
    Helper *h = g->helpers.items[i];
    if (h->callee == callee && h != g->helpers.items[0] && str_eq(h->mask, mask) &&
        h->restore == restore && (h->discard ? str_eq(h->discard, discard ? discard : "")
                                             : !discard))
      return h;
  }
  int same = 0;
  for (int i = 0; i < g->helpers.len; i++) {
    Helper *h = g->helpers.items[i];
    if (h->callee == callee && h != g->helpers.items[0])
      same++;
  }
  char *name = same ? format("%s_vjp_%d", callee->name, same + 1)
                    : format("%s_vjp", callee->name);
  /* a name the user's file does not use */
  for (int n = 2;; n++) {
    bool clash = false;
    for (int i = 0; i < g->unit->globals.len && !clash; i++)
      clash = str_eq(vec_get(Obj, &g->unit->globals, i)->name, name);
    for (int i = 0; i < g->helpers.len && !clash; i++)
      clash = str_eq(vec_get(Helper, &g->helpers, i)->fn->name, name);
    for (int i = 0; i < g->fwds.len && !clash; i++)
      clash = str_eq(vec_get(Obj, &g->fwds, i)->name, name);
    if (!clash)
      break;
    name = format("%s_vjp%d_%d", callee->name, same + 1, n);
  }
  Helper *h = make_sig(g, callee, mask, name,
                       type_has_floating(callee->ty->return_ty) ? format("d_%s", callee->name)
                                                                : NULL,
                       true);
  h->restore = restore;
  h->discard = discard;
  return h;
}

/* The functions and types of the code cotan writes into the output (the
 * tape, the heap record): declared here so generated calls are typed,
 * defined as text by emit.c. */
static Obj *runtime_fn(const char *name, Type *ret, Type *self, int nargs, Type **args) {
  Obj *f = new_of(Obj);
  f->kind = OBJ_FUNC;
  f->name = (char *)name;
  Type *fty = func_type(ret);
  vec_push(&fty->params, self);
  for (int i = 0; i < nargs; i++)
    vec_push(&fty->params, args[i]);
  f->ty = fty;
  f->storage = SC_STATIC;
  return f;
}

/* `typedef struct name {...} name;` as a type spelled by its typedef. */
static Type *runtime_struct(const char *name, int64_t size) {
  StructDef *sd = new_of(StructDef);
  sd->tag = (char *)name;
  sd->is_complete = true;
  sd->size = size;
  sd->align = 8;
  Obj *td = new_of(Obj);
  td->kind = OBJ_TYPEDEF;
  td->name = (char *)name;
  td->ty = struct_type(sd);
  td->is_builtin = true;
  Type *t = type_copy(td->ty);
  t->typedef_obj = td;
  return t;
}

static Obj *tape_fn(Gen *g, const char *name, Type *ret, Type *arg) {
  return runtime_fn(name, ret, pointer_to(g->tape_ty), arg ? 1 : 0, &arg);
}

static void tape_init(Gen *g) {
  if (g->tape_ty)
    return;
  g->tape_ty = runtime_struct("cotan_tape", 48);
  g->push = tape_fn(g, "cotan_push", ty_void, ty_double);
  g->pop = tape_fn(g, "cotan_pop", ty_double, NULL);
  g->push_int = tape_fn(g, "cotan_push_int", ty_void, ty_long);
  g->pop_int = tape_fn(g, "cotan_pop_int", ty_long, NULL);
  g->tape_free = tape_fn(g, "cotan_tape_free", ty_void, NULL);
  g->push_array = NULL;
  g->pop_array = NULL;
}

static Node *tape_ref(Rev *r, Token *tok) {
  Gen *g = r->gen;
  tape_init(g);
  if (!r->tape) {
    r->tape = new_local_var(fresh_name(r, "tape"), g->tape_ty, r->tok);
    var_info(r, r->tape)->generated = true;
  }
  r->tape_used = true;
  return new_unary(ND_ADDR, var(r->tape, tok), tok);
}

static Node *call1(Obj *f, Node *a, Node *b, Token *tok) {
  Vec args = {0};
  vec_push(&args, a);
  if (b)
    vec_push(&args, b);
  return new_call(var(f, tok), args, tok);
}

/* ===================================================================== */
/* Heap memory                                                            */
/* ===================================================================== */

/* malloc, calloc, realloc and free in the differentiated code go through
 * a record of blocks (`cotan_heap heap`, emit.c writes its functions): the
 * reverse sweep still reads memory that F frees or that realloc moves, so
 * those blocks are freed only at the end, with the adjoint blocks
 * (`double *d_t = cotan_shadow(&heap, t);`: zeroed, the size of t's). */

static AllocKind alloc_kind(Node *e) {
  while (e && e->kind == ND_CAST)
    e = e->lhs;
  if (!e || e->kind != ND_CALL || e->lhs->kind != ND_VAR || e->lhs->obj->kind != OBJ_FUNC ||
      e->lhs->obj->body)
    return ALLOC_NONE;
  const char *n = e->lhs->obj->name;
  if (starts_with(n, "__builtin_"))
    n += strlen("__builtin_");
  if (str_eq(n, "malloc") && e->args.len == 1)
    return ALLOC_MALLOC;
  if (str_eq(n, "calloc") && e->args.len == 2)
    return ALLOC_CALLOC;
  if (str_eq(n, "realloc") && e->args.len == 2)
    return ALLOC_REALLOC;
  if (str_eq(n, "free") && e->args.len == 1)
    return ALLOC_FREE;
  return ALLOC_NONE;
}

static Obj *heap_fn(Gen *g, const char *name, Type *ret, int nargs, Type **args) {
  return runtime_fn(name, ret, pointer_to(g->heap_ty), nargs, args);
}

static void heap_init(Gen *g) {
  if (g->heap_ty)
    return;
  g->heap_ty = runtime_struct("cotan_heap", 24);
  Type *vp = pointer_to(ty_void);
  Type *cvp = pointer_to(type_qualified(ty_void, Q_CONST));
  g->h_malloc = heap_fn(g, "cotan_malloc", vp, 1, (Type *[]){ty_ulong});
  g->h_calloc = heap_fn(g, "cotan_calloc", vp, 2, (Type *[]){ty_ulong, ty_ulong});
  g->h_realloc = heap_fn(g, "cotan_realloc", vp, 2, (Type *[]){vp, ty_ulong});
  g->h_free = heap_fn(g, "cotan_free", ty_void, 1, (Type *[]){vp});
  g->h_shadow = heap_fn(g, "cotan_shadow", vp, 1, (Type *[]){cvp});
  g->h_back = heap_fn(g, "cotan_realloc_back", ty_void, 1, (Type *[]){cvp});
  g->h_backf = heap_fn(g, "cotan_realloc_backf", ty_void, 1, (Type *[]){cvp});
  g->h_heap_free = heap_fn(g, "cotan_heap_free", ty_void, 0, NULL);
}

static Node *heap_ref(Rev *r, Token *tok) {
  heap_init(r->gen);
  if (!r->heap) {
    r->heap = new_local_var(fresh_name(r, "heap"), r->gen->heap_ty, r->tok);
    var_info(r, r->heap)->generated = true;
  }
  return new_unary(ND_ADDR, var(r->heap, tok), tok);
}

static Node *heap_call(Rev *r, Obj *fn, Node **args, int nargs, Token *tok) {
  Vec v = {0};
  vec_push(&v, heap_ref(r, tok));
  for (int i = 0; i < nargs; i++)
    vec_push(&v, args[i]);
  return new_call(var(fn, tok), v, tok);
}

/* The allocation or free call e as its cotan_heap version (arguments
 * shared, not copied: the forward sweep owns its statements). */
static Node *heap_version(Rev *r, Node *e) {
  Node *call = e;
  while (call->kind == ND_CAST)
    call = call->lhs;
  Gen *g = r->gen;
  heap_init(g);
  Node **a = (Node **)call->args.items;
  Node *n;
  switch (alloc_kind(call)) {
  case ALLOC_MALLOC: n = heap_call(r, g->h_malloc, a, 1, call->tok); break;
  case ALLOC_CALLOC: n = heap_call(r, g->h_calloc, a, 2, call->tok); break;
  case ALLOC_REALLOC: n = heap_call(r, g->h_realloc, a, 2, call->tok); break;
  case ALLOC_FREE: n = heap_call(r, g->h_free, a, 1, call->tok); break;
  default: return e;
  }
  r->gen->res->heap = true;
  if (call == e)
    return n;
  /* keep the user's cast: (double *)cotan_malloc(&heap, ...) */
  Node *c = new_of(Node);
  *c = *e;
  c->lhs = n;
  return c;
}

/* Rewrites, in place, every allocation and free in a forward statement. */
static void heap_rewrite(Rev *r, Node **slot) {
  Node *e = *slot;
  if (!e)
    return;
  if (alloc_kind(e) != ALLOC_NONE) {
    *slot = heap_version(r, e);
    return;
  }
  heap_rewrite(r, &e->lhs);
  heap_rewrite(r, &e->rhs);
  heap_rewrite(r, &e->cond);
  heap_rewrite(r, &e->then);
  heap_rewrite(r, &e->els);
  for (int i = 0; i < e->args.len; i++)
    heap_rewrite(r, (Node **)&e->args.items[i]);
  for (int i = 0; i < e->decl_vars.len; i++)
    heap_rewrite(r, &vec_get(Declarator, &e->decl_vars, i)->init);
}

/* The shadow of a pointer variable set from an allocation: a zeroed block
 * of the same size, made after the primal one. */
static Node *heap_shadow_of(Rev *r, Node *primal, Token *tok) {
  heap_init(r->gen);
  return heap_call(r, r->gen->h_shadow, &primal, 1, tok);
}

static Node *heap_shadow(Rev *r, Obj *p, Token *tok) { return heap_shadow_of(r, var(p, tok), tok); }

/* Is a value of type ty nothing but numbers of kind k, with no padding
 * (double, double[3], struct { double x, y; }), so that its adjoint can
 * be added as an array of them? */
static bool made_of(Type *ty, TypeKind k) {
  Type *c = type_canon(ty);
  if (c->kind == k)
    return true;
  if (c->kind == TY_ARRAY)
    return c->array_len > 0 && made_of(c->base, k);
  if (c->kind != TY_STRUCT)
    return false;
  int64_t bytes = 0;
  for (int i = 0; i < c->sdef->members.len; i++) {
    Member *m = vec_get(Member, &c->sdef->members, i);
    if (m->bit_width >= 0 || !made_of(m->ty, k))
      return false;
    bytes += m->ty->size;
  }
  return bytes == c->size;
}

/* `t = realloc(t, n)` moved the first elements: in the reverse sweep
 * their adjoints go back to the old block's. */
static Node *heap_realloc_back(Rev *r, Node *w) {
  Obj *t = w->lhs->obj;
  Type *elem = type_canon(t->ty)->base;
  Gen *g = r->gen;
  heap_init(g);
  Obj *fn;
  if (made_of(elem, TY_DOUBLE))
    fn = g->h_back;
  else if (made_of(elem, TY_FLOAT))
    fn = g->h_backf;
  else
    error_tok(w->rhs->tok, "cannot differentiate this realloc of '%s': cotan handles realloc "
                           "of arrays of double or float (or of structs of them) only",
              type_to_str(elem, ""));
  r->gen->res->heap = true;
  Node *a = var(t, w->tok);
  return stmt(heap_call(r, fn, &a, 1, w->tok));
}

static bool saved_as_int(Type *ty) { return is_integer(ty); }

/* A value the double tape cannot hold exactly (long double, _Float128,
 * a struct): saved byte for byte, cotan_push_mem(&tape, &v, sizeof v). */
static bool saved_as_mem(Type *ty) {
  Type *c = type_canon(ty);
  return c->kind == TY_LDOUBLE || c->kind == TY_FLOAT128 || is_record(c);
}

/* cotan_push_mem(&tape, &L, sizeof L) / cotan_pop_mem(...) for lvalue L. */
static Node *tape_mem(Rev *r, Node *L, bool push, Token *tok) {
  Gen *g = r->gen;
  Node *t = tape_ref(r, tok);
  g->res->tape_double = true;
  g->res->uses_memset = true; /* memcpy: <string.h> */
  Obj *f = new_of(Obj);
  f->kind = OBJ_FUNC;
  f->name = push ? "cotan_push_mem" : "cotan_pop_mem";
  f->storage = SC_STATIC;
  Type *fty = func_type(ty_void);
  vec_push(&fty->params, pointer_to(g->tape_ty));
  vec_push(&fty->params, pointer_to(push ? type_qualified(ty_void, Q_CONST) : ty_void));
  vec_push(&fty->params, ty_ulong);
  f->ty = fty;
  Node *size = new_node(ND_SIZEOF, tok);
  size->lhs = clone_expr(L);
  size->ty = ty_ulong;
  Vec args = {0};
  vec_push(&args, t);
  vec_push(&args, new_unary(ND_ADDR, L, tok));
  vec_push(&args, size);
  return stmt(new_call(var(f, tok), args, tok));
}

/* push(value) for the forward sweep. */
static Node *tape_push(Rev *r, Node *value, Token *tok) {
  Gen *g = r->gen;
  Node *t = tape_ref(r, tok);
  if (saved_as_int(value->ty)) {
    g->res->tape_int = true;
    return stmt(call1(g->push_int, t, value, tok));
  }
  if (saved_as_mem(value->ty))
    return tape_mem(r, value, true, tok);
  if (is_pointer(value->ty)) {
    /* a pointer the forward sweep moves: its address, as an integer */
    g->res->tape_int = true;
    return stmt(call1(g->push_int, t, new_cast(value, ty_long, tok), tok));
  }
  if (!is_floating(value->ty))
    error_tok(tok, "cannot differentiate: the derivative needs a saved value of type '%s' "
                   "and cotan can save only numbers",
              type_to_str(value->ty, ""));
  g->res->tape_double = true;
  return stmt(call1(g->push, t, value, tok));
}

/* cotan_push_doubles(&tape, (double *)a, sizeof a / sizeof(double)) and the
 * matching pop: a whole array of double or float elements. */
/* A local a call writes through &v or v (an array): saved whole before
 * the call.  Arrays of numbers, numbers, structs. */
static bool whole_saveable(Type *ty) {
  if (is_array(ty))
    return array_elem_saveable(ty);
  return is_floating(ty) || is_integer(ty) || (saved_as_mem(ty) && ty->size > 0);
}

static Node *tape_array(Rev *r, Obj *a, bool push, Token *tok);
static Node *tape_pop(Rev *r, Type *ty, Token *tok);

static Node *tape_whole(Rev *r, Obj *a, bool push, Token *tok) {
  if (is_array(a->ty))
    return tape_array(r, a, push, tok);
  if (saved_as_mem(a->ty))
    return tape_mem(r, var(a, tok), push, tok);
  if (push)
    return tape_push(r, var(a, tok), tok);
  return stmt(new_assign(ND_NONE, var(a, tok), tape_pop(r, a->ty, tok), tok));
}

static Node *tape_array(Rev *r, Obj *a, bool push, Token *tok) {
  Gen *g = r->gen;
  Node *t = tape_ref(r, tok);
  Type *elem = type_unqualified(type_canon(array_elem(a->ty)));
  bool is_float = elem->kind == TY_FLOAT;
  if (is_float)
    g->res->tape_floats = true;
  else
    g->res->tape_doubles = true;
  Type *ep = pointer_to(elem);
  Obj *f = new_of(Obj);
  f->kind = OBJ_FUNC;
  f->name = format("cotan_%s_%s", push ? "push" : "pop", is_float ? "floats" : "doubles");
  f->storage = SC_STATIC;
  Type *fty = func_type(ty_void);
  vec_push(&fty->params, pointer_to(g->tape_ty));
  vec_push(&fty->params, push ? pointer_to(type_qualified(elem, Q_CONST)) : ep);
  vec_push(&fty->params, ty_long);
  f->ty = fty;
  Node *p = var(a, tok);
  if (is_array(type_canon(a->ty)->base))
    p = new_cast(p, ep, tok);
  Node *count = new_node(ND_SIZEOF, tok);
  count->lhs = var(a, tok);
  count->ty = ty_ulong;
  Node *esz = new_node(ND_SIZEOF, tok);
  esz->type_arg = elem;
  esz->ty = ty_ulong;
  Vec args = {0};
  vec_push(&args, t);
  vec_push(&args, p);
  vec_push(&args, new_binary(ND_DIV, count, esz, tok));
  return stmt(new_call(var(f, tok), args, tok));
}

/* pop() of a value of type ty, for the reverse sweep. */
static Node *tape_pop(Rev *r, Type *ty, Token *tok) {
  Gen *g = r->gen;
  Node *t = tape_ref(r, tok);
  if (saved_as_int(ty)) {
    g->res->tape_int = true;
    return call1(g->pop_int, t, NULL, tok);
  }
  if (is_pointer(ty)) {
    g->res->tape_int = true;
    return new_cast(call1(g->pop_int, t, NULL, tok), type_unqualified(ty), tok);
  }
  g->res->tape_double = true;
  return call1(g->pop, t, NULL, tok);
}

/* ===================================================================== */
/* Adjoints                                                               */
/* ===================================================================== */

static void emit(Rev *r, Node *s) { block_add(r->scope->block, s); }

/* Zero of any type: 0.0, or `{0}` (an initializer) / `(T){0}` for aggregates. */
static Node *zero_of(Type *ty, Token *tok, bool as_init) {
  if (!is_array(ty) && !is_record(ty))
    return new_zero(ty, tok);
  Node *list = new_node(ND_INIT_LIST, tok);
  list->ty = ty;
  InitItem *it = new_of(InitItem);
  it->value = inum(0, tok);
  it->tok = tok;
  vec_push(&list->items, it);
  if (as_init)
    return list;
  Node *lit = new_node(ND_COMPOUND_LIT, tok);
  lit->type_arg = type_unqualified(ty);
  lit->ty = lit->type_arg;
  lit->init = list;
  return lit;
}

/* s.m (or p->m for *p) as a node. */
static Node *member_of(Node *s, Member *m, Token *tok) {
  Node *n;
  if (s->kind == ND_DEREF) {
    n = new_node(ND_ARROW, tok);
    n->lhs = s->lhs;
  } else {
    n = new_node(ND_MEMBER, tok);
    n->lhs = s;
  }
  n->member = m;
  n->ty = m->ty;
  return n;
}

/* The local adjoint variable of vi, created on first use. */
static Obj *adj_obj(Rev *r, VarInfo *vi) {
  if (!vi->adj) {
    vi->adj = new_local_var(fresh_name(r, format("d_%s", vi->var->name)), adj_type(vi->var->ty),
                            vi->var->tok);
    VarInfo *ai = var_info(r, vi->adj);
    ai->generated = true;
  }
  return vi->adj;
}

/* `double d_v = 0.0;` (or the seed, or `= {0}`) in the scope owning vi. */
static void ensure_declared(Rev *r, VarInfo *vi) {
  if (vi->declared)
    return;
  Obj *a = adj_obj(r, vi);
  RScope *owner = vi->owner ? vi->owner : r->root;
  Token *tok = r->tok;
  Node *init;
  Node *memset_call = NULL;
  if (vi->seed) {
    init = vi->seed;
  } else if (is_array(a->ty) || is_record(a->ty)) {
    if (is_array(a->ty) && type_canon(a->ty)->is_vla) {
      init = NULL;
      r->gen->res->uses_memset = true;
      Obj *ms = new_of(Obj);
      ms->kind = OBJ_FUNC;
      ms->name = "memset";
      Type *fty = func_type(pointer_to(ty_void));
      vec_push(&fty->params, pointer_to(ty_void));
      vec_push(&fty->params, ty_int);
      vec_push(&fty->params, ty_ulong);
      ms->ty = fty;
      Vec args = {0};
      vec_push(&args, var(a, tok));
      vec_push(&args, inum(0, tok));
      Node *sz = new_node(ND_SIZEOF, tok);
      sz->lhs = var(a, tok);
      sz->ty = ty_ulong;
      vec_push(&args, sz);
      memset_call = stmt(new_call(var(ms, tok), args, tok));
    } else {
      init = new_node(ND_INIT_LIST, tok);
      init->ty = a->ty;
      InitItem *it = new_of(InitItem);
      it->value = inum(0, tok);
      it->tok = tok;
      vec_push(&init->items, it);
    }
  } else {
    init = new_zero(a->ty, tok);
  }
  Node *d = new_local_decl(a, init, tok);
  /* before the code of the statement being reversed in that scope */
  Vec *v = &owner->block->stmts;
  int at = owner->insert_at;
  if (at < 0 || at > v->len)
    at = v->len;
  Node *ins[2] = {d, memset_call};
  for (int k = 0; k < 2 && ins[k]; k++) {
    vec_push(v, NULL);
    for (int i = v->len - 1; i > at; i--)
      v->items[i] = v->items[i - 1];
    v->items[at++] = ins[k];
  }
  if (owner->insert_at >= 0)
    owner->insert_at = at;
  vi->declared = true;
  vi->seed = NULL;
}

static Node *shadow_of(Rev *r, Node *e, bool write);

/* A shadow pointer that a const in the type (a struct's `const double *`
 * member, reused for the adjoint) would keep from being written: cast. */
static Node *writable(Node *p) {
  if (!p)
    return NULL;
  Type *t = type_decay(p->ty);
  if (!is_pointer(t) || (!(type_canon(t)->base->quals & Q_CONST) && !is_const(t->base)))
    return p;
  return new_cast(p, adj_type(t), p->tok);
}

/* The adjoint of lvalue L, as an lvalue; NULL if L is not active.  With
 * `write` the adjoint variable is declared if it was not. */
static Node *adj_lvalue(Rev *r, Node *L, bool write) {
  Token *tok = L->tok;
  switch (L->kind) {
  case ND_VAR: {
    if (L->obj->kind != OBJ_VAR)
      return NULL;
    VarInfo *vi = var_info(r, L->obj);
    if (!vi->active)
      return NULL;
    if (vi->adj_is_ptr)
      return new_unary(ND_DEREF, var(vi->adj, tok), tok);
    if (vi->adj && vi->var->is_param && is_pointer(vi->var->ty))
      return var(vi->adj, tok);
    if (write)
      ensure_declared(r, vi);
    return var(adj_obj(r, vi), tok);
  }
  case ND_INDEX: {
    Node *b = index_base(L);
    Node *sb = is_array(b->ty) ? adj_lvalue(r, b, write) : writable(shadow_of(r, b, write));
    if (!sb)
      return NULL;
    return new_binary(ND_INDEX, sb, clone_expr(index_sub(L)), tok);
  }
  case ND_MEMBER: {
    Node *b = L->lhs;
    if (b->kind == ND_VAR && b->obj->kind == OBJ_VAR) {
      VarInfo *vi = var_info(r, b->obj);
      if (vi->active && vi->adj_is_ptr) {
        Node *n = new_node(ND_ARROW, tok);
        n->lhs = var(vi->adj, tok);
        n->member = L->member;
        n->ty = L->member->ty;
        return n;
      }
    }
    Node *sb = adj_lvalue(r, b, write);
    if (!sb)
      return NULL;
    Node *n = new_node(ND_MEMBER, tok);
    n->lhs = sb;
    n->member = L->member;
    n->ty = L->member->ty;
    return n;
  }
  case ND_ARROW: {
    Node *sp = writable(shadow_of(r, L->lhs, write));
    if (!sp)
      return NULL;
    Node *n = new_node(ND_ARROW, tok);
    n->lhs = sp;
    n->member = L->member;
    n->ty = L->member->ty;
    return n;
  }
  case ND_DEREF: {
    Node *sp = writable(shadow_of(r, L->lhs, write));
    if (!sp)
      return NULL;
    return new_unary(ND_DEREF, sp, tok);
  }
  default:
    return NULL;
  }
}

/* The shadow of a pointer-valued expression: where the adjoints of what
 * it points to live (d_x + k for x + k). */
static Node *shadow_of(Rev *r, Node *e, bool write) {
  Token *tok = e->tok;
  if (is_null_pointer_constant(e))
    return clone_expr(e); /* a null pointer's shadow is null */
  switch (e->kind) {
  case ND_VAR: {
    if (e->obj->kind != OBJ_VAR)
      return NULL;
    VarInfo *vi = var_info(r, e->obj);
    if (!vi->active)
      return NULL;
    if (is_array(e->obj->ty))
      return adj_lvalue(r, e, write);
    if (vi->shadow)
      return var(vi->shadow, tok);
    if (vi->adj && is_pointer(vi->adj->ty) && !vi->adj_is_ptr)
      return var(vi->adj, tok);
    error_tok(tok, "cannot differentiate through the pointer '%s' here: cotan follows "
                   "pointers that are parameters or are set from them",
              e->obj->name);
  }
  case ND_ADD: {
    bool lp = is_pointer(type_decay(e->lhs->ty));
    Node *s = shadow_of(r, lp ? e->lhs : e->rhs, write);
    if (!s)
      return NULL;
    return lp ? new_binary(ND_ADD, s, clone_expr(e->rhs), tok)
              : new_binary(ND_ADD, clone_expr(e->lhs), s, tok);
  }
  case ND_SUB: {
    Node *s = shadow_of(r, e->lhs, write);
    return s ? new_binary(ND_SUB, s, clone_expr(e->rhs), tok) : NULL;
  }
  case ND_CAST: {
    /* (const V *)x: the shadow is cast too, (V *)d_x */
    Node *sh = shadow_of(r, e->lhs, write);
    Type *to = type_decay(e->ty);
    if (sh && is_pointer(to) && is_pointer(type_decay(sh->ty)) &&
        !type_same_unqual(type_canon(to)->base, type_canon(type_decay(sh->ty))->base))
      sh = new_cast(sh, adj_type(to), tok);
    return sh;
  }
  case ND_ADDR: {
    Node *a = adj_lvalue(r, e->lhs, write);
    if (a && a->kind == ND_DEREF)
      return a->lhs;
    return a ? new_unary(ND_ADDR, a, tok) : NULL;
  }
  case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_DEREF:
    return adj_lvalue(r, e, write);
  case ND_COND: {
    /* c ? b2 : b1: the shadow of the one chosen */
    Node *a = shadow_of(r, e->then ? e->then : e->cond, write);
    Node *b = shadow_of(r, e->els, write);
    if (!a || !b)
      return a ? a : b;
    Node *n = new_node(ND_COND, tok);
    n->cond = clone_expr(e->cond);
    n->then = a;
    n->els = b;
    n->ty = a->ty;
    return n;
  }
  case ND_CALL:
    error_tok(tok, "cannot differentiate through a pointer returned by a call%s%s%s; index "
                   "the array it points into instead",
              e->lhs->kind == ND_VAR ? " to '" : "",
              e->lhs->kind == ND_VAR ? e->lhs->obj->name : "",
              e->lhs->kind == ND_VAR ? "'" : "");
  default:
    error_tok(tok, "cannot differentiate through this pointer expression; assign it to a "
                   "variable first");
  }
}

/* The adjoint of L for reading, or NULL when it is known to be zero. */
static Node *adj_read(Rev *r, Node *L) {
  Obj *o = lvalue_obj(L);
  if (!o)
    return NULL;
  VarInfo *vi = var_info(r, o);
  if (!vi->active)
    return NULL;
  if (vi->adj_is_ptr || (vi->var->is_param && vi->adj))
    return adj_lvalue(r, L, false);
  if (vi->shadow && L->kind != ND_VAR)
    return adj_lvalue(r, L, false); /* memory through a local pointer: its shadow */
  if (!vi->declared) {
    if (!vi->seed)
      return NULL;
    RScope *owner = vi->owner ? vi->owner : r->root;
    if (owner == r->scope && L->kind == ND_VAR)
      return clone_expr(vi->seed);
    ensure_declared(r, vi);
  }
  return adj_lvalue(r, L, false);
}

/* After `L = e`: L's adjoint is zero. */
static void adj_kill(Rev *r, Node *L) {
  Obj *o = lvalue_obj(L);
  if (!o)
    return;
  VarInfo *vi = var_info(r, o);
  if (!vi->active)
    return;
  if (!vi->declared && !vi->adj_is_ptr && !(vi->var->is_param && vi->adj) &&
      !(vi->shadow && L->kind != ND_VAR)) {
    RScope *owner = vi->owner ? vi->owner : r->root;
    if (vi->seed && owner != r->scope)
      ensure_declared(r, vi);
    else {
      vi->seed = NULL;
      return;
    }
  }
  Node *a = adj_lvalue(r, L, false);
  emit(r, stmt(new_assign(ND_NONE, a, zero_of(a->ty, L->tok, false), L->tok)));
}

/* A value used more than once: a variable, or a temporary holding it. */
static bool is_cheap(Node *x) {
  while (x->kind == ND_NEG || x->kind == ND_CAST || x->kind == ND_MEMBER || x->kind == ND_ARROW ||
         x->kind == ND_DEREF)
    x = x->lhs;
  if (x->kind == ND_INDEX)
    return is_cheap(x->lhs) && (x->rhs->kind == ND_VAR || x->rhs->kind == ND_NUM);
  return x->kind == ND_VAR || x->kind == ND_NUM;
}

static Node *materialize(Rev *r, Node *e, bool force) {
  if (!force && is_cheap(e))
    return e;
  Obj *t = new_local_var(fresh_name(r, "t"), type_unqualified(type_decay(e->ty)), r->tok);
  var_info(r, t)->generated = true;
  emit(r, new_local_decl(t, simp(e), e->tok));
  return var(t, e->tok);
}

/* One contribution d_L += value, waiting to be merged and emitted. */
typedef struct Contrib {
  Node *target; /* the primal lvalue */
  Node *value;
} Contrib;

static void contribute(Vec *cs, Node *L, Node *value) {
  if (is_pure(L)) {
    for (int i = 0; i < cs->len; i++) {
      Contrib *c = cs->items[i];
      if (same_expr(c->target, L)) {
        c->value = new_binary(ND_ADD, c->value, value, L->tok);
        return;
      }
    }
  }
  Contrib *c = new_of(Contrib);
  c->target = L;
  c->value = value;
  vec_push(cs, c);
}

/* Emits the contributions: the first into a scalar adjoint not yet
 * declared becomes its declaration. */
static void flush(Rev *r, Vec *cs) {
  for (int i = 0; i < cs->len; i++) {
    Contrib *c = cs->items[i];
    Node *L = c->target;
    Node *value = simp(c->value);
    if (is_zero_const(value))
      continue;
    Token *tok = L->tok;
    if (L->kind == ND_VAR) {
      VarInfo *vi = var_info(r, L->obj);
      RScope *owner = vi->owner ? vi->owner : r->root;
      if (!vi->declared && !vi->adj_is_ptr && !vi->var->is_param && !vi->seed &&
          owner == r->scope && !is_array(L->obj->ty) && !is_record(L->obj->ty)) {
        Obj *a = adj_obj(r, vi);
        emit(r, new_local_decl(a, value, tok));
        vi->declared = true;
        continue;
      }
    }
    Node *a = adj_lvalue(r, L, true);
    if (!a) {
      if (L->kind != ND_VAR && active_expr(r, L))
        error_tok(L->tok, "cannot differentiate through this pointer: it was loaded from memory "
                          "cotan cannot follow (a pointer kept in an array behind another "
                          "pointer, or in allocated memory); index the array it points into, "
                          "or keep the pointers in a local array");
      continue;
    }
    /* `d_v = 0.0;` just before (a kill): `d_v = value;` instead */
    Node *blk = r->scope->block;
    Node *prev = blk->stmts.len ? vec_last(&blk->stmts) : NULL;
    if (prev && prev->kind == ND_EXPR_STMT && prev->lhs->kind == ND_ASSIGN &&
        prev->lhs->op == ND_NONE && is_zero_const(prev->lhs->rhs) && is_pure(a) &&
        same_expr(prev->lhs->lhs, a) && !is_record(a->ty)) {
      prev->lhs->rhs = value;
      continue;
    }
    Node *acc = simplify_accumulate(a, value, tok);
    if (acc)
      emit(r, stmt(acc));
  }
  cs->len = 0;
}

/* How many floating scalars a value of type ty holds, counting through
 * fixed-size arrays and structs; -1 if an array has no fixed size. */
static int64_t scalar_count(Type *ty) {
  Type *c = type_canon(ty);
  if (is_floating(c))
    return 1;
  if (c->kind == TY_ARRAY)
    return c->array_len < 0 || c->is_vla ? -1 : c->array_len * scalar_count(c->base);
  if (c->kind == TY_STRUCT) {
    int64_t n = 0;
    for (int i = 0; i < c->sdef->members.len; i++) {
      Member *m = vec_get(Member, &c->sdef->members, i);
      if (!m->name || !type_has_floating(m->ty))
        continue;
      int64_t k = scalar_count(m->ty);
      if (k < 0)
        return -1;
      n += k;
    }
    return n;
  }
  return 0;
}

static void contribute_struct(Vec *cs, Node *L, Node *seed, Token *tok);

/* d_L += seed for a value with floating parts: a struct member by member,
 * a small array element by element. */
static void contribute_parts(Vec *cs, Node *L, Node *seed, Token *tok) {
  Type *c = type_canon(L->ty);
  if (is_floating(c)) {
    contribute(cs, L, seed);
  } else if (c->kind == TY_STRUCT) {
    contribute_struct(cs, L, seed, tok);
  } else if (c->kind == TY_ARRAY) {
    for (int64_t k = 0; k < c->array_len; k++)
      contribute_parts(cs, new_binary(ND_INDEX, clone_expr(L), new_num_int(k, ty_int, tok), tok),
                       new_binary(ND_INDEX, clone_expr(seed), new_num_int(k, ty_int, tok), tok),
                       tok);
  }
}

/* Arrays inside a struct value are added element by element up to this
 * many numbers (a 4x4 matrix); larger ones are an error. */
enum { STRUCT_ARRAY_MAX = 16 };

static void contribute_struct(Vec *cs, Node *L, Node *seed, Token *tok) {
  StructDef *sd = type_canon(L->ty)->sdef;
  for (int i = 0; i < sd->members.len; i++) {
    Member *m = vec_get(Member, &sd->members, i);
    if (!m->name || !type_has_floating(m->ty))
      continue;
    Node *lm = member_of(clone_expr(L), m, tok);
    Node *sm = member_of(clone_expr(seed), m, tok);
    if (is_array(m->ty)) {
      int64_t n = scalar_count(m->ty);
      if (n < 0 || n > STRUCT_ARRAY_MAX)
        error_tok(tok, "cannot yet differentiate a struct value with the array member '%s' "
                       "of more than %d numbers; copy its elements in a loop",
                  m->name, STRUCT_ARRAY_MAX);
    }
    contribute_parts(cs, lm, sm, tok);
  }
}

static void adj_expr(Rev *r, Node *e, Node *seed, Vec *cs);

static RScope *push_scope(Rev *r, Node *block) {
  RScope *sc = new_of(RScope);
  sc->block = block;
  sc->depth = r->scope->depth + 1;
  sc->outer = r->scope;
  sc->last_quote = r->scope->cur_quote;
  sc->insert_at = -1;
  r->scope = sc;
  return sc;
}

static void pop_scope(Rev *r) { r->scope = r->scope->outer; }

/* e with the variables r->subst maps replaced (in place). */
static Node *subst_vars(Rev *r, Node *e) {
  if (!e || !r->subst.len)
    return e;
  if (e->kind == ND_VAR) {
    Obj *c = map_get(&r->subst, e->obj);
    return c ? var(c, e->tok) : e;
  }
  e->lhs = subst_vars(r, e->lhs);
  e->rhs = subst_vars(r, e->rhs);
  e->cond = subst_vars(r, e->cond);
  e->then = subst_vars(r, e->then);
  e->els = subst_vars(r, e->els);
  for (int i = 0; i < e->args.len; i++)
    e->args.items[i] = subst_vars(r, e->args.items[i]);
  return e;
}

/* A call to one of the user's functions: its helper propagates the seed
 * into the adjoints of its arguments. */
static void adj_user_call(Rev *r, Node *e, Obj *f, Node *seed, Vec *cs) {
  Token *tok = e->tok;
  int n = f->params.len;
  if (e->args.len != n || type_canon(f->ty)->is_variadic)
    error_tok(tok, "cannot differentiate a call to '%s' with a variable argument list", f->name);
  char *mask = xcalloc((size_t)n + 1, 1);
  for (int i = 0; i < n; i++) {
    Node *a = e->args.items[i];
    Obj *p = vec_get(Obj, &f->params, i);
    mask[i] = active_expr(r, a) && type_has_floating(p->ty) ? '1' : '0';
  }
  /* after a split call the memory holds its values at the call again
   * (cotan_undo), and the helper must leave it so */
  /* arguments that point into a copy made for this call (restore_call_saves):
   * the caller drops the copy afterwards */
  char *discard = NULL;
  for (int i = 0; i < n && r->subst.len; i++) {
    Node *a = e->args.items[i];
    Obj *root = is_pointer(type_decay(a->ty)) ? written_through(a) : NULL;
    if (root && map_get(&r->subst, root) && !set_in(&r->split_calls, e)) {
      if (!discard) {
        discard = xcalloc((size_t)n + 1, 1);
        memset(discard, '0', (size_t)n);
      }
      discard[i] = '1';
    }
  }
  Helper *h = helper_for(r->gen, f, mask, set_in(&r->split_calls, e), discard);
  Vec args = {0};
  Vec later = {0}; /* arguments whose adjoints come back in temporaries */
  Vec temps = {0};
  for (int i = 0; i < n; i++) {
    Node *a = e->args.items[i];
    vec_push(&args, subst_vars(r, clone_expr(a)));
    if (mask[i] != '1')
      continue;
    Obj *p = vec_get(Obj, &f->params, i);
    if (is_pointer(p->ty)) {
      Node *s = writable(shadow_of(r, a, true));
      if (!s)
        error_tok(a->tok, "cannot differentiate: no adjoint memory for this argument");
      vec_push(&args, s);
      continue;
    }
    Node *L = a;
    if ((L->kind == ND_VAR || L->kind == ND_INDEX || L->kind == ND_MEMBER ||
         L->kind == ND_ARROW || L->kind == ND_DEREF) && active_lvalue(r, L) && is_pure(L)) {
      Node *al = adj_lvalue(r, L, true);
      if (al->kind == ND_DEREF)
        vec_push(&args, al->lhs);
      else
        vec_push(&args, new_unary(ND_ADDR, al, tok));
      continue;
    }
    Obj *t = new_local_var(fresh_name(r, format("d_arg")), adj_type(p->ty), tok);
    var_info(r, t)->generated = true;
    emit(r, new_local_decl(t, zero_of(t->ty, tok, true), tok));
    vec_push(&args, new_unary(ND_ADDR, var(t, tok), tok));
    vec_push(&later, a);
    vec_push(&temps, t);
  }
  if (h->seed)
    vec_push(&args, seed ? seed : num(0.0, h->seed->ty, tok));
  emit(r, stmt(new_call(var(h->fn, tok), args, tok)));
  for (int i = 0; i < later.len; i++)
    adj_expr(r, later.items[i], var(temps.items[i], tok), cs);
}

/* Adds to cs the contributions of the adjoint of e with seed (its value
 * is d(result)/d(e) times the output's adjoint); temporaries go out
 * first. */
/* The part of `base` (of type ty) that an initializer item fills: the
 * member or element at *pos, or the one its designator names (then *pos
 * moves there); NULL past the last member. */
static Node *init_part(Type *ty, Node *base, Designator *d, int *pos, Token *tok) {
  if (ty->kind == TY_STRUCT) {
    if (d && d->member)
      *pos = d->member->index;
    if (*pos >= ty->sdef->members.len)
      return NULL;
    return member_of(clone_expr(base), vec_get(Member, &ty->sdef->members, *pos), tok);
  }
  if (ty->kind == TY_ARRAY) {
    if (d && !d->member)
      *pos = (int)d->index_val;
    return new_binary(ND_INDEX, clone_expr(base), inum(*pos, tok), tok);
  }
  return clone_expr(base);
}

/* The adjoint of an initializer list whose value's adjoint is the
 * (side-effect-free) seed: each element gets the matching part of it. */
static void adj_list_seed(Rev *r, Node *list, Node *seed, Vec *cs) {
  Type *ty = type_canon(list->ty);
  Token *tok = list->tok;
  int pos = 0;
  for (int i = 0; i < list->items.len; i++, pos++) {
    InitItem *it = vec_get(InitItem, &list->items, i);
    Designator *d = it->desig;
    if (d && d->next)
      error_tok(it->tok, "cannot yet differentiate a nested designator here");
    Node *part = init_part(ty, seed, d, &pos, tok);
    if (!part)
      break;
    if (it->value->kind == ND_INIT_LIST)
      adj_list_seed(r, it->value, part, cs);
    else if (!is_pointer(type_decay(part->ty)))
      adj_expr(r, it->value, part, cs);
  }
}

static void adj_expr(Rev *r, Node *e, Node *seed, Vec *cs) {
  if (!seed || !active_expr(r, e))
    return;
  Token *tok = e->tok;
  if (e->kind == ND_MEMBER && !is_lvalue(e->lhs)) {
    /* mk(a, b).x: a struct value that is not stored anywhere; its adjoint
     * is a zero struct with the member's part set */
    Obj *t = new_local_var(fresh_name(r, "d_part"), adj_type(e->lhs->ty), tok);
    var_info(r, t)->generated = true;
    emit(r, new_local_decl(t, zero_of(t->ty, tok, true), tok));
    Node *m = new_node(ND_MEMBER, tok);
    m->lhs = var(t, tok);
    m->member = e->member;
    m->ty = e->member->ty;
    emit(r, stmt(new_assign(ND_NONE, m, seed, tok)));
    adj_expr(r, e->lhs, var(t, tok), cs);
    return;
  }
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_DEREF:
    if (is_record(e->ty)) {
      contribute_struct(cs, e, seed, tok);
      return;
    }
    contribute(cs, e, seed);
    return;
  case ND_ADD: {
    bool both = active_expr(r, e->lhs) && active_expr(r, e->rhs);
    if (both)
      seed = materialize(r, seed, false);
    adj_expr(r, e->lhs, seed, cs);
    adj_expr(r, e->rhs, both ? clone_expr(seed) : seed, cs);
    return;
  }
  case ND_SUB: {
    bool both = active_expr(r, e->lhs) && active_expr(r, e->rhs);
    if (both)
      seed = materialize(r, seed, false);
    adj_expr(r, e->lhs, seed, cs);
    adj_expr(r, e->rhs, neg(both ? clone_expr(seed) : seed, tok), cs);
    return;
  }
  case ND_NEG:
    adj_expr(r, e->lhs, neg(seed, tok), cs);
    return;
  case ND_PLUS:
    adj_expr(r, e->lhs, seed, cs);
    return;
  case ND_CAST:
    if (is_floating(e->lhs->ty))
      adj_expr(r, e->lhs, seed, cs);
    return;
  case ND_COMMA:
    adj_expr(r, e->rhs, seed, cs);
    return;
  case ND_MUL: {
    Node *a = e->lhs, *b = e->rhs;
    bool aa = active_expr(r, a), ba = active_expr(r, b);
    if (aa && ba && same_expr(a, b) && is_pure(a)) {
      adj_expr(r, a, mul(mul(num(2.0, e->ty, tok), clone_expr(a), tok), seed, tok), cs);
      return;
    }
    if (aa && ba)
      seed = materialize(r, seed, false);
    if (aa)
      adj_expr(r, a, mul(clone_expr(b), seed, tok), cs);
    if (ba)
      adj_expr(r, b, mul(clone_expr(a), aa ? clone_expr(seed) : seed, tok), cs);
    return;
  }
  case ND_DIV: {
    Node *a = e->lhs, *b = e->rhs;
    bool aa = active_expr(r, a), ba = active_expr(r, b);
    if (aa && ba)
      seed = materialize(r, seed, false);
    if (aa)
      adj_expr(r, a, new_binary(ND_DIV, seed, clone_expr(b), tok), cs);
    if (ba) {
      /* d(a/b)/db = -a / (b * b) */
      Node *p = new_binary(ND_DIV, neg(clone_expr(a), tok),
                           paren(new_binary(ND_MUL, clone_expr(b), clone_expr(b), tok)), tok);
      adj_expr(r, b, mul(p, aa ? clone_expr(seed) : seed, tok), cs);
    }
    return;
  }
  case ND_COND: {
    if (!e->then)
      error_tok(tok, "cannot differentiate the GNU '?:' form; write 'a ? a : b'");
    flush(r, cs);
    seed = materialize(r, seed, false);
    Node *tb = new_block(tok), *eb = new_block(tok);
    push_scope(r, tb);
    adj_expr(r, e->then, seed, cs);
    flush(r, cs);
    pop_scope(r);
    push_scope(r, eb);
    adj_expr(r, e->els, clone_expr(seed), cs);
    flush(r, cs);
    pop_scope(r);
    if (!tb->stmts.len && !eb->stmts.len)
      return;
    if (!tb->stmts.len)
      emit(r, new_if(not(clone_expr(e->cond), tok), eb, NULL, tok));
    else
      emit(r, new_if(clone_expr(e->cond), tb, eb->stmts.len ? eb : NULL, tok));
    return;
  }
  case ND_CALL: {
    Obj *f = user_callee(e);
    if (f) {
      adj_user_call(r, e, f, seed, cs);
      return;
    }
    const char *name = e->lhs->kind == ND_VAR ? e->lhs->obj->name : NULL;
    const Rule *rule = name ? rule_find(name) : NULL;
    if (!rule)
      error_tok(tok, "cannot differentiate a call to '%s': it has no derivative rule and no "
                     "definition in this file",
                name ? name : "a function pointer");
    if (rule_is_constant(rule))
      return;
    int n = e->args.len;
    Node **args = xcalloc((size_t)n + 1, sizeof(Node *));
    for (int i = 0; i < n; i++)
      args[i] = e->args.items[i];
    int nactive = 0;
    for (int i = 0; i < n; i++)
      nactive += active_expr(r, args[i]);
    if (nactive > 1)
      seed = materialize(r, seed, false);
    /* the call's value, where a partial uses it: a variable holding it */
    Node *result = e == r->result_call ? var(r->result_var, tok) : NULL;
    for (int i = 0; i < n && !result; i++)
      if (active_expr(r, args[i]) && rule_uses_result(rule, i))
        result = materialize(r, clone_expr(e), true);
    for (int i = 0; i < n; i++) {
      if (!active_expr(r, args[i]))
        continue;
      Node *p = rule_partial(rule, i, args, result, tok);
      if (!p)
        continue;
      adj_expr(r, args[i], mul(p, nactive > 1 ? clone_expr(seed) : seed, tok), cs);
    }
    return;
  }
  case ND_COMPOUND_LIT: {
    /* (V){a.x * s, a.y * s}: each element gets its part of the seed */
    if (!e->init || e->init->kind != ND_INIT_LIST)
      error_tok(tok, "cannot differentiate this compound literal");
    Node *sv = materialize(r, seed, false);
    adj_list_seed(r, e->init, sv, cs);
    return;
  }
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    error_tok(tok, "cannot differentiate an assignment inside an expression; write it as a "
                   "statement of its own");
  case ND_STMT_EXPR:
    error_tok(tok, "cannot differentiate a statement expression");
  default:
    error_tok(tok, "cannot differentiate this expression");
  }
}

/* ===================================================================== */
/* The reverse sweep                                                      */
/* ===================================================================== */

static void rev_stmt(Rev *r, Node *s);

static void rev_list(Rev *r, Node *block) {
  for (int i = block->stmts.len - 1; i >= 0; i--)
    rev_stmt(r, block->stmts.items[i]);
}

/* Does the tree refer to obj? */
static bool refers_to(Node *n, Obj *obj) {
  if (!n)
    return false;
  if (n->kind == ND_VAR && n->obj == obj)
    return true;
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    if (refers_to(kids[i], obj))
      return true;
  for (int i = 0; i < n->args.len; i++)
    if (refers_to(n->args.items[i], obj))
      return true;
  for (int i = 0; i < n->stmts.len; i++)
    if (refers_to(n->stmts.items[i], obj))
      return true;
  for (int i = 0; i < n->decl_vars.len; i++)
    if (refers_to(vec_get(Declarator, &n->decl_vars, i)->init, obj))
      return true;
  for (int i = 0; i < n->items.len; i++)
    if (refers_to(vec_get(InitItem, &n->items, i)->value, obj))
      return true;
  return false;
}

/* Adjoints of the variables a loop body touches, declared before the
 * loop (in a loop, "not touched yet" does not mean zero). */
static void predeclare(Rev *r, Node *n) {
  if (!n)
    return;
  if (n->kind == ND_VAR && n->obj->kind == OBJ_VAR) {
    VarInfo *vi = var_info(r, n->obj);
    if (vi->active && !vi->declared && vi->owner && !vi->adj_is_ptr &&
        !(vi->var->is_param && vi->adj) && !is_pointer(vi->var->ty))
      ensure_declared(r, vi);
    else if (vi->active && !vi->declared && !vi->owner && vi->depth == 0 && !vi->var->is_param &&
             !is_pointer(vi->var->ty))
      ensure_declared(r, vi);
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    predeclare(r, kids[i]);
  for (int i = 0; i < n->args.len; i++)
    predeclare(r, n->args.items[i]);
  for (int i = 0; i < n->stmts.len; i++)
    predeclare(r, n->stmts.items[i]);
  for (int i = 0; i < n->decl_vars.len; i++)
    predeclare(r, vec_get(Declarator, &n->decl_vars, i)->init);
}

/* The reverse of an inner block: its locals rebuilt (popped or
 * recomputed), then its statements' adjoints in reverse order. */
static Node *rev_inner_block(Rev *r, Node *b) {
  SInfo *si = sinfo(b);
  Node *body = new_block(b->tok);
  RScope *sc = push_scope(r, body);
  for (int i = 0; i < b->stmts.len; i++) {
    Node *c = b->stmts.items[i];
    if (c->kind != ND_DECL)
      continue;
    for (int k = 0; k < c->decl_vars.len; k++) {
      Declarator *dv = vec_get(Declarator, &c->decl_vars, k);
      if (dv->obj && dv->obj->kind == OBJ_VAR) {
        VarInfo *vi = var_info(r, dv->obj);
        vi->owner = sc;
        vi->declared = false;
      }
    }
  }
  rev_list(r, b);
  pop_scope(r);
  /* What the statements' reverse code reads of the block's locals. */
  Node *out = new_block(b->tok);
  Vec rec = {0};
  for (int i = si->recomputed.len - 1; i >= 0; i--) {
    Node *d = si->recomputed.items[i];
    Obj *v;
    decl_init(d, &v);
    Obj *sh = var_info(r, v)->shadow;
    bool used = refers_to(body, v) || (sh && refers_to(body, sh));
    for (int k = 0; k < rec.len && !used; k++)
      used = refers_to(rec.items[k], v);
    if (used)
      vec_push(&rec, d);
  }
  Vec keep = {0};
  for (int i = 0; i < si->end_push.len; i++) {
    Obj *v = si->end_push.items[i];
    Obj *sh = var_info(r, v)->shadow;
    bool used = refers_to(body, v) || (sh && refers_to(body, sh));
    for (int k = 0; k < rec.len && !used; k++)
      used = refers_to(rec.items[k], v);
    if (used)
      vec_push(&keep, v);
  }
  si->end_push = keep;
  /* Locals the reverse code names without needing their values (outputs
   * of a call, whose helper writes them again): declared only. */
  for (int i = 0; i < b->stmts.len; i++) {
    Node *c = b->stmts.items[i];
    Obj *v;
    if (c->kind != ND_DECL)
      continue;
    decl_init(c, &v);
    if (!v || v->kind != OBJ_VAR || !refers_to(body, v))
      continue;
    bool have = false;
    for (int k = 0; k < keep.len && !have; k++)
      have = keep.items[k] == v;
    for (int k = 0; k < rec.len && !have; k++) {
      Obj *w;
      decl_init(rec.items[k], &w);
      have = w == v;
    }
    if (have)
      continue;
    Node *d = clone_expr(c);
    d->end_tok = NULL;
    vec_get(Declarator, &d->decl_vars, 0)->init = NULL;
    block_add(out, d);
    map_put(&r->removable, d, (void *)1);
  }
  for (int i = keep.len - 1; i >= 0; i--) {
    Obj *v = keep.items[i];
    Obj *sh = var_info(r, v)->shadow;
    if (sh) {
      Node *d = new_local_decl(sh, tape_pop(r, sh->ty, r->tok), sh->tok);
      block_add(out, d);
      map_put(&r->removable, d, (void *)1);
    }
    if (is_array(v->ty)) {
      block_add(out, new_local_decl(v, NULL, v->tok));
      block_add(out, tape_array(r, v, false, r->tok));
      continue;
    }
    if (saved_as_mem(v->ty)) {
      Node *d = new_local_decl(v, NULL, v->tok);
      d->decl_base = NULL;
      block_add(out, d);
      block_add(out, tape_mem(r, var(v, r->tok), false, r->tok));
      continue;
    }
    Node *d = new_local_decl(v, tape_pop(r, v->ty, r->tok), v->tok);
    d->decl_base = NULL;
    block_add(out, d);
    map_put(&r->removable, d, (void *)1);
  }
  for (int i = rec.len - 1; i >= 0; i--) {
    Node *d = clone_expr(rec.items[i]);
    d->end_tok = NULL;
    block_add(out, d);
    map_put(&r->removable, d, (void *)1);
    Node *sd = shadow_decl(r, d);
    if (sd) {
      block_add(out, sd);
      map_put(&r->removable, sd, (void *)1);
    }
  }
  for (int i = 0; i < body->stmts.len; i++)
    block_add(out, body->stmts.items[i]);
  return out;
}

/* F_vjp leaves F's results in its --out memory, but the reverse sweep
 * restores what it needs of the values before them: each value it
 * overwrites there is kept first (`cotan_keep_final(&finals, &y[i],
 * sizeof y[i])`), and put back, newest first, at the end. */
static bool is_out_key(Rev *r, const void *k) {
  Gen *g = r->gen;
  if (r->self != vec_get(Helper, &g->helpers, 0) || !g->outs)
    return false;
  for (int i = 0; k && i < g->outs->len; i++)
    if (k == canon(mem_key(g->outs->items[i])))
      return true;
  return false;
}

static bool is_out_memory(Rev *r, Node *L) {
  Gen *g = r->gen;
  if (r->self != vec_get(Helper, &g->helpers, 0) || !g->outs)
    return false;
  const void *k = lvalue_key(L);
  for (int i = 0; k && i < g->outs->len; i++)
    if (k == canon(mem_key(g->outs->items[i])))
      return true;
  return false;
}

static void keep_final_init(Rev *r, Node *L);

static void keep_final(Rev *r, Node *L, Token *tok) {
  if (!is_out_memory(r, L))
    return;
  keep_final_init(r, L);
  Gen *g = r->gen;
  Node *sz = new_node(ND_SIZEOF, tok);
  sz->lhs = clone_expr(L);
  sz->ty = ty_ulong;
  Vec args = {0};
  vec_push(&args, new_unary(ND_ADDR, var(r->finals, tok), tok));
  vec_push(&args, new_unary(ND_ADDR, clone_expr(L), tok));
  vec_push(&args, sz);
  emit(r, stmt(new_call(var(g->keep_final, tok), args, tok)));
}

/* The `finals` tape and its functions, once. */
static void keep_final_init(Rev *r, Node *L) {
  (void)L;
  Gen *g = r->gen;
  tape_init(g);
  if (!r->finals) {
    r->finals = new_local_var(fresh_name(r, "finals"), g->tape_ty, r->tok);
    var_info(r, r->finals)->generated = true;
  }
  if (!g->keep_final) {
    Obj *f = tape_fn(g, "cotan_keep_final", ty_void, pointer_to(ty_void));
    vec_push(&f->ty->params, ty_ulong);
    g->keep_final = f;
    g->put_back = tape_fn(g, "cotan_put_back", ty_void, NULL);
  }
  g->res->finals = true;
  g->res->uses_memset = true; /* cotan_push_mem copies bytes */
  g->res->tape_double = g->res->tape_int = true;
}

/* Restores the value a saved write overwrote. */
static void rev_restore(Rev *r, Node *s, Node *w) {
  SInfo *si = sinfo(s);
  if (!si->save)
    return;
  Token *tok = w->tok;
  Node *L = clone_expr(w->lhs);
  keep_final(r, L, tok);
  if (si->invert) {
    VarInfo *vi = is_var_obj(L) ? var_info(r, L->obj) : NULL;
    Node *targets[2] = {L, vi && vi->shadow ? var(vi->shadow, tok) : NULL};
    for (int k = 0; k < 2 && targets[k]; k++) {
      Node *t = targets[k];
      switch (w->kind) {
      case ND_PRE_INC: case ND_POST_INC:
        emit(r, stmt(new_unary(ND_POST_DEC, t, tok)));
        break;
      case ND_PRE_DEC: case ND_POST_DEC:
        emit(r, stmt(new_unary(ND_POST_INC, t, tok)));
        break;
      default:
        emit(r, stmt(new_assign(w->op == ND_ADD ? ND_SUB : ND_ADD, t, clone_expr(w->rhs), tok)));
        break;
      }
    }
    return;
  }
  VarInfo *vi = is_var_obj(L) ? var_info(r, L->obj) : NULL;
  if (vi && vi->shadow)
    emit(r, stmt(new_assign(ND_NONE, var(vi->shadow, tok), tape_pop(r, vi->shadow->ty, tok), tok)));
  Node *part = aggregate_shadow_part(r, L);
  if (part)
    emit(r, stmt(new_assign(ND_NONE, part, tape_pop(r, part->ty, tok), tok)));
  if (saved_as_mem(L->ty))
    emit(r, tape_mem(r, L, false, tok));
  else
    emit(r, stmt(new_assign(ND_NONE, L, tape_pop(r, L->ty, tok), tok)));
}

static bool reads_key_of(Node *e, Node *L) {
  const void *k = lvalue_key(L);
  if (!k)
    return true;
  Map m = {0};
  value_keys(e, &m);
  return set_in(&m, k);
}

/* Does the adjoint of e emit contributions before its flush (a ?: or a call
 * of the user's, whose helper adds into the adjoints directly)? */
static bool emits_inside(Node *e) {
  if (!e)
    return false;
  if (e->kind == ND_COND || (e->kind == ND_CALL && user_callee(e)))
    return true;
  if (emits_inside(e->lhs) || emits_inside(e->rhs) || emits_inside(e->cond) ||
      emits_inside(e->then) || emits_inside(e->els))
    return true;
  for (int i = 0; i < e->args.len; i++)
    if (emits_inside(e->args.items[i]))
      return true;
  return false;
}

static void rev_assign(Rev *r, Node *w) {
  Token *tok = w->tok;
  Node *L = w->lhs;
  Node *R = w->rhs;
  Vec cs = {0};
  Node *g = adj_read(r, L);
  if (!g)
    return;
  bool alias = reads_key_of(R, L) || !is_pure(R);
  switch (w->op) {
  case ND_NONE:
    if (alias) {
      Node *t = materialize(r, g, true);
      if (emits_inside(R)) {
        /* contributions come out while R is walked: zero L's adjoint first */
        adj_kill(r, L);
        adj_expr(r, R, t, &cs);
        break;
      }
      adj_expr(r, R, t, &cs);
      /* what flows back into L itself replaces its old adjoint */
      Contrib *self = NULL;
      for (int i = 0; i < cs.len && !self && is_pure(L); i++) {
        Contrib *c = cs.items[i];
        if (same_expr(c->target, L)) {
          self = c;
          for (int k = i + 1; k < cs.len; k++)
            cs.items[k - 1] = cs.items[k];
          cs.len--;
        }
      }
      VarInfo *vi = var_info(r, lvalue_obj(L));
      if (self && (vi->declared || vi->adj_is_ptr || vi->var->is_param) && !is_record(L->ty)) {
        Node *al = adj_lvalue(r, L, true);
        emit(r, stmt(new_assign(ND_NONE, al, simp(self->value), tok)));
      } else {
        adj_kill(r, L);
        if (self)
          vec_push(&cs, self);
      }
    } else {
      adj_expr(r, R, g, &cs);
      flush(r, &cs);
      adj_kill(r, L);
    }
    break;
  case ND_ADD: case ND_SUB:
    if (alias)
      g = materialize(r, g, true);
    adj_expr(r, R, w->op == ND_SUB ? neg(g, tok) : g, &cs);
    break;
  case ND_MUL: case ND_DIV: {
    Node *al = adj_lvalue(r, L, true);
    if (!active_expr(r, R)) {
      emit(r, stmt(new_assign(w->op, al, clone_expr(R), tok)));
      break;
    }
    Node *t = materialize(r, g, true);
    if (w->op == ND_MUL) {
      emit(r, stmt(new_assign(ND_NONE, al, simp(mul(clone_expr(R), clone_expr(t), tok)), tok)));
      adj_expr(r, R, mul(clone_expr(L), t, tok), &cs);
    } else {
      emit(r, stmt(new_assign(ND_NONE, al, simp(new_binary(ND_DIV, clone_expr(t), clone_expr(R), tok)), tok)));
      Node *p = new_binary(ND_DIV, neg(clone_expr(L), tok),
                           paren(new_binary(ND_MUL, clone_expr(R), clone_expr(R), tok)), tok);
      adj_expr(r, R, mul(p, t, tok), &cs);
    }
    break;
  }
  default:
    break;
  }
  flush(r, &cs);
}

/* Local arrays a call overwrote: their values before the call back (the
 * statements before it need them), and a copy for the helper to run on. */
static void restore_call_saves(Rev *r, Node *s) {
  SInfo *si = sinfo(s);
  r->subst = (Map){0};
  Token *tok = s->tok;
  for (int i = si->call_saves.len - 1; i >= 0; i--)
    emit(r, tape_whole(r, si->call_saves.items[i], false, tok));
  for (int i = 0; i < si->call_saves.len; i++) {
    Obj *a = si->call_saves.items[i];
    Obj *c = new_local_var(fresh_name(r, format("%s_in", a->name)), a->ty, tok);
    var_info(r, c)->generated = true;
    map_put(&r->subst, a, c);
    if (!is_array(a->ty)) {
      /* a number or a struct: `double a1_in = a1;` */
      Node *d = new_local_decl(c, var(a, tok), tok);
      d->decl_base = NULL;
      emit(r, d);
      continue;
    }
    emit(r, new_local_decl(c, NULL, tok));
    r->gen->res->uses_memset = true;
    Obj *mc = new_of(Obj);
    mc->kind = OBJ_FUNC;
    mc->name = "memcpy";
    Type *fty = func_type(pointer_to(ty_void));
    vec_push(&fty->params, pointer_to(ty_void));
    vec_push(&fty->params, pointer_to(type_qualified(ty_void, Q_CONST)));
    vec_push(&fty->params, ty_ulong);
    mc->ty = fty;
    Vec args = {0};
    vec_push(&args, is_array(a->ty) ? var(c, tok) : new_unary(ND_ADDR, var(c, tok), tok));
    vec_push(&args, is_array(a->ty) ? var(a, tok) : new_unary(ND_ADDR, var(a, tok), tok));
    Node *sz = new_node(ND_SIZEOF, tok);
    sz->lhs = var(a, tok);
    sz->ty = ty_ulong;
    vec_push(&args, sz);
    emit(r, stmt(new_call(var(mc, tok), args, tok)));
    map_put(&r->subst, a, c);
  }
}

static void rev_expr_stmt(Rev *r, Node *s) {
  Node *w = top_write(s);
  if (!w) {
    restore_call_saves(r, s);
    Node *e = s->lhs;
    Obj *f = e->kind == ND_CALL ? user_callee(e) : NULL;
    if (f) {
      Vec cs = {0};
      adj_user_call(r, e, f, NULL, &cs);
      flush(r, &cs);
    }
    return;
  }
  if (w->kind == ND_ASSIGN && w->op == ND_NONE && alloc_kind(w->rhs) == ALLOC_REALLOC &&
      is_var_obj(w->lhs) && var_info(r, w->lhs->obj)->shadow)
    emit(r, heap_realloc_back(r, w));
  rev_restore(r, s, w);
  restore_call_saves(r, s);
  bool zero = w->kind == ND_ASSIGN && active_lvalue(r, w->lhs) && !adj_read(r, w->lhs);
  if (w->kind == ND_ASSIGN && active_lvalue(r, w->lhs) && !is_pointer(w->lhs->ty) && !zero) {
    rev_assign(r, w);
  } else if (w->kind == ND_ASSIGN && w->op == ND_NONE && w->rhs->kind == ND_CALL &&
             writing_call(w->rhs)) {
    /* ok = square(v), ok an integer: the call's writes */
    Vec cs = {0};
    adj_user_call(r, w->rhs, user_callee(w->rhs), NULL, &cs);
    flush(r, &cs);
  }
}

static bool init_list_active(Rev *r, Node *n) {
  if (n->kind != ND_INIT_LIST)
    return active_expr(r, n);
  for (int i = 0; i < n->items.len; i++)
    if (init_list_active(r, vec_get(InitItem, &n->items, i)->value))
      return true;
  return false;
}

/* The adjoint of `T v = { ... }`: each element's value gets the adjoint of
 * the element it initializes. */
static void rev_init_list(Rev *r, Node *L, Node *list, Vec *cs) {
  Type *ty = type_canon(L->ty);
  Token *tok = list->tok;
  int pos = 0;
  for (int i = 0; i < list->items.len; i++, pos++) {
    InitItem *it = vec_get(InitItem, &list->items, i);
    Designator *d = it->desig;
    if (d && d->next) {
      /* [3][3] = 1: a constant needs no adjoint; the next item follows [3] */
      if (it->value->kind != ND_INIT_LIST && !active_expr(r, it->value)) {
        pos = d->member ? d->member->index : (int)d->index_val;
        continue;
      }
      error_tok(it->tok, "cannot yet differentiate a nested designator here");
    }
    Node *target = init_part(ty, L, d, &pos, tok);
    if (!target)
      break;
    if (it->value->kind == ND_INIT_LIST) {
      rev_init_list(r, target, it->value, cs);
      continue;
    }
    if (!active_expr(r, it->value) || is_pointer(target->ty))
      continue; /* a pointer's shadow is set in the forward sweep */
    if (!is_floating(target->ty) && !is_record(target->ty))
      error_tok(it->tok, "cannot yet differentiate this initializer (braces elided?)");
    Node *g = adj_read(r, target);
    if (g)
      adj_expr(r, it->value, g, cs);
  }
}

static void rev_decl(Rev *r, Node *s) {
  Obj *v;
  Node *init = decl_init(s, &v);
  restore_call_saves(r, s);
  if (v && init && !var_info(r, v)->active && init->kind == ND_CALL && writing_call(init)) {
    /* int ok = square(v): no value to differentiate, but the call's writes */
    Vec cs = {0};
    adj_user_call(r, init, user_callee(init), NULL, &cs);
    flush(r, &cs);
    return;
  }
  if (!v || !init || !var_info(r, v)->active)
    return;
  Vec cs = {0};
  if (init->kind == ND_INIT_LIST) {
    if (!init_list_active(r, init))
      return;
    rev_init_list(r, var(v, s->tok), init, &cs);
    flush(r, &cs);
    return;
  }
  if (is_pointer(v->ty) || is_array(v->ty))
    return;
  Node *L = var(v, s->tok);
  Node *g = adj_read(r, L);
  if (!g && init->kind == ND_CALL && writing_call(init)) {
    /* the value's adjoint is zero here, the call's writes still count */
    adj_user_call(r, init, user_callee(init), NULL, &cs);
    flush(r, &cs);
    return;
  }
  if (!g)
    return;
  if (result_reusable(r, v, init)) {
    r->result_call = init;
    r->result_var = v;
  }
  adj_expr(r, init, g, &cs);
  r->result_call = NULL;
  flush(r, &cs);
}

static Node *rev_for_header(Node *s, Node *body) {
  SInfo *si = sinfo(s);
  Token *tok = s->tok;
  Obj *i = si->index;
  Node *lo = si->lo, *hi = si->hi;
  bool is_unsigned = type_canon(i->ty)->is_unsigned;
  Node *first, *cond, *inc;
  if (si->up) {
    if (is_unsigned) {
      /* for (i = hi; i-- > lo;) */
      first = si->inclusive ? new_binary(ND_ADD, clone_expr(hi), inum(1, tok), tok)
                            : clone_expr(hi);
      cond = new_binary(ND_GT, new_unary(ND_POST_DEC, var(i, tok), tok), clone_expr(lo), tok);
      inc = NULL;
    } else {
      first = si->inclusive ? clone_expr(hi)
                            : new_binary(ND_SUB, clone_expr(hi), inum(1, tok), tok);
      cond = new_binary(ND_GE, var(i, tok), clone_expr(lo), tok);
      inc = new_unary(ND_POST_DEC, var(i, tok), tok);
    }
  } else {
    first = si->inclusive ? clone_expr(hi) : new_binary(ND_ADD, clone_expr(hi), inum(1, tok), tok);
    cond = new_binary(ND_LE, var(i, tok), clone_expr(lo), tok);
    inc = new_unary(ND_POST_INC, var(i, tok), tok);
  }
  first = simp(first);
  /* n - 1 - 1: n - 2 */
  if ((first->kind == ND_ADD || first->kind == ND_SUB) && first->rhs->kind == ND_NUM &&
      first->lhs->kind == ND_SUB && first->lhs->rhs->kind == ND_NUM &&
      is_integer(first->rhs->ty) && is_integer(first->lhs->rhs->ty) && !first->lhs->parenthesized &&
      !first->rhs->tok->macro && !first->lhs->rhs->tok->macro) {
    int64_t v = first->lhs->rhs->ival + (first->kind == ND_SUB ? first->rhs->ival
                                                               : -first->rhs->ival);
    Node *base = first->lhs->lhs;
    first = v == 0 ? base
            : v > 0 ? new_binary(ND_SUB, base, new_num_int(v, first->rhs->ty, tok), tok)
                    : new_binary(ND_ADD, base, new_num_int(-v, first->rhs->ty, tok), tok);
  }
  /* n - 1 with n a number: the number */
  if ((first->kind == ND_ADD || first->kind == ND_SUB) && first->lhs->kind == ND_NUM &&
      first->rhs->kind == ND_NUM && is_integer(first->lhs->ty) && is_integer(first->rhs->ty) &&
      !first->lhs->tok->macro) {
    int64_t v = first->kind == ND_ADD ? first->lhs->ival + first->rhs->ival
                                      : first->lhs->ival - first->rhs->ival;
    first = new_num_int(v, first->ty, tok);
  }
  Node *n = new_node(ND_FOR, tok);
  if (s->init->kind == ND_DECL) {
    Node *d = clone_expr(s->init);
    d->end_tok = NULL;
    vec_get(Declarator, &d->decl_vars, 0)->init = first;
    n->init = d;
  } else {
    n->init = stmt(new_assign(ND_NONE, var(i, tok), first, tok));
  }
  n->cond = cond;
  n->inc = inc;
  n->body = body;
  return n;
}

/* ===================================================================== */
/* Split calls: a callee that overwrites memory of unknown extent         */
/* ===================================================================== */

/* A call that overwrites memory the caller reaches through a pointer (its
 * own pointer parameter, say), where the derivative still needs the old
 * values: the caller's forward sweep runs it as <callee>_fwd, a copy of
 * the callee that logs on the caller's tape the address and old value of
 * each element it writes through a pointer parameter (after a 0 that
 * starts the log).  The caller's reverse sweep undoes the log
 * (cotan_undo), so the memory holds its values at the call again, and
 * calls the callee's helper, which runs the callee and its reverse sweep
 * from there and restores everything the callee writes. */

static void log_init(Gen *g) {
  tape_init(g);
  g->res->tape_double = true;
  g->res->tape_int = true;
  if (g->log)
    return;
  g->log = tape_fn(g, "cotan_log", ty_void, pointer_to(ty_double));
  g->undo = tape_fn(g, "cotan_undo", ty_void, NULL);
}

static bool is_write_node(Node *e) {
  switch (e->kind) {
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return true;
  default:
    return false;
  }
}

/* Does write w of f store through one of f's pointer parameters (memory
 * the caller owns)? */
static bool logged_write(Obj *f, Node *w) {
  Node *L = w->lhs;
  if (L->kind == ND_VAR)
    return false;
  const void *k = lvalue_key(L);
  if (!k)
    error_tok(L->tok, "cannot yet differentiate a call to '%s': it overwrites memory cotan "
                      "cannot trace back to a parameter here",
              f->name);
  Obj *o = key_obj(k);
  if (k == val_key(o))
    return false; /* a member of a local struct */
  bool param = false;
  for (int i = 0; i < f->params.len && !param; i++)
    param = f->params.items[i] == o;
  if (alias_is_multi(k)) {
    Obj *p = written_through(L);
    error_tok(L->tok, "cannot yet differentiate a call to '%s' that overwrites its arguments "
                      "through '%s', which may point into several variables; index the "
                      "parameter",
              f->name, p ? p->name : o->name);
  }
  if (!param) {
    if (o->is_local && is_pointer(o->ty))
      error_tok(L->tok, "cannot yet differentiate a call to '%s' that overwrites its "
                        "arguments through the local pointer '%s'; index the parameter",
                f->name, o->name);
    return false; /* a local array, or a global */
  }
  if (type_canon(type_unqualified(L->ty))->kind != type_canon(ty_double)->kind ||
      !is_floating(L->ty) || !is_pure(L))
    error_tok(L->tok, "cannot yet differentiate a call to '%s' that overwrites its argument "
                      "here: only plain double elements (no side effects in the index) are "
                      "logged; pass a copy",
              f->name);
  return true;
}

static Node *log_call(Gen *g, Obj *tape, Node *L) {
  Token *tok = L->tok;
  return call1(g->log, var(tape, tok), new_unary(ND_ADDR, clone_expr(L), tok), tok);
}

static void log_expr(Gen *g, Obj *f, Obj *tape, Node *e);

static void log_any(Gen *g, Obj *f, Obj *tape, Node *n) {
  if (!n)
    return;
  if (n->kind < ND_BLOCK) {
    log_expr(g, f, tape, n);
    return;
  }
  if (n->kind == ND_EXPR_STMT || n->kind == ND_RETURN)
    log_any(g, f, tape, n->lhs);
  for (int i = 0; i < n->decl_vars.len; i++)
    log_any(g, f, tape, vec_get(Declarator, &n->decl_vars, i)->init);
}

/* Writes inside an expression: `(cotan_log(tape, &v[i]), v[i] = e)`. */
static void log_expr(Gen *g, Obj *f, Obj *tape, Node *e) {
  if (!e)
    return;
  log_any(g, f, tape, e->lhs);
  log_any(g, f, tape, e->rhs);
  log_any(g, f, tape, e->cond);
  log_any(g, f, tape, e->then);
  log_any(g, f, tape, e->els);
  for (int i = 0; i < e->args.len; i++)
    log_any(g, f, tape, e->args.items[i]);
  for (int i = 0; i < e->items.len; i++)
    log_any(g, f, tape, vec_get(InitItem, &e->items, i)->value);
  Obj *c = e->kind == ND_CALL ? user_callee(e) : NULL;
  for (int i = 0; c && i < e->args.len && i < c->params.len; i++) {
    Node *a = e->args.items[i];
    const void *k = is_pointer(type_decay(a->ty)) ? pointer_key(a) : NULL;
    if (k && callee_writes(c, i))
      for (int j = 0; j < f->params.len; j++)
        if (k == canon(mem_key(f->params.items[j])))
          error_tok(a->tok, "cannot yet differentiate: '%s' overwrites its argument through "
                            "'%s', which overwrites it again; inline one into the other",
                    f->name, c->name);
  }
  if (!is_write_node(e) || !logged_write(f, e))
    return;
  Node *w = new_of(Node);
  *w = *e;
  Node *lg = log_call(g, tape, w->lhs);
  Node *comma = new_node(ND_COMMA, e->tok);
  comma->lhs = lg;
  comma->rhs = w;
  comma->ty = w->ty;
  comma->parenthesized = true;
  *e = *comma;
}

/* s with its writes through pointer parameters logged: a statement
 * `v[i] = e;` gets `cotan_log(tape, &v[i]);` before it. */
static Node *log_stmt(Gen *g, Obj *f, Obj *tape, Node *s) {
  if (!s)
    return s;
  if (s->kind == ND_EXPR_STMT || s->kind == ND_BLOCK) {
    Vec in = {0};
    if (s->kind == ND_BLOCK)
      in = s->stmts;
    else
      vec_push(&in, s);
    Vec out = {0};
    for (int i = 0; i < in.len; i++) {
      Node *c = in.items[i];
      Node *w = c->kind == ND_EXPR_STMT ? c->lhs : NULL;
      if (w && is_write_node(w) && logged_write(f, w)) {
        log_any(g, f, tape, w->rhs);
        vec_push(&out, stmt(log_call(g, tape, w->lhs)));
        vec_push(&out, c);
        continue;
      }
      vec_push(&out, c->kind == ND_EXPR_STMT ? (log_any(g, f, tape, c), c)
                                             : log_stmt(g, f, tape, c));
    }
    if (s->kind == ND_BLOCK) {
      s->stmts = out;
      return s;
    }
    if (out.len == 1)
      return s;
    Node *b = new_block(s->tok);
    for (int i = 0; i < out.len; i++)
      block_add(b, out.items[i]);
    return b;
  }
  if (s->kind < ND_BLOCK) {
    log_expr(g, f, tape, s);
    return s;
  }
  log_any(g, f, tape, s);
  log_any(g, f, tape, s->cond);
  log_any(g, f, tape, s->inc);
  if (s->init)
    log_any(g, f, tape, s->init);
  s->then = log_stmt(g, f, tape, s->then);
  s->els = log_stmt(g, f, tape, s->els);
  s->body = log_stmt(g, f, tape, s->body);
  return s;
}

/* <callee>_fwd: the callee, logging its writes on the caller's tape. */
static Obj *fwd_for(Gen *g, Obj *f) {
  for (int i = 0; i < g->fwd_callees.len; i++)
    if (g->fwd_callees.items[i] == f)
      return g->fwds.items[i];
  log_init(g);
  Rev tmp = {0};
  global_names(g->unit, &tmp.names);
  for (int i = 0; i < g->helpers.len; i++)
    use_name(&tmp, vec_get(Helper, &g->helpers, i)->fn->name);
  for (int i = 0; i < g->fwds.len; i++)
    use_name(&tmp, vec_get(Obj, &g->fwds, i)->name);
  char *name = fresh_name(&tmp, format("%s_fwd", f->name));
  for (int i = 0; i < f->params.len; i++)
    use_name(&tmp, vec_get(Obj, &f->params, i)->name);
  names_in(&tmp, f->body);
  Obj *tape = new_local_var(fresh_name(&tmp, "tape"), pointer_to(g->tape_ty), f->tok);
  tape->is_param = true;

  Obj *fn = new_of(Obj);
  fn->kind = OBJ_FUNC;
  fn->name = name;
  fn->tok = f->tok;
  fn->def_tok = f->tok;
  fn->storage = SC_STATIC;
  fn->is_defined = true;
  Type *fty = func_type(type_unqualified(type_canon(f->ty)->return_ty));
  fty->return_ty = type_unqualified(f->ty->return_ty);
  vec_push(&fn->params, tape);
  vec_push(&fty->params, tape->ty);
  for (int i = 0; i < f->params.len; i++) {
    Obj *p = vec_get(Obj, &f->params, i);
    vec_push(&fn->params, p);
    vec_push(&fty->params, p->decl_ty ? p->decl_ty : p->ty);
  }
  fn->ty = fty;

  Node *body = log_stmt(g, f, tape, clone_expr(f->body));
  Token *tok = gen_tok(f->tok);
  Vec stmts = {0};
  vec_push(&stmts, stmt(call1(g->push_int, var(tape, tok), inum(0, tok), tok)));
  for (int i = 0; i < body->stmts.len; i++)
    vec_push(&stmts, body->stmts.items[i]);
  body->stmts = stmts;
  fn->body = body;
  vec_push(&g->fwd_callees, f);
  vec_push(&g->fwds, fn);
  return fn;
}

/* The forward sweep: split calls in s go through <callee>_fwd. */
static void redirect_split_calls(Rev *r, Node *e) {
  if (!e)
    return;
  redirect_split_calls(r, e->lhs);
  redirect_split_calls(r, e->rhs);
  redirect_split_calls(r, e->cond);
  redirect_split_calls(r, e->then);
  redirect_split_calls(r, e->els);
  for (int i = 0; i < e->args.len; i++)
    redirect_split_calls(r, e->args.items[i]);
  for (int i = 0; i < e->decl_vars.len; i++)
    redirect_split_calls(r, vec_get(Declarator, &e->decl_vars, i)->init);
  if (e->kind != ND_CALL || !set_in(&r->split_calls, e))
    return;
  Obj *fn = fwd_for(r->gen, user_callee(e));
  Vec args = {0};
  Node *t = tape_ref(r, e->tok);
  vec_push(&args, t);
  for (int i = 0; i < e->args.len; i++)
    vec_push(&args, e->args.items[i]);
  Node *c = new_call(var(fn, e->lhs->tok), args, e->tok);
  *e = *c;
}

/* The reverse sweep: the memory the split call of s wrote, back to its
 * values at the call (first: the log is the newest thing on the tape). */
static void emit_undo(Rev *r, Node *s) {
  if (!sinfo(s)->undo)
    return;
  Gen *g = r->gen;
  log_init(g);
  if (r->self == vec_get(Helper, &g->helpers, 0) && g->outs && g->outs->len) {
    /* F_vjp: what the call left in --out memory is put back at the end */
    Node *any = new_unary(ND_DEREF, var(g->outs->items[0], s->tok), s->tok);
    keep_final_init(r, any);
    if (!g->undo_keep)
      g->undo_keep = tape_fn(g, "cotan_undo_keep", ty_void, pointer_to(g->tape_ty));
    g->res->undo_keep = true;
    Node *fin = new_unary(ND_ADDR, var(r->finals, s->tok), s->tok);
    emit(r, stmt(call1(g->undo_keep, tape_ref(r, s->tok), fin, s->tok)));
    return;
  }
  emit(r, stmt(call1(g->undo, tape_ref(r, s->tok), NULL, s->tok)));
}

static void rev_stmt(Rev *r, Node *s) {
  SInfo *si = sinfo(s);
  if (!si->has_work)
    return;
  Node *blk = r->scope->block;
  r->subst = (Map){0};
  r->scope->insert_at = blk->stmts.len;
  Token *tok = s->tok;
  Token *qt = s->kind == ND_EXPR_STMT ? s->lhs->tok : s->tok;
  char *q = quote_comment(qt);
  RScope *sc = r->scope;
  const char *prev_quote = sc->last_quote;
  sc->cur_quote = q;
  switch (s->kind) {
  case ND_BLOCK: {
    Node *b = rev_inner_block(r, s);
    if (b->stmts.len)
      emit(r, b);
    break;
  }
  case ND_DECL:
    emit_undo(r, s);
    rev_decl(r, s);
    break;
  case ND_EXPR_STMT:
    emit_undo(r, s);
    rev_expr_stmt(r, s);
    break;
  case ND_IF: {
    Node *tb = rev_inner_block(r, s->then);
    Node *eb = s->els ? rev_inner_block(r, s->els) : NULL;
    if (!tb->stmts.len && (!eb || !eb->stmts.len))
      break;
    Node *cond;
    if (si->reeval && si->cond_needed) {
      cond = clone_expr(s->cond);
    } else {
      si->record = true;
      cond = tape_pop(r, ty_int, tok);
    }
    if (!tb->stmts.len)
      emit(r, new_if(not(cond, tok), eb, NULL, tok));
    else
      emit(r, new_if(cond, tb, eb && eb->stmts.len ? eb : NULL, tok));
    break;
  }
  case ND_FOR: {
    predeclare(r, s->body);
    Node *b = rev_inner_block(r, s->body);
    if (b->stmts.len) {
      cotan_assert(si->cond_needed);
      Node *loop = rev_for_header(s, b);
      map_put(&r->removable, loop, (void *)1);
      if (r->scope == r->root)
        map_put(&r->rev_loops, loop, s);
      emit(r, loop);
    }
    if (si->init_save)
      emit(r, stmt(new_assign(ND_NONE, var(si->index, tok), tape_pop(r, si->index->ty, tok), tok)));
    break;
  }
  case ND_WHILE: case ND_DO: {
    predeclare(r, s->body);
    Node *b = rev_inner_block(r, s->body);
    if (!b->stmts.len) {
      si->counter = NULL;
      break;
    }
    Node *cond = new_binary(ND_GT, new_unary(ND_POST_DEC, var(si->counter, tok), tok),
                            inum(0, tok), tok);
    Node *n = new_node(ND_WHILE, tok);
    n->cond = cond;
    n->body = b;
    map_put(&r->removable, n, (void *)1);
    emit(r, n);
    break;
  }
  default:
    break;
  }
  r->subst = (Map){0};
  int mark = sc->insert_at;
  sc->insert_at = -1;
  if (blk->stmts.len > mark && q && !(prev_quote && str_eq(prev_quote, q))) {
    attach_comment(blk->stmts.items[mark], q);
    sc->last_quote = q;
  } else if (blk->stmts.len > mark) {
    sc->last_quote = prev_quote;
  }
}

/* ===================================================================== */
/* The forward sweep                                                      */
/* ===================================================================== */

static Node *fwd_block(Rev *r, Node *b);

/* Before a loop whose trip count is fixed: room on the tape for what each
 * iteration pushes unconditionally, times the trip count. */
static Node *tape_reserve(Rev *r, Node *loop, Node *body) {
  Gen *g = r->gen;
  SInfo *si = sinfo(loop);
  if (!g->tape_ty || !si->fixed)
    return NULL;
  int nd = 0, ni = 0;
  for (int i = 0; i < body->stmts.len; i++) {
    Node *s = body->stmts.items[i];
    if (s->kind != ND_EXPR_STMT || s->lhs->kind != ND_CALL || s->lhs->lhs->kind != ND_VAR)
      continue;
    Obj *f = s->lhs->lhs->obj;
    nd += f == g->push;
    ni += f == g->push_int;
  }
  if (!nd && !ni)
    return NULL;
  Token *tok = loop->tok;
  Node *trip = si->up ? new_binary(ND_SUB, clone_expr(si->hi), clone_expr(si->lo), tok)
                      : new_binary(ND_SUB, clone_expr(si->lo), clone_expr(si->hi), tok);
  if (si->inclusive)
    trip = new_binary(ND_ADD, trip, inum(1, tok), tok);
  trip = simp(trip);
  Obj *f = new_of(Obj);
  f->kind = OBJ_FUNC;
  f->name = "cotan_reserve";
  f->storage = SC_STATIC;
  Type *fty = func_type(ty_void);
  vec_push(&fty->params, pointer_to(g->tape_ty));
  vec_push(&fty->params, ty_long);
  vec_push(&fty->params, ty_long);
  f->ty = fty;
  Vec args = {0};
  vec_push(&args, tape_ref(r, tok));
  vec_push(&args, nd ? simp(mul(inum(nd, tok), clone_expr(trip), tok)) : inum(0, tok));
  vec_push(&args, ni ? simp(mul(inum(ni, tok), clone_expr(trip), tok)) : inum(0, tok));
  g->res->tape_reserve = true;
  return stmt(new_call(var(f, tok), args, tok));
}

/* Shadow pointer updates beside a pointer write: p = x + k gives
 * d_p = d_x + k, p++ gives d_p++. */
/* The shadow of an initializer list of a pointer aggregate: the same list
 * with each pointer replaced by its shadow and every number by 0. */
static Node *shadow_list(Rev *r, Node *list) {
  Node *n = new_node(ND_INIT_LIST, list->tok);
  n->ty = adj_type(list->ty);
  for (int i = 0; i < list->items.len; i++) {
    InitItem *it = new_of(InitItem);
    *it = *vec_get(InitItem, &list->items, i);
    Node *x = it->value;
    if (x->kind == ND_INIT_LIST) {
      it->value = shadow_list(r, x);
    } else if (is_pointer(type_decay(x->ty))) {
      Node *sh = alloc_kind(x) != ALLOC_NONE ? NULL : shadow_of(r, x, true);
      if (alloc_kind(x) != ALLOC_NONE)
        error_tok(x->tok, "cannot yet differentiate an allocation inside an initializer "
                          "list; assign it to the member after the declaration");
      it->value = sh ? writable(sh) : new_num_int(0, ty_int, x->tok);
    } else {
      it->value = new_num_int(0, ty_int, x->tok);
    }
    vec_push(&n->items, it);
  }
  return n;
}

/* The shadow part of a pointer part of an aggregate: d_w.a for w.a. */
static Node *aggregate_shadow_part(Rev *r, Node *L) {
  Obj *v = ptr_aggregate_of(L);
  if (v && var_info(r, v)->active)
    return adj_lvalue(r, L, false);
  /* m->w = m->alt for a struct parameter: d_m->w follows (the convention:
   * the adjoint struct mirrors the primal's pointers) */
  if (!is_pointer(L->ty) || (L->kind != ND_MEMBER && L->kind != ND_ARROW))
    return NULL;
  Node *b = L;
  while (b->kind == ND_MEMBER || b->kind == ND_ARROW || (b->kind == ND_INDEX && !b->swapped))
    b = b->lhs;
  if (b->kind != ND_VAR || b->obj->kind != OBJ_VAR || !b->obj->is_param ||
      !var_info(r, b->obj)->active || !var_info(r, b->obj)->adj)
    return NULL;
  return adj_lvalue(r, L, false);
}

static Node *shadow_update(Rev *r, Node *w) {
  Node *L = w->lhs;
  if (w->kind == ND_ASSIGN && w->op == ND_NONE && aggregate_shadow_part(r, L)) {
    Node *d = aggregate_shadow_part(r, L);
    Node *rhs = alloc_kind(w->rhs) != ALLOC_NONE ? heap_shadow_of(r, clone_expr(L), w->tok)
                                                 : shadow_of(r, w->rhs, true);
    return stmt(new_assign(ND_NONE, d, rhs ? writable(rhs) : new_num_int(0, ty_int, w->tok),
                           w->tok));
  }
  if (!is_var_obj(L))
    return NULL;
  VarInfo *vi = var_info(r, L->obj);
  if (!vi->shadow)
    return NULL;
  Token *tok = w->tok;
  Node *d = var(vi->shadow, tok);
  switch (w->kind) {
  case ND_PRE_INC: case ND_POST_INC:
    return stmt(new_unary(ND_POST_INC, d, tok));
  case ND_PRE_DEC: case ND_POST_DEC:
    return stmt(new_unary(ND_POST_DEC, d, tok));
  case ND_ASSIGN:
    if (w->op == ND_NONE && alloc_kind(w->rhs) != ALLOC_NONE)
      return stmt(new_assign(ND_NONE, d, heap_shadow(r, L->obj, tok), tok));
    if (w->op == ND_NONE)
      return stmt(new_assign(ND_NONE, d, shadow_of(r, w->rhs, true), tok));
    return stmt(new_assign(w->op, d, clone_expr(w->rhs), tok));
  default:
    return NULL;
  }
}

static Node *shadow_decl(Rev *r, Node *s) {
  Obj *v;
  Node *init = decl_init(s, &v);
  if (!v || v->kind != OBJ_VAR)
    return NULL;
  VarInfo *vi = var_info(r, v);
  if (!vi->shadow)
    return NULL;
  Node *sinit = !init ? NULL
                : alloc_kind(init) != ALLOC_NONE ? heap_shadow(r, v, s->tok)
                                                 : shadow_of(r, init, true);
  return new_local_decl(vi->shadow, sinit, s->tok);
}

static void fwd_stmt(Rev *r, Node *s, Node *out) {
  SInfo *si = sinfo(s);
  Token *tok = s->tok;
  if (si->undo)
    redirect_split_calls(r, s);
  for (int i = 0; i < si->call_saves.len; i++)
    block_add(out, tape_whole(r, si->call_saves.items[i], true, tok));
  switch (s->kind) {
  case ND_BLOCK:
    block_add(out, fwd_block(r, s));
    return;
  case ND_DECL: {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (v && !init && var_info(r, v)->zero_init && s->decl_vars.len == 1) {
      Declarator *dv = vec_get(Declarator, &s->decl_vars, 0);
      if (is_array(v->ty) || is_record(v->ty)) {
        if (!type_canon(v->ty)->is_vla) {
          Node *z = new_node(ND_INIT_LIST, tok);
          z->ty = v->ty;
          InitItem *it = new_of(InitItem);
          it->value = inum(0, tok);
          vec_push(&z->items, it);
          dv->init = z;
        }
      } else {
        dv->init = new_zero(v->ty, tok);
      }
    }
    Node *shadow = shadow_decl(r, s);
    heap_rewrite(r, &s);
    block_add(out, s);
    if (v && v->kind == OBJ_VAR && var_info(r, v)->fwd_decl) {
      Obj *a = var_info(r, v)->adj;
      Node *ainit = is_ptr_aggregate(v) && init && init->kind == ND_INIT_LIST
                        ? shadow_list(r, init)
                        : zero_of(a->ty, tok, true);
      block_add(out, new_local_decl(a, ainit, tok));
    }
    block_add(out, shadow);
    return;
  }
    return;
  case ND_EXPR_STMT: {
    Node *w = top_write(s);
    if (w && si->save && !si->invert) {
      block_add(out, tape_push(r, clone_expr(w->lhs), w->tok));
      VarInfo *vi = is_var_obj(w->lhs) ? var_info(r, w->lhs->obj) : NULL;
      if (vi && vi->shadow)
        block_add(out, tape_push(r, var(vi->shadow, tok), w->tok));
      if (aggregate_shadow_part(r, w->lhs))
        block_add(out, tape_push(r, aggregate_shadow_part(r, w->lhs), w->tok));
    }
    Node *shadow = w ? shadow_update(r, w) : NULL;
    /* the shadow follows the value the right-hand side had before the
     * assignment (`dst = dst == b1 ? b2 : b1`), so it is set first; a new
     * block's shadow is made from the new pointer, so after */
    bool after = w && w->kind == ND_ASSIGN && alloc_kind(w->rhs) != ALLOC_NONE;
    heap_rewrite(r, &s->lhs);
    if (!after)
      block_add(out, shadow);
    block_add(out, s);
    if (after)
      block_add(out, shadow);
    return;
  }
  case ND_IF: {
    Node *n = new_if(s->cond, fwd_block(r, s->then), s->els ? fwd_block(r, s->els) : NULL, tok);
    n->end_tok = s->end_tok;
    if (si->record) {
      block_add(n->then, tape_push(r, new_num_int(1, ty_long, tok), tok));
      if (!n->els)
        n->els = new_block(tok);
      block_add(n->els, tape_push(r, new_num_int(0, ty_long, tok), tok));
    }
    block_add(out, n);
    return;
  }
  case ND_FOR: {
    if (si->init_save)
      block_add(out, tape_push(r, var(si->index, tok), tok));
    Node *n = new_of(Node);
    *n = *s;
    n->body = fwd_block(r, s->body);
    block_add(out, tape_reserve(r, s, n->body));
    block_add(out, n);
    return;
  }
  case ND_WHILE: case ND_DO: {
    Node *n = new_of(Node);
    *n = *s;
    n->body = fwd_block(r, s->body);
    if (si->counter) {
      block_add(out, decl_int(si->counter, 0, tok));
      block_add(n->body, stmt(new_unary(ND_POST_INC, var(si->counter, tok), tok)));
    }
    block_add(out, n);
    return;
  }
  default:
    block_add(out, s);
    return;
  }
}

/* The user's unbraced bodies back without braces (normalization made every
 * body a block). */
static Node *unbrace_body(Node *b);

static void unbrace(Node *s) {
  if (!s)
    return;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      unbrace(s->stmts.items[i]);
    return;
  case ND_IF:
    s->then = unbrace_body(s->then);
    if (s->els)
      s->els = unbrace_body(s->els);
    return;
  case ND_FOR: case ND_WHILE: case ND_DO:
    s->body = unbrace_body(s->body);
    return;
  default:
    return;
  }
}

static Node *unbrace_body(Node *b) {
  unbrace(b);
  if (b->kind != ND_BLOCK || b->stmts.len != 1 || !b->tok || b->tok->next)
    return b;
  Node *s = b->stmts.items[0];
  if (s->kind == ND_DECL)
    return b;
  return s;
}

static Node *fwd_block(Rev *r, Node *b) {
  SInfo *si = sinfo(b);
  Node *n = new_node(ND_BLOCK, b->tok);
  n->end_tok = b->end_tok;
  for (int i = 0; i < b->stmts.len; i++)
    fwd_stmt(r, b->stmts.items[i], n);
  for (int i = 0; i < si->end_push.len; i++) {
    Obj *v = si->end_push.items[i];
    if (is_array(v->ty))
      block_add(n, tape_array(r, v, true, r->tok));
    else
      block_add(n, tape_push(r, var(v, r->tok), r->tok));
    if (var_info(r, v)->shadow)
      block_add(n, tape_push(r, var(var_info(r, v)->shadow, r->tok), r->tok));
  }
  return n;
}

/* ===================================================================== */
/* Cleanup: generated variables nobody reads                              */
/* ===================================================================== */

static void reads_in(Node *n, Map *reads, bool as_target);

static void reads_in_stmt(Node *s, Map *reads) {
  if (!s)
    return;
  if (s->kind == ND_EXPR_STMT && s->lhs->kind == ND_ASSIGN) {
    reads_in(s->lhs->lhs, reads, true);
    reads_in(s->lhs->rhs, reads, false);
    return;
  }
  reads_in(s, reads, false);
}

static void reads_in(Node *n, Map *reads, bool as_target) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_VAR:
    if (!as_target)
      set_put(reads, n->obj);
    return;
  case ND_INDEX:
    /* writing p[i] reads the pointer p; writing a[i] does not read a */
    reads_in(index_base(n), reads, as_target && is_array(index_base(n)->ty));
    reads_in(index_sub(n), reads, false);
    return;
  case ND_MEMBER:
    reads_in(n->lhs, reads, as_target);
    return;
  case ND_BLOCK:
    for (int i = 0; i < n->stmts.len; i++)
      reads_in_stmt(n->stmts.items[i], reads);
    return;
  default:
    break;
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++) {
    if (kids[i] && (kids[i]->kind == ND_EXPR_STMT || kids[i]->kind == ND_BLOCK ||
                    kids[i]->kind == ND_DECL || kids[i]->kind == ND_IF))
      reads_in_stmt(kids[i], reads);
    else
      reads_in(kids[i], reads, false);
  }
  for (int i = 0; i < n->args.len; i++)
    reads_in(n->args.items[i], reads, false);
  for (int i = 0; i < n->decl_vars.len; i++)
    reads_in(vec_get(Declarator, &n->decl_vars, i)->init, reads, false);
  for (int i = 0; i < n->items.len; i++)
    reads_in(vec_get(InitItem, &n->items, i)->value, reads, false);
}

static bool has_effect(Node *e) {
  if (!e)
    return false;
  switch (e->kind) {
  case ND_CALL: {
    if (e->lhs->kind == ND_VAR && rule_find(e->lhs->obj->name))
      break;
    return true;
  }
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    return true;
  default:
    break;
  }
  if (has_effect(e->lhs) || has_effect(e->rhs) || has_effect(e->cond) || has_effect(e->then) ||
      has_effect(e->els))
    return true;
  for (int i = 0; i < e->args.len; i++)
    if (has_effect(e->args.items[i]))
      return true;
  for (int i = 0; i < e->items.len; i++)
    if (has_effect(vec_get(InitItem, &e->items, i)->value))
      return true;
  return false;
}

/* A value kept only for its side effect (a tape pop): without the cast
 * that no longer serves, so no compiler reports an unused value. */
static Node *uncast(Node *e) {
  while (e->kind == ND_CAST)
    e = e->lhs;
  return e;
}

static bool removable_var(Rev *r, Obj *v, Node *decl) {
  if (!v || v->kind != OBJ_VAR)
    return false;
  if (decl && map_get(&r->removable, decl))
    return true;
  VarInfo *vi = map_get(&r->vars, v);
  return vi && vi->generated && v != r->ret && !v->is_param;
}

static bool is_empty_block(Node *b) { return !b || (b->kind == ND_BLOCK && !b->stmts.len); }

/* Is v read in the statements of b from index `from` on? */
static bool read_after(Node *b, int from, Obj *v) {
  Map reads = {0};
  for (int i = from; i < b->stmts.len; i++)
    reads_in_stmt(b->stmts.items[i], &reads);
  return set_in(&reads, v);
}

/* Drops the assignments to v in the statements of b from `from` on
 * (keeping what their right sides do besides). */
static void drop_writes(Node *b, int from, Obj *v) {
  Vec out = {0};
  for (int i = 0; i < b->stmts.len; i++) {
    Node *s = b->stmts.items[i];
    if (i >= from) {
      if (s->kind == ND_EXPR_STMT && s->lhs->kind == ND_ASSIGN && lvalue_obj(s->lhs->lhs) == v) {
        if (has_effect(s->lhs->rhs))
          vec_push(&out, stmt(uncast(s->lhs->rhs)));
        continue;
      }
      Node *kids[] = {s->then, s->els, s->body};
      for (size_t k = 0; k < sizeof kids / sizeof kids[0]; k++)
        if (kids[k] && kids[k]->kind == ND_BLOCK)
          drop_writes(kids[k], 0, v);
      if (s->kind == ND_BLOCK)
        drop_writes(s, 0, v);
    }
    vec_push(&out, s);
  }
  b->stmts = out;
}

/* One pass over a block: declarations of generated variables (and of
 * locals the reverse sweep rebuilt) that nothing after them reads go, with
 * the assignments to them; then empty ifs and loops the reverse sweep
 * made. */
static bool clean_block(Rev *r, Node *b) {
  bool changed = false;
  for (int i = 0; i < b->stmts.len; i++) {
    Node *s = b->stmts.items[i];
    if (s->kind != ND_DECL || s->decl_vars.len != 1)
      continue;
    Obj *v;
    Node *init = decl_init(s, &v);
    if (!removable_var(r, v, s) || read_after(b, i + 1, v))
      continue;
    drop_writes(b, i + 1, v);
    if (init && init->kind != ND_INIT_LIST && has_effect(init))
      b->stmts.items[i] = stmt(uncast(init));
    else {
      for (int k = i + 1; k < b->stmts.len; k++)
        b->stmts.items[k - 1] = b->stmts.items[k];
      b->stmts.len--;
      i--;
    }
    changed = true;
  }
  Vec out = {0};
  for (int i = 0; i < b->stmts.len; i++) {
    Node *s = b->stmts.items[i];
    switch (s->kind) {
    case ND_BLOCK:
      changed |= clean_block(r, s);
      if (!s->stmts.len) {
        changed = true;
        continue;
      }
      break;
    case ND_IF:
      changed |= clean_block(r, s->then);
      if (s->els)
        changed |= clean_block(r, s->els);
      if (s->els && is_empty_block(s->els)) {
        s->els = NULL;
        changed = true;
      }
      if (is_empty_block(s->then) && !s->els && !has_effect(s->cond)) {
        changed = true;
        continue;
      }
      break;
    case ND_FOR: case ND_WHILE: case ND_DO:
      if (s->body->kind == ND_BLOCK)
        changed |= clean_block(r, s->body);
      if (is_empty_block(s->body) && map_get(&r->removable, s)) {
        changed = true;
        continue;
      }
      break;
    default:
      break;
    }
    vec_push(&out, s);
  }
  b->stmts = out;
  return changed;
}

/* Dead stores to generated scalar variables (an adjoint zeroed and never
 * read again): a backward liveness walk over the structured code. `live`
 * holds the variables that may be read later; loops count everything they
 * read as live throughout. */
static void dse(Rev *r, Node *s, Map *live);

static void dse_list(Rev *r, Node *b, Map *live) {
  Vec out = {0};
  for (int i = b->stmts.len - 1; i >= 0; i--) {
    Node *s = b->stmts.items[i];
    if (s->kind == ND_EXPR_STMT && s->lhs->kind == ND_ASSIGN && s->lhs->op == ND_NONE &&
        is_var_obj(s->lhs->lhs)) {
      Obj *v = s->lhs->lhs->obj;
      if (removable_var(r, v, NULL) && is_floating(v->ty) && !set_in(live, v) &&
          !has_effect(s->lhs->rhs))
        continue;
    }
    dse(r, s, live);
    vec_push(&out, s);
  }
  for (int i = 0, j = out.len - 1; i < j; i++, j--) {
    void *t = out.items[i];
    out.items[i] = out.items[j];
    out.items[j] = t;
  }
  b->stmts = out;
}

static void dse(Rev *r, Node *s, Map *live) {
  switch (s->kind) {
  case ND_BLOCK:
    dse_list(r, s, live);
    return;
  case ND_EXPR_STMT:
    if (s->lhs->kind == ND_ASSIGN && s->lhs->op == ND_NONE && is_var_obj(s->lhs->lhs))
      set_del(live, s->lhs->lhs->obj);
    reads_in_stmt(s, live);
    return;
  case ND_DECL: {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (v)
      set_del(live, v);
    if (init)
      reads_in(init, live, false);
    return;
  }
  case ND_IF: {
    Map other = set_copy(live);
    if (s->then->kind == ND_BLOCK)
      dse_list(r, s->then, live);
    else
      reads_in_stmt(s->then, live);
    if (s->els) {
      if (s->els->kind == ND_BLOCK)
        dse_list(r, s->els, &other);
      else
        reads_in_stmt(s->els, &other);
    }
    set_union(live, &other);
    reads_in(s->cond, live, false);
    return;
  }
  case ND_FOR: case ND_WHILE: case ND_DO:
    reads_in(s, live, false);
    if (s->body->kind == ND_BLOCK) {
      Map inside = set_copy(live);
      dse_list(r, s->body, &inside);
    }
    return;
  default:
    reads_in(s, live, false);
    return;
  }
}

static void cleanup(Rev *r, Node *body) {
  for (int round = 0; round < 50 && clean_block(r, body); round++)
    ;
}

/* ===================================================================== */
/* Outputs nobody reads                                                   */
/* ===================================================================== */

/* A helper whose caller drops what the callee writes through parameter P
 * (it runs on a copy made for the call): the statements that only write
 * P's memory are dead when nothing else in the helper reads it, forward or
 * reverse (qtimesx's `out[j] += ltri[k] * x[i]`, whose derivative does not
 * need out).  Conservative: any other use of P keeps everything. */
static bool only_writes_to(Node *s, Obj *P, Map *dead) {
  if (!s)
    return true;
  switch (s->kind) {
  case ND_BLOCK:
    for (int i = 0; i < s->stmts.len; i++)
      if (!only_writes_to(s->stmts.items[i], P, dead))
        return false;
    return true;
  case ND_IF:
    return !refers_to(s->cond, P) && only_writes_to(s->then, P, dead) &&
           only_writes_to(s->els, P, dead);
  case ND_FOR: case ND_WHILE: case ND_DO:
    return !refers_to(s->init, P) && !refers_to(s->cond, P) && !refers_to(s->inc, P) &&
           only_writes_to(s->body, P, dead);
  case ND_EXPR_STMT: {
    Node *w = top_write(s);
    if (w && w->kind == ND_ASSIGN && w->lhs->kind != ND_VAR && written_through(w->lhs) == P &&
        !refers_to(w->rhs, P) && is_pure(w->rhs)) {
      Node *L = w->lhs;
      bool index_ok = L->kind == ND_INDEX ? !refers_to(index_sub(L), P) && is_var_obj(index_base(L))
                                          : L->kind == ND_DEREF && is_var_obj(L->lhs);
      if (index_ok) {
        map_put(dead, s, (void *)1);
        return true;
      }
    }
    return !refers_to(s, P);
  }
  default:
    return !refers_to(s, P);
  }
}

static void drop_dead(Node *s, Map *dead) {
  if (!s)
    return;
  if (s->kind == ND_BLOCK) {
    Vec keep = {0};
    for (int i = 0; i < s->stmts.len; i++) {
      Node *c = s->stmts.items[i];
      if (map_get(dead, c))
        continue;
      drop_dead(c, dead);
      vec_push(&keep, c);
    }
    s->stmts = keep;
    return;
  }
  Node **kids[] = {&s->then, &s->els, &s->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++) {
    if (*kids[i] && map_get(dead, *kids[i]))
      *kids[i] = new_block((*kids[i])->tok);
    else
      drop_dead(*kids[i], dead);
  }
}

static bool drop_discarded_writes(Rev *r, Node *body) {
  Helper *h = r->self;
  bool dropped = false;
  if (!h->discard)
    return false;
  Obj *f = r->func;
  for (int i = 0; i < f->params.len; i++) {
    if (h->discard[i] != '1')
      continue;
    Obj *P = f->params.items[i];
    /* P's memory reached only through P itself */
    const void *k = canon(mem_key(P));
    bool alone = !alias_is_multi(k) && !alias_is_unknown(k);
    for (int j = 0; j < f->locals.len && alone; j++) {
      Obj *v = f->locals.items[j];
      alone = !(is_pointer(v->ty) && canon(mem_key(v)) == k);
    }
    Map dead = {0};
    if (alone && only_writes_to(body, P, &dead) && dead.len) {
      drop_dead(body, &dead);
      dropped = true;
    }
  }
  if (dropped) {
    /* the callee's locals that only fed those writes (`s` in `y[i] = s`)
     * are dead now too: let the cleanup take them like its own */
    for (int i = 0; i < f->locals.len; i++) {
      Obj *v = f->locals.items[i];
      if (!v->is_param && (is_floating(v->ty) || is_integer(v->ty)))
        var_info(r, v)->generated = true;
    }
  }
  return dropped;
}

/* ===================================================================== */
/* One derivative, and the whole run                                      */
/* ===================================================================== */

/* Active pointer locals get a shadow pointer that moves with them. */
static void make_shadows(Rev *r) {
  Obj *f = r->func;
  for (int i = 0; i < f->locals.len; i++) {
    Obj *v = vec_get(Obj, &f->locals, i);
    if (v->is_param || !is_pointer(v->ty))
      continue;
    VarInfo *vi = var_info(r, v);
    if (!vi->active || !type_has_floating(v->ty))
      continue;
    vi->shadow = new_local_var(fresh_name(r, format("d_%s", v->name)), adj_type(v->ty), v->tok);
    var_info(r, vi->shadow)->generated = true;
  }
  /* a pointer parameter the body moves: its adjoint parameter moves with it */
  for (int i = 0; i < f->params.len; i++) {
    Obj *p = vec_get(Obj, &f->params, i);
    VarInfo *vi = var_info(r, p);
    if (vi->active && is_pointer(p->ty) && vi->written && vi->adj)
      vi->shadow = vi->adj;
  }
}

/* Locals whose adjoint a shadow pointer points into (p = a, p = &x): their
 * adjoints exist from the forward sweep on. */
static void mark_shadow_base(Rev *r, Node *e) {
  if (!e)
    return;
  switch (e->kind) {
  case ND_VAR:
    if (e->obj->kind == OBJ_VAR && is_array(e->obj->ty))
      break;
    return;
  case ND_ADDR: {
    Obj *o = lvalue_obj(e->lhs);
    if (!o)
      return;
    e = var(o, e->tok);
    break;
  }
  case ND_ADD: case ND_SUB: case ND_CAST:
    mark_shadow_base(r, e->lhs);
    if (e->kind == ND_ADD)
      mark_shadow_base(r, e->rhs);
    return;
  case ND_COND:
    mark_shadow_base(r, e->then);
    mark_shadow_base(r, e->els);
    return;
  default:
    return;
  }
  VarInfo *vi = var_info(r, e->obj);
  if (!vi->active || vi->var->is_param || !vi->var->is_local || vi->fwd_decl)
    return;
  if (vi->depth > 0)
    error_tok(e->tok, "cannot differentiate through a pointer to '%s', a local of an inner "
                      "block; declare '%s' at the top of the function",
              vi->var->name, vi->var->name);
  adj_obj(r, vi);
  vi->declared = true;
  vi->fwd_decl = true;
}

/* The pointers of an aggregate's initializer list. */
static void mark_list_bases(Rev *r, Node *list) {
  for (int i = 0; i < list->items.len; i++) {
    Node *x = vec_get(InitItem, &list->items, i)->value;
    if (x->kind == ND_INIT_LIST)
      mark_list_bases(r, x);
    else if (is_pointer(type_decay(x->ty)))
      mark_shadow_base(r, x);
  }
}

/* An active pointer aggregate: its adjoint, which is also its shadow,
 * exists from its declaration in the forward sweep on. */
static void aggregate_fwd_decl(Rev *r, Obj *v, Token *tok) {
  VarInfo *vi = var_info(r, v);
  if (!vi->active || vi->fwd_decl)
    return;
  if (vi->depth > 0)
    error_tok(tok, "cannot differentiate through the pointers in '%s', a local of an inner "
                   "block; declare '%s' at the top of the function",
              v->name, v->name);
  adj_obj(r, vi);
  vi->declared = true;
  vi->fwd_decl = true;
}

static void find_shadow_bases(Rev *r, Node *s) {
  if (!s)
    return;
  if (s->kind == ND_DECL) {
    Obj *v;
    Node *init = decl_init(s, &v);
    if (v && v->kind == OBJ_VAR && var_info(r, v)->shadow)
      mark_shadow_base(r, init);
    if (is_ptr_aggregate(v) && var_info(r, v)->active) {
      aggregate_fwd_decl(r, v, v->tok);
      if (init && init->kind == ND_INIT_LIST)
        mark_list_bases(r, init);
      else if (init)
        error_tok(init->tok, "cannot yet differentiate through '%s' initialized whole; "
                             "initialize its members",
                  v->name);
    }
    return;
  }
  Node *w = top_write(s);
  if (w && w->kind == ND_ASSIGN && w->op == ND_NONE && is_var_obj(w->lhs) &&
      var_info(r, w->lhs->obj)->shadow)
    mark_shadow_base(r, w->rhs);
  if (w && is_var_obj(w->lhs) && is_ptr_aggregate(w->lhs->obj) &&
      var_info(r, w->lhs->obj)->active)
    error_tok(w->tok, "cannot yet differentiate assigning '%s' whole: it holds pointers to "
                      "active memory; assign its members",
              w->lhs->obj->name);
  if (w && w->kind == ND_ASSIGN && w->op == ND_NONE && ptr_aggregate_of(w->lhs) &&
      var_info(r, ptr_aggregate_of(w->lhs))->active) {
    aggregate_fwd_decl(r, ptr_aggregate_of(w->lhs), w->tok);
    mark_shadow_base(r, w->rhs);
  }
  for (int i = 0; i < s->stmts.len; i++)
    find_shadow_bases(r, s->stmts.items[i]);
  find_shadow_bases(r, s->then);
  find_shadow_bases(r, s->els);
  if (s->kind == ND_FOR || s->kind == ND_WHILE || s->kind == ND_DO)
    find_shadow_bases(r, s->body);
}


/* ===================================================================== */
/* Loop fusion: the last forward loop and its reverse loop in one loop    */
/* ===================================================================== */

/* The forward sweep's last loop L and the reverse loop R that reverses it
 * run over the same arrays: when R's body needs nothing L computes, R's
 * iterations can run inside L's (one pass over memory instead of two; the
 * dot product gradient is memory-bound).  Run on the final function body,
 * syntactically and conservatively; every condition must hold:
 *
 *   - no tape; L is a for loop of the function level that declares its
 *     index (a fixed trip count: normalize kept it a for loop), and R, the
 *     reverse loop of the same statement, is the last statement of the
 *     reverse sweep (before the final return);
 *   - L's body only assigns scalar variables (no memory writes, no calls
 *     other than <math.h> rule functions); the forward statements after L
 *     and the reverse statements before R (the seeds: `double d_s = 1.0;`)
 *     are such assignments or declarations too;
 *   - the seeds read nothing L or the statements after L write, and those
 *     never mention the seeds: the seeds can move before L;
 *   - R's body is only `d_a[i] += e;` / `-=` with i L's index, d_a an
 *     adjoint parameter, e reading the index, array parameters of F
 *     (which L does not write: no memory writes) and scalars that neither
 *     L nor the statements after L write (d_s: loop-invariant): so at
 *     iteration i of L, e has the value R's iteration i gives it.
 *
 * The fused loop accumulates into d_a[i] in increasing i instead of
 * decreasing i: distinct elements are independent, and for an element the
 * loop touches several times (d_a[0] += ... for each i, were the index
 * allowed elsewhere) only the order of floating additions would change,
 * hence the rounding; here every write is at index i, so each element is
 * updated in one iteration, in the same statement order as before. */

typedef struct Fuse {
  Obj *index;       /* L's index */
  Map reads;        /* Obj *: scalar variables read */
  Map arrays;       /* Obj *: array bases read */
} Fuse;

static bool fuse_expr(Fuse *fz, Node *e) {
  if (!e)
    return true;
  switch (e->kind) {
  case ND_NUM: case ND_CHAR:
    return true;
  case ND_VAR:
    if (e->obj->kind != OBJ_VAR || is_array(e->obj->ty) || is_pointer(e->obj->ty))
      return false;
    map_put(&fz->reads, e->obj, (void *)1);
    return true;
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
    if (!is_floating(e->ty) && !is_integer(e->ty))
      return false;
    return fuse_expr(fz, e->lhs) && fuse_expr(fz, e->rhs);
  case ND_NEG: case ND_PLUS: case ND_CAST:
    if (!is_floating(e->ty) && !is_integer(e->ty))
      return false;
    return fuse_expr(fz, e->lhs);
  case ND_INDEX:
    if (e->swapped || !is_var_obj(e->lhs) || !is_pointer(e->lhs->obj->ty) ||
        !is_floating(e->ty))
      return false;
    map_put(&fz->arrays, e->lhs->obj, (void *)1);
    return fuse_expr(fz, e->rhs);
  case ND_CALL: {
    if (!e->lhs || e->lhs->kind != ND_VAR || e->lhs->obj->kind != OBJ_FUNC ||
        !rule_find(e->lhs->obj->name))
      return false;
    for (int i = 0; i < e->args.len; i++)
      if (!fuse_expr(fz, e->args.items[i]))
        return false;
    return true;
  }
  default:
    return false;
  }
}

/* A statement that only sets scalar variables (into written) from pure
 * expressions (reads into fz). */
static bool fuse_scalar_stmt(Fuse *fz, Node *s, Map *written) {
  switch (s->kind) {
  case ND_NULL_STMT:
    return true;
  case ND_DECL:
    if (s->decl_storage != SC_NONE)
      return false;
    for (int i = 0; i < s->decl_vars.len; i++) {
      Declarator *dv = vec_get(Declarator, &s->decl_vars, i);
      Obj *v = dv->obj;
      if (!v || v->kind != OBJ_VAR || !(is_floating(v->ty) || is_integer(v->ty)))
        return false;
      if (dv->init && !fuse_expr(fz, dv->init))
        return false;
      map_put(written, v, (void *)1);
    }
    return true;
  case ND_EXPR_STMT: {
    Node *e = s->lhs;
    if (e->kind != ND_ASSIGN || !is_var_obj(e->lhs) ||
        !(is_floating(e->lhs->ty) || is_integer(e->lhs->ty)))
      return false;
    if (e->op != ND_NONE && e->op != ND_ADD && e->op != ND_SUB && e->op != ND_MUL &&
        e->op != ND_DIV)
      return false;
    if (e->op != ND_NONE)
      map_put(&fz->reads, e->lhs->obj, (void *)1);
    map_put(written, e->lhs->obj, (void *)1);
    return fuse_expr(fz, e->rhs);
  }
  default:
    return false;
  }
}

static bool map_meets(const Map *a, const Map *b) {
  for (size_t i = 0; i < a->cap; i++)
    if (a->keys[i] && map_get(b, a->keys[i]))
      return true;
  return false;
}

static void fuse_loops(Rev *r, Node *body, const Map *fwd_stmts) {
  if (r->tape_used || r->self->restore)
    return;
  int n = body->stmts.len;
  int end = n;
  if (r->ret) {
    if (!n || ((Node *)body->stmts.items[n - 1])->kind != ND_RETURN)
      return;
    end = n - 1;
  }
  int li = -1;
  for (int i = 0; i < end; i++)
    if (map_get(fwd_stmts, body->stmts.items[i]) &&
        ((Node *)body->stmts.items[i])->kind == ND_FOR)
      li = i;
  if (li < 0)
    return;
  Node *L = body->stmts.items[li];
  int ri = li + 1;
  while (ri < end && map_get(fwd_stmts, body->stmts.items[ri]))
    ri++;
  int after_end = ri; /* forward statements after L: li+1 .. after_end-1 */
  if (end < 1 || end - 1 < after_end)
    return;
  Node *R = body->stmts.items[end - 1];
  Node *src = R->kind == ND_FOR ? map_get(&r->rev_loops, R) : NULL;
  if (!src || L->cond != src->cond || L->inc != src->inc || !L->init ||
      L->init->kind != ND_DECL)
    return;
  Obj *idx = sinfo(src)->index;
  if (!idx || L->init->decl_vars.len != 1 ||
      vec_get(Declarator, &L->init->decl_vars, 0)->obj != idx || !is_integer(idx->ty))
    return;

  /* L's body: scalar assignments only */
  Fuse lf = {.index = idx};
  Map l_written = {0};
  Node *lb = L->body;
  if (lb->kind == ND_BLOCK) {
    for (int i = 0; i < lb->stmts.len; i++)
      if (!fuse_scalar_stmt(&lf, lb->stmts.items[i], &l_written))
        return;
  } else if (!fuse_scalar_stmt(&lf, lb, &l_written)) {
    return;
  }
  if (map_get(&l_written, idx))
    return;
  /* the forward statements after L */
  Fuse af = {.index = idx};
  Map a_written = {0};
  for (int i = li + 1; i < after_end; i++)
    if (!fuse_scalar_stmt(&af, body->stmts.items[i], &a_written))
      return;
  /* the seeds */
  Fuse sf = {.index = idx};
  Map s_written = {0};
  for (int i = after_end; i < end - 1; i++)
    if (!fuse_scalar_stmt(&sf, body->stmts.items[i], &s_written))
      return;
  if (map_get(&sf.reads, idx) || map_meets(&sf.reads, &l_written) ||
      map_meets(&sf.reads, &a_written) || map_meets(&s_written, &lf.reads) ||
      map_meets(&s_written, &l_written) || map_meets(&s_written, &af.reads) ||
      map_meets(&s_written, &a_written))
    return;

  /* R's body: d_a[i] += e */
  Map adj_params = {0};
  for (int i = 0; i < r->self->adj.len; i++) {
    Obj *ap = r->self->adj.items[i];
    Obj *p = vec_get(Obj, &r->func->params, i);
    if (ap && is_pointer(ap->ty) && is_pointer(p->ty))
      map_put(&adj_params, ap, (void *)1);
  }
  Map prim_params = {0};
  for (int i = 0; i < r->func->params.len; i++) {
    Obj *p = vec_get(Obj, &r->func->params, i);
    if (is_pointer(p->ty))
      map_put(&prim_params, p, (void *)1);
  }
  Node *rb = R->body;
  if (rb->kind != ND_BLOCK || !rb->stmts.len)
    return;
  Fuse rf = {.index = idx};
  for (int i = 0; i < rb->stmts.len; i++) {
    Node *s = rb->stmts.items[i];
    if (s->kind != ND_EXPR_STMT)
      return;
    Node *e = s->lhs;
    if (e->kind != ND_ASSIGN || (e->op != ND_ADD && e->op != ND_SUB))
      return;
    Node *t = e->lhs;
    if (t->kind != ND_INDEX || t->swapped || !is_var_obj(t->lhs) ||
        !map_get(&adj_params, t->lhs->obj) || !is_var_obj(t->rhs) || t->rhs->obj != idx ||
        !is_floating(t->ty))
      return;
    if (!fuse_expr(&rf, e->rhs))
      return;
  }
  /* the arrays L, R and the statements after L read: F's pointer
   * parameters (never the adjoints R writes); the scalars R reads: the
   * index, or unchanged by L and by the statements after L */
  Fuse *all[] = {&lf, &af, &sf, &rf};
  for (int k = 0; k < 4; k++)
    for (size_t i = 0; i < all[k]->arrays.cap; i++)
      if (all[k]->arrays.keys[i] && !map_get(&prim_params, all[k]->arrays.keys[i]))
        return;
  for (size_t i = 0; i < rf.reads.cap; i++) {
    const void *v = rf.reads.keys[i];
    if (v && v != idx && (map_get(&l_written, v) || map_get(&a_written, v)))
      return;
  }

  /* fuse: seeds, L with R's body appended, the statements after L */
  Node *nb = lb;
  if (nb->kind != ND_BLOCK) {
    nb = new_block(r->tok);
    block_add(nb, lb);
  }
  /* the reverse loop's quote of L's header goes with R; with one forward
   * statement, the first quote of R's body would repeat it */
  if (lb->kind != ND_BLOCK || lb->stmts.len == 1)
    attach_comment(rb->stmts.items[0], "/* its adjoint, at the same i (loop fusion) */");
  for (int i = 0; i < rb->stmts.len; i++)
    block_add(nb, rb->stmts.items[i]);
  L->body = nb;
  Vec out = {0};
  for (int i = 0; i < li; i++)
    vec_push(&out, body->stmts.items[i]);
  for (int i = after_end; i < end - 1; i++)
    vec_push(&out, body->stmts.items[i]);
  vec_push(&out, L);
  for (int i = li + 1; i < after_end; i++)
    vec_push(&out, body->stmts.items[i]);
  for (int i = end; i < n; i++)
    vec_push(&out, body->stmts.items[i]);
  body->stmts = out;
}

static void reverse_function(Gen *g, Helper *h, Activity *a) {
  Obj *f = h->callee;
  Rev rv = {0};
  Rev *r = &rv;
  r->unit = g->unit;
  r->func = f;
  r->act = a;
  r->gen = g;
  r->self = h;
  r->names = h->names;
  r->tok = gen_tok(f->tok);
  Type *ret_ty = type_unqualified(f->ty->return_ty);
  if (!is_void(ret_ty)) {
    r->ret = new_local_var(fresh_name(r, format("%s_value", f->name)), ret_ty, r->tok);
    VarInfo *ri = var_info(r, r->ret);
    ri->active = is_floating(ret_ty) || is_record(ret_ty);
    ri->seed = h->seed ? var(h->seed, r->tok) : num(1.0, ret_ty, r->tok);
  }

  for (int i = 0; i < f->params.len; i++) {
    Obj *p = vec_get(Obj, &f->params, i);
    VarInfo *vi = var_info(r, p);
    Obj *ap = h->adj.items[i];
    if (vi->active && !ap) {
      /* not differentiated, but the body stores values that depend on the
       * inputs in it: a number or a struct copy gets a local adjoint; memory
       * behind a pointer would need an adjoint buffer of the caller's */
      if (!holds_pointer_type(p->ty)) {
        vi->declared = false;
        continue;
      }
      if (h == vec_get(Helper, &g->helpers, 0)) {
        error_tok_noexit(p->tok, "cannot differentiate '%s' without an adjoint for '%s': it "
                                 "stores values that depend on the inputs in the memory '%s' "
                                 "points to",
                         f->name, p->name, p->name);
        note_tok(p->tok, "add '%s' to --wrt: %s then takes d_%s, a zeroed buffer of the same "
                         "size",
                 p->name, h->fn->name, p->name);
        exit(EXIT_INPUT_ERROR);
      }
      error_tok(p->tok, "cannot differentiate the call to '%s': it stores values that depend on "
                        "the inputs in the memory '%s' points to, which the caller does not "
                        "differentiate",
                f->name, p->name);
    }
    vi->active = vi->active && ap;
    if (!ap)
      continue;
    vi->adj = ap;
    vi->adj_is_ptr = !is_pointer(p->ty);
    vi->declared = true;
  }

  for (int i = 0; i < g->global_vars.len; i++) {
    VarInfo *vi = var_info(r, g->global_vars.items[i]);
    if (!vi->active)
      continue;
    vi->adj = g->global_adjs.items[i];
    vi->adj_global = true;
    vi->declared = true;
  }

  r->body = normalize(r);
  mark_written(r, r->body);
  for (int i = 0; i < f->params.len; i++) {
    Obj *p = vec_get(Obj, &f->params, i);
    VarInfo *vi = var_info(r, p);
    if (vi->active && vi->adj_is_ptr && vi->written && holds_pointer_type(p->ty))
      error_tok(p->tok, "cannot yet differentiate '%s', which assigns its struct parameter "
                        "'%s' that holds pointers; assign a local copy of the members instead",
                f->name, p->name);
    if (vi->active && vi->adj_is_ptr && vi->written) {
      /* a parameter the body assigns: a local adjoint, added at the end */
      vi->adj_param = vi->adj;
      vi->adj = NULL;
      vi->adj_is_ptr = false;
      vi->declared = false;
    }
  }
  make_shadows(r);
  Map all_writes = {0};
  write_keys(r, r->body, &all_writes);
  /* The conditions and loop bounds the reverse sweep evaluates again are
   * those with work inside; restores count as work, so repeat until the
   * set is stable. */
  need_conds(r, r->body, true);
  for (;;) {
    analyze(r, r->body, NULL, 0, 0);
    Tbr t = {.all_writes = &all_writes};
    if (h->restore)
      for (int i = 0; i < f->params.len; i++) {
        Obj *p = vec_get(Obj, &f->params, i);
        if (is_pointer(p->ty))
          set_put(&t.seen, mem_key(p));
      }
    tbr(r, r->body, &t);
    if (!need_conds(r, r->body, false))
      break;
  }
  has_work(r, r->body);
  plan_blocks(r, r->body);

  find_shadow_bases(r, r->body);

  /* the reverse sweep */
  Node *rev = new_block(r->tok);
  RScope root = {.block = rev, .depth = 0, .insert_at = -1};
  r->root = r->scope = &root;
  rev_list(r, r->body);
  if (rev->stmts.len)
    attach_blank(rev->stmts.items[0]);
  for (int i = 0; i < f->params.len; i++) {
    VarInfo *vi = var_info(r, vec_get(Obj, &f->params, i));
    if (vi->adj_param && vi->declared) {
      Node *d = new_unary(ND_DEREF, var(vi->adj_param, r->tok), r->tok);
      if (is_record(vi->var->ty)) {
        /* a struct parameter the body assigns: member by member */
        Vec cs = {0};
        contribute_struct(&cs, d, var(vi->adj, r->tok), r->tok);
        for (int k = 0; k < cs.len; k++) {
          Contrib *c = cs.items[k];
          emit(r, stmt(new_assign(ND_ADD, c->target, c->value, r->tok)));
        }
      } else {
        emit(r, stmt(new_assign(ND_ADD, d, var(vi->adj, r->tok), r->tok)));
      }
    }
  }

  /* the forward sweep */
  Node *fwd = fwd_block(r, r->body);

  Node *body = new_node(ND_BLOCK, f->body->tok);
  body->end_tok = f->body->end_tok;
  if (r->tape_used) {
    Node *init = new_node(ND_INIT_LIST, r->tok);
    init->ty = r->tape->ty;
    InitItem *it = new_of(InitItem);
    it->value = inum(0, r->tok);
    vec_push(&init->items, it);
    block_add(body, new_local_decl(r->tape, init, r->tok));
  }
  Map fwd_stmts = {0};
  for (int i = 0; i < fwd->stmts.len; i++) {
    block_add(body, fwd->stmts.items[i]);
    map_put(&fwd_stmts, fwd->stmts.items[i], (void *)1);
  }
  for (int i = 0; i < rev->stmts.len; i++)
    block_add(body, rev->stmts.items[i]);
  if (r->tape_used)
    block_add(body, stmt(call1(g->tape_free, tape_ref(r, r->tok), NULL, r->tok)));
  if (r->finals) {
    Node *fin = new_unary(ND_ADDR, var(r->finals, r->tok), r->tok);
    block_add(body, stmt(call1(g->put_back, fin, NULL, r->tok)));
    block_add(body, stmt(call1(g->tape_free, clone_expr(fin), NULL, r->tok)));
    Node *init = new_node(ND_INIT_LIST, r->tok);
    init->ty = r->finals->ty;
    InitItem *it = new_of(InitItem);
    it->value = inum(0, r->tok);
    vec_push(&init->items, it);
    Vec stmts = {0};
    for (int i = 0; i < body->stmts.len; i++) {
      if (i == (r->tape_used ? 1 : 0))
        vec_push(&stmts, new_local_decl(r->finals, init, r->tok));
      vec_push(&stmts, body->stmts.items[i]);
    }
    body->stmts = stmts;
  }
  if (r->heap) {
    Node *init = new_node(ND_INIT_LIST, r->tok);
    init->ty = r->heap->ty;
    InitItem *it = new_of(InitItem);
    it->value = inum(0, r->tok);
    vec_push(&init->items, it);
    Vec stmts = {0};
    for (int i = 0; i < body->stmts.len; i++) {
      if (i == (r->tape_used ? 1 : 0))
        vec_push(&stmts, new_local_decl(r->heap, init, r->tok));
      vec_push(&stmts, body->stmts.items[i]);
    }
    body->stmts = stmts;
    Obj *hf = g->h_heap_free;
    block_add(body, stmt(heap_call(r, hf, NULL, 0, r->tok)));
  }
  if (r->ret)
    block_add(body, new_return(var(r->ret, r->tok), r->tok));
  bool dropped = drop_discarded_writes(r, body);
  cleanup(r, body);
  Map live = {0};
  dse_list(r, body, &live);
  cleanup(r, body);
  if (dropped) {
    simplify_block(body); /* the loops left empty */
    cleanup(r, body);
  }
  for (int i = 0; i < body->stmts.len; i++)
    if (map_get(&fwd_stmts, body->stmts.items[i]))
      unbrace(body->stmts.items[i]);
  fuse_loops(r, body, &fwd_stmts);

  /* (void)d_x; for adjoint parameters nothing flows into */
  Vec pre = {0};
  for (int i = 0; i < h->fn->params.len; i++) {
    Obj *ap = h->fn->params.items[i];
    if (ap != h->seed && !refers_to(body, ap))
      vec_push(&pre, stmt(new_cast(var(ap, r->tok), ty_void, r->tok)));
  }
  if (h->seed && !refers_to(body, h->seed))
    vec_push(&pre, stmt(new_cast(var(h->seed, r->tok), ty_void, r->tok)));
  if (pre.len) {
    for (int i = 0; i < body->stmts.len; i++)
      vec_push(&pre, body->stmts.items[i]);
    body->stmts = pre;
  }
  h->fn->body = body;
  h->done = true;
}

static Map global_checked; /* Obj *: functions already checked */

/* What check_global_writes looks for, and where. */
typedef struct GlobalCheck {
  Obj *fn;     /* the function walked */
  Obj *func;   /* F */
  Vec *wrt;
} GlobalCheck;

static void global_write_visit(void *ctx, Node *n) {
  GlobalCheck *gc = ctx;
  Obj *fn = gc->fn, *func = gc->func;
  if (n->kind == ND_ASSIGN || n->kind == ND_PRE_INC || n->kind == ND_PRE_DEC ||
      n->kind == ND_POST_INC || n->kind == ND_POST_DEC) {
    Obj *o = lvalue_obj(n->lhs);
    if (o && o->kind == OBJ_VAR && !o->is_local) {
      bool is_wrt = false;
      for (int i = 0; i < gc->wrt->len; i++)
        is_wrt |= gc->wrt->items[i] == o;
      if (is_wrt && fn != func)
        error_tok(n->tok, "cannot differentiate with respect to the global '%s': '%s' assigns "
                          "it, and its derivative runs it again; assign it in '%s' instead",
                  o->name, fn->name, func->name);
      if (fn != func)
        error_tok(n->tok, "cannot differentiate '%s': its derivative runs it again, and it "
                          "assigns the global '%s' (a counter or a generator's state would "
                          "move twice); pass it as a parameter instead",
                  fn->name, o->name);
    }
  }
  if (n->kind == ND_CALL && fn != func && n->lhs->kind == ND_VAR &&
      n->lhs->obj->kind == OBJ_FUNC) {
    /* library functions with hidden state */
    static const char *const stateful[] = {"rand", "random", "drand48", "lrand48", "mrand48",
                                           "srand", "srandom", "srand48"};
    for (size_t i = 0; i < sizeof stateful / sizeof stateful[0]; i++)
      if (str_eq(n->lhs->obj->name, stateful[i]))
        error_tok(n->tok, "cannot differentiate '%s': its derivative runs it again, and '%s' "
                          "would give other numbers the second time; draw them in '%s' and pass "
                          "them in",
                  fn->name, stateful[i], func->name);
    /* what it calls is run again too */
    Obj *c = user_callee(n);
    if (c && c != fn && c != func && !map_get(&global_checked, c)) {
      map_put(&global_checked, c, (void *)1);
      GlobalCheck inner = *gc;
      inner.fn = c;
      global_write_visit(&inner, c->body);
    }
  }
  ast_each_evaluated_child(n, global_write_visit, gc);
}

/* A callee's derivative runs it again: it may not assign globals or use
 * hidden state (a --wrt global assigned in F itself is fine). */
static void check_global_writes(Obj *fn, Node *body, Obj *func, Vec *wrt) {
  GlobalCheck gc = {.fn = fn, .func = func, .wrt = wrt};
  if (body)
    global_write_visit(&gc, body);
}

void reverse_unit(Unit *unit, Obj *func, Activity *a, Vec *wrt, Vec *outs, bool vjp,
                  RevResult *res) {
  Gen g = {0};
  g.unit = unit;
  g.res = res;
  cur_gen = &g;
  g.outs = outs;
  global_readers = (Map){0};
  alias_build(unit);
  int n = func->params.len;
  char *mask = xcalloc((size_t)n + 1, 1);
  for (int i = 0; i < n; i++) {
    Obj *p = vec_get(Obj, &func->params, i);
    mask[i] = '0';
    for (int k = 0; k < wrt->len; k++)
      if (wrt->items[k] == p)
        mask[i] = '1';
  }
  /* A pointer kept in a global that points to active memory: the helpers
   * of the functions that use it would not see it (their analyses start
   * from their parameters), and the global has no shadow. */
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *v = unit->globals.items[i];
    if (v->kind != OBJ_VAR || !holds_pointer_type(v->ty) || !activity_obj(a, v))
      continue;
    error_tok_noexit(v->tok, "cannot differentiate '%s': the global '%s' holds a pointer to "
                             "memory whose values depend on the inputs",
                     func->name, v->name);
    note_tok(v->tok, "pass that memory to the functions that use it as a parameter instead");
    exit(EXIT_INPUT_ERROR);
  }
  /* Globals the differentiated code assigns: a --wrt global anywhere, an
   * active one in a callee (helpers run their callee again, so the
   * assignment would happen twice). */
  Vec fns = {0};
  vec_push(&fns, func);
  Vec *callees = activity_callees(a);
  for (int i = 0; i < callees->len; i++)
    if (callees->items[i] != func)
      vec_push(&fns, callees->items[i]);
  global_checked = (Map){0};
  for (int i = 0; i < fns.len; i++)
    map_put(&global_checked, fns.items[i], (void *)1);
  for (int i = 0; i < fns.len; i++)
    check_global_writes(fns.items[i], ((Obj *)fns.items[i])->body, func, wrt);
  /* --wrt globals: adjoint globals d_<name>, defined by the output */
  for (int k = 0; k < wrt->len; k++) {
    Obj *v = wrt->items[k];
    if (v->is_local)
      continue;
    Obj *d = new_of(Obj);
    d->kind = OBJ_VAR;
    Rev tmp = {0};
    global_names(unit, &tmp.names);
    d->name = fresh_name(&tmp, format("d_%s", v->name));
    d->ty = adj_type(v->ty);
    d->decl_ty = d->ty;
    d->tok = v->tok;
    d->def_tok = v->tok;
    d->storage = v->storage == SC_STATIC ? SC_STATIC : SC_NONE;
    d->is_defined = true;
    d->id = v->id;
    vec_push(&g.global_vars, v);
    vec_push(&g.global_adjs, d);
    vec_push(&res->global_adjs, d);
  }
  Helper *top = make_sig(&g, func, mask, format("%s_%s", func->name, vjp ? "vjp" : "grad"),
                         vjp && type_has_floating(func->ty->return_ty) ? "d_return" : NULL,
                         false);
  reverse_function(&g, top, a);
  for (int i = 0; i < g.helpers.len; i++) {
    Helper *h = g.helpers.items[i];
    if (h->done)
      continue;
    Vec hw = {0};
    for (int k = 0; k < h->callee->params.len; k++)
      if (h->mask[k] == '1')
        vec_push(&hw, h->callee->params.items[k]);
    for (int k = 0; k < g.global_vars.len; k++)
      vec_push(&hw, g.global_vars.items[k]);
    Vec houts = {0};
    for (int k = 0; k < h->callee->params.len; k++) {
      Obj *p = h->callee->params.items[k];
      if (h->mask[k] == '1' && is_pointer(p->ty) && callee_writes(h->callee, k))
        vec_push(&houts, p);
    }
    Activity *ha = activity_analyze(unit, h->callee, &hw, &houts);
    fence_function(unit, h->callee, ha);
    reverse_function(&g, h, ha);
  }
  for (int i = 1; i < g.helpers.len; i++)
    vec_push(&res->funcs, vec_get(Helper, &g.helpers, i)->fn);
  for (int i = 0; i < g.fwds.len; i++)
    vec_push(&res->funcs, g.fwds.items[i]);
  vec_push(&res->funcs, top->fn);
}
