/*
 * stmt.c: statements and function bodies (C11 6.8).
 *
 * Every statement keeps its own node kind (for, while and do are not
 * rewritten into each other), its keyword in `tok` and its last token in
 * `end_tok`, so the printer can reproduce the user's layout.
 *
 * Labels live in their own name space per function (6.2.1p3); a goto may
 * come before its label, so gotos are checked when the function (or the
 * block of a GNU __label__ declaration) ends.  Case labels go to the
 * innermost switch through p->switch_cases.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

/* Nesting limit for statements, so hostile input gets an error instead of
 * a stack overflow. */
enum { MAX_STMT_NESTING = 1000 };
static int stmt_nesting;

/* A label name space: the function's, or a block's that declared local
 * labels with GNU __label__. */
typedef struct LabelScope LabelScope;
struct LabelScope {
  LabelScope *parent;  /* NULL for the function's own scope */
  Vec declared;        /* char *: names declared with __label__ (block scopes) */
  Vec labels;          /* Node *: the ND_LABELs defined here */
  Vec gotos;           /* Node *: the ND_GOTOs that jump to a label of this scope */
};

/* The innermost label scope of the function being parsed. */
static LabelScope *label_scope;

static Node *parse_block(Parser *p);

/* ---------------------------------------------------------------------- */
/* Labels and gotos                                                       */
/* ---------------------------------------------------------------------- */

/* The scope a label name belongs to: the innermost block that declared it
 * with __label__, else the function. */
static LabelScope *owner_of_label(const char *name, Token *tok) {
  if (!label_scope)
    error_tok(tok, "label '%s' outside of a function", name);
  LabelScope *s = label_scope;
  for (; s->parent; s = s->parent)
    for (int i = 0; i < s->declared.len; i++)
      if (str_eq(vec_get(char, &s->declared, i), name))
        return s;
  return s;
}

static Node *find_label(LabelScope *s, const char *name) {
  for (int i = 0; i < s->labels.len; i++) {
    Node *label = vec_get(Node, &s->labels, i);
    if (str_eq(label->label, name))
      return label;
  }
  return NULL;
}

static void define_label(Node *label) {
  LabelScope *s = owner_of_label(label->label, label->tok);
  Node *prev = find_label(s, label->label);
  if (prev) {
    error_tok_noexit(label->tok, "redefinition of label '%s'", label->label);
    note_tok(prev->tok, "previous definition is here");
    exit(EXIT_INPUT_ERROR);
  }
  vec_push(&s->labels, label);
}

/* At the end of a label scope every goto into it must have found its
 * label. */
static void check_gotos(LabelScope *s) {
  for (int i = 0; i < s->gotos.len; i++) {
    Node *jump = vec_get(Node, &s->gotos, i);
    if (!find_label(s, jump->label))
      error_tok(jump->tok->next, "use of undeclared label '%s'", jump->label);
  }
}

/* local-labels = "__label__" ident ("," ident)* ";"   (GNU)
 * Kept as a null statement whose text prints back as written. */
static Node *parse_local_labels(Parser *p, LabelScope **local) {
  Token *tok = advance(p);
  if (!*local) {
    *local = new_of(LabelScope);
    (*local)->parent = label_scope;
    label_scope = *local;
  }
  Buf text = {0};
  buf_puts(&text, "__label__ ");
  do {
    Token *name = expect_ident(p, "a label name");
    if (text.len > strlen("__label__ "))
      buf_puts(&text, ", ");
    buf_puts(&text, name->text);
    vec_push(&(*local)->declared, (void *)name->text);
  } while (accept(p, ","));
  Node *node = new_node(ND_NULL_STMT, tok);
  node->text = xstrdup(buf_str(&text));
  node->end_tok = expect(p, ";");
  return node;
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

static const char *tyname(Type *ty) { return type_to_str(ty, ""); }

/* 6.8.4.1p1, 6.8.5p2: a controlling expression of scalar type. */
static Node *parse_condition(Parser *p) {
  expect(p, "(");
  Node *cond = parse_expr(p);
  expect(p, ")");
  if (!is_scalar(type_decay(cond->ty)))
    error_tok(cond->tok, "statement requires expression of scalar type ('%s' invalid)",
              tyname(cond->ty));
  return cond;
}

/* Every block-scope object a declaration defines goes to func->locals, in
 * source order (extern declarations refer to something else). */
static void collect_locals(Parser *p, Node *decl) {
  if (!p->func || decl->kind != ND_DECL)
    return;
  for (int i = 0; i < decl->decl_vars.len; i++) {
    Obj *obj = vec_get(Declarator, &decl->decl_vars, i)->obj;
    if (obj && obj->kind == OBJ_VAR && obj->storage != SC_EXTERN)
      vec_push(&p->func->locals, obj);
  }
}

static Node *parse_local_declaration(Parser *p) {
  Node *decl = parse_declaration(p);
  collect_locals(p, decl);
  return decl;
}

/* `X Y` or `X *Y` with X not declared: a declaration with an unknown type
 * name, which parse_declaration reports as gcc does. */
static bool at_unknown_type_name(Parser *p) {
  Token *tok = peek(p);
  if (tok->kind != TK_IDENT || scope_find(p, tok->text))
    return false;
  Token *next = tok->next;
  return next->kind == TK_IDENT || (tok_is(next, "*") && next->next->kind == TK_IDENT);
}

static bool at_declaration(Parser *p) {
  return is_typename_start(p, peek(p)) || at_unknown_type_name(p);
}

static bool at_label(Parser *p) {
  Token *tok = peek(p);
  return tok->kind == TK_IDENT && tok_is(tok->next, ":");
}

/* What follows a label (C11 needs a statement; a declaration there is a
 * C23 feature gcc accepts, so it is allowed too). */
static Node *parse_labeled_body(Parser *p) {
  if (at(p, "}"))
    error_tok(peek(p), "label at end of compound statement: expected statement");
  if (!at_label(p) && at_declaration(p))
    return parse_local_declaration(p);
  return parse_stmt(p);
}

/* ---------------------------------------------------------------------- */
/* Statements                                                             */
/* ---------------------------------------------------------------------- */

/* labeled-stmt = ident ":" stmt */
static Node *parse_label(Parser *p) {
  Token *tok = advance(p);
  expect(p, ":");
  Node *node = new_node(ND_LABEL, tok);
  node->label = xstrdup(tok->text);
  define_label(node);
  node->body = parse_labeled_body(p);
  node->end_tok = node->body->end_tok;
  return node;
}

/* case-stmt = "case" const-expr ("..." const-expr)? ":" stmt
 * (6.8.4.2p3: no two case values of one switch may be equal; GNU ranges
 * may not overlap either) */
static Node *parse_case(Parser *p) {
  Token *tok = advance(p);
  if (!p->switch_cases)
    error_tok(tok, "'case' statement not in switch statement");
  Node *node = new_node(ND_CASE, tok);
  node->case_lo = parse_cond_expr(p);
  node->case_val = eval_int(node->case_lo);
  node->case_hi_val = node->case_val;
  if (accept(p, "...")) {
    node->case_hi = parse_cond_expr(p);
    node->case_hi_val = eval_int(node->case_hi);
    if (node->case_hi_val < node->case_val)
      warn_tok(node->case_hi->tok, "empty case range specified");
  }
  expect(p, ":");
  for (int i = 0; i < p->switch_cases->len; i++) {
    Node *prev = vec_get(Node, p->switch_cases, i);
    if (prev->kind != ND_CASE || prev->case_hi_val < node->case_val ||
        node->case_hi_val < prev->case_val)
      continue;
    error_tok_noexit(node->case_lo->tok, "duplicate case value '%lld'",
                     (long long)(prev->case_val > node->case_val ? prev->case_val
                                                                 : node->case_val));
    note_tok(prev->case_lo->tok, "previous case defined here");
    exit(EXIT_INPUT_ERROR);
  }
  vec_push(p->switch_cases, node);
  node->body = parse_labeled_body(p);
  node->end_tok = node->body->end_tok;
  return node;
}

/* default-stmt = "default" ":" stmt */
static Node *parse_default(Parser *p) {
  Token *tok = advance(p);
  if (!p->switch_cases)
    error_tok(tok, "'default' statement not in switch statement");
  for (int i = 0; i < p->switch_cases->len; i++) {
    Node *prev = vec_get(Node, p->switch_cases, i);
    if (prev->kind == ND_DEFAULT) {
      error_tok_noexit(tok, "multiple default labels in one switch");
      note_tok(prev->tok, "previous default label is here");
      exit(EXIT_INPUT_ERROR);
    }
  }
  expect(p, ":");
  Node *node = new_node(ND_DEFAULT, tok);
  vec_push(p->switch_cases, node);
  node->body = parse_labeled_body(p);
  node->end_tok = node->body->end_tok;
  return node;
}

/* if-stmt = "if" "(" expr ")" stmt ("else" stmt)? */
static Node *parse_if(Parser *p) {
  Node *node = new_node(ND_IF, advance(p));
  node->cond = parse_condition(p);
  node->then = parse_stmt(p);
  node->end_tok = node->then->end_tok;
  if (accept(p, "else")) {
    node->els = parse_stmt(p);
    node->end_tok = node->els->end_tok;
  }
  return node;
}

/* switch-stmt = "switch" "(" expr ")" stmt
 * (6.8.4.2p1: the controlling expression has integer type) */
static Node *parse_switch(Parser *p) {
  Node *node = new_node(ND_SWITCH, advance(p));
  expect(p, "(");
  node->cond = parse_expr(p);
  expect(p, ")");
  if (!is_integer(type_decay(node->cond->ty)))
    error_tok(node->cond->tok, "statement requires expression of integer type ('%s' invalid)",
              tyname(node->cond->ty));
  Vec *saved_cases = p->switch_cases;
  p->switch_cases = &node->cases;
  p->switch_depth++;
  node->body = parse_stmt(p);
  p->switch_depth--;
  p->switch_cases = saved_cases;
  node->end_tok = node->body->end_tok;
  return node;
}

/* A loop body: break and continue are allowed inside. */
static Node *parse_loop_body(Parser *p) {
  p->loop_depth++;
  Node *body = parse_stmt(p);
  p->loop_depth--;
  return body;
}

/* while-stmt = "while" "(" expr ")" stmt */
static Node *parse_while(Parser *p) {
  Node *node = new_node(ND_WHILE, advance(p));
  node->cond = parse_condition(p);
  node->body = parse_loop_body(p);
  node->end_tok = node->body->end_tok;
  return node;
}

/* do-stmt = "do" stmt "while" "(" expr ")" ";" */
static Node *parse_do(Parser *p) {
  Node *node = new_node(ND_DO, advance(p));
  node->body = parse_loop_body(p);
  expect(p, "while");
  node->cond = parse_condition(p);
  node->end_tok = expect(p, ";");
  return node;
}

/* for-stmt = "for" "(" (declaration | expr? ";") expr? ";" expr? ")" stmt
 * (6.8.5p5: the whole statement is a block, so a declaration in the first
 * clause is visible in the rest and ends with the loop) */
static Node *parse_for(Parser *p) {
  Node *node = new_node(ND_FOR, advance(p));
  expect(p, "(");
  scope_enter(p);
  if (at_declaration(p)) {
    node->init = parse_local_declaration(p);
  } else if (!at(p, ";")) {
    Node *init = new_node(ND_EXPR_STMT, peek(p));
    init->lhs = parse_expr(p);
    init->end_tok = expect(p, ";");
    node->init = init;
  } else {
    advance(p);
  }
  if (!at(p, ";")) {
    node->cond = parse_expr(p);
    if (!is_scalar(type_decay(node->cond->ty)))
      error_tok(node->cond->tok, "statement requires expression of scalar type ('%s' invalid)",
                tyname(node->cond->ty));
  }
  expect(p, ";");
  if (!at(p, ")"))
    node->inc = parse_expr(p);
  expect(p, ")");
  node->body = parse_loop_body(p);
  scope_leave(p);
  node->end_tok = node->body->end_tok;
  return node;
}

/* goto-stmt = "goto" ident ";" | "goto" "*" expr ";"   (GNU computed goto) */
static Node *parse_goto(Parser *p) {
  Node *node = new_node(ND_GOTO, advance(p));
  if (accept(p, "*")) {
    node->lhs = parse_expr(p);
  } else {
    Token *name = expect_ident(p, "a label name");
    node->label = xstrdup(name->text);
    vec_push(&owner_of_label(node->label, name)->gotos, node);
  }
  node->end_tok = expect(p, ";");
  return node;
}

/* break-stmt = "break" ";"   continue-stmt = "continue" ";" */
static Node *parse_jump(Parser *p, NodeKind kind) {
  Node *node = new_node(kind, advance(p));
  if (kind == ND_BREAK && p->loop_depth == 0 && p->switch_depth == 0)
    error_tok(node->tok, "'break' statement not in loop or switch statement");
  if (kind == ND_CONTINUE && p->loop_depth == 0)
    error_tok(node->tok, "'continue' statement not in loop statement");
  node->end_tok = expect(p, ";");
  return node;
}

/* return-stmt = "return" expr? ";"
 * (6.8.6.4p1: no value in a void function; a value in every other one) */
static Node *parse_return(Parser *p) {
  Node *node = new_node(ND_RETURN, advance(p));
  if (!at(p, ";"))
    node->lhs = parse_expr(p);
  node->end_tok = expect(p, ";");
  if (!p->func)
    error_tok(node->tok, "'return' outside of a function");
  Type *ret = type_canon(p->func->ty)->return_ty;
  if (is_void(ret)) {
    if (node->lhs && !is_void(node->lhs->ty))
      error_tok(node->tok, "void function '%s' should not return a value", p->func->name);
  } else if (!node->lhs) {
    warn_tok(node->tok, "non-void function '%s' should return a value", p->func->name);
  } else {
    check_convertible(ret, node->lhs, node->lhs->tok, CONV_RETURN);
  }
  return node;
}

/* The tokens from `first` through `last` as one string, with one space
 * where the source had white space. */
static char *tokens_text(Token *first, Token *last) {
  Buf b = {0};
  for (Token *t = first;; t = t->next) {
    if (t != first && t->has_space)
      buf_putc(&b, ' ');
    buf_puts(&b, t->text);
    if (t == last)
      break;
  }
  return xstrdup(buf_str(&b));
}

/* asm-stmt = ("asm" | "__asm__" | "__asm") asm-qualifier* "(" balanced-tokens ")" ";"
 * asm-qualifier = "volatile" | "__volatile__" | "__volatile" | "inline" | "goto"
 * Kept as the text written (without the ';'). */
static Node *parse_asm(Parser *p) {
  Token *first = advance(p);
  Node *node = new_node(ND_ASM, first);
  while (at(p, "volatile") || at(p, "__volatile__") || at(p, "__volatile") ||
         at(p, "inline") || at(p, "__inline") || at(p, "__inline__") || at(p, "goto"))
    advance(p);
  Token *last = expect(p, "(");
  for (int depth = 1; depth > 0;) {
    if (peek(p)->kind == TK_EOF)
      expect(p, ")");
    if (at(p, "("))
      depth++;
    else if (at(p, ")"))
      depth--;
    last = advance(p);
  }
  node->text = tokens_text(first, last);
  node->end_tok = expect(p, ";");
  return node;
}

/* attribute-stmt = attribute+ ";"   e.g. __attribute__((fallthrough));
 * A null statement whose text keeps the attributes for printing. */
static Node *parse_attribute_stmt(Parser *p) {
  Token *tok = peek(p);
  Node *node = new_node(ND_NULL_STMT, tok);
  node->text = parse_attributes(p);
  node->end_tok = expect(p, ";");
  return node;
}

static Node *parse_pragma(Parser *p) {
  Token *tok = advance(p);
  Node *node = new_node(ND_PRAGMA, tok);
  node->text = xstrdup(tok->text);
  node->end_tok = tok;
  return node;
}

/* expr-stmt = expr ";" */
static Node *parse_expr_stmt(Parser *p) {
  Node *node = new_node(ND_EXPR_STMT, peek(p));
  node->lhs = parse_expr(p);
  node->end_tok = expect(p, ";");
  return node;
}

/* The statements introduced by a keyword. */
static const struct {
  const char *keyword;
  Node *(*parse)(Parser *p);
} keyword_stmts[] = {
    {"if", parse_if},       {"switch", parse_switch}, {"while", parse_while},
    {"do", parse_do},       {"for", parse_for},       {"goto", parse_goto},
    {"return", parse_return}, {"case", parse_case},   {"default", parse_default},
    {"asm", parse_asm},     {"__asm__", parse_asm},   {"__asm", parse_asm},
};

/* stmt = labeled-stmt | case-stmt | default-stmt | compound-stmt
 *      | if-stmt | switch-stmt | while-stmt | do-stmt | for-stmt
 *      | goto-stmt | "continue" ";" | "break" ";" | return-stmt
 *      | asm-stmt | attribute-stmt | pragma | ";" | expr-stmt */
static Node *parse_stmt_inner(Parser *p) {
  Token *tok = peek(p);
  if (tok->kind == TK_PRAGMA)
    return parse_pragma(p);
  if (at_label(p))
    return parse_label(p);
  if (at(p, "{"))
    return parse_compound_stmt(p);
  if (at(p, ";")) {
    Node *node = new_node(ND_NULL_STMT, advance(p));
    node->end_tok = tok;
    return node;
  }
  if (at(p, "break"))
    return parse_jump(p, ND_BREAK);
  if (at(p, "continue"))
    return parse_jump(p, ND_CONTINUE);
  if (tok->kind == TK_KEYWORD || tok->kind == TK_IDENT)
    for (size_t i = 0; i < sizeof keyword_stmts / sizeof keyword_stmts[0]; i++)
      if (at(p, keyword_stmts[i].keyword))
        return keyword_stmts[i].parse(p);
  if (at(p, "__attribute__") || at(p, "__attribute"))
    return parse_attribute_stmt(p);
  return parse_expr_stmt(p);
}

Node *parse_stmt(Parser *p) {
  if (++stmt_nesting > MAX_STMT_NESTING)
    error_tok(peek(p), "statements nested too deeply (more than %d levels)", MAX_STMT_NESTING);
  Node *node = parse_stmt_inner(p);
  stmt_nesting--;
  return node;
}

/* block-item = local-labels | declaration | stmt
 * (a label comes first: `T:` is a label even where T names a type) */
static Node *parse_block_item(Parser *p, LabelScope **local) {
  if (at(p, "__label__"))
    return parse_local_labels(p, local);
  if (!at_label(p) && at_declaration(p))
    return parse_local_declaration(p);
  return parse_stmt(p);
}

/* "{" block-item* "}" in the current scope (the caller opens it). */
static Node *parse_block(Parser *p) {
  Node *node = new_node(ND_BLOCK, expect(p, "{"));
  LabelScope *local = NULL;
  while (!at(p, "}")) {
    if (peek(p)->kind == TK_EOF)
      expect(p, "}");
    vec_push(&node->stmts, parse_block_item(p, &local));
  }
  node->end_tok = advance(p);
  if (local) {
    check_gotos(local);
    label_scope = local->parent;
  }
  return node;
}

/* compound-stmt = "{" block-item* "}"   (6.8.2: a block, with its own scope) */
Node *parse_compound_stmt(Parser *p) {
  scope_enter(p);
  Node *node = parse_block(p);
  scope_leave(p);
  return node;
}

/* 6.9.1: the body of a function definition.  The parameters and the
 * outermost block share one scope (6.2.1p4), so a block-scope
 * redeclaration of a parameter is caught as a redefinition. */
void parse_function_body(Parser *p, Obj *func) {
  Obj *saved_func = p->func;
  LabelScope *saved_labels = label_scope;
  int saved_loops = p->loop_depth, saved_switches = p->switch_depth;
  Vec *saved_cases = p->switch_cases;

  LabelScope labels = {0};
  label_scope = &labels;
  p->func = func;
  p->loop_depth = 0;
  p->switch_depth = 0;
  p->switch_cases = NULL;

  scope_enter(p);
  for (int i = 0; i < func->params.len; i++) {
    Obj *param = vec_get(Obj, &func->params, i);
    if (param->name && *param->name)
      scope_add(p, param);
  }
  func->body = parse_block(p);
  scope_leave(p);
  check_gotos(&labels);

  label_scope = saved_labels;
  p->func = saved_func;
  p->loop_depth = saved_loops;
  p->switch_depth = saved_switches;
  p->switch_cases = saved_cases;
}
