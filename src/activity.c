/*
 * activity.c: which values carry derivatives (the varied x useful analysis).
 *
 * A value is *varied* if it depends on a differentiated input, *useful* if
 * the result (F's return value, or an output's storage) depends on it, and
 * *active* if both.  Only active values get adjoints.
 *
 * The analysis is flow-insensitive and works on abstract locations:
 *  - one location per variable (local, parameter, global): an array or a
 *    struct is one location, so if any element is varied the whole is;
 *  - one location per compound literal, and per call of a library function
 *    returning a pointer (the memory malloc returns);
 *  - one "external" location per pointer-holding parameter of F (and per
 *    pointer-holding global): all the memory reachable from it at entry,
 *    written "*x".  Parameters are assumed not to alias each other.
 * Each location has a varied bit, a useful bit and a points-to set: the
 * locations whose addresses it may hold.  Every assignment anywhere (in F
 * or in any function F calls directly, transitively) is a weak update, and
 * the passes repeat until nothing changes, so values flow around loops and
 * through recursion.
 *
 * Interprocedurally the analysis is context-insensitive, like Tapenade's
 * default: a called function's parameters are ordinary locations that
 * receive the arguments of every call site, a pointer parameter points to
 * whatever the arguments point to (so a callee writing through a pointer
 * writes into the caller's own location), and a function's result is
 * varied / useful if it is so for any call.
 *
 * Only floating values (float, double, long double, _Float128, _Complex,
 * and records/arrays holding them) carry derivatives.  Integers are never
 * varied: storing an active value into an integer (`int k = x;`) is
 * accepted and is inactive, as in Tapenade (the conversion is a step
 * function, whose derivative is zero where it exists).  Pointers are never
 * active as values but carry points-to.
 *
 * Calls with no body in the unit (library functions, calls through
 * pointers): the result is varied if any argument is (its value, or the
 * memory a pointer argument points to), and if any argument is varied the
 * memory behind every pointer-to-non-const argument is assumed to receive
 * varied data.  fence.c then rejects such a call on the active path unless
 * a derivative rule covers it.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Small sets and maps                                                    */
/* ---------------------------------------------------------------------- */

/* A growable bit set of location numbers. */
typedef struct Bits {
  uint64_t *w;
  int n; /* words */
} Bits;

static void bits_grow(Bits *b, int words) {
  if (b->n >= words)
    return;
  uint64_t *w = xcalloc((size_t)words, sizeof(uint64_t));
  if (b->n)
    memcpy(w, b->w, (size_t)b->n * sizeof(uint64_t));
  b->w = w;
  b->n = words;
}

static bool bits_has(const Bits *b, int i) {
  return i / 64 < b->n && (b->w[i / 64] >> (i % 64) & 1);
}

/* Adds i; true if it was not there. */
static bool bits_add(Bits *b, int i) {
  if (bits_has(b, i))
    return false;
  bits_grow(b, i / 64 + 1);
  b->w[i / 64] |= (uint64_t)1 << (i % 64);
  return true;
}

/* dst |= src; true if dst changed. */
static bool bits_or(Bits *dst, const Bits *src) {
  bool changed = false;
  for (int i = 0; i < src->n; i++) {
    if (src->w[i] & ~(i < dst->n ? dst->w[i] : 0)) {
      bits_grow(dst, src->n);
      dst->w[i] |= src->w[i];
      changed = true;
    }
  }
  return changed;
}

/* A map from (pointer, tag) to an int, open addressing.  Only looked up,
 * never iterated, so addresses decide no order. */
typedef struct Map {
  const void **keys;
  int *tags;
  int *vals;
  int cap;
  int len;
} Map;

static unsigned map_hash(const void *key, int tag) {
  uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull + (uint64_t)tag;
  return (unsigned)(h ^ (h >> 29));
}

static int map_get(const Map *m, const void *key, int tag) {
  if (!m->cap)
    return -1;
  for (unsigned i = map_hash(key, tag) & (unsigned)(m->cap - 1);; i = (i + 1) & (unsigned)(m->cap - 1)) {
    if (!m->keys[i])
      return -1;
    if (m->keys[i] == key && m->tags[i] == tag)
      return m->vals[i];
  }
}

static void map_put(Map *m, const void *key, int tag, int val);

static void map_rehash(Map *m) {
  Map old = *m;
  m->cap = old.cap ? old.cap * 2 : 64;
  m->len = 0;
  m->keys = xcalloc((size_t)m->cap, sizeof(void *));
  m->tags = xcalloc((size_t)m->cap, sizeof(int));
  m->vals = xcalloc((size_t)m->cap, sizeof(int));
  for (int i = 0; i < old.cap; i++)
    if (old.keys[i])
      map_put(m, old.keys[i], old.tags[i], old.vals[i]);
}

static void map_put(Map *m, const void *key, int tag, int val) {
  if ((m->len + 1) * 2 > m->cap)
    map_rehash(m);
  unsigned i = map_hash(key, tag) & (unsigned)(m->cap - 1);
  while (m->keys[i] && !(m->keys[i] == key && m->tags[i] == tag))
    i = (i + 1) & (unsigned)(m->cap - 1);
  if (!m->keys[i])
    m->len++;
  m->keys[i] = key;
  m->tags[i] = tag;
  m->vals[i] = val;
}

/* Map tags. */
enum {
  K_VAR,     /* Obj *: the variable's own storage */
  K_EXT,     /* Obj *: memory reachable from a parameter/global of pointer type at entry */
  K_LIT,     /* Node *: a compound literal */
  K_FN,      /* Obj *: the FnInfo of a function */
  K_USEFUL,  /* Node *: an expression whose value is needed (1) */
};

/* ---------------------------------------------------------------------- */
/* The analysis state                                                     */
/* ---------------------------------------------------------------------- */

typedef struct Loc {
  const char *name; /* for debugging: "x", "*x", "(literal)" */
  Obj *obj;         /* the variable, or NULL for a compound literal */
  bool varied;
  bool useful;
  Bits pts;         /* locations whose addresses this one may hold */
} Loc;

typedef struct FnInfo {
  Obj *fn;
  bool ret_varied;
  bool ret_useful;
  Bits ret_pts;     /* where a returned pointer may point */
  bool va_varied;   /* a variadic argument is varied at some call */
  bool va_useful;   /* a va_arg value is useful */
  bool active;      /* touches active storage, or calls a function that does */
} FnInfo;

struct Activity {
  Unit *unit;
  Obj *root;
  Map map;
  Vec locs;         /* Loc *, numbered in order of creation */
  Vec fns;          /* FnInfo *: F and every function it reaches by direct calls */
  Vec globals;      /* Obj *: globals with a location (their initializers are stores) */
  FnInfo *cur;      /* the function being walked */
  bool changed;
  Vec callees;      /* Obj *: activity_callees */
};

static bool holds_floating(Type *ty) {
  ty = type_canon(ty);
  switch (ty->kind) {
  case TY_FLOAT: case TY_DOUBLE: case TY_LDOUBLE: case TY_FLOAT128: case TY_COMPLEX:
    return true;
  case TY_ARRAY:
    return holds_floating(ty->base);
  case TY_STRUCT: case TY_UNION:
    for (int i = 0; i < ty->sdef->members.len; i++)
      if (holds_floating(vec_get(Member, &ty->sdef->members, i)->ty))
        return true;
    return false;
  default:
    return false;
  }
}

static bool holds_pointer(Type *ty) {
  ty = type_canon(ty);
  switch (ty->kind) {
  case TY_PTR:
    return true;
  case TY_ARRAY:
    return holds_pointer(ty->base);
  case TY_STRUCT: case TY_UNION:
    for (int i = 0; i < ty->sdef->members.len; i++)
      if (holds_pointer(vec_get(Member, &ty->sdef->members, i)->ty))
        return true;
    return false;
  default:
    return false;
  }
}

/* Values of this type can carry a derivative. */
static bool carries(Type *ty) { return ty && holds_floating(ty); }

static bool is_ptr_or_array(Type *ty) {
  return ty && (is_pointer(type_canon(ty)) || is_array(type_canon(ty)));
}

static Loc *loc_at(Activity *a, int i) { return vec_get(Loc, &a->locs, i); }

static int new_loc(Activity *a, const void *key, int tag, Obj *obj, const char *name) {
  Loc *loc = new_of(Loc);
  loc->obj = obj;
  loc->name = name;
  map_put(&a->map, key, tag, a->locs.len);
  vec_push(&a->locs, loc);
  return a->locs.len - 1;
}

static int ext_loc(Activity *a, Obj *var) {
  int i = map_get(&a->map, var, K_EXT);
  if (i < 0) {
    i = new_loc(a, var, K_EXT, var, format("*%s", var->name));
    bits_add(&loc_at(a, i)->pts, i); /* memory reachable from it points into itself */
  }
  return i;
}

/* The variable's own location, made on first use.  A global (or a
 * parameter of F) holding pointers points to its own external memory. */
static int var_loc(Activity *a, Obj *var) {
  int i = map_get(&a->map, var, K_VAR);
  if (i >= 0)
    return i;
  i = new_loc(a, var, K_VAR, var, var->name);
  if (!var->is_local) {
    vec_push(&a->globals, var);
    if (holds_pointer(var->ty))
      bits_add(&loc_at(a, i)->pts, ext_loc(a, var));
  }
  return i;
}

static int lit_loc(Activity *a, Node *lit) {
  int i = map_get(&a->map, lit, K_LIT);
  return i >= 0 ? i : new_loc(a, lit, K_LIT, NULL, lit->kind == ND_CALL ? "(allocated)" : "(literal)");
}

static FnInfo *fn_info(Activity *a, Obj *fn) {
  int i = map_get(&a->map, fn, K_FN);
  return i >= 0 ? vec_get(FnInfo, &a->fns, i) : NULL;
}

static bool useful_node(Activity *a, Node *n) { return map_get(&a->map, n, K_USEFUL) >= 0; }

static bool loc_active(Activity *a, int i) {
  Loc *loc = loc_at(a, i);
  return loc->varied && loc->useful;
}

static void set_varied(Activity *a, int i) {
  if (!loc_at(a, i)->varied) {
    loc_at(a, i)->varied = true;
    a->changed = true;
  }
}

static void set_useful(Activity *a, int i) {
  if (!loc_at(a, i)->useful) {
    loc_at(a, i)->useful = true;
    a->changed = true;
  }
}

static void set_flag(Activity *a, bool *flag) {
  if (!*flag) {
    *flag = true;
    a->changed = true;
  }
}

/* ---------------------------------------------------------------------- */
/* Walking the tree                                                       */
/* ---------------------------------------------------------------------- */

typedef void Visit(Activity *a, Node *n);

/* Calls f on every evaluated child of n (ast_each_evaluated_child). */
typedef struct ChildVisit {
  Activity *a;
  Visit *f;
} ChildVisit;

static void visit_child(void *ctx, Node *child) {
  ChildVisit *cv = ctx;
  cv->f(cv->a, child);
}

static void each_child(Activity *a, Node *n, Visit *f) {
  ast_each_evaluated_child(n, visit_child, &(ChildVisit){a, f});
}

/* The function a call calls directly (f(x), (*f)(x), (&f)(x)), or NULL
 * for a call through a pointer. */
static Obj *call_target(Node *call) {
  Node *c = call->lhs;
  while (c && (c->kind == ND_DEREF || c->kind == ND_ADDR) && c->lhs && is_func(type_canon(c->lhs->ty)))
    c = c->lhs;
  if (c && c->kind == ND_VAR && c->obj && c->obj->kind == OBJ_FUNC)
    return c->obj;
  return NULL;
}

static Obj *call_body_target(Node *call) {
  Obj *fn = call_target(call);
  return fn && fn->body ? fn : NULL;
}

/* The value expression of a statement expression: its last statement's. */
static Node *stmt_expr_value(Node *n) {
  Node *body = n->body;
  if (!body || !body->stmts.len)
    return NULL;
  Node *last = vec_last(&body->stmts);
  return last->kind == ND_EXPR_STMT ? last->lhs : NULL;
}

/* The declared type of parameter i of a call's callee, or NULL (variadic
 * argument, no prototype). */
static Type *param_type(Node *call, int i) {
  Type *fn = call->func_ty ? type_canon(call->func_ty) : NULL;
  if (!fn || fn->kind != TY_FUNC || i >= fn->params.len)
    return NULL;
  return type_decay(vec_get(Type, &fn->params, i));
}

/* The argument may be written through: a pointer to non-const memory. */
static bool arg_writable(Node *call, int i, Node *arg) {
  Type *ty = param_type(call, i);
  if (!ty)
    ty = type_decay(arg->ty);
  ty = type_canon(ty);
  if (ty->kind != TY_PTR)
    return false;
  return !is_const(ty->base) && !is_func(type_canon(ty->base));
}

/* ---------------------------------------------------------------------- */
/* Where lvalues are and where pointers point                             */
/* ---------------------------------------------------------------------- */

static void ptr_targets(Activity *a, Node *e, Bits *out);

static bool is_lvalue_form(Node *e) {
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_ARROW: case ND_DEREF: case ND_COMPOUND_LIT:
    return true;
  case ND_MEMBER:
    return is_lvalue_form(e->lhs);
  case ND_GENERIC:
    return e->selected && is_lvalue_form(e->selected);
  default:
    return false;
  }
}

/* The locations an lvalue may designate. */
static void lv_targets(Activity *a, Node *e, Bits *out) {
  switch (e->kind) {
  case ND_VAR:
    if (e->obj && e->obj->kind == OBJ_VAR)
      bits_add(out, var_loc(a, e->obj));
    return;
  case ND_INDEX:
    if (is_array(type_canon(e->lhs->ty)))
      lv_targets(a, e->lhs, out);
    else
      ptr_targets(a, e->lhs, out);
    return;
  case ND_MEMBER:
    lv_targets(a, e->lhs, out);
    return;
  case ND_ARROW: case ND_DEREF:
    ptr_targets(a, e->lhs, out);
    return;
  case ND_COMPOUND_LIT:
    bits_add(out, lit_loc(a, e));
    return;
  case ND_GENERIC:
    if (e->selected)
      lv_targets(a, e->selected, out);
    return;
  case ND_BUILTIN: /* __real__ x, __imag__ x */
    if (e->args.len == 1)
      lv_targets(a, vec_get(Node, &e->args, 0), out);
    return;
  case ND_COMMA:
    lv_targets(a, e->rhs, out);
    return;
  case ND_COND:
    lv_targets(a, e->then ? e->then : e->cond, out);
    lv_targets(a, e->els, out);
    return;
  default:
    return;
  }
}

/* Where the pointer (or array, decayed) value of e may point. */
static void ptr_targets(Activity *a, Node *e, Bits *out) {
  if (!e || !e->ty)
    return;
  Type *ty = type_canon(e->ty);
  if (ty->kind == TY_ARRAY) {
    lv_targets(a, e, out);
    return;
  }
  if (is_arith(ty) || ty->kind == TY_VOID)
    return;
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_DEREF: case ND_COMPOUND_LIT: {
    /* A pointer loaded from memory: whatever that memory may hold. */
    if (e->kind == ND_MEMBER && !is_lvalue_form(e->lhs)) {
      ptr_targets(a, e->lhs, out);
      return;
    }
    Bits where = {0};
    lv_targets(a, e, &where);
    for (int i = 0; i < where.n * 64; i++)
      if (bits_has(&where, i))
        bits_or(out, &loc_at(a, i)->pts);
    return;
  }
  case ND_ADD: case ND_SUB:
    ptr_targets(a, e->lhs, out);
    ptr_targets(a, e->rhs, out);
    return;
  case ND_ADDR:
    lv_targets(a, e->lhs, out);
    return;
  case ND_CAST: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    ptr_targets(a, e->lhs, out);
    return;
  case ND_ASSIGN:
    ptr_targets(a, e->lhs, out);
    return;
  case ND_COMMA:
    ptr_targets(a, e->rhs, out);
    return;
  case ND_COND:
    ptr_targets(a, e->then ? e->then : e->cond, out);
    ptr_targets(a, e->els, out);
    return;
  case ND_CALL: {
    Obj *fn = call_body_target(e);
    FnInfo *fi = fn ? fn_info(a, fn) : NULL;
    if (fi) {
      bits_or(out, &fi->ret_pts);
      return;
    }
    /* A library function may return a pointer into any pointer argument
     * (memcpy, strchr), or to memory of its own (malloc: one location per
     * call site). */
    if (is_pointer(ty))
      bits_add(out, lit_loc(a, e));
    for (int i = 0; i < e->args.len; i++) {
      Node *arg = vec_get(Node, &e->args, i);
      if (is_ptr_or_array(arg->ty))
        ptr_targets(a, arg, out);
    }
    return;
  }
  case ND_STMT_EXPR:
    ptr_targets(a, stmt_expr_value(e), out);
    return;
  case ND_GENERIC:
    ptr_targets(a, e->selected, out);
    return;
  case ND_BUILTIN:
    if (e->selected) {
      ptr_targets(a, e->selected, out);
      return;
    }
    for (int i = 0; i < e->args.len; i++)
      ptr_targets(a, vec_get(Node, &e->args, i), out);
    return;
  default:
    return;
  }
}

static bool any_loc(Activity *a, const Bits *b, bool (*pred)(Activity *, int)) {
  for (int i = 0; i < b->n * 64; i++)
    if (bits_has(b, i) && pred(a, i))
      return true;
  return false;
}

static bool loc_varied(Activity *a, int i) { return loc_at(a, i)->varied; }
static bool loc_useful(Activity *a, int i) { return loc_at(a, i)->useful; }

/* ---------------------------------------------------------------------- */
/* Varied: forward from the inputs                                        */
/* ---------------------------------------------------------------------- */

static bool value_varied(Activity *a, Node *e);

/* The argument carries varied data: its value, or the memory it points to. */
static bool arg_varied(Activity *a, Node *arg) {
  if (value_varied(a, arg))
    return true;
  if (!is_ptr_or_array(arg->ty))
    return false;
  Bits t = {0};
  ptr_targets(a, arg, &t);
  return any_loc(a, &t, loc_varied);
}

/* The value of e depends on a differentiated input. */
static bool value_varied(Activity *a, Node *e) {
  if (!e || !carries(e->ty))
    return false;
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_ARROW: case ND_DEREF: case ND_COMPOUND_LIT:
  case ND_MEMBER: case ND_ASSIGN:
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC: {
    Node *lv = (e->kind == ND_ASSIGN || e->kind == ND_PRE_INC || e->kind == ND_PRE_DEC ||
                e->kind == ND_POST_INC || e->kind == ND_POST_DEC) ? e->lhs : e;
    if (lv->kind == ND_MEMBER && !is_lvalue_form(lv->lhs))
      return value_varied(a, lv->lhs);
    Bits t = {0};
    lv_targets(a, lv, &t);
    return any_loc(a, &t, loc_varied);
  }
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
    return value_varied(a, e->lhs) || value_varied(a, e->rhs);
  case ND_NEG: case ND_PLUS: case ND_CAST:
    return value_varied(a, e->lhs);
  case ND_COMMA:
    return value_varied(a, e->rhs);
  case ND_COND:
    return value_varied(a, e->then ? e->then : e->cond) || value_varied(a, e->els);
  case ND_CALL: {
    Obj *fn = call_body_target(e);
    FnInfo *fi = fn ? fn_info(a, fn) : NULL;
    if (fi)
      return fi->ret_varied;
    for (int i = 0; i < e->args.len; i++)
      if (arg_varied(a, vec_get(Node, &e->args, i)))
        return true;
    return false;
  }
  case ND_STMT_EXPR:
    return value_varied(a, stmt_expr_value(e));
  case ND_GENERIC:
    return value_varied(a, e->selected);
  case ND_BUILTIN:
    if (e->selected)
      return value_varied(a, e->selected);
    for (int i = 0; i < e->args.len; i++)
      if (arg_varied(a, vec_get(Node, &e->args, i)))
        return true;
    return false;
  case ND_VA_ARG:
    if (a->cur)
      return a->cur->va_varied;
    for (int i = 0; i < a->fns.len; i++) /* a query: whichever function it is in */
      if (vec_get(FnInfo, &a->fns, i)->va_varied)
        return true;
    return false;
  case ND_INIT_LIST:
    for (int i = 0; i < e->items.len; i++)
      if (value_varied(a, vec_get(InitItem, &e->items, i)->value))
        return true;
    return false;
  default:
    return false;
  }
}

/* Initializer lists: varied if any item is, points to what any item does. */
static bool init_varied(Activity *a, Node *init) {
  if (init->kind != ND_INIT_LIST)
    return value_varied(a, init);
  for (int i = 0; i < init->items.len; i++)
    if (init_varied(a, vec_get(InitItem, &init->items, i)->value))
      return true;
  return false;
}

static void init_ptrs(Activity *a, Node *init, Bits *out) {
  if (init->kind != ND_INIT_LIST) {
    ptr_targets(a, init, out);
    return;
  }
  for (int i = 0; i < init->items.len; i++)
    init_ptrs(a, vec_get(InitItem, &init->items, i)->value, out);
}

/* Stores value (of lvalue type ty) into every location in targets. */
static void store(Activity *a, const Bits *targets, Type *ty, Node *value) {
  bool varied = carries(ty) && init_varied(a, value);
  Bits pts = {0};
  init_ptrs(a, value, &pts);
  for (int i = 0; i < targets->n * 64; i++) {
    if (!bits_has(targets, i))
      continue;
    if (varied)
      set_varied(a, i);
    if (bits_or(&loc_at(a, i)->pts, &pts))
      a->changed = true;
  }
}

static void store_var(Activity *a, Obj *var, Node *value) {
  Bits t = {0};
  bits_add(&t, var_loc(a, var));
  store(a, &t, var->ty, value);
}

static void varied_visit(Activity *a, Node *n);

static void varied_call(Activity *a, Node *n) {
  Obj *fn = call_body_target(n);
  FnInfo *fi = fn ? fn_info(a, fn) : NULL;
  if (fi) {
    int nparams = fn->params.len;
    for (int i = 0; i < n->args.len; i++) {
      Node *arg = vec_get(Node, &n->args, i);
      if (i < nparams)
        store_var(a, vec_get(Obj, &fn->params, i), arg);
      else if (arg_varied(a, arg))
        set_flag(a, &fi->va_varied);
    }
    return;
  }
  bool any = false;
  for (int i = 0; i < n->args.len && !any; i++)
    any = arg_varied(a, vec_get(Node, &n->args, i));
  if (!any)
    return;
  for (int i = 0; i < n->args.len; i++) {
    Node *arg = vec_get(Node, &n->args, i);
    if (!arg_writable(n, i, arg))
      continue;
    Bits t = {0};
    ptr_targets(a, arg, &t);
    for (int j = 0; j < t.n * 64; j++)
      if (bits_has(&t, j))
        set_varied(a, j);
  }
}

static void varied_visit(Activity *a, Node *n) {
  switch (n->kind) {
  case ND_ASSIGN: {
    Bits t = {0};
    lv_targets(a, n->lhs, &t);
    store(a, &t, n->lhs->ty, n->rhs);
    break;
  }
  case ND_DECL:
    for (int i = 0; i < n->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &n->decl_vars, i);
      if (d->init && d->obj && d->obj->kind == OBJ_VAR)
        store_var(a, d->obj, d->init);
    }
    break;
  case ND_COMPOUND_LIT:
    if (n->init) {
      Bits t = {0};
      bits_add(&t, lit_loc(a, n));
      store(a, &t, n->ty, n->init);
    }
    break;
  case ND_CALL:
    varied_call(a, n);
    break;
  case ND_RETURN:
    if (n->lhs && a->cur) {
      if (carries(type_canon(a->cur->fn->ty)->return_ty) && value_varied(a, n->lhs))
        set_flag(a, &a->cur->ret_varied);
      Bits p = {0};
      ptr_targets(a, n->lhs, &p);
      if (bits_or(&a->cur->ret_pts, &p))
        a->changed = true;
    }
    break;
  default:
    break;
  }
  each_child(a, n, varied_visit);
}

/* ---------------------------------------------------------------------- */
/* Useful: backward from the outputs                                      */
/* ---------------------------------------------------------------------- */

static void mark_useful(Activity *a, Node *e);

static void targets_useful(Activity *a, Node *lv) {
  Bits t = {0};
  lv_targets(a, lv, &t);
  for (int i = 0; i < t.n * 64; i++)
    if (bits_has(&t, i))
      set_useful(a, i);
}

static void pointees_useful(Activity *a, Node *p) {
  Bits t = {0};
  ptr_targets(a, p, &t);
  for (int i = 0; i < t.n * 64; i++)
    if (bits_has(&t, i))
      set_useful(a, i);
}

/* The value of e is needed: what it reads becomes useful. */
static void mark_useful(Activity *a, Node *e) {
  if (!e || !carries(e->ty))
    return;
  map_put(&a->map, e, K_USEFUL, 1);
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_ARROW: case ND_DEREF: case ND_COMPOUND_LIT:
    targets_useful(a, e);
    return;
  case ND_MEMBER:
    if (is_lvalue_form(e->lhs))
      targets_useful(a, e);
    else
      mark_useful(a, e->lhs);
    return;
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
    mark_useful(a, e->lhs);
    mark_useful(a, e->rhs);
    return;
  case ND_NEG: case ND_PLUS: case ND_CAST:
    mark_useful(a, e->lhs);
    return;
  case ND_ASSIGN:
    targets_useful(a, e->lhs);
    mark_useful(a, e->rhs);
    return;
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
    targets_useful(a, e->lhs);
    return;
  case ND_COMMA:
    mark_useful(a, e->rhs);
    return;
  case ND_COND:
    mark_useful(a, e->then ? e->then : e->cond);
    mark_useful(a, e->els);
    return;
  case ND_CALL: {
    Obj *fn = call_body_target(e);
    FnInfo *fi = fn ? fn_info(a, fn) : NULL;
    if (fi) {
      set_flag(a, &fi->ret_useful);
      return;
    }
    for (int i = 0; i < e->args.len; i++) {
      Node *arg = vec_get(Node, &e->args, i);
      mark_useful(a, arg);
      if (is_ptr_or_array(arg->ty))
        pointees_useful(a, arg);
    }
    return;
  }
  case ND_STMT_EXPR:
    mark_useful(a, stmt_expr_value(e));
    return;
  case ND_GENERIC:
    mark_useful(a, e->selected);
    return;
  case ND_BUILTIN:
    if (e->selected) {
      mark_useful(a, e->selected);
      return;
    }
    for (int i = 0; i < e->args.len; i++)
      mark_useful(a, vec_get(Node, &e->args, i));
    return;
  case ND_VA_ARG:
    if (a->cur)
      set_flag(a, &a->cur->va_useful);
    return;
  case ND_INIT_LIST:
    for (int i = 0; i < e->items.len; i++)
      mark_useful(a, vec_get(InitItem, &e->items, i)->value);
    return;
  default:
    return;
  }
}

static bool var_useful(Activity *a, Obj *var) { return loc_at(a, var_loc(a, var))->useful; }

static void useful_call(Activity *a, Node *n) {
  Obj *fn = call_body_target(n);
  FnInfo *fi = fn ? fn_info(a, fn) : NULL;
  if (fi) {
    for (int i = 0; i < n->args.len; i++) {
      Node *arg = vec_get(Node, &n->args, i);
      if (i < fn->params.len ? var_useful(a, vec_get(Obj, &fn->params, i)) : fi->va_useful)
        mark_useful(a, arg);
    }
    return;
  }
  /* A library call writing into useful memory: all its inputs are needed. */
  bool writes_useful = false;
  for (int i = 0; i < n->args.len && !writes_useful; i++) {
    Node *arg = vec_get(Node, &n->args, i);
    if (arg_writable(n, i, arg)) {
      Bits t = {0};
      ptr_targets(a, arg, &t);
      writes_useful = any_loc(a, &t, loc_useful);
    }
  }
  if (!writes_useful)
    return;
  for (int i = 0; i < n->args.len; i++) {
    Node *arg = vec_get(Node, &n->args, i);
    mark_useful(a, arg);
    if (is_ptr_or_array(arg->ty))
      pointees_useful(a, arg);
  }
}

static void useful_visit(Activity *a, Node *n) {
  switch (n->kind) {
  case ND_ASSIGN: {
    Bits t = {0};
    lv_targets(a, n->lhs, &t);
    if (any_loc(a, &t, loc_useful)) {
      map_put(&a->map, n->lhs, K_USEFUL, 1);
      mark_useful(a, n->rhs);
    }
    break;
  }
  case ND_DECL:
    for (int i = 0; i < n->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &n->decl_vars, i);
      if (d->init && d->obj && d->obj->kind == OBJ_VAR && var_useful(a, d->obj))
        mark_useful(a, d->init);
    }
    break;
  case ND_COMPOUND_LIT:
    if (n->init && loc_at(a, lit_loc(a, n))->useful)
      mark_useful(a, n->init);
    break;
  case ND_CALL:
    useful_call(a, n);
    break;
  case ND_RETURN:
    if (n->lhs && a->cur && a->cur->ret_useful)
      mark_useful(a, n->lhs);
    break;
  default:
    break;
  }
  each_child(a, n, useful_visit);
}

/* ---------------------------------------------------------------------- */
/* The driver                                                             */
/* ---------------------------------------------------------------------- */

static void add_fn(Activity *a, Obj *fn) {
  if (fn_info(a, fn))
    return;
  FnInfo *fi = new_of(FnInfo);
  fi->fn = fn;
  map_put(&a->map, fn, K_FN, a->fns.len);
  vec_push(&a->fns, fi);
}

/* Finds the functions reachable by direct calls (in discovery order). */
static void reach_visit(Activity *a, Node *n) {
  if (n->kind == ND_CALL) {
    Obj *fn = call_body_target(n);
    if (fn)
      add_fn(a, fn);
  }
  each_child(a, n, reach_visit);
}

/* One pass of a transfer over every reachable function and every global
 * initializer. */
static void run_pass(Activity *a, Visit *visit) {
  for (int i = 0; i < a->fns.len; i++) {
    a->cur = vec_get(FnInfo, &a->fns, i);
    visit(a, a->cur->fn->body);
  }
  a->cur = NULL;
  for (int i = 0; i < a->globals.len; i++) {
    Obj *g = vec_get(Obj, &a->globals, i);
    if (!g->init)
      continue;
    if (visit == varied_visit)
      store_var(a, g, g->init);
    else if (var_useful(a, g))
      mark_useful(a, g->init);
  }
}

static void fixpoint(Activity *a, Visit *visit) {
  do {
    a->changed = false;
    run_pass(a, visit);
  } while (a->changed);
}

/* Any node of n (not descending into other functions) is active. */
static bool touches_active(Activity *a, Node *n);

static void touch_visit(Activity *a, Node *n);
static bool touch_found;

static void touch_visit(Activity *a, Node *n) {
  if (touch_found)
    return;
  if (activity_expr(a, n)) {
    touch_found = true;
    return;
  }
  if (n->kind == ND_CALL) {
    Obj *fn = call_body_target(n);
    FnInfo *fi = fn ? fn_info(a, fn) : NULL;
    if (fi && fi->active) {
      touch_found = true;
      return;
    }
  }
  each_child(a, n, touch_visit);
}

static bool touches_active(Activity *a, Node *n) {
  touch_found = false;
  touch_visit(a, n);
  return touch_found;
}

static void callees_visit(Activity *a, Node *n);

static void add_callee(Activity *a, Obj *fn) {
  for (int i = 0; i < a->callees.len; i++)
    if (a->callees.items[i] == fn)
      return;
  vec_push(&a->callees, fn);
  callees_visit(a, fn->body);
}

static void callees_visit(Activity *a, Node *n) {
  if (n->kind == ND_CALL) {
    Obj *fn = call_body_target(n);
    FnInfo *fi = fn ? fn_info(a, fn) : NULL;
    if (fi && fi->active)
      add_callee(a, fn);
  }
  each_child(a, n, callees_visit);
}

Activity *activity_analyze(Unit *unit, Obj *func, Vec *wrt, Vec *outs) {
  Activity *a = new_of(Activity);
  a->unit = unit;
  a->root = func;
  cotan_assert(func && func->body);

  /* The functions reached from F, transitively. */
  add_fn(a, func);
  for (int i = 0; i < a->fns.len; i++)
    reach_visit(a, vec_get(FnInfo, &a->fns, i)->fn->body);

  /* F's parameters that hold pointers point to memory of their own. */
  for (int i = 0; i < func->params.len; i++) {
    Obj *p = vec_get(Obj, &func->params, i);
    int loc = var_loc(a, p);
    if (holds_pointer(p->ty))
      bits_add(&loc_at(a, loc)->pts, ext_loc(a, p));
  }

  /* The inputs: the variable itself, and what it points to. */
  for (int i = 0; wrt && i < wrt->len; i++) {
    Obj *v = vec_get(Obj, wrt, i);
    int loc = var_loc(a, v);
    if (holds_pointer(v->ty))
      set_varied(a, ext_loc(a, v));
    if (holds_floating(v->ty))
      set_varied(a, loc);
  }
  fixpoint(a, varied_visit);

  /* The outputs: F's result, and the outs' storage. */
  FnInfo *root = fn_info(a, func);
  if (carries(type_canon(func->ty)->return_ty))
    root->ret_useful = true;
  for (int i = 0; outs && i < outs->len; i++) {
    Obj *v = vec_get(Obj, outs, i);
    int loc = var_loc(a, v);
    if (holds_pointer(v->ty))
      set_useful(a, ext_loc(a, v));
    if (holds_floating(v->ty))
      set_useful(a, loc);
  }
  fixpoint(a, useful_visit);

  /* Functions on the active path: those touching active storage, and
   * their callers. */
  bool changed;
  do {
    changed = false;
    for (int i = 0; i < a->fns.len; i++) {
      FnInfo *fi = vec_get(FnInfo, &a->fns, i);
      if (!fi->active && (activity_returns(a, fi->fn) || touches_active(a, fi->fn->body))) {
        fi->active = true;
        changed = true;
      }
    }
  } while (changed);
  callees_visit(a, func->body);
  return a;
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                */
/* ---------------------------------------------------------------------- */

static bool any_active(Activity *a, const Bits *b) {
  for (int i = 0; i < b->n * 64; i++)
    if (bits_has(b, i) && loc_active(a, i))
      return true;
  return false;
}

bool activity_obj(Activity *a, Obj *var) {
  if (!var || var->kind != OBJ_VAR)
    return false;
  int i = map_get(&a->map, var, K_VAR);
  if (i < 0)
    return false;
  if (loc_active(a, i))
    return true;
  return holds_pointer(var->ty) && any_active(a, &loc_at(a, i)->pts);
}

bool activity_expr(Activity *a, Node *e) {
  if (!e || !e->ty)
    return false;
  Type *ty = type_canon(e->ty);
  if (ty->kind == TY_PTR || ty->kind == TY_ARRAY) {
    /* A pointer (or array) is active if it points into active storage:
     * it needs a shadow. */
    Bits t = {0};
    ptr_targets(a, e, &t);
    return any_active(a, &t);
  }
  if (!carries(e->ty))
    return false;
  switch (e->kind) {
  case ND_VAR: case ND_INDEX: case ND_ARROW: case ND_DEREF: case ND_COMPOUND_LIT:
  case ND_MEMBER: case ND_ASSIGN:
  case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC: {
    /* Storage, and stores into it: active with the storage. */
    Node *lv = (e->kind == ND_VAR || e->kind == ND_INDEX || e->kind == ND_ARROW ||
                e->kind == ND_DEREF || e->kind == ND_COMPOUND_LIT || e->kind == ND_MEMBER)
                   ? e : e->lhs;
    if (lv->kind == ND_MEMBER && !is_lvalue_form(lv->lhs))
      return value_varied(a, lv) && useful_node(a, lv);
    Bits t = {0};
    lv_targets(a, lv, &t);
    return any_active(a, &t);
  }
  default:
    return value_varied(a, e) && useful_node(a, e);
  }
}

Vec *activity_callees(Activity *a) { return &a->callees; }

bool activity_param(Activity *a, Obj *callee, int index) {
  if (!callee || index < 0 || index >= callee->params.len)
    return false;
  return activity_obj(a, vec_get(Obj, &callee->params, index));
}

bool activity_returns(Activity *a, Obj *callee) {
  FnInfo *fi = callee ? fn_info(a, callee) : NULL;
  return fi && carries(type_canon(callee->ty)->return_ty) && fi->ret_varied && fi->ret_useful;
}
