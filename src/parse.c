/*
 * parse.c: the parser's infrastructure: the token cursor, scopes, object
 * and node construction, and the entry point parse_unit().  The grammar
 * itself lives in decl.c (declarations), expr.c and stmt.c.
 */
#include "cotan.h"

#include <string.h>

/* ---------------------------------------------------------------------- */
/* Token cursor                                                           */
/* ---------------------------------------------------------------------- */

Token *peek(Parser *p) { return p->tok; }

/* The EOF token is never consumed, so a loop that keeps advancing at the
 * end of a truncated file stays on EOF and its next expect() reports it. */
Token *advance(Parser *p) {
  Token *tok = p->tok;
  if (tok->kind != TK_EOF) {
    p->tok = tok->next;
    p->prev = tok;
  }
  return tok;
}

bool at(Parser *p, const char *s) {
  Token *tok = p->tok;
  return tok->kind != TK_STR && tok->kind != TK_EOF && tok->kind != TK_CHAR &&
         tok_is(tok, s);
}

bool accept(Parser *p, const char *s) {
  if (!at(p, s))
    return false;
  advance(p);
  return true;
}

/* A missing ';' or a truncated file is reported right after the last
 * token consumed, where the user has to type what is missing (as gcc
 * does); anything else at the unexpected token. */
_Noreturn static void error_missing(Parser *p, bool after_prev, const char *what) {
  Token *tok = peek(p);
  Token *prev = p->prev;
  if ((after_prev || tok->kind == TK_EOF) && prev && prev->file) {
    const char *where = tok->kind == TK_EOF ? "at end of input" : format("before '%s'", tok->text);
    /* Just after the previous token as the user wrote it: a macro's name,
     * not its expansion. */
    int len = prev->macro ? (int)strlen(prev->macro) : prev->len;
    error_at(prev->file, prev->line, prev->col + len, "expected %s %s", what, where);
  }
  if (tok->kind == TK_EOF)
    error_tok(tok, "expected %s at end of input", what);
  error_tok(tok, "expected %s before '%s'", what, tok->text);
}

Token *expect(Parser *p, const char *s) {
  if (at(p, s))
    return advance(p);
  error_missing(p, str_eq(s, ";"), format("'%s'", s));
}

Token *expect_ident(Parser *p, const char *what) {
  Token *tok = peek(p);
  if (tok->kind == TK_IDENT)
    return advance(p);
  error_missing(p, false, what);
}

/* ---------------------------------------------------------------------- */
/* Scopes (6.2.1)                                                         */
/* ---------------------------------------------------------------------- */

/* A string-keyed hash table with open addressing.  Block scopes are small
 * and short-lived; the file scope holds every name of the system headers,
 * so lookups must stay O(1). */
typedef struct MapEntry {
  const char *key;
  void *val;
} MapEntry;

typedef struct Map {
  MapEntry *entries;
  int cap;  /* a power of two, or 0 */
  int used;
} Map;

static uint32_t hash_str(const char *s) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static MapEntry *map_slot(Map *map, const char *key) {
  uint32_t mask = (uint32_t)map->cap - 1;
  for (uint32_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
    MapEntry *e = &map->entries[i];
    if (!e->key || str_eq(e->key, key))
      return e;
  }
}

static void map_put(Map *map, const char *key, void *val);

static void map_grow(Map *map) {
  Map bigger = {0};
  bigger.cap = map->cap ? map->cap * 2 : 16;
  bigger.entries = xcalloc((size_t)bigger.cap, sizeof(MapEntry));
  for (int i = 0; i < map->cap; i++)
    if (map->entries[i].key)
      map_put(&bigger, map->entries[i].key, map->entries[i].val);
  *map = bigger;
}

static void map_put(Map *map, const char *key, void *val) {
  if ((map->used + 1) * 4 >= map->cap * 3)
    map_grow(map);
  MapEntry *e = map_slot(map, key);
  if (!e->key) {
    e->key = key;
    map->used++;
  }
  e->val = val;
}

static void *map_get(Map *map, const char *key) {
  if (!map->cap)
    return NULL;
  MapEntry *e = map_slot(map, key);
  return e->key ? e->val : NULL;
}

/* Ordinary identifiers and tags are separate name spaces (6.2.3). */
struct Scope {
  struct Scope *parent;
  Map vars;   /* name -> Obj * */
  Map tags;   /* tag -> Type * */
};

void scope_enter(Parser *p) {
  struct Scope *sc = new_of(struct Scope);
  sc->parent = p->scope;
  p->scope = sc;
}

void scope_leave(Parser *p) {
  cotan_assert(p->scope && p->scope->parent);
  p->scope = p->scope->parent;
}

bool scope_is_file(Parser *p) { return !p->scope || !p->scope->parent; }

Obj *scope_find(Parser *p, const char *name) {
  for (struct Scope *sc = p->scope; sc; sc = sc->parent) {
    Obj *obj = map_get(&sc->vars, name);
    if (obj)
      return obj;
  }
  return NULL;
}

Obj *scope_find_current(Parser *p, const char *name) {
  return p->scope ? map_get(&p->scope->vars, name) : NULL;
}

void scope_add(Parser *p, Obj *obj) {
  if (obj->name)
    map_put(&p->scope->vars, obj->name, obj);
}

Type *scope_find_tag(Parser *p, const char *tag) {
  for (struct Scope *sc = p->scope; sc; sc = sc->parent) {
    Type *ty = map_get(&sc->tags, tag);
    if (ty)
      return ty;
  }
  return NULL;
}

Type *scope_find_tag_current(Parser *p, const char *tag) {
  return p->scope ? map_get(&p->scope->tags, tag) : NULL;
}

void scope_add_tag(Parser *p, const char *tag, Type *ty) {
  map_put(&p->scope->tags, tag, ty);
}

/* ---------------------------------------------------------------------- */
/* Objects and nodes                                                      */
/* ---------------------------------------------------------------------- */

Obj *new_obj(Parser *p, ObjKind kind, char *name, Type *ty, Token *tok) {
  Obj *obj = new_of(Obj);
  obj->kind = kind;
  obj->name = name;
  obj->ty = ty;
  obj->decl_ty = ty;
  obj->tok = tok;
  obj->is_local = !scope_is_file(p);
  obj->id = p->next_obj_id++;
  return obj;
}

Node *new_node(NodeKind kind, Token *tok) {
  Node *node = new_of(Node);
  node->kind = kind;
  node->tok = tok;
  node->op = ND_NONE;
  return node;
}

/* ---------------------------------------------------------------------- */
/* The translation unit                                                   */
/* ---------------------------------------------------------------------- */

/* gcc's va_list on x86-64 is `struct __va_list_tag[1]`: an array, so a
 * va_list parameter adjusts to a pointer like any other array. */
static void predeclare_builtins(Parser *p) {
  StructDef *tag = new_of(StructDef);
  tag->tag = "__va_list_tag";
  tag->is_complete = true;
  tag->size = 24;
  tag->align = 8;
  tag->id = p->next_struct_id++;
  Type *va_list_ty = array_of(struct_type(tag), 1);
  Obj *va_list = new_obj(p, OBJ_TYPEDEF, "__builtin_va_list", va_list_ty, NULL);
  va_list->storage = SC_TYPEDEF;
  va_list->is_builtin = true;
  scope_add(p, va_list);
}

/* `__asm__ ( string )` at file scope: kept as written. */
static Node *parse_toplevel_asm(Parser *p) {
  Token *start = advance(p);
  Node *node = new_node(ND_ASM, start);
  Buf text = {0};
  buf_puts(&text, start->text);
  int depth = 0;
  do {
    Token *tok = peek(p);
    if (tok->kind == TK_EOF)
      expect(p, ")");
    if (tok_is(tok, "("))
      depth++;
    else if (tok_is(tok, ")"))
      depth--;
    if (tok->has_space)
      buf_putc(&text, ' ');
    buf_puts(&text, tok->text);
    advance(p);
  } while (depth > 0);
  node->end_tok = expect(p, ";");
  node->text = xstrdup(buf_str(&text));
  return node;
}

static bool at_toplevel_asm(Parser *p) {
  Token *tok = peek(p);
  return (tok_is(tok, "__asm__") || tok_is(tok, "__asm") || tok_is(tok, "asm")) &&
         tok->kind != TK_STR && tok_is(tok->next, "(");
}

/* 6.9.2: a tentative definition whose type is still incomplete at the
 * end of the unit.  `int a[];` becomes one element, as gcc warns. */
static void check_tentative_definitions(Parser *p) {
  Vec *globals = &p->unit->globals;
  for (int i = 0; i < globals->len; i++) {
    Obj *obj = vec_get(Obj, globals, i);
    Type *c = type_canon(obj->ty);
    if (obj->kind != OBJ_VAR || obj->storage == SC_EXTERN || obj->init || c->size >= 0)
      continue;
    if (c->kind == TY_ARRAY && c->array_len < 0) {
      warn_tok(obj->tok, "array '%s' assumed to have one element", obj->name);
      obj->ty = array_of(c->base, 1);
      continue;
    }
    error_tok(obj->tok, "storage size of '%s' isn't known", obj->name);
  }
}

Unit *parse_unit(Token *tok, const char *path) {
  Unit *unit = new_of(Unit);
  unit->path = xstrdup(path);
  Parser parser = {.tok = tok, .unit = unit};
  Parser *p = &parser;
  scope_enter(p);
  predeclare_builtins(p);

  while (peek(p)->kind != TK_EOF) {
    Token *t = peek(p);
    if (t->kind == TK_PRAGMA) {
      Node *node = new_node(ND_PRAGMA, t);
      node->text = xstrdup(t->text);
      node->end_tok = t;
      advance(p);
      vec_push(&unit->items, node);
      continue;
    }
    if (at(p, ";")) { /* an empty declaration, tolerated as gcc does */
      advance(p);
      continue;
    }
    if (at_toplevel_asm(p)) {
      vec_push(&unit->items, parse_toplevel_asm(p));
      continue;
    }
    vec_push(&unit->items, parse_external_declaration(p));
  }

  check_tentative_definitions(p);
  Vec *dirs = lex_directives();
  for (int i = 0; dirs && i < dirs->len; i++)
    vec_push(&unit->directives, dirs->items[i]);
  return unit;
}
