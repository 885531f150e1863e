/*
 * decl.c: declarations (C11 6.7): declaration specifiers, struct/union/
 * enum bodies, declarators, type names, initializers (6.7.9), function
 * definitions (6.9.1), and the GNU forms glibc's headers use
 * (__attribute__, __asm__ labels, __extension__, __typeof__, __int128,
 * _FloatN).
 *
 * Nothing is desugared: an ND_DECL keeps the specifiers' type (decl_base,
 * typedef spelling kept) and one Declarator per declarator whose type is
 * built on top of decl_base by pointer identity, so the printer can spell
 * the declaration as it was written.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Keywords                                                               */
/* ---------------------------------------------------------------------- */

typedef enum {
  KW_NONE,
  /* type specifiers */
  KW_VOID, KW_BOOL, KW_CHAR, KW_SHORT, KW_INT, KW_LONG, KW_FLOAT, KW_DOUBLE,
  KW_SIGNED, KW_UNSIGNED, KW_COMPLEX, KW_INT128,
  KW_FLOAT32, KW_FLOAT64, KW_FLOAT128, KW_FLOAT32X, KW_FLOAT64X,
  KW_STRUCT, KW_UNION, KW_ENUM, KW_TYPEOF, KW_AUTO_TYPE,
  /* qualifiers (_Atomic is also the _Atomic(type) specifier) */
  KW_CONST, KW_VOLATILE, KW_RESTRICT, KW_ATOMIC,
  /* storage classes */
  KW_TYPEDEF, KW_EXTERN, KW_STATIC, KW_AUTO, KW_REGISTER, KW_THREAD_LOCAL,
  /* function specifiers, alignment, GNU */
  KW_INLINE, KW_NORETURN, KW_ALIGNAS, KW_ATTRIBUTE, KW_EXTENSION,
  KW_STATIC_ASSERT, KW_ASM,
} Keyword;

static const struct {
  const char *spelling;
  Keyword kw;
} keyword_table[] = {
    {"void", KW_VOID}, {"_Bool", KW_BOOL}, {"char", KW_CHAR},
    {"short", KW_SHORT}, {"int", KW_INT}, {"long", KW_LONG},
    {"float", KW_FLOAT}, {"double", KW_DOUBLE},
    {"signed", KW_SIGNED}, {"__signed", KW_SIGNED}, {"__signed__", KW_SIGNED},
    {"unsigned", KW_UNSIGNED},
    {"_Complex", KW_COMPLEX}, {"__complex__", KW_COMPLEX}, {"__complex", KW_COMPLEX},
    {"__int128", KW_INT128},
    {"_Float32", KW_FLOAT32}, {"_Float64", KW_FLOAT64}, {"_Float128", KW_FLOAT128},
    {"__float128", KW_FLOAT128}, {"_Float32x", KW_FLOAT32X}, {"_Float64x", KW_FLOAT64X},
    {"__float80", KW_FLOAT64X},
    {"struct", KW_STRUCT}, {"union", KW_UNION}, {"enum", KW_ENUM},
    {"typeof", KW_TYPEOF}, {"__typeof__", KW_TYPEOF}, {"__typeof", KW_TYPEOF},
    {"__auto_type", KW_AUTO_TYPE},
    {"const", KW_CONST}, {"__const", KW_CONST}, {"__const__", KW_CONST},
    {"volatile", KW_VOLATILE}, {"__volatile", KW_VOLATILE}, {"__volatile__", KW_VOLATILE},
    {"restrict", KW_RESTRICT}, {"__restrict", KW_RESTRICT}, {"__restrict__", KW_RESTRICT},
    {"_Atomic", KW_ATOMIC},
    {"typedef", KW_TYPEDEF}, {"extern", KW_EXTERN}, {"static", KW_STATIC},
    {"auto", KW_AUTO}, {"register", KW_REGISTER},
    {"_Thread_local", KW_THREAD_LOCAL}, {"__thread", KW_THREAD_LOCAL},
    {"inline", KW_INLINE}, {"__inline", KW_INLINE}, {"__inline__", KW_INLINE},
    {"_Noreturn", KW_NORETURN}, {"_Alignas", KW_ALIGNAS},
    {"__attribute__", KW_ATTRIBUTE}, {"__attribute", KW_ATTRIBUTE},
    {"__extension__", KW_EXTENSION}, {"_Static_assert", KW_STATIC_ASSERT},
    {"__asm__", KW_ASM}, {"__asm", KW_ASM}, {"asm", KW_ASM},
};

/* The keyword table as a hash, built on first use: is_typename_start runs
 * on every statement and every parenthesis, so a linear scan would show. */
enum { KW_SLOTS = 256 };
static const char *kw_slot_spelling[KW_SLOTS];
static Keyword kw_slot_kw[KW_SLOTS];

static unsigned kw_hash(const char *s) {
  unsigned h = 5381;
  for (; *s; s++)
    h = h * 33 + (unsigned char)*s;
  return h & (KW_SLOTS - 1);
}

static void build_keyword_hash(void) {
  for (size_t i = 0; i < sizeof keyword_table / sizeof keyword_table[0]; i++) {
    unsigned h = kw_hash(keyword_table[i].spelling);
    while (kw_slot_spelling[h])
      h = (h + 1) & (KW_SLOTS - 1);
    kw_slot_spelling[h] = keyword_table[i].spelling;
    kw_slot_kw[h] = keyword_table[i].kw;
  }
}

/* The declaration keyword a token spells, or KW_NONE.  Only keyword
 * tokens count: with clang's preprocessor glibc declares `_Float32` and
 * friends as typedef names, and the lexer leaves them identifiers. */
static Keyword keyword_of(const Token *tok) {
  if (tok->kind != TK_KEYWORD)
    return KW_NONE;
  if (!kw_slot_spelling[kw_hash("int")])
    build_keyword_hash();
  for (unsigned h = kw_hash(tok->text); kw_slot_spelling[h]; h = (h + 1) & (KW_SLOTS - 1))
    if (str_eq(kw_slot_spelling[h], tok->text))
      return kw_slot_kw[h];
  return KW_NONE;
}

static bool is_specifier_keyword(Keyword kw) {
  return kw != KW_NONE && kw != KW_ATTRIBUTE && kw != KW_EXTENSION && kw != KW_ASM;
}

/* ---------------------------------------------------------------------- */
/* Small helpers                                                          */
/* ---------------------------------------------------------------------- */

/* Nesting of declarators and initializers, capped so that hostile input
 * gets an error instead of a stack overflow. */
enum { MAX_NESTING = 1000 };
static int nesting_depth;

static void nest_enter(Token *tok) {
  if (++nesting_depth > MAX_NESTING)
    error_tok(tok, "declaration nested too deeply (more than %d levels)", MAX_NESTING);
}

static void nest_leave(void) { nesting_depth--; }

/* "expected X before 'tok'", or "... at end of input" right after the
 * last token of a truncated file. */
_Noreturn static void error_expected(Parser *p, Token *tok, const char *what) {
  Token *prev = p->prev;
  if (tok->kind == TK_EOF && prev && prev->file)
    error_at(prev->file, prev->line, prev->col + prev->len, "expected %s at end of input", what);
  if (tok->kind == TK_EOF)
    error_tok(tok, "expected %s at end of input", what);
  error_tok(tok, "expected %s before '%s'", what, tok->text);
}

/* The source text of the tokens [from, to), joined with single spaces
 * where the source had white space. */
static char *tokens_text(Token *from, Token *to) {
  Buf b = {0};
  for (Token *t = from; t && t != to && t->kind != TK_EOF; t = t->next) {
    if (t != from && t->has_space)
      buf_putc(&b, ' ');
    buf_puts(&b, t->text);
  }
  return xstrdup(buf_str(&b));
}

/* Appends text to an attribute string (NULL when empty), space separated. */
static char *join_text(char *a, const char *b) {
  if (!b || !*b)
    return a;
  if (!a)
    return xstrdup(b);
  return format("%s %s", a, b);
}

/* "struct S", "union <anonymous>", "enum E": for messages. */
static char *tag_name(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_ENUM)
    return format("enum %s", c->edef->tag ? c->edef->tag : "<anonymous>");
  const char *kw = c->kind == TY_UNION ? "union" : "struct";
  return format("%s %s", kw, c->sdef->tag ? c->sdef->tag : "<anonymous>");
}

static Token *last_token_before(Token *from, Token *stop) {
  Token *last = from;
  for (Token *t = from; t && t != stop && t->kind != TK_EOF; t = t->next)
    last = t;
  return last;
}

/* ---------------------------------------------------------------------- */
/* Attributes and asm labels                                              */
/* ---------------------------------------------------------------------- */

/* What the parser needs to know from __attribute__ lists besides their
 * text. */
typedef struct AttrInfo {
  char *text;       /* all of it, as written */
  char *asm_label;  /* __asm__("name"): the name */
  int aligned;      /* aligned(N), 0 if absent */
  bool packed;
} AttrInfo;

static bool is_attr_name(Token *tok, const char *name) {
  if (tok_is(tok, name))
    return true;
  /* __name__ spells the same attribute */
  size_t n = strlen(name);
  return tok->len == (int)n + 4 && starts_with(tok->text, "__") &&
         strncmp(tok->text + 2, name, n) == 0 && str_eq(tok->text + 2 + n, "__");
}

/* Skips a balanced parenthesized group; the current token is '('. */
static void skip_parens(Parser *p) {
  int depth = 0;
  do {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "')'");
    if (at(p, "("))
      depth++;
    else if (at(p, ")"))
      depth--;
    advance(p);
  } while (depth > 0);
}

/* attribute = name ( '(' args ')' )?   inside __attribute__((...)) */
static void parse_one_attribute(Parser *p, AttrInfo *info) {
  Token *name = peek(p);
  if (name->kind != TK_IDENT && name->kind != TK_KEYWORD)
    error_expected(p, name, "attribute name");
  advance(p);
  if (is_attr_name(name, "packed"))
    info->packed = true;
  /* A GNU vector type is not the scalar it is declared with: arithmetic,
   * subscripts and initializers all differ, and no phase models them.
   * Refuse it in the user's code rather than mistype it; a system
   * header may declare such types as long as the user never uses them. */
  if (is_attr_name(name, "vector_size") && tok_in_user_file(name))
    error_tok(name, "GNU vector types (__attribute__((vector_size))) are not supported");
  if (is_attr_name(name, "aligned")) {
    info->aligned = 16; /* the target's biggest alignment */
    if (accept(p, "(")) {
      Node *arg = parse_assign(p);
      int64_t align = eval_int(arg);
      if (align <= 0 || (align & (align - 1)))
        error_tok(arg->tok, "requested alignment is not a positive power of 2");
      info->aligned = (int)align;
      expect(p, ")");
    }
    return;
  }
  if (at(p, "("))
    skip_parens(p);
}

/* gnu-attribute = '__attribute__' '(' '(' attribute? (',' attribute?)* ')' ')' */
static void parse_gnu_attribute(Parser *p, AttrInfo *info) {
  advance(p);
  expect(p, "(");
  expect(p, "(");
  while (!at(p, ")")) {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "')'");
    if (!at(p, ","))
      parse_one_attribute(p, info);
    if (!accept(p, ","))
      break;
  }
  expect(p, ")");
  expect(p, ")");
}

/* asm-label = '__asm__' '(' string-literal+ ')' */
static void parse_asm_label(Parser *p, AttrInfo *info) {
  advance(p);
  expect(p, "(");
  Buf label = {0};
  if (peek(p)->kind != TK_STR)
    error_expected(p, peek(p), "string literal");
  while (peek(p)->kind == TK_STR) {
    Token *s = advance(p);
    if (s->str)
      buf_puts(&label, s->str);
  }
  expect(p, ")");
  info->asm_label = xstrdup(buf_str(&label));
}

static bool at_attribute(Parser *p) { return keyword_of(peek(p)) == KW_ATTRIBUTE; }

static bool at_attribute_or_asm(Parser *p) {
  Keyword kw = keyword_of(peek(p));
  return kw == KW_ATTRIBUTE || (kw == KW_ASM && tok_is(peek(p)->next, "("));
}

/* attributes = (gnu-attribute | asm-label)*  ; the text is added to info */
static void parse_attrs_into(Parser *p, AttrInfo *info) {
  Token *start = peek(p);
  bool any = false;
  while (at_attribute_or_asm(p)) {
    any = true;
    if (keyword_of(peek(p)) == KW_ATTRIBUTE)
      parse_gnu_attribute(p, info);
    else
      parse_asm_label(p, info);
  }
  if (any)
    info->text = join_text(info->text, tokens_text(start, peek(p)));
}

char *parse_attributes(Parser *p) {
  AttrInfo info = {0};
  parse_attrs_into(p, &info);
  return info.text;
}

/* ---------------------------------------------------------------------- */
/* Declaration specifiers (6.7.1 - 6.7.5)                                 */
/* ---------------------------------------------------------------------- */

/* Where specifiers are parsed: each context allows different ones. */
typedef enum {
  CTX_FILE,     /* external declaration */
  CTX_BLOCK,    /* block-scope declaration */
  CTX_PARAM,    /* parameter declaration */
  CTX_MEMBER,   /* struct member: specifier-qualifier-list */
  CTX_TYPENAME, /* type name: specifier-qualifier-list */
} DeclContext;

typedef struct DeclSpec {
  Token *tok;               /* the first token */
  Type *ty;                 /* the type named (sugar kept), qualifiers applied */
  Type *derived_base;       /* __typeof__ of a derived type: its innermost specifier type,
                               which becomes decl_base (ty is built on it); else NULL */
  StorageClass storage;
  Token *storage_tok;
  bool is_inline;
  bool is_noreturn;
  bool is_thread_local;
  bool is_auto_type;        /* __auto_type: the type comes from the initializer */
  bool is_extension;
  bool implicit_int;        /* no type specifier at all */
  int align_as;
  Node *align_expr;
  Type *align_type;
  StructDef *defines_struct;
  EnumDef *defines_enum;
  AttrInfo attrs;
} DeclSpec;

/* Counts of the arithmetic type specifiers, spaced two bits apart so that
 * a repeated keyword lands on a combination no switch case accepts
 * (except `long long`). */
enum {
  SPEC_VOID = 1 << 0,
  SPEC_BOOL = 1 << 2,
  SPEC_CHAR = 1 << 4,
  SPEC_SHORT = 1 << 6,
  SPEC_INT = 1 << 8,
  SPEC_LONG = 1 << 10,
  SPEC_FLOAT = 1 << 12,
  SPEC_DOUBLE = 1 << 14,
  SPEC_SIGNED = 1 << 16,
  SPEC_UNSIGNED = 1 << 18,
  SPEC_INT128 = 1 << 20,
};

static int spec_bit(Keyword kw) {
  switch (kw) {
  case KW_VOID: return SPEC_VOID;
  case KW_BOOL: return SPEC_BOOL;
  case KW_CHAR: return SPEC_CHAR;
  case KW_SHORT: return SPEC_SHORT;
  case KW_INT: return SPEC_INT;
  case KW_LONG: return SPEC_LONG;
  case KW_FLOAT: return SPEC_FLOAT;
  case KW_DOUBLE: return SPEC_DOUBLE;
  case KW_SIGNED: return SPEC_SIGNED;
  case KW_UNSIGNED: return SPEC_UNSIGNED;
  case KW_INT128: return SPEC_INT128;
  default: return 0;
  }
}

/* 6.7.2p2: the multisets of type specifiers that name a type.  Returns
 * NULL for an invalid combination. */
static Type *type_of_specs(int counter) {
  switch (counter) {
  case SPEC_VOID: return ty_void;
  case SPEC_BOOL: return ty_bool;
  case SPEC_CHAR: return ty_char;
  case SPEC_SIGNED + SPEC_CHAR: return ty_schar;
  case SPEC_UNSIGNED + SPEC_CHAR: return ty_uchar;
  case SPEC_SHORT: case SPEC_SHORT + SPEC_INT:
  case SPEC_SIGNED + SPEC_SHORT: case SPEC_SIGNED + SPEC_SHORT + SPEC_INT:
    return ty_short;
  case SPEC_UNSIGNED + SPEC_SHORT: case SPEC_UNSIGNED + SPEC_SHORT + SPEC_INT:
    return ty_ushort;
  case 0: case SPEC_INT: case SPEC_SIGNED: case SPEC_SIGNED + SPEC_INT:
    return ty_int;
  case SPEC_UNSIGNED: case SPEC_UNSIGNED + SPEC_INT:
    return ty_uint;
  case SPEC_LONG: case SPEC_LONG + SPEC_INT:
  case SPEC_SIGNED + SPEC_LONG: case SPEC_SIGNED + SPEC_LONG + SPEC_INT:
    return ty_long;
  case SPEC_UNSIGNED + SPEC_LONG: case SPEC_UNSIGNED + SPEC_LONG + SPEC_INT:
    return ty_ulong;
  case 2 * SPEC_LONG: case 2 * SPEC_LONG + SPEC_INT:
  case SPEC_SIGNED + 2 * SPEC_LONG: case SPEC_SIGNED + 2 * SPEC_LONG + SPEC_INT:
    return ty_llong;
  case SPEC_UNSIGNED + 2 * SPEC_LONG: case SPEC_UNSIGNED + 2 * SPEC_LONG + SPEC_INT:
    return ty_ullong;
  case SPEC_INT128: case SPEC_SIGNED + SPEC_INT128:
    return ty_int128;
  case SPEC_UNSIGNED + SPEC_INT128:
    return ty_uint128;
  case SPEC_FLOAT: return ty_float;
  case SPEC_DOUBLE: return ty_double;
  case SPEC_LONG + SPEC_DOUBLE: return ty_ldouble;
  default: return NULL;
  }
}

static Type *floatn_type(Keyword kw) {
  switch (kw) {
  case KW_FLOAT32: return ty_float;
  case KW_FLOAT64: case KW_FLOAT32X: return ty_double;
  case KW_FLOAT64X: return ty_ldouble;
  default: return ty_float128;
  }
}

static Type *parse_struct_union(Parser *p, DeclSpec *spec, bool is_union);
static Type *parse_enum(Parser *p, DeclSpec *spec);
static Type *parse_typeof(Parser *p, DeclSpec *spec);

/* State while collecting specifiers: the arithmetic keyword counter, or a
 * type named by a single specifier (struct, enum, typedef name, ...). */
typedef struct SpecState {
  int counter;
  int words;         /* type-specifier keywords seen */
  Token *macro_tok;  /* the first of them, when a one-token macro spelled it */
  Type *named;
  bool complex;
  int quals;
} SpecState;

static bool has_type_specifier(SpecState *st) {
  return st->counter || st->named || st->complex;
}

static void set_named_type(Token *tok, SpecState *st, Type *ty) {
  if (st->counter || st->named)
    error_tok(tok, "two or more data types in declaration specifiers");
  st->named = ty;
}

static void set_storage(Parser *p, DeclSpec *spec, StorageClass sc, DeclContext ctx) {
  Token *tok = peek(p);
  if (ctx == CTX_MEMBER || ctx == CTX_TYPENAME)
    error_tok(tok, "expected specifier-qualifier-list before '%s'", tok->text);
  if (ctx == CTX_PARAM && sc != SC_REGISTER)
    error_tok(tok, "storage class specified for parameter");
  if (ctx == CTX_FILE && (sc == SC_AUTO || sc == SC_REGISTER))
    error_tok(tok, "file-scope declaration specifies '%s'", tok->text);
  if (spec->storage != SC_NONE)
    error_tok(tok, "multiple storage classes in declaration specifiers");
  spec->storage = sc;
  spec->storage_tok = tok;
}

/* _Alignas '(' (type-name | constant-expression) ')'  (6.7.5) */
static void parse_alignas(Parser *p, DeclSpec *spec) {
  Token *tok = advance(p);
  expect(p, "(");
  int64_t align;
  if (is_typename_start(p, peek(p))) {
    spec->align_type = parse_typename(p);
    align = spec->align_type->align;
  } else {
    spec->align_expr = parse_cond_expr(p);
    align = eval_int(spec->align_expr);
    if (align < 0 || (align & (align - 1)))
      error_tok(tok, "requested alignment is not a positive power of 2");
  }
  expect(p, ")");
  if (align > spec->align_as)
    spec->align_as = (int)align;
}

/* _Atomic '(' type-name ')' */
static Type *parse_atomic_specifier(Parser *p) {
  advance(p);
  expect(p, "(");
  Type *ty = parse_typename(p);
  expect(p, ")");
  return type_qualified(ty, Q_ATOMIC);
}

/* The specifier or qualifier at the current token, if any, recorded in
 * spec / st.  Returns false at the first token that is not one. */
static bool parse_one_specifier(Parser *p, DeclSpec *spec, SpecState *st, DeclContext ctx) {
  Token *tok = peek(p);
  Keyword kw = keyword_of(tok);
  switch (kw) {
  case KW_TYPEDEF: set_storage(p, spec, SC_TYPEDEF, ctx); break;
  case KW_EXTERN: set_storage(p, spec, SC_EXTERN, ctx); break;
  case KW_STATIC: set_storage(p, spec, SC_STATIC, ctx); break;
  case KW_AUTO: set_storage(p, spec, SC_AUTO, ctx); break;
  case KW_REGISTER: set_storage(p, spec, SC_REGISTER, ctx); break;
  case KW_THREAD_LOCAL:
    if (ctx != CTX_FILE && ctx != CTX_BLOCK)
      error_tok(tok, "'%s' used in an invalid context", tok->text);
    spec->is_thread_local = true;
    break;
  case KW_INLINE: spec->is_inline = true; break;
  case KW_NORETURN: spec->is_noreturn = true; break;
  case KW_CONST: st->quals |= Q_CONST; break;
  case KW_VOLATILE: st->quals |= Q_VOLATILE; break;
  case KW_RESTRICT: st->quals |= Q_RESTRICT; break;
  case KW_EXTENSION: spec->is_extension = true; break;
  case KW_ATOMIC:
    if (tok_is(tok->next, "(")) {
      set_named_type(tok, st, parse_atomic_specifier(p));
      return true;
    }
    st->quals |= Q_ATOMIC;
    break;
  case KW_ALIGNAS:
    parse_alignas(p, spec);
    return true;
  case KW_ATTRIBUTE:
    parse_attrs_into(p, &spec->attrs);
    return true;
  case KW_STRUCT: case KW_UNION:
    advance(p);
    set_named_type(tok, st, parse_struct_union(p, spec, kw == KW_UNION));
    return true;
  case KW_ENUM:
    advance(p);
    set_named_type(tok, st, parse_enum(p, spec));
    return true;
  case KW_TYPEOF:
    set_named_type(tok, st, parse_typeof(p, spec));
    return true;
  case KW_AUTO_TYPE:
    set_named_type(tok, st, ty_int);
    spec->is_auto_type = true;
    break;
  case KW_COMPLEX:
    if (st->complex)
      error_tok(tok, "duplicate '%s'", tok->text);
    st->complex = true;
    break;
  case KW_FLOAT32: case KW_FLOAT64: case KW_FLOAT128: case KW_FLOAT32X: case KW_FLOAT64X:
    set_named_type(tok, st, floatn_type(kw));
    break;
  case KW_NONE:
    if (tok->kind != TK_IDENT || has_type_specifier(st))
      return false;
    Obj *obj = scope_find(p, tok->text);
    if (!obj || obj->kind != OBJ_TYPEDEF)
      return false;
    Type *ty = type_copy(obj->ty);
    ty->typedef_obj = obj;
    set_named_type(tok, st, ty);
    break;
  default:
    if (!spec_bit(kw))
      return false;
    if (st->named)
      error_tok(tok, "two or more data types in declaration specifiers");
    st->counter += spec_bit(kw);
    if (st->words++ == 0 && tok->macro)
      st->macro_tok = tok;
    if (!type_of_specs(st->counter) &&
        !(st->counter == SPEC_LONG * 3 && (error_tok(tok, "'long long long' is too long"), 0)))
      error_tok(tok, "two or more data types in declaration specifiers");
    break;
  }
  advance(p);
  return true;
}

/* The type the collected specifiers name, qualifiers applied. */
static Type *finish_spec_type(Parser *p, DeclSpec *spec, SpecState *st, DeclContext ctx) {
  Type *ty;
  if (st->named) {
    ty = st->named;
    if (st->complex) {
      if (!is_floating(type_canon(ty)))
        error_tok(spec->tok, "two or more data types in declaration specifiers");
      ty = complex_of(ty);
    }
  } else {
    ty = type_of_specs(st->counter);
    if (st->complex) {
      /* `_Complex` alone means `_Complex double` (a GNU extension). */
      if (st->counter == 0)
        ty = ty_double;
      if (!is_floating(ty))
        error_tok(spec->tok, "two or more data types in declaration specifiers");
      ty = complex_of(ty);
    }
    if (!has_type_specifier(st))
      spec->implicit_int = true;
    /* `bool x;` or a user's `#define real double`: keep the spelling. */
    if (st->words == 1 && st->macro_tok && !st->complex) {
      ty = type_copy(ty);
      ty->macro_tok = st->macro_tok;
    }
  }
  if (st->quals)
    ty = type_qualified(ty, st->quals);
  (void)p;
  (void)ctx;
  return ty;
}

/* declaration-specifiers = (storage-class-specifier | type-specifier |
 *     type-qualifier | function-specifier | alignment-specifier |
 *     gnu-attribute | '__extension__')+          (6.7, in any order) */
static DeclSpec parse_decl_specs(Parser *p, DeclContext ctx) {
  DeclSpec spec = {0};
  SpecState st = {0};
  spec.tok = peek(p);
  while (parse_one_specifier(p, &spec, &st, ctx))
    ;
  spec.ty = finish_spec_type(p, &spec, &st, ctx);
  return spec;
}

/* The printer spells a declaration as specifiers plus declarators, so a
 * type that comes whole from elsewhere (__typeof__, __auto_type) and is
 * derived (`int *`) is rebuilt on a fresh copy of its innermost specifier
 * type, stored in *base_out. */
static Type *rebase_on_specifier(Type *ty, Type **base_out) {
  bool derived = ty->kind == TY_PTR || ty->kind == TY_ARRAY || ty->kind == TY_FUNC;
  if (ty->typedef_obj || !derived) {
    *base_out = type_copy(ty);
    return *base_out;
  }
  Type *copy = new_of(Type);
  *copy = *ty;
  copy->origin = NULL;
  copy->quals = 0;
  if (ty->kind == TY_FUNC)
    copy->return_ty = rebase_on_specifier(ty->return_ty, base_out);
  else
    copy->base = rebase_on_specifier(ty->base, base_out);
  return type_qualified(copy, ty->quals);
}

/* typeof-specifier = ('typeof' | '__typeof__') '(' (type-name | expression) ')' */
static Type *parse_typeof(Parser *p, DeclSpec *spec) {
  advance(p);
  expect(p, "(");
  Type *ty;
  if (is_typename_start(p, peek(p))) {
    ty = parse_typename(p);
  } else {
    Node *expr = parse_expr(p);
    ty = expr->ty ? expr->ty : ty_int;
  }
  expect(p, ")");
  Type *base;
  Type *rebuilt = rebase_on_specifier(ty, &base);
  if (rebuilt != base)
    spec->derived_base = base;
  return rebuilt;
}

/* ---------------------------------------------------------------------- */
/* Struct and union (6.7.2.1)                                             */
/* ---------------------------------------------------------------------- */

typedef struct Shape Shape;
static Shape *parse_declarator_shape(Parser *p, bool allow_abstract, bool allow_name);
typedef struct Suffix Suffix;
static Type *build_type(Parser *p, Shape *shape, Type *base, Suffix **func_out);
static Token *shape_name(Shape *shape);
static char *shape_attrs(Shape *shape);

static StructDef *new_struct_def(Parser *p, const char *tag, Token *tok, bool is_union) {
  StructDef *def = new_of(StructDef);
  def->tag = tag ? xstrdup(tag) : NULL;
  def->tok = tok;
  def->is_union = is_union;
  def->size = -1;
  def->align = 1;
  def->id = p->next_struct_id++;
  return def;
}

/* A member's checks that depend on its type (6.7.2.1p3, p9). */
static void check_member_type(Member *m, bool is_last_allowed_flexible) {
  Type *ty = type_canon(m->ty);
  const char *name = m->name ? m->name : "<anonymous>";
  if (ty->kind == TY_FUNC)
    error_tok(m->tok, "field '%s' declared as a function", name);
  if (ty->kind == TY_ARRAY && ty->is_vla)
    error_tok(m->tok, "a member of a structure or union cannot have a variably modified type");
  if (ty->kind == TY_ARRAY && ty->array_len < 0 && !ty->is_vla) {
    if (!is_last_allowed_flexible)
      error_tok(m->tok, "flexible array member '%s' not at end of struct", name);
    return;
  }
  if (ty->size < 0 || ty->kind == TY_VOID)
    error_tok(m->tok, "field '%s' has incomplete type", name);
}

/* bit-field width = ':' constant-expression */
static void parse_bit_width(Parser *p, Member *m) {
  Token *colon = advance(p);
  m->bit_width_expr = parse_cond_expr(p);
  int64_t width = eval_int(m->bit_width_expr);
  Type *ty = type_canon(m->ty);
  const char *name = m->name ? m->name : "<anonymous>";
  if (!is_integer(ty))
    error_tok(m->tok ? m->tok : colon, "bit-field '%s' has invalid type", name);
  if (width < 0)
    error_tok(m->bit_width_expr->tok, "negative width in bit-field '%s'", name);
  if (width > ty->size * 8)
    error_tok(m->bit_width_expr->tok, "width of '%s' exceeds its type", name);
  if (width == 0 && m->name)
    error_tok(m->bit_width_expr->tok, "zero width for bit-field '%s'", name);
  m->bit_width = (int)width;
}

static Member *new_member(Parser *p, StructDef *def, Node *mdecl, int group) {
  (void)p;
  Member *m = new_of(Member);
  m->bit_width = -1;
  m->group = group;
  m->decl = mdecl;
  m->index = def->members.len;
  m->align_as = mdecl->decl_align_as;
  return m;
}

static void add_member(StructDef *def, Member *m) {
  if (m->name) {
    for (int i = 0; i < def->members.len; i++) {
      Member *other = vec_get(Member, &def->members, i);
      if (other->name && str_eq(other->name, m->name))
        error_tok(m->tok, "duplicate member '%s'", m->name);
    }
  }
  vec_push(&def->members, m);
}

/* One member declarator: declarator? (':' width)? attributes? */
static void parse_member_declarator(Parser *p, StructDef *def, Node *mdecl, Type *spec_ty,
                                    int group) {
  Member *m = new_member(p, def, mdecl, group);
  if (at(p, ":")) {
    m->ty = spec_ty;
    m->tok = peek(p);
  } else {
    Shape *shape = parse_declarator_shape(p, false, true);
    m->ty = build_type(p, shape, spec_ty, NULL);
    Token *name = shape_name(shape);
    m->tok = name;
    m->name = name ? xstrdup(name->text) : NULL;
    m->attrs = shape_attrs(shape);
  }
  if (at(p, ":"))
    parse_bit_width(p, m);
  AttrInfo info = {.text = m->attrs};
  parse_attrs_into(p, &info);
  m->attrs = info.text;
  m->is_packed = info.packed;
  if (info.aligned > m->align_as)
    m->align_as = info.aligned;
  add_member(def, m);
}

/* An anonymous struct or union member (6.7.2.1p13), or a declaration that
 * declares nothing. */
static void parse_member_without_declarator(StructDef *def, Node *mdecl, Type *spec_ty, int group) {
  Type *ty = type_canon(spec_ty);
  if (is_record(ty) && !ty->sdef->tag) {
    Member *m = new_member(NULL, def, mdecl, group);
    m->ty = spec_ty;
    m->tok = mdecl->tok;
    add_member(def, m);
    return;
  }
  warn_tok(mdecl->tok, "declaration does not declare anything");
}

/* _Static_assert '(' constant-expression (',' string-literal)? ')' ';' */
static Node *parse_static_assert(Parser *p) {
  Node *node = new_node(ND_STATIC_ASSERT, advance(p));
  expect(p, "(");
  node->cond = parse_cond_expr(p);
  if (accept(p, ",")) {
    if (peek(p)->kind != TK_STR)
      error_expected(p, peek(p), "string literal");
    node->lhs = parse_assign(p);
  }
  expect(p, ")");
  node->end_tok = expect(p, ";");
  if (eval_int(node->cond) == 0) {
    Token *msg = node->lhs ? node->lhs->tok : NULL;
    if (msg && msg->kind == TK_STR)
      error_tok(node->tok, "static assertion failed: %s", msg->text);
    error_tok(node->tok, "static assertion failed");
  }
  return node;
}

/* struct-declaration = '__extension__'? specifier-qualifier-list
 *                      member-declarator-list? ';' | static_assert-declaration */
static void parse_member_declaration(Parser *p, StructDef *def, int group) {
  Node *mdecl = new_node(ND_DECL, peek(p));
  DeclSpec spec = parse_decl_specs(p, CTX_MEMBER);
  if (spec.implicit_int && !spec.is_extension)
    error_tok(spec.tok, "expected specifier-qualifier-list before '%s'", spec.tok->text);
  mdecl->decl_base = spec.derived_base ? spec.derived_base : spec.ty;
  mdecl->decl_extension = spec.is_extension;
  mdecl->decl_attrs = spec.attrs.text;
  mdecl->decl_align_as = spec.align_as;
  mdecl->decl_align_expr = spec.align_expr;
  mdecl->decl_align_type = spec.align_type;
  mdecl->defines_struct = spec.defines_struct;
  mdecl->defines_enum = spec.defines_enum;
  if (spec.defines_struct)
    spec.defines_struct->def_decl = mdecl;
  if (spec.defines_enum)
    spec.defines_enum->def_decl = mdecl;
  if (at(p, ";")) {
    parse_member_without_declarator(def, mdecl, spec.ty, group);
  } else {
    do
      parse_member_declarator(p, def, mdecl, spec.ty, group);
    while (accept(p, ","));
  }
  if (peek(p)->kind == TK_EOF)
    error_expected(p, peek(p), "';'");
  if (!at(p, ";"))
    error_tok(peek(p), "expected ';' at end of declaration list");
  mdecl->end_tok = advance(p);
}

/* struct-declaration-list = struct-declaration+   then '}' */
static void parse_struct_body(Parser *p, StructDef *def) {
  int group = 0;
  while (!at(p, "}")) {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "'}'");
    if (accept(p, ";"))
      continue;
    if (peek(p)->kind == TK_PRAGMA) {
      advance(p);
      continue;
    }
    if (keyword_of(peek(p)) == KW_STATIC_ASSERT) {
      parse_static_assert(p);
      continue;
    }
    parse_member_declaration(p, def, group++);
  }
  advance(p);
  for (int i = 0; i < def->members.len; i++) {
    bool last = i == def->members.len - 1 && !def->is_union && def->members.len > 1;
    check_member_type(vec_get(Member, &def->members, i), last);
  }
}

/* The type a `struct tag` reference without a body names (6.7.2.3). */
static Type *struct_reference(Parser *p, Token *tag, bool is_union) {
  /* `struct S;` alone declares a new type in the current scope, even
   * when an outer one is visible (6.7.2.3p7). */
  bool declares_new = at(p, ";");
  Type *ty = declares_new ? scope_find_tag_current(p, tag->text) : scope_find_tag(p, tag->text);
  if (ty) {
    if (ty->kind == TY_ENUM || (ty->kind == TY_UNION) != is_union)
      error_tok(tag, "'%s' defined as wrong kind of tag", tag->text);
    return ty;
  }
  ty = struct_type(new_struct_def(p, tag->text, tag, is_union));
  scope_add_tag(p, tag->text, ty);
  return ty;
}

/* struct-or-union-specifier = ('struct' | 'union') attributes? tag?
 *     ('{' struct-declaration-list '}' attributes?)? */
static Type *parse_struct_union(Parser *p, DeclSpec *spec, bool is_union) {
  Token *kw = peek(p);
  AttrInfo attrs = {0};
  parse_attrs_into(p, &attrs);
  Token *tag = NULL;
  if (peek(p)->kind == TK_IDENT)
    tag = advance(p);
  if (!tag && !at(p, "{"))
    error_expected(p, peek(p), "'{'");
  if (!at(p, "{")) {
    if (attrs.text)
      spec->attrs.text = join_text(spec->attrs.text, attrs.text);
    return struct_reference(p, tag, is_union);
  }

  Type *ty = NULL;
  StructDef *def;
  if (tag && (ty = scope_find_tag_current(p, tag->text)) != NULL) {
    if (ty->kind == TY_ENUM || (ty->kind == TY_UNION) != is_union)
      error_tok(tag, "'%s' defined as wrong kind of tag", tag->text);
    def = ty->sdef;
    if (def->is_complete || def->members.len) {
      error_tok_noexit(tag, "redefinition of '%s'", tag_name(ty));
      note_tok(def->tok, "originally defined here");
      exit(EXIT_INPUT_ERROR);
    }
    def->tok = tag;
  } else {
    def = new_struct_def(p, tag ? tag->text : NULL, tag ? tag : kw, is_union);
    ty = struct_type(def);
    if (tag)
      scope_add_tag(p, tag->text, ty);
  }

  nest_enter(peek(p));
  advance(p); /* '{' */
  parse_struct_body(p, def);
  nest_leave();
  parse_attrs_into(p, &attrs);
  def->attrs = attrs.text;
  def->is_packed = attrs.packed;
  def->attr_align = attrs.aligned;
  for (int i = 0; i < def->members.len && def->is_packed; i++)
    vec_get(Member, &def->members, i)->is_packed = true;
  type_layout_struct(def);
  spec->defines_struct = def;
  return ty;
}

/* ---------------------------------------------------------------------- */
/* Enum (6.7.2.2)                                                         */
/* ---------------------------------------------------------------------- */

static EnumDef *new_enum_def(Parser *p, Token *tag, Token *tok) {
  EnumDef *def = new_of(EnumDef);
  def->tag = tag ? xstrdup(tag->text) : NULL;
  def->tok = tok;
  def->id = p->next_struct_id++;
  return def;
}

/* gcc's choice of the compatible type: int, unsigned int, or the 64-bit
 * types when the values need them. */
static Type *enum_fixed_type(int64_t min, int64_t max) {
  if (min < 0)
    return (min >= INT32_MIN && max <= INT32_MAX) ? ty_int : ty_long;
  return max <= (int64_t)UINT32_MAX ? ty_uint : ty_ulong;
}

/* enumerator = identifier attributes? ('=' constant-expression)? */
static void parse_enumerator(Parser *p, EnumDef *def, Type *enum_ty, int64_t *next_val) {
  Token *name = expect_ident(p, "identifier");
  AttrInfo attrs = {0};
  parse_attrs_into(p, &attrs);
  Node *expr = NULL;
  if (accept(p, "=")) {
    expr = parse_cond_expr(p);
    Type *ety = expr->ty ? type_canon(expr->ty) : ty_int;
    if (!is_integer(ety))
      error_tok(expr->tok, "enumerator value for '%s' is not an integer constant", name->text);
    *next_val = eval_int(expr);
  }
  int64_t val = *next_val;
  Obj *prev = scope_find_current(p, name->text);
  if (prev) {
    error_tok_noexit(name, prev->kind == OBJ_ENUM_CONST ? "redeclaration of enumerator '%s'"
                                                       : "'%s' redeclared as different kind of symbol",
                     name->text);
    if (prev->tok)
      note_tok(prev->tok, "previous definition of '%s' was here", name->text);
    exit(EXIT_INPUT_ERROR);
  }
  Type *cty = (val >= INT32_MIN && val <= INT32_MAX) ? ty_int : ty_long;
  Obj *obj = new_obj(p, OBJ_ENUM_CONST, xstrdup(name->text), cty, name);
  obj->enum_val = val;
  obj->enum_expr = expr;
  obj->attrs = attrs.text;
  scope_add(p, obj);
  vec_push(&def->consts, obj);
  (void)enum_ty;
  if (val == INT64_MAX)
    error_tok(name, "overflow in enumeration values");
  *next_val = val + 1;
}

/* Fills in the enum's compatible type once every value is known. */
static void complete_enum(EnumDef *def, Type *ty) {
  int64_t min = 0, max = 0;
  for (int i = 0; i < def->consts.len; i++) {
    int64_t v = vec_get(Obj, &def->consts, i)->enum_val;
    if (i == 0 || v < min)
      min = v;
    if (i == 0 || v > max)
      max = v;
  }
  def->fixed_ty = enum_fixed_type(min, max);
  def->is_complete = true;
  ty->size = def->fixed_ty->size;
  ty->align = def->fixed_ty->align;
  ty->is_unsigned = def->fixed_ty->is_unsigned;
}

/* enum-specifier = 'enum' attributes? identifier? ('{' enumerator-list ','? '}')? */
static Type *parse_enum(Parser *p, DeclSpec *spec) {
  Token *kw = peek(p);
  parse_attrs_into(p, &spec->attrs);
  Token *tag = NULL;
  if (peek(p)->kind == TK_IDENT)
    tag = advance(p);
  if (!tag && !at(p, "{"))
    error_expected(p, peek(p), "'{'");
  if (!at(p, "{")) {
    Type *ty = scope_find_tag(p, tag->text);
    if (ty) {
      if (ty->kind != TY_ENUM)
        error_tok(tag, "'%s' defined as wrong kind of tag", tag->text);
      return ty;
    }
    /* A forward-declared enum (a GNU extension). */
    ty = enum_type(new_enum_def(p, tag, tag));
    scope_add_tag(p, tag->text, ty);
    return ty;
  }

  Type *ty = tag ? scope_find_tag_current(p, tag->text) : NULL;
  EnumDef *def;
  if (ty) {
    if (ty->kind != TY_ENUM)
      error_tok(tag, "'%s' defined as wrong kind of tag", tag->text);
    def = ty->edef;
    if (def->is_complete) {
      error_tok_noexit(tag, "redefinition of 'enum %s'", tag->text);
      note_tok(def->tok, "originally defined here");
      exit(EXIT_INPUT_ERROR);
    }
    def->tok = tag;
  } else {
    def = new_enum_def(p, tag, tag ? tag : kw);
    ty = enum_type(def);
    if (tag)
      scope_add_tag(p, tag->text, ty);
  }

  advance(p); /* '{' */
  int64_t next_val = 0;
  if (at(p, "}"))
    error_tok(peek(p), "empty enum is invalid");
  while (!at(p, "}")) {
    parse_enumerator(p, def, ty, &next_val);
    if (!accept(p, ","))
      break;
  }
  expect(p, "}");
  complete_enum(def, ty);
  parse_attrs_into(p, &spec->attrs);
  spec->defines_enum = def;
  return ty;
}

/* ---------------------------------------------------------------------- */
/* Declarators (6.7.6)                                                    */
/* ---------------------------------------------------------------------- */

/* A declarator is parsed into a Shape before its type is built, because
 * C writes derivations inside out: in `int (*f(int))[3]` the array suffix
 * applies before the pointer and the function.  A Shape is one level of
 * parentheses: pointers, then what is inside the parentheses, then the
 * suffixes. */

struct Suffix {
  Token *tok;
  bool is_func;
  /* array */
  int64_t len;          /* -1 unknown, VLA or [*] */
  Node *len_expr;
  bool is_vla;
  bool is_star;
  bool is_static;
  int quals;
  /* function */
  Vec params;           /* Obj * */
  bool is_variadic;
  bool is_oldstyle;
  bool is_knr;          /* an identifier list (K&R definition) */
};

typedef struct Pointer {
  Token *tok;
  int quals;
} Pointer;

struct Shape {
  Vec pointers;    /* Pointer *, left to right */
  Shape *inner;    /* the parenthesized declarator, or NULL */
  Token *name;     /* the identifier, at the innermost level */
  Vec suffixes;    /* Suffix *, left to right */
  char *attrs;     /* attributes written inside the declarator */
};

static Token *shape_name(Shape *shape) {
  while (shape->inner)
    shape = shape->inner;
  return shape->name;
}

static char *shape_attrs(Shape *shape) {
  char *text = NULL;
  for (; shape; shape = shape->inner)
    text = join_text(text, shape->attrs);
  return text;
}

/* type-qualifier-list in pointers and array brackets */
static int parse_qualifiers(Parser *p, Shape *shape) {
  int quals = 0;
  for (;;) {
    Keyword kw = keyword_of(peek(p));
    if (kw == KW_CONST)
      quals |= Q_CONST;
    else if (kw == KW_VOLATILE)
      quals |= Q_VOLATILE;
    else if (kw == KW_RESTRICT)
      quals |= Q_RESTRICT;
    else if (kw == KW_ATOMIC && !tok_is(peek(p)->next, "("))
      quals |= Q_ATOMIC;
    else if (kw == KW_ATTRIBUTE && shape) {
      shape->attrs = join_text(shape->attrs, parse_attributes(p));
      continue;
    } else
      return quals;
    advance(p);
  }
}

/* array-suffix = '[' 'static'? type-qualifier-list? 'static'?
 *                    (assignment-expression | '*')? ']' */
static Suffix *parse_array_suffix(Parser *p) {
  Suffix *s = new_of(Suffix);
  s->tok = advance(p);
  s->len = -1;
  if (keyword_of(peek(p)) == KW_STATIC) {
    advance(p);
    s->is_static = true;
  }
  s->quals = parse_qualifiers(p, NULL);
  if (keyword_of(peek(p)) == KW_STATIC) {
    advance(p);
    s->is_static = true;
  }
  if (at(p, "*") && tok_is(peek(p)->next, "]")) {
    advance(p);
    s->is_star = true;
  } else if (!at(p, "]")) {
    s->len_expr = parse_assign(p);
    Type *lty = s->len_expr->ty ? type_canon(s->len_expr->ty) : ty_int;
    if (!is_integer(lty))
      error_tok(s->len_expr->tok, "size of array has non-integer type");
    int64_t len;
    if (eval_int_try(s->len_expr, &len)) {
      if (len < 0)
        error_tok(s->len_expr->tok, "array size is negative");
      s->len = len;
    } else {
      s->is_vla = true;
    }
  }
  if (!at(p, "]"))
    error_expected(p, peek(p), "']'");
  advance(p);
  return s;
}

/* Parameter type adjustment (6.7.6.3p7-8): array of T becomes qualified
 * pointer to T, function becomes pointer to function. */
static Type *adjust_param_type(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_ARRAY) {
    Type *ptr = pointer_to(c->base);
    ptr->tok = c->tok;
    return type_qualified(ptr, c->array_quals);
  }
  if (c->kind == TY_FUNC)
    return pointer_to(ty);
  return ty;
}

/* parameter-declaration = declaration-specifiers (declarator | abstract-declarator?) */
static Obj *parse_param(Parser *p) {
  Token *start = peek(p);
  if (start->kind == TK_IDENT && !is_typename_start(p, start))
    error_tok(start, "unknown type name '%s'", start->text);
  DeclSpec spec = parse_decl_specs(p, CTX_PARAM);
  if (spec.implicit_int && !spec.storage)
    error_expected(p, start, "declaration specifiers or '...'");
  Shape *shape = parse_declarator_shape(p, true, true);
  Type *ty = build_type(p, shape, spec.ty, NULL);
  AttrInfo attrs = {.text = join_text(spec.attrs.text, shape_attrs(shape))};
  parse_attrs_into(p, &attrs);
  Token *name = shape_name(shape);
  Obj *param = new_obj(p, OBJ_VAR, name ? xstrdup(name->text) : NULL, adjust_param_type(ty),
                       name ? name : start);
  param->decl_ty = ty;
  param->is_param = true;
  param->is_local = true;
  param->storage = spec.storage;
  param->attrs = attrs.text;
  if (is_void(type_canon(ty)) && name)
    error_tok(name, "parameter '%s' has incomplete type", name->text);
  if (name) {
    Obj *dup = scope_find_current(p, name->text);
    if (dup)
      error_tok(name, "redefinition of parameter '%s'", name->text);
    scope_add(p, param);
  }
  return param;
}

/* identifier-list (K&R): the names only; types come from the
 * declarations before the body, int by default. */
static void parse_identifier_list(Parser *p, Suffix *s) {
  s->is_knr = true;
  s->is_oldstyle = true;
  do {
    Token *name = expect_ident(p, "identifier");
    Obj *param = new_obj(p, OBJ_VAR, xstrdup(name->text), ty_int, name);
    param->is_param = true;
    param->is_local = true;
    vec_push(&s->params, param);
  } while (accept(p, ","));
}

/* function-suffix = '(' (parameter-type-list | identifier-list?)  ')'
 * parameter-type-list = parameter-declaration (',' parameter-declaration)* (',' '...')? */
static Suffix *parse_func_suffix(Parser *p) {
  Suffix *s = new_of(Suffix);
  s->tok = advance(p);
  s->is_func = true;
  s->len = -1;
  if (accept(p, ")")) {
    s->is_oldstyle = true;
    return s;
  }
  if (keyword_of(peek(p)) == KW_VOID && tok_is(peek(p)->next, ")")) {
    advance(p);
    advance(p);
    return s;
  }
  Token *first = peek(p);
  if (first->kind == TK_IDENT && !is_typename_start(p, first) &&
      (tok_is(first->next, ",") || tok_is(first->next, ")"))) {
    parse_identifier_list(p, s);
    expect(p, ")");
    return s;
  }
  /* Function prototype scope (6.2.1p4): later parameters see earlier
   * ones, as in `int n, double a[n]`. */
  scope_enter(p);
  for (;;) {
    if (accept(p, "...")) {
      s->is_variadic = true;
      break;
    }
    vec_push(&s->params, parse_param(p));
    if (!accept(p, ","))
      break;
  }
  scope_leave(p);
  if (!at(p, ")"))
    error_expected(p, peek(p), "')'");
  advance(p);
  return s;
}

/* Is the '(' at the current token the start of a parenthesized
 * declarator rather than of a parameter list?  Where the declarator must
 * have a name, a '(' before the name can only be a parenthesized
 * declarator, even around a typedef name: in `U(U) = 2.5;` the inner U is
 * the declared identifier (6.7.6).  Only in a parameter, where abstract
 * declarators are allowed, does `(U)` with U a typedef name mean a
 * function taking a U (6.7.6.3p11). */
static bool paren_starts_declarator(Parser *p, bool allow_abstract, bool allow_name) {
  Token *next = peek(p)->next;
  if (!allow_abstract)
    return true;
  /* A parameter list cannot start with these. */
  if (tok_is(next, "*") || tok_is(next, "(") || tok_is(next, "["))
    return true;
  if (keyword_of(next) == KW_ATTRIBUTE)
    return true;
  if (next->kind == TK_IDENT && allow_name && !is_typename_start(p, next))
    return true;
  return false;
}

/* declarator = pointer* direct-declarator
 * pointer = '*' type-qualifier-list?
 * direct-declarator = (identifier | '(' declarator ')')? (array-suffix | function-suffix)*
 * An abstract declarator (6.7.7) is the same without the identifier. */
static Shape *parse_declarator_shape(Parser *p, bool allow_abstract, bool allow_name) {
  nest_enter(peek(p));
  Shape *shape = new_of(Shape);
  while (at(p, "*")) {
    Pointer *ptr = new_of(Pointer);
    ptr->tok = advance(p);
    ptr->quals = parse_qualifiers(p, shape);
    vec_push(&shape->pointers, ptr);
  }
  if (at_attribute(p))
    shape->attrs = join_text(shape->attrs, parse_attributes(p));
  if (at(p, "(") && paren_starts_declarator(p, allow_abstract, allow_name)) {
    advance(p);
    if (at_attribute(p))
      shape->attrs = join_text(shape->attrs, parse_attributes(p));
    shape->inner = parse_declarator_shape(p, allow_abstract, allow_name);
    if (!at(p, ")"))
      error_expected(p, peek(p), "')'");
    advance(p);
  } else if (peek(p)->kind == TK_IDENT && allow_name) {
    shape->name = advance(p);
  } else if (!allow_abstract) {
    error_expected(p, peek(p), "identifier or '('");
  }
  for (;;) {
    if (at(p, "["))
      vec_push(&shape->suffixes, parse_array_suffix(p));
    else if (at(p, "("))
      vec_push(&shape->suffixes, parse_func_suffix(p));
    else
      break;
  }
  nest_leave();
  return shape;
}

/* The function type of a function suffix, returning ret. */
static Type *func_type_of(Parser *p, Suffix *s, Type *ret) {
  Type *rc = type_canon(ret);
  if (rc->kind == TY_ARRAY)
    error_tok(s->tok, "function cannot return an array type");
  if (rc->kind == TY_FUNC)
    error_tok(s->tok, "function cannot return a function type");
  Type *fn = func_type(ret);
  fn->tok = s->tok;
  fn->is_variadic = s->is_variadic;
  fn->is_oldstyle = s->is_oldstyle;
  for (int i = 0; i < s->params.len && !s->is_knr; i++) {
    vec_push(&fn->params, vec_get(Obj, &s->params, i)->decl_ty);
    vec_push(&fn->param_objs, s->params.items[i]);
  }
  (void)p;
  return fn;
}

static Type *array_type_of(Suffix *s, Type *elem) {
  Type *ec = type_canon(elem);
  if (ec->kind == TY_FUNC)
    error_tok(s->tok, "declaration of array of functions");
  if (ec->kind == TY_VOID)
    error_tok(s->tok, "declaration of array of voids");
  if (ec->size < 0 && !(ec->kind == TY_ARRAY && (ec->is_vla || ec->is_star)))
    error_tok(s->tok, "array type has incomplete element type");
  Type *ty;
  if (s->is_vla || s->is_star) {
    ty = vla_of(elem, s->len_expr);
    ty->is_star = s->is_star;
  } else {
    ty = array_of(elem, s->len);
    ty->len_expr = s->len_expr;
    if (ec->kind == TY_ARRAY && ec->is_vla) {
      ty->is_vla = true;
      ty->size = -1;
    }
  }
  ty->tok = s->tok;
  ty->array_quals = s->quals;
  ty->array_static = s->is_static;
  return ty;
}

/* Builds the declared type from the specifiers' type outward.  When the
 * result is a function type, *func_out gets the suffix that made it (its
 * parameter Objs are the function's parameters). */
static Type *build_type(Parser *p, Shape *shape, Type *base, Suffix **func_out) {
  Type *ty = base;
  Suffix *func = NULL;
  for (int i = 0; i < shape->pointers.len; i++) {
    Pointer *ptr = vec_get(Pointer, &shape->pointers, i);
    ty = pointer_to(ty);
    ty->tok = ptr->tok;
    ty = type_qualified(ty, ptr->quals);
    func = NULL;
  }
  for (int i = shape->suffixes.len - 1; i >= 0; i--) {
    Suffix *s = vec_get(Suffix, &shape->suffixes, i);
    if (s->is_func) {
      ty = func_type_of(p, s, ty);
      func = s;
    } else {
      ty = array_type_of(s, ty);
      func = NULL;
    }
  }
  if (shape->inner) {
    Suffix *inner_func = NULL;
    Type *outer = ty;
    ty = build_type(p, shape->inner, ty, &inner_func);
    if (ty != outer) /* the inner level derived the outermost type */
      func = inner_func;
  }
  if (func_out)
    *func_out = func;
  return ty;
}

/* ---------------------------------------------------------------------- */
/* Declaring names; redeclarations (6.2.2, 6.2.7, 6.7p3-4)                */
/* ---------------------------------------------------------------------- */

/* 6.2.7p3 composite type, for the cases that add information: a
 * prototype after a `()` declaration, an array size after `[]`. */
static Type *composite_type(Type *old, Type *new) {
  Type *o = type_canon(old);
  Type *n = type_canon(new);
  if (o->kind == TY_FUNC && n->kind == TY_FUNC && o->is_oldstyle && !n->is_oldstyle)
    return new;
  if (o->kind == TY_ARRAY && n->kind == TY_ARRAY && o->array_len < 0 && n->array_len >= 0)
    return new;
  return old;
}

_Noreturn static void error_with_previous(Token *tok, Obj *prev, const char *fmt, const char *name) {
  error_tok_noexit(tok, fmt, name);
  if (prev->tok)
    note_tok(prev->tok, "previous declaration is here");
  exit(EXIT_INPUT_ERROR);
}

/* A later declaration of prev in the same scope: checks it and merges the
 * type and linkage information into prev. */
static Obj *redeclare(Parser *p, Obj *prev, ObjKind kind, Token *name, Type *ty, StorageClass sc) {
  if (prev->kind != kind)
    error_with_previous(name, prev, "'%s' redeclared as different kind of symbol", name->text);
  if (kind == OBJ_ENUM_CONST)
    error_with_previous(name, prev, "redeclaration of enumerator '%s'", name->text);
  if (!type_compatible(prev->ty, ty)) {
    const char *fmt = kind == OBJ_TYPEDEF ? "conflicting types for typedef '%s'"
                                          : "conflicting types for '%s'";
    error_with_previous(name, prev, fmt, name->text);
  }
  if (kind == OBJ_TYPEDEF) /* C11 6.7p3: the same type again is fine */
    return prev;
  /* Block-scope objects without linkage are declared once (6.7p3). */
  if (!scope_is_file(p) && kind == OBJ_VAR && !(sc == SC_EXTERN && prev->storage == SC_EXTERN)) {
    error_tok_noexit(name, "redefinition of '%s'", name->text);
    if (prev->tok)
      note_tok(prev->tok, "previous definition of '%s' is here", name->text);
    exit(EXIT_INPUT_ERROR);
  }
  if (sc == SC_STATIC && prev->storage != SC_STATIC && scope_is_file(p))
    error_with_previous(name, prev, "static declaration of '%s' follows non-static declaration",
                        name->text);
  if (prev->storage == SC_EXTERN && sc != SC_EXTERN)
    prev->storage = sc;
  prev->ty = composite_type(prev->ty, ty);
  prev->decl_ty = prev->ty;
  return prev;
}

/* Declares name in the current scope, or returns the earlier declaration
 * of the same entity. */
static Obj *declare_name(Parser *p, ObjKind kind, Token *name, Type *ty, StorageClass sc,
                        bool overloadable) {
  Obj *prev = scope_find_current(p, name->text);
  /* clang's __attribute__((overloadable)) (its <tgmath.h>): a function of
   * another type is a new overload, not a conflicting redeclaration.  The
   * newest one is what the name finds. */
  bool new_overload = prev && overloadable && kind == OBJ_FUNC && prev->kind == OBJ_FUNC &&
                      !type_compatible(prev->ty, ty);
  if (prev && !new_overload)
    return redeclare(p, prev, kind, name, ty, sc);
  Obj *obj = new_obj(p, kind, xstrdup(name->text), ty, name);
  obj->storage = sc;
  scope_add(p, obj);
  if (scope_is_file(p) && (kind == OBJ_VAR || kind == OBJ_FUNC))
    vec_push(&p->unit->globals, obj);
  return obj;
}

static bool type_is_variably_modified(Type *ty) {
  for (Type *t = type_canon(ty); t; t = t->base ? type_canon(t->base) : NULL) {
    if (t->kind == TY_ARRAY && (t->is_vla || t->is_star))
      return true;
    if (t->kind != TY_ARRAY && t->kind != TY_PTR)
      return false;
  }
  return false;
}

/* The checks on one declared name that depend on where it is declared. */
static void check_declared(Parser *p, DeclSpec *spec, ObjKind kind, Token *name, Type *ty) {
  Type *c = type_canon(ty);
  if (kind == OBJ_VAR && c->kind == TY_VOID)
    error_tok(name, "variable or field '%s' declared void", name->text);
  if (kind == OBJ_FUNC && (spec->storage == SC_AUTO || spec->storage == SC_REGISTER))
    error_tok(name, "invalid storage class for function '%s'", name->text);
  if (kind == OBJ_FUNC && !scope_is_file(p) && spec->storage == SC_STATIC)
    error_tok(name, "invalid storage class for function '%s'", name->text);
  if (type_is_variably_modified(ty)) {
    if (scope_is_file(p))
      error_tok(name, "variably modified '%s' at file scope", name->text);
    if (kind == OBJ_VAR && (spec->storage == SC_STATIC || spec->storage == SC_EXTERN))
      error_tok(name, "storage size of '%s' isn't constant", name->text);
  }
  if (spec->is_inline && kind != OBJ_FUNC)
    error_tok(name, "'inline' in declaration of non-function '%s'", name->text);
}

/* Declares the name of one declarator and merges what the specifiers and
 * attributes say into its Obj. */
static Obj *declare_declarator(Parser *p, DeclSpec *spec, Token *name, Type *ty,
                               Suffix *func, AttrInfo *attrs, bool is_definition) {
  ObjKind kind = spec->storage == SC_TYPEDEF ? OBJ_TYPEDEF
                 : is_func(type_canon(ty))    ? OBJ_FUNC
                                              : OBJ_VAR;
  check_declared(p, spec, kind, name, ty);
  StorageClass sc = spec->storage;
  char *all_attrs = join_text(spec->attrs.text, attrs->text);
  bool overloadable = all_attrs && strstr(all_attrs, "overloadable");
  Obj *obj = declare_name(p, kind, name, ty, sc, overloadable);
  obj->is_inline |= spec->is_inline;
  obj->is_noreturn |= spec->is_noreturn;
  obj->is_thread_local |= spec->is_thread_local;
  if (spec->align_as > obj->align_as)
    obj->align_as = spec->align_as;
  if (all_attrs && (!obj->attrs || !strstr(obj->attrs, all_attrs)))
    obj->attrs = join_text(obj->attrs, all_attrs);
  if (attrs->asm_label)
    obj->asm_label = attrs->asm_label;
  /* Named parameters of a prototype, replaced by the definition's. */
  if (kind == OBJ_FUNC && func && (is_definition || !obj->params.len)) {
    bool named = is_definition;
    for (int i = 0; i < func->params.len; i++)
      named |= vec_get(Obj, &func->params, i)->name != NULL;
    if (named)
      obj->params = func->params;
  }
  if (kind == OBJ_VAR && sc != SC_EXTERN)
    obj->is_defined = true;
  return obj;
}

/* The array type completed by its initializer (6.7.9p22), or ty. */
static Type *completed_array_type(Type *ty, Node *init) {
  Type *c = type_canon(ty);
  if (c->kind != TY_ARRAY || c->array_len >= 0 || c->is_vla || !init->ty)
    return ty;
  Type *ic = type_canon(init->ty);
  if (ic->kind != TY_ARRAY || ic->array_len < 0)
    return ty;
  Type *done = array_of(c->base, ic->array_len);
  done->tok = c->tok;
  return type_qualified(done, ty->quals);
}

/* ---------------------------------------------------------------------- */
/* Initializers (6.7.9)                                                   */
/* ---------------------------------------------------------------------- */

/* Walking the object being initialized: one frame per aggregate entered,
 * explicitly by braces (the bottom frame of a list) or implicitly by brace
 * elision and designators (frames above it). */
typedef struct InitFrame {
  Type *ty;          /* canonical array, struct or union type */
  int64_t index;     /* element or member index of the next subobject */
  int64_t range_hi;  /* a [lo ... hi] designator covered up to here; -1 if none */
} InitFrame;

typedef struct InitCursor {
  InitFrame *frames;
  int depth;
  int cap;
} InitCursor;

static InitFrame *cursor_top(InitCursor *cur) { return &cur->frames[cur->depth - 1]; }

static void cursor_push(InitCursor *cur, Type *ty) {
  if (cur->depth == cur->cap) {
    int cap = cur->cap ? cur->cap * 2 : 8;
    InitFrame *frames = xcalloc((size_t)cap, sizeof(InitFrame));
    if (cur->depth)
      memcpy(frames, cur->frames, (size_t)cur->depth * sizeof(InitFrame));
    cur->frames = frames;
    cur->cap = cap;
  }
  cur->frames[cur->depth++] = (InitFrame){.ty = type_canon(ty), .index = 0, .range_hi = -1};
}

/* 6.7.9p9: unnamed bit-fields take no part in initialization. */
static void frame_skip_unnamed(InitFrame *f) {
  if (f->ty->kind != TY_STRUCT)
    return;
  Vec *members = &f->ty->sdef->members;
  while (f->index < members->len) {
    Member *m = vec_get(Member, members, (int)f->index);
    if (m->name || m->bit_width < 0)
      break;
    f->index++;
  }
}

static bool frame_at_end(InitFrame *f) {
  if (f->ty->kind == TY_ARRAY)
    return f->ty->array_len >= 0 && f->index >= f->ty->array_len;
  return f->index >= f->ty->sdef->members.len;
}

static Type *frame_elem_type(InitFrame *f) {
  if (f->ty->kind == TY_ARRAY)
    return f->ty->base;
  return vec_get(Member, &f->ty->sdef->members, (int)f->index)->ty;
}

/* Moves past the subobject just initialized: a union is done after one
 * member, a range designator skips to its end. */
static void frame_advance(InitFrame *f) {
  if (f->range_hi >= f->index)
    f->index = f->range_hi;
  f->range_hi = -1;
  if (f->ty->kind == TY_UNION)
    f->index = f->ty->sdef->members.len;
  else
    f->index++;
}

/* The next subobject in order for an item without designator; pops the
 * frames that are full.  NULL when the braced object itself is full. */
static Type *next_positional(InitCursor *cur) {
  for (;;) {
    InitFrame *f = cursor_top(cur);
    frame_skip_unnamed(f);
    if (!frame_at_end(f))
      return frame_elem_type(f);
    if (cur->depth == 1)
      return NULL;
    cur->depth--;
    frame_advance(cursor_top(cur));
  }
}

static bool is_char_like(Type *ty) {
  Type *c = type_canon(ty);
  return is_integer(c) && c->kind != TY_BOOL && c->kind != TY_ENUM;
}

/* A string literal that initializes a whole character array (6.7.9p14-15). */
static bool string_inits_array(Node *value, Type *target) {
  Type *t = type_canon(target);
  if (value->kind != ND_STR || t->kind != TY_ARRAY || !is_char_like(t->base))
    return false;
  Type *sty = value->ty ? type_canon(value->ty) : NULL;
  int64_t elem_size = sty && sty->base ? type_canon(sty->base)->size : 1;
  return type_canon(t->base)->size == elem_size;
}

static int64_t string_length(Node *value) {
  Type *sty = value->ty ? type_canon(value->ty) : NULL;
  return sty && sty->kind == TY_ARRAY ? sty->array_len : 1;
}

/* Brace elision (6.7.9p20): an expression for an aggregate initializes its
 * first scalar, unless it is a string for a char array or an expression
 * of the same struct type. */
static void descend_for_expr(InitCursor *cur, Type **target, Node *value) {
  for (;;) {
    Type *t = type_canon(*target);
    if (t->kind != TY_ARRAY && !is_record(t))
      return;
    if (string_inits_array(value, t))
      return;
    if (is_record(t) && value->ty && type_same_unqual(value->ty, t))
      return;
    cursor_push(cur, t);
    InitFrame *f = cursor_top(cur);
    frame_skip_unnamed(f);
    if (frame_at_end(f))
      return;
    *target = frame_elem_type(f);
  }
}

/* 6.7.9p11: an expression initializing a scalar (or a whole struct) is
 * converted as by assignment. */
static void check_init_value(Type *target, Node *value, Token *start) {
  if (value->kind == ND_INIT_LIST || !value->ty || is_array(type_canon(target)))
    return;
  check_convertible(target, value, start, CONV_INIT);
}

/* designator = '[' constant-expression ('...' constant-expression)? ']' */
static Type *parse_index_designator(Parser *p, InitCursor *cur, Designator *d) {
  InitFrame *f = cursor_top(cur);
  advance(p);
  if (f->ty->kind != TY_ARRAY)
    error_tok(d->tok, "array index in non-array initializer");
  d->index = parse_cond_expr(p);
  d->index_val = eval_int(d->index);
  d->index_hi_val = d->index_val;
  if (accept(p, "...")) {
    d->index_hi = parse_cond_expr(p);
    d->index_hi_val = eval_int(d->index_hi);
    if (d->index_hi_val < d->index_val)
      error_tok(d->index_hi->tok, "empty index range in initializer");
  }
  int64_t len = f->ty->array_len;
  if (d->index_val < 0 || (len >= 0 && d->index_hi_val >= len))
    error_tok(d->index->tok, "array index in initializer exceeds array bounds");
  expect(p, "]");
  f->index = d->index_val;
  f->range_hi = d->index_hi ? d->index_hi_val : -1;
  return f->ty->base;
}

/* designator = '.' identifier  (also a member of an anonymous member) */
static Type *parse_member_designator(Parser *p, InitCursor *cur, Designator *d) {
  InitFrame *f = cursor_top(cur);
  advance(p);
  Token *name = expect_ident(p, "field name");
  if (!is_record(f->ty))
    error_tok(d->tok, "field name not in record or union initializer");
  Vec path = {0};
  Member *m = type_find_member(f->ty, name->text, &path);
  if (!m)
    error_tok(name, "no member named '%s' in '%s'", name->text, tag_name(f->ty));
  for (int i = 0; i < path.len; i++) {
    Member *anon = vec_get(Member, &path, i);
    cursor_top(cur)->index = anon->index;
    cursor_push(cur, anon->ty);
  }
  cursor_top(cur)->index = m->index;
  d->member = m;
  d->member_name = xstrdup(name->text);
  return m->ty;
}

/* designation = designator+ '='    (6.7.9p1); the frames then lead to the
 * designated subobject, whose type is returned. */
static Type *parse_designation(Parser *p, InitCursor *cur, InitItem *item) {
  cur->depth = 1;
  Designator head = {0};
  Designator *last = &head;
  Type *target = NULL;
  bool last_was_index = false;
  while (at(p, ".") || at(p, "[")) {
    if (target)
      cursor_push(cur, target);
    if (!is_record(cursor_top(cur)->ty) && cursor_top(cur)->ty->kind != TY_ARRAY)
      error_tok(peek(p), "designator into a scalar initializer");
    Designator *d = new_of(Designator);
    d->tok = peek(p);
    last_was_index = at(p, "[");
    target = last_was_index ? parse_index_designator(p, cur, d) : parse_member_designator(p, cur, d);
    last = last->next = d;
  }
  item->desig = head.next;
  /* GNU: `[i] value` without '=' (obsolete syntax) */
  if (!accept(p, "=") && !last_was_index)
    error_expected(p, peek(p), "'='");
  return target;
}

static Node *parse_init_value(Parser *p, InitCursor *cur, Type *target, InitItem *item);

/* A braced initializer for a scalar: `int x = {1};` */
static Node *parse_scalar_braces(Parser *p, Node *node, Type *ty) {
  while (!at(p, "}")) {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "'}'");
    InitItem *item = new_of(InitItem);
    item->tok = peek(p);
    if (node->items.len == 1)
      warn_tok(item->tok, "excess elements in scalar initializer");
    item->value = parse_initializer(p, ty);
    check_init_value(ty, item->value, item->tok);
    vec_push(&node->items, item);
    if (!accept(p, ","))
      break;
  }
  node->end_tok = expect(p, "}");
  return node;
}

static const char *aggregate_word(Type *ty) {
  Type *c = type_canon(ty);
  return c->kind == TY_ARRAY ? "array" : c->kind == TY_UNION ? "union" : "struct";
}

/* How many elements of the braced array are covered so far. */
static int64_t covered_length(InitCursor *cur) {
  InitFrame *f = &cur->frames[0];
  int64_t n = cur->depth == 1 ? f->index : f->index + 1;
  if (f->range_hi + 1 > n)
    n = f->range_hi + 1;
  return n;
}

/* initializer-list = '{' (designation? initializer (',' designation? initializer)*)? ','? '}' */
static Node *parse_init_list(Parser *p, Type *ty) {
  Token *lbrace = expect(p, "{");
  nest_enter(lbrace);
  Node *node = new_node(ND_INIT_LIST, lbrace);
  node->ty = ty;
  Type *c = type_canon(ty);
  if (c->kind != TY_ARRAY && !is_record(c)) {
    parse_scalar_braces(p, node, ty);
    nest_leave();
    return node;
  }
  InitCursor cur = {0};
  cursor_push(&cur, c);
  int64_t length = 0;
  bool warned = false;
  while (!at(p, "}")) {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "'}'");
    InitItem *item = new_of(InitItem);
    item->tok = peek(p);
    Type *target = (at(p, ".") || at(p, "[")) ? parse_designation(p, &cur, item)
                                               : next_positional(&cur);
    if (!target) {
      if (!warned)
        warn_tok(item->tok, "excess elements in %s initializer", aggregate_word(ty));
      warned = true;
      item->value = parse_initializer(p, ty_int);
    } else {
      item->value = parse_init_value(p, &cur, target, item);
      frame_advance(cursor_top(&cur));
      if (covered_length(&cur) > length)
        length = covered_length(&cur);
    }
    vec_push(&node->items, item);
    if (!accept(p, ","))
      break;
  }
  if (!at(p, "}"))
    error_expected(p, peek(p), "'}'");
  node->end_tok = advance(p);
  if (c->kind == TY_ARRAY && c->array_len < 0 && !c->is_vla) {
    node->ty = array_of(c->base, length);
    node->ty->tok = c->tok;
  }
  nest_leave();
  return node;
}

/* The value of one item, for the subobject `target` at the cursor. */
static Node *parse_init_value(Parser *p, InitCursor *cur, Type *target, InitItem *item) {
  (void)item;
  if (at(p, "{"))
    return parse_init_list(p, target);
  Token *start = peek(p);
  Node *value = parse_assign(p);
  /* `char s[] = {"abc"}`: the string is the whole braced array. */
  InitFrame *f = cursor_top(cur);
  if (cur->depth == 1 && f->ty->kind == TY_ARRAY && f->index == 0 &&
      string_inits_array(value, f->ty)) {
    f->index = string_length(value) - 1;
    return value;
  }
  descend_for_expr(cur, &target, value);
  check_init_value(target, value, start);
  return value;
}

Node *parse_initializer(Parser *p, Type *ty) {
  if (at(p, "{"))
    return parse_init_list(p, ty);
  return parse_assign(p);
}

/* ---------------------------------------------------------------------- */
/* Declarations (6.7) and function definitions (6.9.1)                    */
/* ---------------------------------------------------------------------- */

static Node *new_decl_node(DeclSpec *spec) {
  Node *node = new_node(ND_DECL, spec->tok);
  node->decl_base = spec->derived_base ? spec->derived_base : spec->ty;
  node->decl_storage = spec->storage;
  node->decl_inline = spec->is_inline;
  node->decl_noreturn = spec->is_noreturn;
  node->decl_thread_local = spec->is_thread_local;
  node->decl_align_as = spec->align_as;
  node->decl_align_expr = spec->align_expr;
  node->decl_align_type = spec->align_type;
  node->decl_extension = spec->is_extension;
  node->decl_attrs = spec->attrs.text;
  node->defines_struct = spec->defines_struct;
  node->defines_enum = spec->defines_enum;
  if (spec->defines_struct)
    spec->defines_struct->def_decl = node;
  if (spec->defines_enum)
    spec->defines_enum->def_decl = node;
  return node;
}

/* `= initializer` of one declarator (6.7.9), after its name is in scope
 * (6.2.1p7: `int x = sizeof x;` sees x). */
static void parse_declarator_init(Parser *p, Declarator *d, Obj *obj, DeclSpec *spec) {
  Token *eq = advance(p);
  Token *name = d->tok;
  if (obj->kind == OBJ_TYPEDEF)
    error_tok(eq, "typedef '%s' is initialized", name->text);
  if (obj->kind == OBJ_FUNC)
    error_tok(eq, "function '%s' is initialized like a variable", name->text);
  if (!scope_is_file(p) && spec->storage == SC_EXTERN)
    error_tok(name, "'%s' has both 'extern' and initializer", name->text);
  if (obj->init) {
    error_tok_noexit(name, "redefinition of '%s'", name->text);
    note_tok(obj->def_tok ? obj->def_tok : obj->tok, "previous definition of '%s' is here",
             name->text);
    exit(EXIT_INPUT_ERROR);
  }
  Type *c = type_canon(obj->ty);
  if (c->size < 0 && !(c->kind == TY_ARRAY && c->array_len < 0) && !c->is_vla)
    error_tok(name, "variable '%s' has initializer but incomplete type", name->text);
  if (c->is_vla)
    error_tok(eq, "variable-sized object may not be initialized");
  Token *start = peek(p);
  Node *init = parse_initializer(p, obj->ty);
  check_init_value(obj->ty, init, start);
  d->init = init;
  obj->init = init;
  obj->is_defined = true;
  obj->def_tok = name;
  obj->ty = completed_array_type(obj->ty, init);
  if (!obj->is_param)
    obj->decl_ty = obj->ty;
}

/* __auto_type x = expr;  the type is the initializer's (decayed). */
static void parse_auto_type_declarator(Parser *p, Node *decl, DeclSpec *spec, Shape *shape) {
  Token *name = shape_name(shape);
  if (!name || shape->inner || shape->pointers.len || shape->suffixes.len)
    error_tok(name ? name : spec->tok, "'__auto_type' requires a plain identifier as declarator");
  if (!at(p, "="))
    error_tok(name, "'__auto_type' used with a bare declaration");
  advance(p);
  Node *init = parse_assign(p);
  Type *base;
  Type *ty = rebase_on_specifier(type_decay(init->ty ? init->ty : ty_int), &base);
  decl->decl_base = base;
  Declarator *d = new_of(Declarator);
  d->tok = name;
  d->ty = ty;
  d->init = init;
  AttrInfo attrs = {0};
  d->obj = declare_declarator(p, spec, name, ty, NULL, &attrs, false);
  d->obj->init = init;
  d->obj->def_tok = name;
  vec_push(&decl->decl_vars, d);
}

/* init-declarator = declarator attributes? ('=' initializer)? */
static void parse_init_declarator(Parser *p, Node *decl, DeclSpec *spec, Shape *shape) {
  if (spec->is_auto_type) {
    parse_auto_type_declarator(p, decl, spec, shape);
    return;
  }
  Token *name = shape_name(shape);
  if (!name)
    error_expected(p, peek(p), "identifier or '('");
  Suffix *func = NULL;
  Type *ty = build_type(p, shape, spec->ty, &func);
  AttrInfo attrs = {.text = shape_attrs(shape)};
  parse_attrs_into(p, &attrs);
  if (at(p, "{") && is_func(type_canon(ty)) && !scope_is_file(p))
    error_tok(peek(p), "function definition is not allowed here");
  Declarator *d = new_of(Declarator);
  d->tok = name;
  d->ty = ty;
  d->attrs = attrs.text;
  d->obj = declare_declarator(p, spec, name, ty, func, &attrs, false);
  vec_push(&decl->decl_vars, d);
  if (at(p, "="))
    parse_declarator_init(p, d, d->obj, spec);
  Obj *obj = d->obj;
  Type *c = type_canon(obj->ty);
  if (obj->kind == OBJ_VAR && !scope_is_file(p) && spec->storage != SC_EXTERN &&
      (c->size < 0 || c->kind == TY_VOID) && !type_is_variably_modified(obj->ty)) {
    if (c->kind == TY_ARRAY)
      error_tok(name, "array size missing in '%s'", name->text);
    error_tok(name, "storage size of '%s' isn't known", name->text);
  }
}

/* An error about something missing, placed right after the last token
 * consumed (where the user has to type it), as gcc and clang do. */
_Noreturn static void error_after_prev(Parser *p, const char *msg) {
  Token *prev = p->prev;
  if (!prev || !prev->file)
    error_tok(peek(p), "%s", msg);
  error_at(prev->file, prev->line, prev->col + prev->len, "%s", msg);
}

/* The ';' that ends a declaration, with gcc's messages when it is missing. */
static Token *expect_decl_end(Parser *p) {
  if (at(p, ";"))
    return advance(p);
  Token *tok = peek(p);
  if (tok->kind == TK_EOF)
    error_after_prev(p, "expected ';' at end of input");
  if (scope_is_file(p))
    error_after_prev(p, "expected ';' after top level declarator");
  error_after_prev(p, "expected ';' at end of declaration");
}

/* init-declarator-list ';'  (first, if given, was parsed already) */
static Node *parse_decl_rest(Parser *p, Node *decl, DeclSpec *spec, Shape *first) {
  if (!first && at(p, ";")) {
    Type *c = type_canon(decl->decl_base);
    if (!is_record(c) && c->kind != TY_ENUM)
      warn_tok(decl->tok, "declaration does not declare anything");
    decl->end_tok = advance(p);
    return decl;
  }
  Shape *shape = first;
  for (;;) {
    if (!shape)
      shape = parse_declarator_shape(p, false, true);
    parse_init_declarator(p, decl, spec, shape);
    shape = NULL;
    if (!accept(p, ","))
      break;
  }
  decl->end_tok = expect_decl_end(p);
  return decl;
}

static void check_unknown_type_name(Parser *p) {
  Token *tok = peek(p);
  if (tok->kind == TK_IDENT && !is_typename_start(p, tok) &&
      (tok->next->kind == TK_IDENT || tok_is(tok->next, "*")))
    error_tok(tok, "unknown type name '%s'", tok->text);
}

Node *parse_declaration(Parser *p) {
  if (keyword_of(peek(p)) == KW_STATIC_ASSERT)
    return parse_static_assert(p);
  Token *start = peek(p);
  if (start->kind == TK_IDENT && !is_typename_start(p, start))
    error_tok(start, "unknown type name '%s'", start->text);
  DeclContext ctx = scope_is_file(p) ? CTX_FILE : CTX_BLOCK;
  DeclSpec spec = parse_decl_specs(p, ctx);
  if (spec.implicit_int) {
    check_unknown_type_name(p);
    if (start == peek(p))
      error_expected(p, start, "declaration");
    warn_tok(start, "type defaults to 'int' in declaration");
  }
  return parse_decl_rest(p, new_decl_node(&spec), &spec, NULL);
}

/* K&R parameter declarations between `f(a, b)` and the body. */
static void parse_knr_declarations(Parser *p, Suffix *s) {
  while (!at(p, "{")) {
    if (peek(p)->kind == TK_EOF)
      error_expected(p, peek(p), "'{'");
    DeclSpec spec = parse_decl_specs(p, CTX_PARAM);
    do {
      Shape *shape = parse_declarator_shape(p, false, true);
      Type *ty = build_type(p, shape, spec.ty, NULL);
      Token *name = shape_name(shape);
      Obj *param = NULL;
      for (int i = 0; i < s->params.len && !param; i++)
        if (str_eq(vec_get(Obj, &s->params, i)->name, name->text))
          param = vec_get(Obj, &s->params, i);
      if (!param)
        error_tok(name, "declaration for parameter '%s' but no such parameter", name->text);
      param->decl_ty = ty;
      param->ty = adjust_param_type(ty);
    } while (accept(p, ","));
    expect_decl_end(p);
  }
}

/* function-definition = declaration-specifiers declarator declaration-list? compound-statement */
static Node *parse_funcdef(Parser *p, Node *node, DeclSpec *spec, Shape *shape, Type *ty,
                           Suffix *func) {
  node->kind = ND_FUNCDEF;
  Token *name = shape_name(shape);
  if (spec->storage == SC_TYPEDEF)
    error_tok(name, "function definition declared 'typedef'");
  if (func && func->is_knr)
    parse_knr_declarations(p, func);
  Declarator *d = new_of(Declarator);
  d->tok = name;
  d->ty = ty;
  d->attrs = shape_attrs(shape);
  AttrInfo attrs = {.text = d->attrs};
  Obj *fn = declare_declarator(p, spec, name, ty, func, &attrs, true);
  if (fn->is_defined) {
    error_tok_noexit(name, "redefinition of '%s'", name->text);
    note_tok(fn->def_tok ? fn->def_tok : fn->tok, "previous definition of '%s' is here",
             name->text);
    exit(EXIT_INPUT_ERROR);
  }
  d->obj = fn;
  vec_push(&node->decl_vars, d);
  fn->is_defined = true;
  fn->def_tok = name;
  fn->def_node = node;
  fn->is_oldstyle_def = func && func->is_knr;
  node->obj = fn;
  Token *lbrace = peek(p);
  parse_function_body(p, fn);
  node->end_tok = fn->body && fn->body->end_tok ? fn->body->end_tok
                                                 : last_token_before(lbrace, peek(p));
  return node;
}

/* Does a function body (or K&R parameter declarations) follow? */
static bool at_function_body(Parser *p, Type *ty, Suffix *func) {
  if (!is_func(type_canon(ty)))
    return false;
  if (at(p, "{"))
    return true;
  return func && func->is_knr && is_typename_start(p, peek(p));
}

/* The start of an external declaration that names no type: gcc's
 * "unknown type name", or C89's implicit int. */
static void check_external_start(Parser *p) {
  Token *tok = peek(p);
  if (is_typename_start(p, tok) || keyword_of(tok) != KW_NONE)
    return;
  if (tok->kind != TK_IDENT)
    error_expected(p, tok, "identifier or '('");
  check_unknown_type_name(p);
  if (tok_is(tok->next, "("))
    warn_tok(tok, "return type defaults to 'int'");
  else
    warn_tok(tok, "data definition has no type or storage class");
}

/* external-declaration = function-definition | declaration */
Node *parse_external_declaration(Parser *p) {
  if (keyword_of(peek(p)) == KW_STATIC_ASSERT)
    return parse_static_assert(p);
  check_external_start(p);
  DeclSpec spec = parse_decl_specs(p, CTX_FILE);
  if (spec.implicit_int && spec.tok != peek(p)) {
    check_unknown_type_name(p);
    warn_tok(spec.tok, "type defaults to 'int' in declaration");
  }
  Node *node = new_decl_node(&spec);
  if (at(p, ";") || spec.is_auto_type)
    return parse_decl_rest(p, node, &spec, NULL);
  Shape *shape = parse_declarator_shape(p, false, true);
  Suffix *func = NULL;
  Type *ty = build_type(p, shape, spec.ty, &func);
  if (at_function_body(p, ty, func))
    return parse_funcdef(p, node, &spec, shape, ty, func);
  return parse_decl_rest(p, node, &spec, shape);
}

/* ---------------------------------------------------------------------- */
/* Type names (6.7.7)                                                     */
/* ---------------------------------------------------------------------- */

/* type-name = specifier-qualifier-list abstract-declarator? */
Type *parse_typename(Parser *p) {
  Token *start = peek(p);
  DeclSpec spec = parse_decl_specs(p, CTX_TYPENAME);
  if (spec.implicit_int && start == peek(p))
    error_expected(p, start, "type name");
  Shape *shape = parse_declarator_shape(p, true, false);
  return build_type(p, shape, spec.ty, NULL);
}

/* Skips `__attribute__ ((...))` from tok without consuming anything;
 * returns the token after it. */
static Token *skip_attribute_tokens(Token *tok) {
  tok = tok->next;
  int depth = 0;
  do {
    if (tok->kind == TK_EOF)
      return tok;
    if (tok_is(tok, "("))
      depth++;
    else if (tok_is(tok, ")"))
      depth--;
    tok = tok->next;
  } while (depth > 0);
  return tok;
}

bool is_typename_start(Parser *p, Token *tok) {
  for (;;) {
    Keyword kw = keyword_of(tok);
    if (kw == KW_EXTENSION) {
      tok = tok->next;
      continue;
    }
    if (kw == KW_ATTRIBUTE) {
      tok = skip_attribute_tokens(tok);
      continue;
    }
    if (kw != KW_NONE)
      return is_specifier_keyword(kw);
    if (tok->kind != TK_IDENT)
      return false;
    Obj *obj = scope_find(p, tok->text);
    return obj && obj->kind == OBJ_TYPEDEF;
  }
}
