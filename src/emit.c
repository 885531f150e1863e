/*
 * emit.c: the output unit of `cotan grad` and `cotan vjp`.
 *
 * One translation unit that compiles on its own and links with the
 * object file of the user's source:
 *
 *   a header comment saying how it was made;
 *   the user's #include lines and the #defines the code uses;
 *   the user's types, typedefs and enumerations it needs;
 *   declarations of the user's functions and global variables it uses
 *   (prototypes, `extern`), and static copies of the user's static
 *   functions and variables (they have no external name to link to);
 *   the tape (a struct and a few static functions) if the code saves
 *   values;
 *   the static helpers <callee>_vjp, then F_grad with external linkage.
 *
 * The user's functions are never redefined with external linkage.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

static const char tape_type_text[] =
    "/* The tape: values the forward sweep saves for the reverse sweep. */\n"
    "typedef struct cotan_tape {\n"
    "    double *val; /* saved floating values */\n"
    "    long nval, capval;\n"
    "    long *ints; /* saved integers: branches taken, iteration counts */\n"
    "    long nint, capint;\n"
    "} cotan_tape;";

static const char tape_double_text[] =
    "static void cotan_push(cotan_tape *t, double v)\n"
    "{\n"
    "    if (t->nval == t->capval) {\n"
    "        t->capval = t->capval ? 2 * t->capval : 256;\n"
    "        t->val = realloc(t->val, (size_t)t->capval * sizeof *t->val);\n"
    "        if (!t->val)\n"
    "            abort();\n"
    "    }\n"
    "    t->val[t->nval++] = v;\n"
    "}\n"
    "\n"
    "static double cotan_pop(cotan_tape *t)\n"
    "{\n"
    "    return t->val[--t->nval];\n"
    "}";

static const char tape_int_text[] =
    "static void cotan_push_int(cotan_tape *t, long v)\n"
    "{\n"
    "    if (t->nint == t->capint) {\n"
    "        t->capint = t->capint ? 2 * t->capint : 256;\n"
    "        t->ints = realloc(t->ints, (size_t)t->capint * sizeof *t->ints);\n"
    "        if (!t->ints)\n"
    "            abort();\n"
    "    }\n"
    "    t->ints[t->nint++] = v;\n"
    "}\n"
    "\n"
    "static long cotan_pop_int(cotan_tape *t)\n"
    "{\n"
    "    return t->ints[--t->nint];\n"
    "}";

static const char tape_doubles_text[] =
    "static void cotan_push_doubles(cotan_tape *t, const double *p, long n)\n"
    "{\n"
    "    for (long i = 0; i < n; i++)\n"
    "        cotan_push(t, p[i]);\n"
    "}\n"
    "\n"
    "static void cotan_pop_doubles(cotan_tape *t, double *p, long n)\n"
    "{\n"
    "    for (long i = n - 1; i >= 0; i--)\n"
    "        p[i] = cotan_pop(t);\n"
    "}";

static const char tape_floats_text[] =
    "static void cotan_push_floats(cotan_tape *t, const float *p, long n)\n"
    "{\n"
    "    for (long i = 0; i < n; i++)\n"
    "        cotan_push(t, p[i]);\n"
    "}\n"
    "\n"
    "static void cotan_pop_floats(cotan_tape *t, float *p, long n)\n"
    "{\n"
    "    for (long i = n - 1; i >= 0; i--)\n"
    "        p[i] = (float)cotan_pop(t);\n"
    "}";

static const char tape_mem_text[] =
    "/* Values the double tape cannot hold exactly (long double, structs): byte for\n"
    " * byte, in as many double slots as they need. */\n"
    "static void cotan_push_mem(cotan_tape *t, const void *p, size_t n)\n"
    "{\n"
    "    for (size_t i = 0; i < n; i += sizeof(double)) {\n"
    "        cotan_push(t, 0.0);\n"
    "        memcpy(&t->val[t->nval - 1], (const char *)p + i,\n"
    "               n - i < sizeof(double) ? n - i : sizeof(double));\n"
    "    }\n"
    "}\n"
    "\n"
    "static void cotan_pop_mem(cotan_tape *t, void *p, size_t n)\n"
    "{\n"
    "    for (size_t i = (n + sizeof(double) - 1) / sizeof(double) * sizeof(double); i > 0;) {\n"
    "        i -= sizeof(double);\n"
    "        (void)cotan_pop(t);\n"
    "        memcpy((char *)p + i, &t->val[t->nval], n - i < sizeof(double) ? n - i : sizeof(double));\n"
    "    }\n"
    "}";

static const char tape_finals_text[] =
    "/* F's results in its output memory, kept while the reverse sweep\n"
    " * restores the values it needs, then put back. */\n"
    "static void cotan_keep_final(cotan_tape *t, void *p, size_t n)\n"
    "{\n"
    "    cotan_push_mem(t, p, n);\n"
    "    cotan_push_int(t, (long)n);\n"
    "    cotan_push_int(t, (long)(intptr_t)p);\n"
    "}\n"
    "\n"
    "static void cotan_put_back(cotan_tape *t)\n"
    "{\n"
    "    while (t->nint > 0) {\n"
    "        void *p = (void *)(intptr_t)cotan_pop_int(t);\n"
    "        size_t n = (size_t)cotan_pop_int(t);\n"
    "        cotan_pop_mem(t, p, n);\n"
    "    }\n"
    "}";

static const char tape_undo_keep_text[] =
    "/* cotan_undo, keeping each value it overwrites on the finals tape */\n"
    "static void cotan_undo_keep(cotan_tape *t, cotan_tape *finals)\n"
    "{\n"
    "    for (long a = cotan_pop_int(t); a != 0; a = cotan_pop_int(t)) {\n"
    "        cotan_keep_final(finals, (double *)(intptr_t)a, sizeof(double));\n"
    "        *(double *)(intptr_t)a = cotan_pop(t);\n"
    "    }\n"
    "}";

static const char tape_reserve_text[] =
    "/* Room for nval more values and nint more integers. */\n"
    "static void cotan_reserve(cotan_tape *t, long nval, long nint)\n"
    "{\n"
    "    if (nval > 0 && t->nval + nval > t->capval) {\n"
    "        t->capval = t->nval + nval;\n"
    "        t->val = realloc(t->val, (size_t)t->capval * sizeof *t->val);\n"
    "        if (!t->val)\n"
    "            abort();\n"
    "    }\n"
    "    if (nint > 0 && t->nint + nint > t->capint) {\n"
    "        t->capint = t->nint + nint;\n"
    "        t->ints = realloc(t->ints, (size_t)t->capint * sizeof *t->ints);\n"
    "        if (!t->ints)\n"
    "            abort();\n"
    "    }\n"
    "}";

static const char tape_log_text[] =
    "/* The undo log of a call that overwrites memory the caller still needs:\n"
    " * a 0, then the old value and the address of each element it writes. */\n"
    "static void cotan_log(cotan_tape *t, double *p)\n"
    "{\n"
    "    cotan_push(t, *p);\n"
    "    cotan_push_int(t, (long)(intptr_t)p);\n"
    "}";

static const char tape_undo_text[] =
    "/* Undoes the writes of the newest log, last write first. */\n"
    "static void cotan_undo(cotan_tape *t)\n"
    "{\n"
    "    for (long a = cotan_pop_int(t); a != 0; a = cotan_pop_int(t))\n"
    "        *(double *)(intptr_t)a = cotan_pop(t);\n"
    "}";

/* The heap record (reverse.c, "Heap memory"): one piece per function, each
 * emitted only when used. */
static const char heap_type_text[] =
    "/* Blocks the derivative code allocates.  The reverse sweep still reads\n"
    " * memory that F frees or that realloc moves, so those blocks are freed\n"
    " * at the end, with the adjoint blocks (cotan_shadow). */\n"
    "typedef struct cotan_heap {\n"
    "    struct cotan_block {\n"
    "        void *p;\n"
    "        size_t size;\n"
    "        void *prev;   /* realloc: the block it was copied from */\n"
    "        void *shadow; /* the adjoint block made for it */\n"
    "        int owned;    /* freed by cotan_heap_free */\n"
    "    } *blocks;\n"
    "    long n, cap;\n"
    "} cotan_heap;";

static const char heap_block_of_text[] =
    "static struct cotan_block *cotan_block_of(cotan_heap *h, const void *p)\n"
    "{\n"
    "    for (long i = h->n - 1; p && i >= 0; i--)\n"
    "        if (h->blocks[i].p == p)\n"
    "            return &h->blocks[i];\n"
    "    return NULL;\n"
    "}";

static const char heap_keep_text[] =
    "static void *cotan_keep(cotan_heap *h, void *p, size_t size, void *prev, int owned)\n"
    "{\n"
    "    if (!p)\n"
    "        return NULL;\n"
    "    if (h->n == h->cap) {\n"
    "        h->cap = h->cap ? 2 * h->cap : 16;\n"
    "        h->blocks = realloc(h->blocks, (size_t)h->cap * sizeof *h->blocks);\n"
    "        if (!h->blocks)\n"
    "            abort();\n"
    "    }\n"
    "    h->blocks[h->n].p = p;\n"
    "    h->blocks[h->n].size = size;\n"
    "    h->blocks[h->n].prev = prev;\n"
    "    h->blocks[h->n].shadow = NULL;\n"
    "    h->blocks[h->n].owned = owned;\n"
    "    h->n++;\n"
    "    return p;\n"
    "}";

static const char heap_malloc_text[] =
    "static void *cotan_malloc(cotan_heap *h, size_t size)\n"
    "{\n"
    "    return cotan_keep(h, malloc(size), size, NULL, 0);\n"
    "}";

static const char heap_calloc_text[] =
    "static void *cotan_calloc(cotan_heap *h, size_t n, size_t size)\n"
    "{\n"
    "    return cotan_keep(h, calloc(n, size), n * size, NULL, 0);\n"
    "}";

static const char heap_realloc_text[] =
    "/* realloc that leaves the old block in place for the reverse sweep */\n"
    "static void *cotan_realloc(cotan_heap *h, void *p, size_t size)\n"
    "{\n"
    "    struct cotan_block *b = cotan_block_of(h, p);\n"
    "    if (p && !b) {\n"
    "        fputs(\"cotan: realloc of a block the differentiated code did not allocate\\n\", stderr);\n"
    "        abort();\n"
    "    }\n"
    "    void *q = malloc(size ? size : 1);\n"
    "    if (!q)\n"
    "        return NULL;\n"
    "    if (b) {\n"
    "        memcpy(q, p, b->size < size ? b->size : size);\n"
    "        b->owned = 1;\n"
    "    }\n"
    "    return cotan_keep(h, q, size, p, 0);\n"
    "}";

static const char heap_free_text[] =
    "static void cotan_free(cotan_heap *h, void *p)\n"
    "{\n"
    "    struct cotan_block *b = cotan_block_of(h, p);\n"
    "    if (b)\n"
    "        b->owned = 1;\n"
    "    else\n"
    "        cotan_keep(h, p, 0, NULL, 1);\n"
    "}";

static const char heap_shadow_text[] =
    "/* A zeroed adjoint block for the block p */\n"
    "static void *cotan_shadow(cotan_heap *h, const void *p)\n"
    "{\n"
    "    struct cotan_block *b = cotan_block_of(h, p);\n"
    "    if (!b)\n"
    "        return NULL;\n"
    "    void *d = calloc(1, b->size ? b->size : 1);\n"
    "    if (!d)\n"
    "        abort();\n"
    "    b->shadow = d;\n"
    "    return cotan_keep(h, d, b->size, NULL, 1);\n"
    "}";

static const char heap_heap_free_text[] =
    "static void cotan_heap_free(cotan_heap *h)\n"
    "{\n"
    "    for (long i = 0; i < h->n; i++)\n"
    "        if (h->blocks[i].owned)\n"
    "            free(h->blocks[i].p);\n"
    "    free(h->blocks);\n"
    "}";

/* The adjoint side of cotan_realloc, per element type. */
static const char heap_back_fmt[] =
    "/* After p = realloc(old, n): the adjoints of the elements it copied go\n"
    " * back to the old block's */\n"
    "static void %s(cotan_heap *h, const void *p)\n"
    "{\n"
    "    struct cotan_block *b = cotan_block_of(h, p);\n"
    "    struct cotan_block *old = b ? cotan_block_of(h, b->prev) : NULL;\n"
    "    if (!old || !b->shadow || !old->shadow)\n"
    "        return;\n"
    "    %s *d_new = b->shadow, *d_old = old->shadow;\n"
    "    size_t n = (b->size < old->size ? b->size : old->size) / sizeof *d_new;\n"
    "    for (size_t i = 0; i < n; i++) {\n"
    "        d_old[i] += d_new[i];\n"
    "        d_new[i] = 0;\n"
    "    }\n"
    "}";

static const char tape_free_text[] =
    "static void cotan_tape_free(cotan_tape *t)\n"
    "{\n"
    "    free(t->val);\n"
    "    free(t->ints);\n"
    "}";

static Node *verbatim(const char *text, Token *tok) {
  Node *n = new_node(ND_PRAGMA, tok);
  n->text = (char *)text;
  return n;
}

static Obj *find_func(Unit *unit, const char *name) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *obj = vec_get(Obj, &unit->globals, i);
    if (obj->kind == OBJ_FUNC && !obj->is_builtin && str_eq(obj->name, name))
      return obj;
  }
  return NULL;
}

static char *param_list(Obj *f) {
  Buf b = {0};
  for (int i = 0; i < f->params.len; i++)
    buf_printf(&b, "%s'%s'", i ? ", " : "", vec_get(Obj, &f->params, i)->name);
  return f->params.len ? b.data : "none";
}

/* The parameters differentiated: --wrt, or every one with a floating
 * value in it. */
/* --wrt naming a file-scope variable of the user's (parameters kept in
 * globals): its adjoint is a global d_<name> that the output defines. */
static Obj *wrt_global(Unit *unit, Obj *f, const char *name) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *g = vec_get(Obj, &unit->globals, i);
    if (g->kind != OBJ_VAR || !str_eq(g->name, name) || !tok_in_user_file(g->tok))
      continue;
    Token *at = f->def_tok ? f->def_tok : f->tok;
    if (is_pointer(g->ty)) {
      error_tok_noexit(at, "cannot differentiate with respect to the global '%s': it is a "
                           "pointer",
                       name);
      note_tok(g->tok, "'%s' is declared here; pass the memory it points to as a parameter "
                       "instead",
               name);
      exit(EXIT_INPUT_ERROR);
    }
    if (is_const(g->ty) || (is_array(g->ty) && is_const(type_canon(g->ty)->base)))
      error_tok(g->tok, "cannot differentiate with respect to '%s': it is const", name);
    return g;
  }
  return NULL;
}

static void choose_wrt(Unit *unit, Obj *f, const GradOptions *opts, Vec *wrt) {
  Token *at = f->def_tok ? f->def_tok : f->tok;
  if (!opts->wrt.len) {
    for (int i = 0; i < f->params.len; i++) {
      Obj *p = vec_get(Obj, &f->params, i);
      if (type_has_floating(p->ty))
        vec_push(wrt, p);
    }
    if (!wrt->len)
      error_tok(at, "cannot differentiate '%s': none of its parameters has a floating type",
                f->name);
    return;
  }
  for (int k = 0; k < opts->wrt.len; k++) {
    const char *name = vec_get(char, &opts->wrt, k);
    Obj *found = NULL;
    for (int i = 0; i < f->params.len && !found; i++)
      if (str_eq(vec_get(Obj, &f->params, i)->name, name))
        found = vec_get(Obj, &f->params, i);
    if (!found)
      found = wrt_global(unit, f, name);
    if (!found) {
      error_tok_noexit(at, "'%s' is neither a parameter of '%s' nor a global variable", name,
                       f->name);
      note_tok(at, "the parameters of '%s' are: %s", f->name, param_list(f));
      exit(EXIT_INPUT_ERROR);
    }
    if (!type_has_floating(found->ty))
      error_tok(found->tok,
                "cannot differentiate with respect to '%s': its type '%s' holds no floating "
                "value",
                name, type_to_str(found->ty, ""));
    bool dup = false;
    for (int i = 0; i < wrt->len; i++)
      dup |= wrt->items[i] == found;
    if (!dup)
      vec_push(wrt, found);
  }
  /* parameter order, whatever the order of --wrt; then the globals */
  Vec sorted = {0};
  for (int i = 0; i < f->params.len; i++)
    for (int k = 0; k < wrt->len; k++)
      if (wrt->items[k] == f->params.items[i])
        vec_push(&sorted, f->params.items[i]);
  for (int k = 0; k < wrt->len; k++)
    if (!((Obj *)wrt->items[k])->is_local)
      vec_push(&sorted, wrt->items[k]);
  *wrt = sorted;
}

/* vjp --out: pointer parameters whose final values are outputs (their
 * adjoints come in as seeds). */
static void choose_outs(Obj *f, const GradOptions *opts, Vec *outs) {
  Token *at = f->def_tok ? f->def_tok : f->tok;
  for (int k = 0; k < opts->outs.len; k++) {
    const char *name = vec_get(char, &opts->outs, k);
    Obj *found = NULL;
    for (int i = 0; i < f->params.len && !found; i++)
      if (str_eq(vec_get(Obj, &f->params, i)->name, name))
        found = vec_get(Obj, &f->params, i);
    if (!found) {
      error_tok_noexit(at, "--out '%s': '%s' has no parameter named '%s'", name, f->name, name);
      note_tok(at, "the parameters of '%s' are: %s", f->name, param_list(f));
      exit(EXIT_INPUT_ERROR);
    }
    if (!is_pointer(found->ty) || !type_has_floating(found->ty) || is_const(found->ty->base))
      error_tok(found->tok, "--out '%s': an output must be a pointer to (non-const) floating "
                            "memory, not '%s'",
                name, type_to_str(found->ty, ""));
    vec_push(outs, found);
  }
}

/* ---- what the generated code calls ---- */

typedef struct Calls {
  Vec fns;      /* Obj *: the user's functions called, in order of discovery */
} Calls;

static bool in_vec(Vec *v, void *p) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == p)
      return true;
  return false;
}

static void calls_in(Node *n, Vec *out) {
  if (!n)
    return;
  if (n->kind == ND_VAR && n->obj && n->obj->kind == OBJ_FUNC && n->obj->body &&
      !in_vec(out, n->obj))
    vec_push(out, n->obj);
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    calls_in(kids[i], out);
  for (int i = 0; i < n->args.len; i++)
    calls_in(n->args.items[i], out);
  for (int i = 0; i < n->stmts.len; i++)
    calls_in(n->stmts.items[i], out);
  for (int i = 0; i < n->decl_vars.len; i++)
    calls_in(vec_get(Declarator, &n->decl_vars, i)->init, out);
  for (int i = 0; i < n->items.len; i++)
    calls_in(vec_get(InitItem, &n->items, i)->value, out);
}

static bool in_names(Vec *names, const char *name) {
  for (int i = 0; i < names->len; i++)
    if (str_eq(names->items[i], name))
      return true;
  return false;
}

/* Names of the functions called in a tree that are not the user's. */
static void callee_names(Node *n, Vec *out) {
  if (!n)
    return;
  if (n->kind == ND_CALL && n->lhs->kind == ND_VAR && n->lhs->obj->name) {
    const char *name = n->lhs->obj->name;
    bool seen = false;
    for (int i = 0; i < out->len && !seen; i++)
      seen = str_eq(out->items[i], name);
    if (!seen)
      vec_push(out, (void *)name);
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    callee_names(kids[i], out);
  for (int i = 0; i < n->args.len; i++)
    callee_names(n->args.items[i], out);
  for (int i = 0; i < n->stmts.len; i++)
    callee_names(n->stmts.items[i], out);
  for (int i = 0; i < n->decl_vars.len; i++)
    callee_names(vec_get(Declarator, &n->decl_vars, i)->init, out);
}

static bool has_include(Unit *unit, const char *header) {
  for (int i = 0; i < unit->directives.len; i++) {
    Directive *d = vec_get(Directive, &unit->directives, i);
    if (d->kind == DIR_INCLUDE && strstr(d->text, header))
      return true;
  }
  return false;
}

/* `double f(double x);` for a function the user defined. */
static Node *prototype_of(Node *def) {
  Node *p = new_of(Node);
  *p = *def;
  p->kind = ND_DECL;
  p->obj = NULL;
  p->decl_inline = false;
  p->end_tok = NULL;
  p->aux = NULL;
  return p;
}

static Node *generated_prototype(Obj *fn) {
  Node *d = new_node(ND_DECL, fn->tok);
  d->decl_storage = fn->storage;
  Declarator *dv = new_of(Declarator);
  dv->obj = fn;
  dv->ty = fn->ty;
  dv->tok = fn->tok;
  vec_push(&d->decl_vars, dv);
  return d;
}

/* A global variable's definition as an `extern` declaration (the user's
 * object file defines it). */
static Node *extern_of(Node *decl) {
  bool vars = false;
  for (int i = 0; i < decl->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &decl->decl_vars, i);
    if (dv->obj && dv->obj->kind == OBJ_VAR)
      vars = true;
  }
  if (!vars || decl->decl_storage == SC_STATIC || decl->decl_storage == SC_EXTERN ||
      decl->decl_storage == SC_TYPEDEF)
    return decl;
  Node *d = new_of(Node);
  *d = *decl;
  d->decl_storage = SC_EXTERN;
  d->end_tok = NULL;
  Vec dvs = {0};
  for (int i = 0; i < decl->decl_vars.len; i++) {
    Declarator *dv = new_of(Declarator);
    *dv = *vec_get(Declarator, &decl->decl_vars, i);
    dv->init = NULL;
    vec_push(&dvs, dv);
  }
  d->decl_vars = dvs;
  return d;
}

/* An assignment to v in n, or NULL. */
static Node *assignment_to(Node *n, Obj *v) {
  if (!n)
    return NULL;
  if ((n->kind == ND_ASSIGN || n->kind == ND_PRE_INC || n->kind == ND_PRE_DEC ||
       n->kind == ND_POST_INC || n->kind == ND_POST_DEC)) {
    Node *l = n->lhs;
    while (l->kind == ND_MEMBER || l->kind == ND_INDEX)
      l = l->lhs;
    if (l->kind == ND_VAR && l->obj == v)
      return n;
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++) {
    Node *a = assignment_to(kids[i], v);
    if (a)
      return a;
  }
  for (int i = 0; i < n->stmts.len; i++) {
    Node *a = assignment_to(n->stmts.items[i], v);
    if (a)
      return a;
  }
  for (int i = 0; i < n->args.len; i++) {
    Node *a = assignment_to(n->args.items[i], v);
    if (a)
      return a;
  }
  return NULL;
}

/* OUT.c gets its own copy of a `static` variable the code reads: if the
 * user's program assigns it, the derivative does not see that.  Said. */
static void warn_static_copies(Unit *unit, Node *decl, Vec *copied, Obj *func) {
  if (decl->decl_storage != SC_STATIC)
    return;
  for (int k = 0; k < decl->decl_vars.len; k++) {
    Obj *v = vec_get(Declarator, &decl->decl_vars, k)->obj;
    if (!v || v->kind != OBJ_VAR || is_const(v->ty))
      continue;
    for (int i = 0; i < unit->globals.len; i++) {
      Obj *f = unit->globals.items[i];
      if (f == func || in_vec(copied, f))
        continue; /* the output has these, assigning its copy */
      Node *a = f->kind == OBJ_FUNC && f->body ? assignment_to(f->body, v) : NULL;
      if (a) {
        warn_tok(a->tok, "the output gets its own copy of the static '%s', which '%s' assigns "
                         "here: the derivative will not see the assignment; make '%s' "
                         "non-static, or #include the output in this file",
                 v->name, f->name, v->name);
        break;
      }
    }
  }
}

void grad_unit(Buf *out, Unit *unit, const GradOptions *opts) {
  Obj *f = find_func(unit, opts->func);
  if (!f)
    fatal("no function named '%s' in %s", opts->func, unit->path);
  Token *at = f->def_tok ? f->def_tok : f->tok;
  if (!f->body)
    error_tok(at, "cannot differentiate '%s': it is declared but not defined in %s", f->name,
              unit->path);
  lower_unit(unit);
  Type *ret = f->ty->return_ty;
  Vec outs = {0};
  choose_outs(f, opts, &outs);
  /* vjp: an integer result (a status code) is returned, not differentiated */
  bool plain_result = opts->vjp && outs.len && (is_void(ret) || is_integer(ret));
  if (opts->vjp && outs.len && !is_floating(ret) && !plain_result)
    error_tok(at, "cannot differentiate '%s': it returns '%s'; cotan vjp needs it to return "
                  "a floating value, an integer or nothing",
              f->name, type_to_str(ret, ""));
  if (opts->vjp && is_void(ret) && !outs.len)
    error_tok(at, "cannot differentiate '%s': it returns nothing; name its outputs with --out",
              f->name);
  if (!is_floating(ret) && !plain_result)
    error_tok(at, "cannot differentiate '%s': it returns '%s'; cotan %s needs a double or "
                  "float result%s",
              f->name, type_to_str(ret, ""), opts->vjp ? "vjp" : "grad",
              opts->vjp ? " (or outputs named with --out)" : "");
  Vec wrt = {0};
  choose_wrt(unit, f, opts, &wrt);
  Activity *act = activity_analyze(unit, f, &wrt, &outs);
  fence_function(unit, f, act);
  /* the adjoint parameters: inputs and outputs, in parameter order */
  Vec diff = {0};
  for (int i = 0; i < f->params.len; i++) {
    Obj *p = f->params.items[i];
    if (in_vec(&wrt, p) || in_vec(&outs, p))
      vec_push(&diff, p);
  }
  for (int i = 0; i < wrt.len; i++)
    if (!((Obj *)wrt.items[i])->is_local)
      vec_push(&diff, wrt.items[i]);
  RevResult res = {0};
  reverse_unit(unit, f, act, &diff, &outs, opts->vjp, &res);

  /* The user's functions the generated code calls: static ones are
   * copied (and what they call followed), the others declared. */
  Vec gen_defs = {0};
  Vec bodies = {0};
  Vec called = {0};
  for (int i = 0; i < res.funcs.len; i++) {
    Obj *fn = res.funcs.items[i];
    Node *def = new_node(ND_FUNCDEF, fn->tok);
    def->obj = fn;
    vec_push(&gen_defs, def);
    vec_push(&bodies, fn);
    calls_in(fn->body, &called);
  }
  for (int i = 0; i < called.len; i++) {
    Obj *fn = called.items[i];
    if (fn->storage == SC_STATIC) {
      vec_push(&bodies, fn);
      calls_in(fn->body, &called);
    }
  }
  Vec deps = {0};
  collect_deps_roots(unit, &gen_defs, &bodies, &deps);

  Vec items = {0};
  Token *tok = f->tok;
  if (res.tape_doubles || res.tape_floats)
    res.tape_double = true;
  bool need_stdlib = res.tape_double || res.tape_int;
  if (need_stdlib && !has_include(unit, "<stdlib.h>"))
    vec_push(&items, verbatim("#include <stdlib.h>", tok));
  if (res.heap && !need_stdlib && !has_include(unit, "<stdlib.h>"))
    vec_push(&items, verbatim("#include <stdlib.h>", tok));
  if ((res.uses_memset || res.heap) && !has_include(unit, "<string.h>"))
    vec_push(&items, verbatim("#include <string.h>", tok));
  Vec names = {0};
  for (int i = 0; i < res.funcs.len; i++)
    callee_names(((Obj *)res.funcs.items[i])->body, &names);
  if (in_names(&names, "cotan_realloc") && !has_include(unit, "<stdio.h>"))
    vec_push(&items, verbatim("#include <stdio.h>", tok));
  bool undo_log = in_names(&names, "cotan_log");
  if ((undo_log || res.finals) && !has_include(unit, "<stdint.h>"))
    vec_push(&items, verbatim("#include <stdint.h>", tok));
  bool math = false;
  for (int i = 0; i < names.len; i++)
    math |= rule_find(names.items[i]) != NULL || rule_helper_code(names.items[i]) != NULL;
  if (math && !has_include(unit, "<math.h>"))
    vec_push(&items, verbatim("#include <math.h>", tok));
  Vec declared = {0}; /* functions with a prototype in the output already */
  for (int i = 0; i < deps.len; i++) {
    Node *item = deps.items[i];
    if (item->kind == ND_FUNCDEF) {
      if (item->obj->storage == SC_STATIC && in_vec(&bodies, item->obj))
        vec_push(&items, item);
      else if (!in_vec(&declared, item->obj))
        vec_push(&items, prototype_of(item));
      vec_push(&declared, item->obj);
      continue;
    }
    if (item->kind == ND_DECL && item->decl_vars.len) {
      /* a prototype the user wrote: once is enough */
      bool all_funcs = true, all_seen = true;
      for (int k = 0; k < item->decl_vars.len; k++) {
        Obj *o = vec_get(Declarator, &item->decl_vars, k)->obj;
        all_funcs &= o && o->kind == OBJ_FUNC;
        all_seen &= o && in_vec(&declared, o);
      }
      if (all_funcs && all_seen)
        continue;
      if (all_funcs)
        for (int k = 0; k < item->decl_vars.len; k++)
          vec_push(&declared, vec_get(Declarator, &item->decl_vars, k)->obj);
    }
    if (item->kind == ND_DECL) {
      warn_static_copies(unit, item, &bodies, f);
      item = extern_of(item);
    }
    vec_push(&items, item);
  }
  for (int i = 0; i < names.len; i++) {
    const char *code = rule_helper_code(names.items[i]);
    if (code)
      vec_push(&items, verbatim(code, tok));
  }
  if (need_stdlib) {
    vec_push(&items, verbatim(tape_type_text, tok));
    if (res.tape_double)
      vec_push(&items, verbatim(tape_double_text, tok));
    if (res.tape_int)
      vec_push(&items, verbatim(tape_int_text, tok));
    if (res.tape_doubles)
      vec_push(&items, verbatim(tape_doubles_text, tok));
    if (res.tape_floats)
      vec_push(&items, verbatim(tape_floats_text, tok));
    if (in_names(&names, "cotan_push_mem") || res.finals)
      vec_push(&items, verbatim(tape_mem_text, tok));
    if (res.tape_reserve)
      vec_push(&items, verbatim(tape_reserve_text, tok));
    if (undo_log)
      vec_push(&items, verbatim(tape_log_text, tok));
    if (in_names(&names, "cotan_undo"))
      vec_push(&items, verbatim(tape_undo_text, tok));
    if (res.finals)
      vec_push(&items, verbatim(tape_finals_text, tok));
    if (res.undo_keep)
      vec_push(&items, verbatim(tape_undo_keep_text, tok));
    vec_push(&items, verbatim(tape_free_text, tok));
  }
  if (res.heap) {
    bool lookup = false;
    const char *users[] = {"cotan_realloc", "cotan_free", "cotan_shadow", "cotan_realloc_back",
                           "cotan_realloc_backf"};
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
      lookup |= in_names(&names, users[i]);
    vec_push(&items, verbatim(heap_type_text, tok));
    if (lookup)
      vec_push(&items, verbatim(heap_block_of_text, tok));
    vec_push(&items, verbatim(heap_keep_text, tok));
    const struct { const char *name, *text; } fns[] = {
        {"cotan_malloc", heap_malloc_text}, {"cotan_calloc", heap_calloc_text},
        {"cotan_realloc", heap_realloc_text}, {"cotan_free", heap_free_text},
        {"cotan_shadow", heap_shadow_text},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
      if (in_names(&names, fns[i].name))
        vec_push(&items, verbatim(fns[i].text, tok));
    vec_push(&items, verbatim(heap_heap_free_text, tok));
    if (in_names(&names, "cotan_realloc_back"))
      vec_push(&items, verbatim(format(heap_back_fmt, "cotan_realloc_back", "double"), tok));
    if (in_names(&names, "cotan_realloc_backf"))
      vec_push(&items, verbatim(format(heap_back_fmt, "cotan_realloc_backf", "float"), tok));
  }
  /* the adjoints of --wrt globals */
  if (res.global_adjs.len) {
    Buf b = {0};
    buf_printf(&b, "/* The adjoints of the globals differentiated: %s adds into them. */",
               ((Obj *)vec_last(&res.funcs))->name);
    for (int i = 0; i < res.global_adjs.len; i++) {
      Obj *d = res.global_adjs.items[i];
      buf_printf(&b, "\n%s%s;", d->storage == SC_STATIC ? "static " : "", type_to_str(d->ty, d->name));
    }
    vec_push(&items, verbatim(xstrdup(buf_str(&b)), tok));
  }
  /* Helpers in reverse order of creation (callees before callers), F_grad
   * last; a prototype for each helper called before its definition. */
  Vec order = {0};
  for (int i = res.funcs.len - 2; i >= 0; i--)
    vec_push(&order, res.funcs.items[i]);
  vec_push(&order, vec_last(&res.funcs));
  for (int i = 0; i < order.len; i++) {
    Obj *fn = order.items[i];
    bool early = false;
    for (int k = 0; k < i && !early; k++) {
      Vec c = {0};
      calls_in(((Obj *)order.items[k])->body, &c);
      early = in_vec(&c, fn);
    }
    if (early)
      vec_push(&items, generated_prototype(fn));
  }
  for (int i = 0; i < order.len; i++) {
    Obj *fn = order.items[i];
    Node *def = new_node(ND_FUNCDEF, fn->tok);
    def->obj = fn;
    vec_push(&items, def);
  }

  const char *cmd = opts->cmdline;
  if (!cmd)
    cmd = format("cotan %s %s -f %s", opts->vjp ? "vjp" : "grad", unit->path, f->name);
  const char *base = strrchr(unit->path, '/');
  base = base ? base + 1 : unit->path;
  buf_printf(out, "/* Generated by cotan %s from %s: %s\n * Do not edit by hand: regenerate.",
             COTAN_VERSION, base, cmd);
  /* the aliasing assumption, where there are pointers to assume it of */
  Vec ptrs = {0};
  for (int i = 0; i < f->params.len; i++) {
    Obj *p = f->params.items[i];
    if (is_pointer(p->ty) && type_has_floating(p->ty))
      vec_push(&ptrs, p->name);
  }
  if (ptrs.len) {
    Buf list = {0};
    for (int i = 0; i < ptrs.len; i++)
      buf_printf(&list, "%s%s", i == 0 ? "" : i + 1 == ptrs.len ? " and " : ", ",
                 (char *)ptrs.items[i]);
    if (ptrs.len > 1)
      buf_printf(out, "\n *\n * Aliasing: assumes that %s point to memory that does not overlap,\n"
                      " * and that the d_ buffers overlap none of it, as Tapenade and Enzyme\n"
                      " * do (see the README).",
                 buf_str(&list));
    else
      buf_printf(out, "\n *\n * Aliasing: assumes that the d_ buffers do not overlap the memory %s\n"
                      " * points to, as Tapenade and Enzyme do (see the README).",
                 buf_str(&list));
    buf_puts(out, "\n * An update in place through one pointer is differentiated exactly.");
  }
  buf_puts(out, " */\n");
  print_generated(out, unit, &items);
}
