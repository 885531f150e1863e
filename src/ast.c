/*
 * ast.c: copying and building trees for the code generators.
 *
 * The AD passes never change the user's tree: they build new trees with
 * these helpers and with the typed builders of expr.c.  Generated nodes
 * borrow the token of the source node they derive from, so an error in a
 * later pass points at the user's code, and the printer can still spell a
 * one-token macro by its name.  Generated blocks get a token of their own
 * (a `{` with no comments and no successor), so the printer never pulls
 * the user's comments or blank lines into code the user did not write.
 */
#include "cotan.h"

#include <string.h>

static Node *clone_node(Node *e);

static void clone_vec(Vec *dst, Vec *src) {
  Vec out = {0};
  for (int i = 0; i < src->len; i++)
    vec_push(&out, clone_node(src->items[i]));
  *dst = out;
}

static Node *clone_node(Node *e) {
  if (!e)
    return NULL;
  Node *n = new_of(Node);
  *n = *e;
  n->aux = NULL;
  n->lhs = clone_node(e->lhs);
  n->rhs = clone_node(e->rhs);
  n->cond = clone_node(e->cond);
  n->then = clone_node(e->then);
  n->els = clone_node(e->els);
  n->init = clone_node(e->init);
  n->inc = clone_node(e->inc);
  n->body = clone_node(e->body);
  clone_vec(&n->args, &e->args);
  clone_vec(&n->stmts, &e->stmts);
  /* case lists point into the body: rebuilt below for switches */
  n->cases = (Vec){0};
  Vec vars = {0};
  for (int i = 0; i < e->decl_vars.len; i++) {
    Declarator *dv = new_of(Declarator);
    *dv = *vec_get(Declarator, &e->decl_vars, i);
    dv->init = clone_node(dv->init);
    vec_push(&vars, dv);
  }
  n->decl_vars = vars;
  Vec items = {0};
  for (int i = 0; i < e->items.len; i++) {
    InitItem *it = new_of(InitItem);
    *it = *vec_get(InitItem, &e->items, i);
    it->value = clone_node(it->value);
    vec_push(&items, it);
  }
  n->items = items;
  if (e->kind == ND_GENERIC) {
    n->selected = clone_node(e->selected);
  }
  return n;
}

/* The ND_CASE / ND_DEFAULT nodes of a cloned switch body, in order (not
 * looking into nested switches). */
static void collect_cases(Node *s, Vec *out) {
  if (!s)
    return;
  if (s->kind == ND_CASE || s->kind == ND_DEFAULT)
    vec_push(out, s);
  if (s->kind == ND_SWITCH)
    return;
  collect_cases(s->then, out);
  collect_cases(s->els, out);
  collect_cases(s->body, out);
  for (int i = 0; i < s->stmts.len; i++)
    collect_cases(s->stmts.items[i], out);
}

static void fix_switches(Node *s) {
  if (!s)
    return;
  if (s->kind == ND_SWITCH) {
    s->cases = (Vec){0};
    collect_cases(s->body, &s->cases);
  }
  fix_switches(s->then);
  fix_switches(s->els);
  fix_switches(s->body);
  fix_switches(s->init);
  for (int i = 0; i < s->stmts.len; i++)
    fix_switches(s->stmts.items[i]);
}

Node *clone_expr(Node *e) {
  Node *n = clone_node(e);
  fix_switches(n);
  return n;
}

/* A token for generated code at the place of `at`: no comments, no
 * successor in the stream. */
static Token *plain_token(Token *at, const char *text) {
  Token *tok = new_of(Token);
  if (at) {
    tok->file = at->file;
    tok->line = at->line;
    tok->col = at->col;
    tok->seq = at->seq;
  }
  tok->kind = TK_PUNCT;
  tok->text = text;
  tok->len = (int)strlen(text);
  return tok;
}

Node *new_block(Token *tok) {
  Node *b = new_node(ND_BLOCK, plain_token(tok, "{"));
  return b;
}

void block_add(Node *block, Node *stmt) {
  if (stmt)
    vec_push(&block->stmts, stmt);
}

Node *new_expr_stmt(Node *expr) {
  Node *s = new_node(ND_EXPR_STMT, expr->tok);
  s->lhs = expr;
  return s;
}

Obj *new_local_var(const char *name, Type *ty, Token *tok) {
  static int next_id = 1 << 28;
  Obj *var = new_of(Obj);
  var->kind = OBJ_VAR;
  var->name = xstrdup(name);
  var->ty = ty;
  var->decl_ty = ty;
  var->tok = tok;
  var->def_tok = tok;
  var->is_local = true;
  var->is_defined = true;
  var->id = next_id++;
  return var;
}

Node *new_local_decl(Obj *var, Node *init, Token *tok) {
  Node *d = new_node(ND_DECL, tok);
  Declarator *dv = new_of(Declarator);
  dv->obj = var;
  dv->ty = var->ty;
  dv->init = init;
  dv->tok = tok;
  vec_push(&d->decl_vars, dv);
  return d;
}

Node *new_if(Node *cond, Node *then, Node *els, Token *tok) {
  Node *s = new_node(ND_IF, tok);
  s->cond = cond;
  s->then = then;
  s->els = els;
  return s;
}

Node *new_return(Node *expr, Token *tok) {
  Node *s = new_node(ND_RETURN, tok);
  s->lhs = expr;
  return s;
}

Node *new_zero(Type *ty, Token *tok) {
  if (is_floating(ty))
    return new_num_float(0.0, type_unqualified(ty), tok);
  return new_num_int(0, is_integer(ty) ? type_promote(ty) : ty_int, tok);
}

char *source_line_text(const Token *tok) {
  if (!tok || !tok->file || tok->line < 1)
    return NULL;
  const char *src = srcfile_contents(tok->file);
  for (int l = 1; src && l < tok->line; l++) {
    src = strchr(src, '\n');
    if (src)
      src++;
  }
  if (!src)
    return NULL;
  size_t len = strcspn(src, "\n");
  while (len > 0 && (*src == ' ' || *src == '\t')) {
    src++;
    len--;
  }
  while (len > 0 && (src[len - 1] == ' ' || src[len - 1] == '\t' || src[len - 1] == '\r'))
    len--;
  if (!len)
    return NULL;
  return xstrndup(src, len);
}

void ast_each_evaluated_child(Node *n, void (*visit)(void *ctx, Node *child), void *ctx) {
  switch (n->kind) {
  case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF: case ND_TYPE_ARG:
  case ND_STATIC_ASSERT: case ND_ASM: case ND_PRAGMA:
    return;
  case ND_DECL:
    for (int i = 0; i < n->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &n->decl_vars, i);
      if (d->init && d->obj && d->obj->kind == OBJ_VAR)
        visit(ctx, d->init);
    }
    return;
  case ND_INIT_LIST:
    for (int i = 0; i < n->items.len; i++)
      visit(ctx, vec_get(InitItem, &n->items, i)->value);
    return;
  case ND_GENERIC:
    if (n->selected)
      visit(ctx, n->selected);
    return;
  case ND_BUILTIN:
    if (n->selected) {
      visit(ctx, n->selected);
      return;
    }
    for (int i = 0; i < n->args.len; i++)
      visit(ctx, vec_get(Node, &n->args, i));
    return;
  case ND_FOR:
    if (n->init)
      visit(ctx, n->init);
    if (n->cond)
      visit(ctx, n->cond);
    if (n->inc)
      visit(ctx, n->inc);
    visit(ctx, n->body);
    return;
  case ND_DO:
    visit(ctx, n->body);
    visit(ctx, n->cond);
    return;
  default:
    break;
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    if (kids[i])
      visit(ctx, kids[i]);
  for (int i = 0; i < n->args.len; i++)
    visit(ctx, vec_get(Node, &n->args, i));
  for (int i = 0; i < n->stmts.len; i++)
    visit(ctx, vec_get(Node, &n->stmts, i));
}
