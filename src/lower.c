/*
 * lower.c: library calls on floating data rewritten as the loops they
 * stand for, before the AD passes run.
 *
 * memcpy, memmove and memset see bytes, so no derivative rule can be
 * written for them; but when their pointers have a type, the call is an
 * element-wise copy (or zeroing) that the AD passes already know how to
 * differentiate, with every saving and aliasing question answered the
 * same way as for a loop the user wrote:
 *
 *     memcpy(t, x, n * sizeof *t);     for (int k = 0; k < n; k++)
 *                                          t[k] = x[k];
 *
 * This is the one pass that edits the user's tree (it runs on the
 * function bodies before anything reads them, so every later pass and the
 * static copies in the output see the loop).  A call it cannot type (a
 * `void *` argument, an expression with side effects, a memset to a
 * nonzero byte) is left as written: fence.c rejects it if it touches
 * active memory.
 */
#include "cotan.h"

#include <string.h>

typedef struct Lower {
  Obj *func;            /* the function whose body is lowered */
  Unit *unit;
  int first_index_id;   /* ids of the Objs this pass creates start here */
  Vec open;             /* char *: the indexes of the loops being built, innermost last */
} Lower;

/* A token for generated code at the place of `at`, without its comments
 * or macro spelling. */
static Token *lower_tok(Token *at) {
  Token *tok = new_of(Token);
  tok->file = at->file;
  tok->line = at->line;
  tok->col = at->col;
  tok->seq = at->seq;
  tok->kind = TK_IDENT;
  tok->text = "";
  return tok;
}

/* The library function a call names, without a __builtin_ prefix, or NULL. */
static const char *callee_name(Node *call) {
  if (call->kind != ND_CALL || call->lhs->kind != ND_VAR || call->lhs->obj->kind != OBJ_FUNC)
    return NULL;
  const char *name = call->lhs->obj->name;
  if (starts_with(name, "__builtin_"))
    name += strlen("__builtin_");
  return name;
}

/* No side effects and no calls: the loop may evaluate it every iteration. */
static bool lower_pure(Node *e) {
  if (!e)
    return true;
  switch (e->kind) {
  case ND_ASSIGN: case ND_PRE_INC: case ND_PRE_DEC: case ND_POST_INC: case ND_POST_DEC:
  case ND_CALL: case ND_STMT_EXPR: case ND_VA_ARG: case ND_ASM: case ND_COMMA:
  case ND_BUILTIN: case ND_GENERIC: case ND_COMPOUND_LIT:
    return false;
  case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF:
    return true;
  default:
    break;
  }
  return lower_pure(e->lhs) && lower_pure(e->rhs) && lower_pure(e->cond) &&
         lower_pure(e->then) && lower_pure(e->els);
}

/* The pointer argument as the user typed it: a conversion to `void *`
 * (written, or implied by the prototype) says nothing about the data. */
static Node *typed_pointer(Node *arg) {
  while (arg->kind == ND_CAST && is_pointer(arg->ty) && is_void(type_canon(arg->ty)->base))
    arg = arg->lhs;
  Type *t = type_decay(arg->ty);
  if (!is_pointer(t))
    return NULL;
  Type *elem = type_canon(t)->base;
  if (is_void(elem) || elem->size <= 0)
    return NULL;
  return arg;
}

static Type *elem_of(Node *ptr) { return type_decay(ptr->ty)->base; }

/* The size in bytes a sizeof node stands for, or -1 (a VLA). */
static int64_t sizeof_value(Node *e) {
  if (e->kind != ND_SIZEOF)
    return -1;
  Type *t = e->lhs ? e->lhs->ty : e->type_arg;
  return t ? t->size : -1;
}

/* `size` bytes as a count of elements of `elem`: `n` for `n * sizeof *t`,
 * a constant for `sizeof a`, `size / sizeof(T)` otherwise. */
static Node *element_count(Node *size, Type *elem, Token *tok) {
  Node *s = size;
  while (s->parenthesized && s->kind == ND_CAST && is_integer(s->ty))
    s = s->lhs;
  if (s->kind == ND_MUL) {
    if (sizeof_value(s->rhs) == elem->size)
      return s->lhs;
    if (sizeof_value(s->lhs) == elem->size)
      return s->rhs;
  }
  int64_t bytes = sizeof_value(s);
  /* sizeof w, w an array of such elements: its length as declared (TAPS) */
  Type *st = s->kind == ND_SIZEOF ? (s->lhs ? s->lhs->ty : s->type_arg) : NULL;
  if (st && is_array(st) && type_canon(st)->len_expr && !type_canon(st)->is_vla &&
      type_same_unqual(type_canon(st)->base, elem))
    return type_canon(st)->len_expr;
  if (bytes > 0 && bytes % elem->size == 0)
    return new_num_int(bytes / elem->size, ty_int, tok);
  Node *sz = new_node(ND_SIZEOF, tok);
  sz->type_arg = elem;
  sz->ty = size->ty;
  return new_binary(ND_DIV, size, sz, tok);
}

static bool name_taken(Lower *L, const char *name) {
  Obj *f = L->func;
  for (int i = 0; i < f->params.len; i++)
    if (str_eq(vec_get(Obj, &f->params, i)->name, name))
      return true;
  for (int i = 0; i < f->locals.len; i++) {
    Obj *v = vec_get(Obj, &f->locals, i);
    /* the indexes of other lowered loops are scoped to their loop */
    if (v->id < L->first_index_id && str_eq(v->name, name))
      return true;
  }
  for (int i = 0; i < L->unit->globals.len; i++)
    if (str_eq(vec_get(Obj, &L->unit->globals, i)->name, name))
      return true;
  return false;
}

/* The loop index: k, or k_2, k_3, ... when the function or an enclosing
 * lowered loop uses the name. */
static bool index_open(Lower *L, const char *name) {
  for (int i = 0; i < L->open.len; i++)
    if (str_eq(L->open.items[i], name))
      return true;
  return false;
}

static Obj *new_index(Lower *L, Type *ty, Token *tok) {
  char *name = "k";
  for (int n = 2; name_taken(L, name) || index_open(L, name); n++)
    name = format("k_%d", n);
  Obj *k = new_local_var(name, ty, tok);
  vec_push(&L->func->locals, k);
  return k;
}

/* dst[k] (or *dst when the count is 1) as an lvalue. */
static Node *element(Node *ptr, Node *index, Token *tok) {
  if (!index) {
    if (ptr->kind == ND_ADDR)
      return clone_expr(ptr->lhs);
    return new_unary(ND_DEREF, clone_expr(ptr), tok);
  }
  return new_binary(ND_INDEX, clone_expr(ptr), index, tok);
}

/* dst = src (src NULL: zero) for one element; an element that is itself
 * an array (a row of a matrix) is copied by a loop of its own. */
static Node *assign_elem(Lower *L, Node *dst, Node *src, Token *tok) {
  Type *t = type_canon(dst->ty);
  if (t->kind != TY_ARRAY) {
    Node *rhs = src ? src : new_zero(dst->ty, tok);
    return new_expr_stmt(new_assign(ND_NONE, dst, rhs, tok));
  }
  if (t->array_len <= 0 || t->is_vla)
    return NULL;
  Obj *k = new_index(L, ty_int, tok);
  vec_push(&L->open, k->name);
  Node *loop = new_node(ND_FOR, tok);
  loop->init = new_local_decl(k, new_num_int(0, ty_int, tok), tok);
  Node *len = t->len_expr ? clone_expr(t->len_expr) : new_num_int(t->array_len, ty_int, tok);
  loop->cond = new_binary(ND_LT, new_var_node(k, tok), len, tok);
  loop->inc = new_unary(ND_POST_INC, new_var_node(k, tok), tok);
  loop->body = assign_elem(L, new_binary(ND_INDEX, dst, new_var_node(k, tok), tok),
                           src ? new_binary(ND_INDEX, src, new_var_node(k, tok), tok) : NULL, tok);
  L->open.len--;
  return loop->body ? loop : NULL;
}

/* `value_of(k)` assigned to dst[k] for k in [0, count), or backwards. */
static Node *copy_loop(Lower *L, Node *dst, Node *src, Node *count, bool backwards, Token *tok) {
  if (count->kind == ND_NUM && count->ival == 1)
    return assign_elem(L, element(dst, NULL, tok), src ? element(src, NULL, tok) : NULL, tok);
  Type *ity = is_integer(count->ty) ? type_unqualified(type_promote(count->ty)) : ty_long;
  Obj *k = new_index(L, ity, tok);
  Node *loop = new_node(ND_FOR, tok);
  Node *at;
  if (!backwards) {
    loop->init = new_local_decl(k, new_num_int(0, ty_int, tok), tok);
    loop->cond = new_binary(ND_LT, new_var_node(k, tok), clone_expr(count), tok);
    loop->inc = new_unary(ND_POST_INC, new_var_node(k, tok), tok);
    at = new_var_node(k, tok);
  } else {
    loop->init = new_local_decl(k, clone_expr(count), tok);
    loop->cond = new_binary(ND_GT, new_var_node(k, tok), new_num_int(0, ty_int, tok), tok);
    loop->inc = new_unary(ND_POST_DEC, new_var_node(k, tok), tok);
    at = new_binary(ND_SUB, new_var_node(k, tok), new_num_int(1, ty_int, tok), tok);
  }
  vec_push(&L->open, k->name);
  loop->body = assign_elem(L, new_binary(ND_INDEX, clone_expr(dst), at, tok),
                           src ? new_binary(ND_INDEX, clone_expr(src), clone_expr(at), tok) : NULL,
                           tok);
  L->open.len--;
  return loop->body ? loop : NULL;
}

/* `a`, `a + c`, `&a[c]` for an array variable a and a constant c: the
 * variable and c. */
static bool array_offset(Node *p, Obj **base, int64_t *off) {
  if (p->kind == ND_VAR && p->obj->kind == OBJ_VAR && is_array(p->obj->ty)) {
    *base = p->obj;
    *off = 0;
    return true;
  }
  if (p->kind == ND_ADDR && p->lhs->kind == ND_INDEX && !p->lhs->swapped)
    return array_offset(p->lhs->lhs, base, off) && p->lhs->rhs->kind == ND_NUM &&
           (*off += p->lhs->rhs->ival, true);
  if (p->kind == ND_ADD && p->rhs->kind == ND_NUM && is_integer(p->rhs->ty))
    return array_offset(p->lhs, base, off) && (*off += p->rhs->ival, true);
  return false;
}

/* The statement a call stands for, or NULL to leave it as written. */
static Node *lower_call(Lower *L, Node *call) {
  const char *name = callee_name(call);
  if (!name)
    return NULL;
  bool is_memset = str_eq(name, "memset");
  bool is_move = str_eq(name, "memmove");
  if (!is_memset && !is_move && !str_eq(name, "memcpy"))
    return NULL;
  if (call->args.len != 3)
    return NULL;
  Token *tok = lower_tok(call->lhs->tok);
  Node *dst = typed_pointer(vec_get(Node, &call->args, 0));
  Node *size = vec_get(Node, &call->args, 2);
  if (!dst || !type_has_floating(elem_of(dst)) || is_const(elem_of(dst)) || !lower_pure(dst) ||
      !lower_pure(size))
    return NULL;
  Type *elem = elem_of(dst);
  Node *count = clone_expr(element_count(size, elem, tok));
  count->parenthesized = false;
  if (is_memset) {
    int64_t byte;
    if (!eval_int_try(vec_get(Node, &call->args, 1), &byte) || byte != 0)
      return NULL;
    Node *zero;
    if (is_scalar(elem)) {
      zero = new_zero(elem, tok);
    } else if (is_record(elem) && !type_canon(elem)->sdef->is_union) {
      /* (struct pt){0}: every member zero, as the bytes were */
      zero = new_node(ND_COMPOUND_LIT, tok);
      zero->type_arg = type_unqualified(elem);
      zero->ty = zero->type_arg;
      Node *list = new_node(ND_INIT_LIST, tok);
      list->ty = zero->ty;
      InitItem *it = new_of(InitItem);
      it->value = new_num_int(0, ty_int, tok);
      it->tok = tok;
      vec_push(&list->items, it);
      zero->init = list;
    } else if (is_array(elem)) {
      return copy_loop(L, dst, NULL, count, false, tok); /* rows of a matrix */
    } else {
      return NULL; /* unions: left to fence.c */
    }
    if (count->kind == ND_NUM && count->ival == 1)
      return new_expr_stmt(new_assign(ND_NONE, element(dst, NULL, tok), zero, tok));
    Type *ity = is_integer(count->ty) ? type_unqualified(type_promote(count->ty)) : ty_long;
    Obj *k = new_index(L, ity, tok);
    Node *loop = new_node(ND_FOR, tok);
    loop->init = new_local_decl(k, new_num_int(0, ty_int, tok), tok);
    loop->cond = new_binary(ND_LT, new_var_node(k, tok), clone_expr(count), tok);
    loop->inc = new_unary(ND_POST_INC, new_var_node(k, tok), tok);
    loop->body = new_expr_stmt(new_assign(
        ND_NONE, new_binary(ND_INDEX, clone_expr(dst), new_var_node(k, tok), tok), zero, tok));
    return loop;
  }
  Node *src = typed_pointer(vec_get(Node, &call->args, 1));
  if (!src || !lower_pure(src) || !type_same_unqual(elem_of(src), elem))
    return NULL;
  if (!is_move || (count->kind == ND_NUM && count->ival == 1))
    return copy_loop(L, dst, src, count, false, tok);
  /* memmove: copy upwards when the destination is below the source, so an
   * element is read before it is overwritten; downwards otherwise.  Known
   * here when both are constant offsets into one array. */
  Obj *db, *sb;
  int64_t doff, soff;
  if (array_offset(dst, &db, &doff) && array_offset(src, &sb, &soff) && db == sb)
    return copy_loop(L, dst, src, count, doff > soff, tok);
  Node *up = copy_loop(L, dst, src, count, false, tok);
  Node *down = copy_loop(L, dst, src, count, true, tok);
  return new_if(new_binary(ND_LE, clone_expr(dst), clone_expr(src), tok), up, down, tok);
}

static void lower_stmt(Lower *L, Node *s);

static void lower_in(Lower *L, Node **slot) {
  Node *s = *slot;
  if (!s)
    return;
  if (s->kind == ND_EXPR_STMT) {
    Node *e = s->lhs;
    if (e->kind == ND_CAST && is_void(e->ty))
      e = e->lhs;
    Node *repl = lower_call(L, e);
    if (repl) {
      /* keep the statement's own token, with the user's comments before it */
      repl->tok = s->tok;
      repl->end_tok = s->end_tok;
      *slot = repl;
    }
    return;
  }
  lower_stmt(L, s);
}

static void lower_stmt(Lower *L, Node *s) {
  if (!s)
    return;
  for (int i = 0; i < s->stmts.len; i++)
    lower_in(L, (Node **)&s->stmts.items[i]);
  switch (s->kind) {
  case ND_IF:
    lower_in(L, &s->then);
    lower_in(L, &s->els);
    break;
  case ND_FOR: case ND_WHILE: case ND_DO: case ND_SWITCH: case ND_CASE: case ND_DEFAULT:
  case ND_LABEL:
    lower_in(L, &s->body);
    break;
  default:
    break;
  }
}

void lower_unit(Unit *unit) {
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = unit->items.items[i];
    if (item->kind != ND_FUNCDEF || !item->obj->body || !tok_in_user_file(item->tok))
      continue;
    Lower L = {.func = item->obj, .unit = unit};
    L.first_index_id = new_local_var("", ty_int, item->tok)->id;
    lower_stmt(&L, item->obj->body);
  }
}
