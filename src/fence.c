/*
 * fence.c: rejects, at its token, what cotan cannot differentiate, before
 * any code is generated.  Never a silently wrong derivative.
 *
 * Walks F and every function on its active path (activity_callees), in
 * source order, and reports every problem it finds (an error, then a note
 * naming the way around where there is one), then exits with status 1.
 *
 * Rejected anywhere in those functions (they change control flow or state
 * in ways the reverse sweep cannot replay):
 *   goto (also computed goto) and labels, setjmp/longjmp, inline asm.
 * Rejected only where derivatives flow (the "active path"):
 *   - a call through a function pointer whose result is active or that may
 *     write into active memory;
 *   - a call to a function with no body in the unit and no derivative rule
 *     (rules.def) whose result is active or that gets a pointer to
 *     non-const active memory (it may write to it).  A call whose result
 *     and written memory are inactive is fine: printf("%g", x) is;
 *   - active arguments to the variable part of a variadic user function;
 *   - statement expressions and _Generic selections containing active code;
 *   - complex arithmetic, and unions, holding active values (also a union
 *     reached inside a struct, or through an anonymous union member);
 *   - a pointer to active memory converted to an integer (cast, or stored
 *     in an integer variable, parameter or result): the analyses follow
 *     pointers, not addresses held in integers;
 *   - a `void *` holding a pointer to active memory and used to reach it:
 *     converted back to a typed pointer, or passed to a function with no
 *     body (memcpy on a `void *`, which lower.c could not type).
 * Accepted on purpose:
 *   - an active value converted to an integer (`int k = x;`): the result is
 *     inactive (derivative zero), as in Tapenade;
 *   - long double and _Float128 arithmetic (library calls on them need a
 *     rule like any other: sinl has one);
 *   - malloc, calloc, realloc, aligned_alloc and free on active memory
 *     (the AD passes allocate and free the shadow memory beside it), and
 *     the `void *` they return converted to a typed pointer.
 * Checked by grad_unit itself: -f / --wrt names and F's return type.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

typedef struct Fence {
  Activity *act;
  Obj *root;        /* F */
  Obj *fn;          /* the function being checked */
  bool explained;   /* the note saying why fn is differentiated was given */
  bool complex_done; /* complex arithmetic was reported in fn (once is enough) */
  bool union_done;  /* so was a union with an active member */
  Vec untyped;      /* Obj * / Member *: the `void *`s reported in fn (once each) */
  Vec goto_labels;  /* char *: labels some goto in fn jumps to */
  int errors;
} Fence;

/* Reports an error at tok, then a note at a place (note_at, note) when
 * there is one, and a hint when there is one.  The first error in a
 * callee also says why that function is differentiated at all. */
static void vreject(Fence *f, const Token *tok, const Token *note_at, const char *note,
                    const char *hint, const char *fmt, va_list ap) {
  Buf b = {0};
  buf_vprintf(&b, fmt, ap);
  error_tok_noexit(tok, "cannot differentiate %s", buf_str(&b));
  if (note)
    note_tok(note_at, "%s", note);
  if (hint)
    note_tok(NULL, "%s", hint);
  if (f->fn != f->root && !f->explained) {
    Obj *fn = f->fn;
    note_tok(fn->def_tok ? fn->def_tok : fn->tok,
             "'%s' is differentiated because '%s' calls it on the active path", fn->name,
             f->root->name);
    f->explained = true;
  }
  f->errors++;
}

static void reject(Fence *f, const Token *tok, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void reject(Fence *f, const Token *tok, const char *hint, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreject(f, tok, NULL, NULL, hint, fmt, ap);
  va_end(ap);
}

/* The same with a note at a place before the rest. */
static void reject_noted(Fence *f, const Token *tok, const Token *note_at, const char *note,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void reject_noted(Fence *f, const Token *tok, const Token *note_at, const char *note,
                         const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreject(f, tok, note_at, note, NULL, fmt, ap);
  va_end(ap);
}

/* The function a call names directly, or NULL (a call through a pointer). */
static Obj *direct_callee(Node *call) {
  Node *c = call->lhs;
  while (c && (c->kind == ND_DEREF || c->kind == ND_ADDR) && c->lhs && is_func(type_canon(c->lhs->ty)))
    c = c->lhs;
  if (c && c->kind == ND_VAR && c->obj && c->obj->kind == OBJ_FUNC)
    return c->obj;
  return NULL;
}

static bool is_jump_function(const char *name, const char **shown) {
  static const char *const setjmps[] = {"setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp",
                                        "__builtin_setjmp"};
  static const char *const longjmps[] = {"longjmp", "_longjmp", "siglongjmp", "__longjmp_chk",
                                         "__builtin_longjmp"};
  for (size_t i = 0; i < sizeof setjmps / sizeof setjmps[0]; i++)
    if (str_eq(name, setjmps[i])) {
      *shown = "setjmp";
      return true;
    }
  for (size_t i = 0; i < sizeof longjmps / sizeof longjmps[0]; i++)
    if (str_eq(name, longjmps[i])) {
      *shown = "longjmp";
      return true;
    }
  return false;
}

/* Argument i of call is a pointer to non-const memory that is active: the
 * callee may write into it.  Returns its 1-based number, or 0. */
static int writes_active(Fence *f, Node *call) {
  Type *fty = call->func_ty ? type_canon(call->func_ty) : NULL;
  for (int i = 0; i < call->args.len; i++) {
    Node *arg = vec_get(Node, &call->args, i);
    Type *ty = fty && fty->kind == TY_FUNC && i < fty->params.len
                   ? type_decay(vec_get(Type, &fty->params, i))
                   : type_decay(arg->ty);
    ty = type_canon(ty);
    if (ty->kind != TY_PTR || is_const(ty->base) || is_func(type_canon(ty->base)))
      continue;
    if (activity_expr(f->act, arg))
      return i + 1;
  }
  return 0;
}

/* The allocator functions write nothing a derivative reads (realloc moves
 * the values; the AD passes move the shadow beside them). */
static bool writes_nothing(const char *name) {
  if (starts_with(name, "__builtin_"))
    name += strlen("__builtin_");
  return str_eq(name, "free") || str_eq(name, "realloc") || str_eq(name, "reallocarray");
}

/* The first token of an expression as written (the node's own token is
 * its operator: `x * x` would point at '*'). */
static Token *first_tok(Node *n) {
  for (;;) {
    switch (n->kind) {
    case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD:
    case ND_SHL: case ND_SHR: case ND_BITAND: case ND_BITOR: case ND_BITXOR:
    case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
    case ND_LOGAND: case ND_LOGOR: case ND_ASSIGN: case ND_COMMA:
    case ND_MEMBER: case ND_ARROW: case ND_CALL: case ND_POST_INC: case ND_POST_DEC:
      if (n->parenthesized || !n->lhs)
        return n->tok;
      n = n->lhs;
      continue;
    case ND_INDEX:
      if (n->parenthesized || n->swapped)
        return n->tok;
      n = n->lhs;
      continue;
    case ND_COND:
      if (n->parenthesized)
        return n->tok;
      n = n->cond;
      continue;
    default:
      return n->tok;
    }
  }
}

/* A value that can carry a derivative (not an address). */
static bool is_value_type(Type *ty) {
  ty = type_canon(ty);
  return !is_pointer(ty) && !is_array(ty) && !is_void(ty);
}

static bool has_complex_arg(Node *call) {
  for (int i = 0; i < call->args.len; i++)
    if (is_complex(type_canon(vec_get(Node, &call->args, i)->ty)))
      return true;
  return false;
}

/* The function reads an active value with va_arg. */
static bool reads_active_va_arg(Fence *f, Node *n) {
  if (!n)
    return false;
  if (n->kind == ND_VA_ARG)
    return activity_expr(f->act, n);
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    if (reads_active_va_arg(f, kids[i]))
      return true;
  for (int i = 0; i < n->args.len; i++)
    if (reads_active_va_arg(f, vec_get(Node, &n->args, i)))
      return true;
  for (int i = 0; i < n->stmts.len; i++)
    if (reads_active_va_arg(f, vec_get(Node, &n->stmts, i)))
      return true;
  if (n->kind == ND_DECL)
    for (int i = 0; i < n->decl_vars.len; i++)
      if (reads_active_va_arg(f, vec_get(Declarator, &n->decl_vars, i)->init))
        return true;
  return false;
}

/* The expression as the user wrote it, for a message, or NULL if long. */
static const char *expr_text(Node *e) {
  Buf b = {0};
  print_expr(&b, e);
  return b.len && b.len <= 40 ? buf_str(&b) : NULL;
}

/* " 'text'" for a message, or "" when the expression is too long to show. */
static const char *quoted(Node *e) {
  const char *text = expr_text(e);
  return text ? format(" '%s'", text) : "";
}

/* " ('text')" for a message, or "". */
static const char *text_in_parens(Node *e) {
  const char *text = expr_text(e);
  return text ? format(" ('%s')", text) : "";
}

/* A `void *` object read as written: a variable, parameter, member or
 * element of type `void *` (not the result of malloc or of a cast). */
static bool is_untyped_storage(Node *e) {
  Type *ty = type_canon(e->ty);
  if (ty->kind != TY_PTR || !is_void(type_canon(ty->base)))
    return false;
  switch (e->kind) {
  case ND_VAR: case ND_MEMBER: case ND_ARROW: case ND_INDEX: case ND_DEREF:
    return true;
  default:
    return false;
  }
}

/* The Obj or Member an untyped storage expression names, to report each
 * `void *` once per function. */
static void *untyped_key(Node *e) {
  if (e->kind == ND_VAR)
    return e->obj;
  if ((e->kind == ND_MEMBER || e->kind == ND_ARROW) && e->member)
    return e->member;
  return e;
}

/* e is a `void *` holding a pointer to active memory: rejected once per
 * `void *` and function.  `how` says how the memory is reached through it. */
static void reject_untyped(Fence *f, Node *e, Type *typed, const char *how) {
  void *key = untyped_key(e);
  for (int i = 0; i < f->untyped.len; i++)
    if (f->untyped.items[i] == key)
      return;
  vec_push(&f->untyped, key);
  const char *text = expr_text(e);
  const char *name = text ? format("'%s'", text) : "the 'void *'";
  reject(f, first_tok(e),
         format("cotan follows active data through typed pointers only: give %s the type of "
                "the data it points to (%s'%s')", name, typed ? "" : "for example ",
                typed ? type_to_str(type_unqualified(typed), "") : "double *"),
         "through %s: it is a 'void *' to active memory, %s", name, how);
}

/* An untyped `void *` argument that points to active memory, or NULL. */
static Node *untyped_active_arg(Fence *f, Node *call) {
  for (int i = 0; i < call->args.len; i++) {
    Node *arg = vec_get(Node, &call->args, i);
    if (is_untyped_storage(arg) && activity_expr(f->act, arg))
      return arg;
  }
  return NULL;
}

/* The pointer a chain of pointer casts starts from: (uintptr_t)(void *)x
 * is x. */
static Node *pointer_origin(Node *e) {
  while (e->kind == ND_CAST && e->lhs && e->lhs->ty &&
         (is_pointer(type_canon(e->lhs->ty)) || is_array(type_canon(e->lhs->ty))))
    e = e->lhs;
  return e;
}

/* The value src converted to type dst (a cast, or implicitly by an
 * assignment, initialization, argument or return): a pointer to active
 * memory must not become an integer, nor an integer a pointer to floating
 * data, and a `void *` to active memory must not become a typed pointer
 * again.  at: the cast's token, or NULL. */
static void check_conversion(Fence *f, Node *src, Type *dst, Token *at) {
  if (!src || !src->ty || !dst)
    return;
  Type *to = type_canon(dst);
  Type *from = type_canon(src->ty);
  const char *what = format("%s%s to '%s'", at ? "the cast of" : "the conversion of",
                            quoted(src), type_to_str(dst, ""));
  if (is_integer(to) && to->kind != TY_BOOL && (from->kind == TY_PTR || from->kind == TY_ARRAY)) {
    /* Once the address is an integer the analyses lose what it points
     * to, so the memory does not even look active when it is read back:
     * a pointer to floating data counts, whatever the analysis says. */
    bool active = activity_expr(f->act, src);
    if (!active && !type_has_floating(pointer_origin(src)->ty))
      return;
    reject(f, at ? at : first_tok(src),
           "cotan follows what pointers point to, not addresses held in integers: keep it a "
           "pointer (an index, or the difference of two pointers, for an offset)",
           "a pointer to %s stored in an integer (%s)",
           active ? "active memory" : "floating-point data", what);
    return;
  }
  if (to->kind == TY_PTR && is_integer(from) && type_has_floating(to) &&
      !is_null_pointer_constant(src)) {
    reject(f, at ? at : first_tok(src),
           "cotan follows what pointers point to, not addresses held in integers: pass the "
           "pointer itself",
           "a pointer to floating-point data made from an integer (%s): cotan cannot tell "
           "what it points to", what);
    return;
  }
  if (to->kind == TY_PTR && !is_void(type_canon(to->base)) && is_untyped_storage(src) &&
      activity_expr(f->act, src))
    reject_untyped(f, src, dst, format("converted here to '%s'", type_to_str(dst, "")));
}

/* The conversions a node makes implicitly, as if by assignment. */
static void check_implicit_conversions(Fence *f, Node *n) {
  switch (n->kind) {
  case ND_ASSIGN:
    if (n->op == ND_NONE)
      check_conversion(f, n->rhs, n->lhs->ty, NULL);
    return;
  case ND_DECL:
    for (int i = 0; i < n->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &n->decl_vars, i);
      if (d->init && d->init->kind != ND_INIT_LIST && d->obj && d->obj->kind == OBJ_VAR)
        check_conversion(f, d->init, d->obj->ty, NULL);
    }
    return;
  case ND_RETURN:
    if (n->lhs)
      check_conversion(f, n->lhs, type_canon(f->fn->ty)->return_ty, NULL);
    return;
  case ND_CALL: {
    Type *fty = n->func_ty ? type_canon(n->func_ty) : NULL;
    if (!fty || fty->kind != TY_FUNC)
      return;
    for (int i = 0; i < n->args.len && i < fty->params.len; i++)
      check_conversion(f, vec_get(Node, &n->args, i), type_decay(vec_get(Type, &fty->params, i)),
                       NULL);
    return;
  }
  default:
    return;
  }
}

static void check_call(Fence *f, Node *call) {
  Obj *fn = direct_callee(call);
  Token *at = call->lhs && call->lhs->tok ? first_tok(call->lhs) : call->tok;
  const char *jump;
  if (fn && is_jump_function(fn->name, &jump)) {
    reject(f, at, "non-local jumps cannot be reversed: return an error code instead",
           "'%s'", jump);
    return;
  }
  if (fn && fn->body) {
    /* Differentiated itself (it is in activity_callees when active);
     * only the variable arguments of a variadic function are a problem. */
    Type *fty = type_canon(fn->ty);
    if (fty->is_variadic && reads_active_va_arg(f, fn->body)) {
      for (int i = fty->params.len; i < call->args.len; i++) {
        Node *arg = vec_get(Node, &call->args, i);
        if (activity_expr(f->act, arg)) {
          reject(f, first_tok(arg), "pass the values in an array (or as named parameters) instead",
                 "an active argument to the variadic function '%s'", fn->name);
          return;
        }
      }
    }
    return;
  }
  bool result = is_value_type(call->ty) && activity_expr(f->act, call);
  int written = (fn && writes_nothing(fn->name)) ? 0 : writes_active(f, call);
  if (!fn && !result && !written) {
    /* A callback might store an active argument anywhere. */
    for (int i = 0; i < call->args.len && !result; i++)
      result = activity_expr(f->act, vec_get(Node, &call->args, i));
  }
  if (!result && !written)
    return;
  if (!fn) {
    reject(f, at, "call the function by name, so that cotan can differentiate its body",
           "a call through a function pointer on the active path");
    return;
  }
  if (rule_find(fn->name) || has_complex_arg(call)) /* complex: reported on its own */
    return;
  Node *untyped = untyped_active_arg(f, call);
  if (untyped) {
    reject_untyped(f, untyped, NULL,
                   format("passed to '%s', which has no body to differentiate", fn->name));
    return;
  }
  bool user = fn->tok && tok_in_user_file(fn->tok) && !fn->is_builtin;
  Token *where = written ? first_tok(vec_get(Node, &call->args, written - 1)) : at;
  const char *what = result ? "" : format(": it may write to active memory through argument %d, and", written);
  if (user) {
    const char *declared = format("'%s' is declared here, but none of the files given defines "
                                  "it: add the file that does to the command line (cotan "
                                  "cannot yet take a user-supplied derivative for it)",
                                  fn->name);
    if (result)
      reject_noted(f, where, fn->tok, declared,
                   "the call to '%s': it has no body in the files given", fn->name);
    else
      reject_noted(f, where, fn->tok, declared,
                   "the call to '%s'%s it has no body in the files given", fn->name, what);
  } else if (result) {
    reject(f, where, "compute the value with functions cotan knows (see rules.def), or "
           "define your own version of it in this file",
           "the call to '%s': cotan has no derivative rule for it", fn->name);
  } else {
    reject(f, where, "copy or compute the values with a loop in this file instead",
           "the call to '%s'%s cotan has no derivative rule for it", fn->name, what);
  }
}

/* A member access that reads or writes a union member: of a union, or of
 * a struct through an anonymous union member. */
static bool union_access(Node *n) {
  if (n->kind != ND_MEMBER && n->kind != ND_ARROW)
    return false;
  Type *base = type_canon(n->lhs->ty);
  if (n->kind == ND_ARROW && base->kind == TY_PTR)
    base = type_canon(base->base);
  if (base->kind == TY_UNION)
    return true;
  if (!is_record(base) || !n->member || !n->member->name)
    return false;
  Vec path = {0};
  if (!type_find_member(base, n->member->name, &path))
    return false;
  for (int i = 0; i < path.len; i++)
    if (type_canon(vec_get(Member, &path, i)->ty)->kind == TY_UNION)
      return true;
  return false;
}

static void check(Fence *f, Node *n);

static void check_child(void *ctx, Node *child) { check(ctx, child); }

/* Calls check on n's evaluated children, in source order. */
static void check_children(Fence *f, Node *n) {
  ast_each_evaluated_child(n, check_child, f);
}

/* Any evaluated node under n is active. */
static bool found_active;
static void find_active(Fence *f, Node *n);

static bool contains_active(Fence *f, Node *n) {
  found_active = false;
  find_active(f, n);
  return found_active;
}

static void find_active(Fence *f, Node *n) {
  if (!n || found_active)
    return;
  if (activity_expr(f->act, n)) {
    found_active = true;
    return;
  }
  switch (n->kind) {
  case ND_SIZEOF: case ND_ALIGNOF: case ND_OFFSETOF: case ND_TYPE_ARG:
  case ND_STATIC_ASSERT: case ND_PRAGMA:
    return;
  case ND_DECL:
    for (int i = 0; i < n->decl_vars.len; i++) {
      Declarator *d = vec_get(Declarator, &n->decl_vars, i);
      if (d->init && d->obj && d->obj->kind == OBJ_VAR)
        find_active(f, d->init);
    }
    return;
  case ND_INIT_LIST:
    for (int i = 0; i < n->items.len; i++)
      find_active(f, vec_get(InitItem, &n->items, i)->value);
    return;
  case ND_GENERIC:
    find_active(f, n->selected);
    return;
  default:
    break;
  }
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    find_active(f, kids[i]);
  for (int i = 0; i < n->args.len; i++)
    find_active(f, vec_get(Node, &n->args, i));
  for (int i = 0; i < n->stmts.len; i++)
    find_active(f, vec_get(Node, &n->stmts, i));
}

static bool label_is_jumped_to(Fence *f, const char *label) {
  for (int i = 0; i < f->goto_labels.len; i++)
    if (str_eq(vec_get(char, &f->goto_labels, i), label))
      return true;
  return false;
}

/* Checks one node; does not descend into a node it reported. */
static void check(Fence *f, Node *n) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_GOTO:
    reject(f, n->tok, "use break, continue or return instead (or a flag in the loop "
           "condition), or restructure the code",
           n->label ? "'goto'" : "a computed 'goto'");
    return;
  case ND_LABEL:
    if (!label_is_jumped_to(f, n->label))
      reject(f, n->tok, "remove the label", "the label '%s'", n->label);
    break;
  case ND_ASM:
    reject(f, n->tok, "move the assembly into a function whose arguments and result "
           "are not differentiated", "inline assembly");
    return;
  case ND_CALL:
    check_implicit_conversions(f, n);
    check_call(f, n);
    break;
  case ND_CAST:
    check_conversion(f, n->lhs, n->ty, n->tok);
    break;
  case ND_ASSIGN: case ND_DECL: case ND_RETURN:
    check_implicit_conversions(f, n);
    break;
  case ND_STMT_EXPR:
    if (contains_active(f, n->body)) {
      reject(f, n->tok, "write its statements before the expression, and use a variable",
             "a statement expression with active code");
      return;
    }
    break;
  case ND_GENERIC:
    if (n->selected && contains_active(f, n->selected)) {
      reject(f, n->tok, "write the selected expression directly",
             "a _Generic selection with active code");
      return;
    }
    break;
  default:
    break;
  }
  if (n->ty && is_complex(type_canon(n->ty)) && !f->complex_done && activity_expr(f->act, n)) {
    f->complex_done = true;
    reject(f, first_tok(n), "keep the real and imaginary parts in separate double variables",
           "complex arithmetic on active values (type '%s')", type_to_str(n->ty, ""));
    return;
  }
  if (n->ty && (union_access(n) || type_canon(n->ty)->kind == TY_UNION) &&
      !f->union_done && activity_expr(f->act, n)) {
    f->union_done = true;
    reject(f, first_tok(n), "use a struct, or separate variables, for the active values",
           "a union holding an active value%s", text_in_parens(n));
    return;
  }
  check_children(f, n);
}

static void collect_gotos(Fence *f, Node *n) {
  if (!n)
    return;
  if (n->kind == ND_GOTO && n->label)
    vec_push(&f->goto_labels, n->label);
  Node *kids[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc, n->body};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    collect_gotos(f, kids[i]);
  for (int i = 0; i < n->stmts.len; i++)
    collect_gotos(f, vec_get(Node, &n->stmts, i));
}

static void check_function(Fence *f, Obj *fn) {
  f->fn = fn;
  f->explained = false;
  f->complex_done = false;
  f->union_done = false;
  f->untyped = (Vec){0};
  f->goto_labels = (Vec){0};
  collect_gotos(f, fn->body);
  check(f, fn->body);
}

void fence_function(Unit *unit, Obj *func, Activity *a) {
  (void)unit;
  Fence f = {.act = a, .root = func};
  check_function(&f, func);
  Vec *callees = activity_callees(a);
  for (int i = 0; i < callees->len; i++) {
    Obj *fn = vec_get(Obj, callees, i);
    if (fn != func)
      check_function(&f, fn);
  }
  if (f.errors)
    exit(EXIT_INPUT_ERROR);
}
