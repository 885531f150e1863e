/*
 * cotan.h: the data structures shared by every phase of cotan, and each
 * phase's interface.  One section per source file, in pipeline order:
 *
 *   util.c    arena allocation, vectors, string buffers
 *   diag.c    diagnostics in compiler form (file:line:col, source line, caret)
 *   cpp.c     running the system C preprocessor
 *   lex.c     tokens from preprocessed text, original file/line/column kept
 *   type.c    C types: construction, predicates, conversions, layout
 *   parse.c   parser infrastructure: token cursor, scopes, the entry point
 *   decl.c    declarations, declarators, initializers (C11 6.7)
 *   expr.c    expressions, each typed as it is built (C11 6.5)
 *   stmt.c    statements and function bodies (C11 6.8)
 *   eval.c    integer constant expressions (C11 6.6)
 *   print.c   the AST back to formatted C
 *   main.c    the command line and the pipeline
 *
 * Design rules every phase keeps:
 *  - The AST is what the user wrote: a[i], p->f, x op= y, ++/--, for/while/do,
 *    casts, comma are their own node kinds.  Nothing is desugared in the parser
 *    and no implicit-conversion nodes are inserted: every expression node has
 *    its C type in `ty`, and the conversion an operator applies can be
 *    recomputed with type_common().
 *  - Every node and every symbol carries the token it came from, so any phase
 *    can report an error at the exact source place.
 *  - Memory inside the compiler comes from the arena and is never freed.
 *  - Output is deterministic: no addresses or randomness decide any order or
 *    name; lists keep source order, ids come from counters.
 */
#ifndef COTAN_H
#define COTAN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define COTAN_VERSION "0.1.0"

typedef struct SrcFile SrcFile;
typedef struct Token Token;
typedef struct Type Type;
typedef struct Member Member;
typedef struct StructDef StructDef;
typedef struct EnumDef EnumDef;
typedef struct Obj Obj;
typedef struct Node Node;
typedef struct InitItem InitItem;
typedef struct Designator Designator;
typedef struct Directive Directive;
typedef struct Unit Unit;

/* ===================================================================== */
/* util.c                                                                 */
/* ===================================================================== */

/* Zeroed arena memory; aborts with a message when memory runs out. */
void *xcalloc(size_t count, size_t size);
#define new_of(T) ((T *)xcalloc(1, sizeof(T)))
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into fresh arena memory. */
char *format(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
bool str_eq(const char *a, const char *b);
bool starts_with(const char *s, const char *prefix);

/* A growable array of pointers.  Zero-initialised is empty. */
typedef struct Vec {
  void **items;
  int len;
  int cap;
} Vec;
void vec_push(Vec *v, void *item);
void *vec_last(const Vec *v);
#define vec_get(T, v, i) ((T *)(v)->items[(i)])

/* A growable string.  Zero-initialised is empty; `data` is always
 * NUL-terminated once anything was appended. */
typedef struct Buf {
  char *data;
  size_t len;
  size_t cap;
} Buf;
void buf_putc(Buf *b, char c);
void buf_puts(Buf *b, const char *s);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_printf(Buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
const char *buf_str(Buf *b); /* "" when empty */

/* Reads a whole file; NULL and errno set on failure.  *len_out may be NULL. */
char *read_file(const char *path, size_t *len_out);
/* Writes `data` to `path` atomically: a temporary file beside it, then
 * rename().  Returns false and sets errno on failure; never leaves the
 * temporary behind. */
bool write_file_atomic(const char *path, const char *data, size_t len);

/* ===================================================================== */
/* diag.c                                                                 */
/* ===================================================================== */

/* Exit statuses. */
enum {
  EXIT_INPUT_ERROR = 1, /* the user's input is wrong or not supported */
  EXIT_USAGE = 2,       /* the command line is wrong */
  EXIT_INTERNAL = 3,    /* a bug in cotan */
};

/* Error at a token: prints
 *     file:line:col: error: message
 *      <source line>
 *         ^
 * and exits with EXIT_INPUT_ERROR.  Never returns. */
_Noreturn void error_tok(const Token *tok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same without exiting (for several errors before one exit). */
void error_tok_noexit(const Token *tok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void warn_tok(const Token *tok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A "note:" line after an error or warning, e.g. "previous definition is here". */
void note_tok(const Token *tok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Error at a place given directly (the lexer, before a token exists). */
_Noreturn void error_at(SrcFile *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "cotan: error: message", exit EXIT_INPUT_ERROR: errors with no source
 * place (missing file, preprocessor failed). */
_Noreturn void fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* "cotan: error: message" plus a hint to run --help, exit EXIT_USAGE. */
_Noreturn void usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* A bug in cotan: "cotan: internal error: src/x.c:123: message", exit
 * EXIT_INTERNAL.  Use the macros. */
_Noreturn void internal_error(const char *cfile, int cline, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The file's original text, read on first use; NULL if unreadable. */
char *srcfile_contents(SrcFile *file);
#define unreachable() internal_error(__FILE__, __LINE__, "unreachable")
#define cotan_assert(cond) \
  ((cond) ? (void)0 : internal_error(__FILE__, __LINE__, "assertion failed: %s", #cond))

/* ===================================================================== */
/* cpp.c                                                                  */
/* ===================================================================== */

/* Options for the preprocessor run. */
typedef struct CppOptions {
  const char *cc;  /* compiler driver; $CC or "cc" */
  Vec flags;       /* char *: user flags given after "--" (-I, -D, -U, -std=, -include...) */
} CppOptions;

/* Runs `cc -E -C -dD -dI -D__COTAN__=1 <flags> path` and returns the preprocessed text (NUL-
 * terminated).  Checks first that `path` is a readable regular file.  On
 * failure reports with fatal() (after the preprocessor's own messages). */
char *cpp_run(const char *path, const CppOptions *opts);
/* Several files read as one program (char *paths, at least one): with one
 * path cpp_run; with more, one run of `cc -E ... -x c -` on a wrapper given
 * on its standard input that #includes each file in turn, so that headers
 * with include guards are read once and the parser sees one translation
 * unit.  Checks each path first, as cpp_run does.  Read the result with
 * lex_program(). */
char *cpp_run_program(const Vec *paths, const CppOptions *opts);

/* ===================================================================== */
/* lex.c                                                                  */
/* ===================================================================== */

/* A source file seen in the preprocessor's line markers. */
struct SrcFile {
  char *name;       /* as the line marker spells it */
  int index;        /* order of first appearance, 0 = the main file */
  bool is_system;   /* line-marker flag 3: a system header */
  bool is_main;     /* a file cotan was asked to read (there may be several) */
  char *cpp_name;   /* the name cpp's line markers give it, when not `name` (clang says
                       "./a.c" for a file given as a.c), or NULL */
  char *contents;   /* the original text, loaded on demand by diag.c; NULL if unreadable */
  bool load_tried;
};

typedef enum {
  TK_IDENT,   /* identifier (also typedef names) */
  TK_KEYWORD, /* C11 keyword or GNU keyword spelling (__inline, __typeof__, ...) */
  TK_PUNCT,   /* punctuator; digraphs are translated */
  TK_NUM,     /* pp-number: integer or floating constant */
  TK_CHAR,    /* character constant */
  TK_STR,     /* string literal (one; adjacent literals are concatenated by the parser) */
  TK_PRAGMA,  /* a whole "#pragma ..." line (text is the line); also _Pragma after cpp */
  TK_EOF,
} TokenKind;

struct Token {
  TokenKind kind;
  Token *next;
  const char *text; /* the spelling, NUL-terminated (own copy) */
  int len;          /* strlen(text) */

  /* Where the token stands in the original source.  Columns are 1-based and
   * count bytes, with tabs as one column (as gcc does); they are realigned
   * against the original line, because `cc -E` collapses interior spaces.
   * A token from a macro expansion gets the place of the macro use. */
  SrcFile *file;
  int line;
  int col;
  bool at_bol;     /* first token on its output line */
  bool has_space;  /* whitespace before it */
  int seq;         /* position in the token stream, 0, 1, 2, ... */
  const char *macro;  /* the token is the whole expansion of this object-like macro, used here in a user file: a printer may print the name instead */

  /* Comments (with -C) are not tokens: a comment is attached as text to the
   * token that follows it (`lead_comments`, each a whole comment including
   * its delimiters, in order, with `lead_comment_lines` telling how many
   * line breaks separate each from what comes next) or, when it starts on
   * the same line right after a token, to that token (`trail_comment`). */
  Vec lead_comments;     /* char * */
  int *lead_comment_lines; /* [i]: line breaks after lead_comments[i] (0 = same line; on
                              the TK_EOF token the last may be negative: see lex.c) */
  char *trail_comment;

  /* Literal values, filled by the lexer. */
  Type *lit_ty;         /* type of a TK_NUM / TK_CHAR / TK_STR literal */
  int64_t ival;         /* integer value (TK_NUM integer, TK_CHAR) */
  long double fval;     /* floating value (TK_NUM floating) */
  char *str;            /* TK_STR: decoded bytes (for narrow strings) */
  int str_len;          /* TK_STR: number of elements including the NUL */
};

/* Tokenizes preprocessed text.  `main_path` is the path given to cpp (to
 * mark the main file).  Returns the first token; the list ends in TK_EOF. */
Token *lex(const char *preprocessed, const char *main_path);
/* The output of cpp_run_program(paths): each file given is a main file,
 * named as in paths; with one path, lex(). */
Token *lex_program(const char *preprocessed, const Vec *paths);
/* Every file seen, in order of first appearance. */
Vec *lex_files(void);
bool tok_is(const Token *tok, const char *s); /* spelling equals s */

/* A preprocessing directive written in one of the user's files (not a
 * system header), recovered from cpp's output: #include from -dI (its file
 * from the line marker that enters it), #define and #undef from -dD.  The
 * printer re-emits them where they stood: before the token numbered `seq`.
 */
typedef enum {
  DIR_INCLUDE,
  DIR_DEFINE,
  DIR_UNDEF,
} DirectiveKind;

struct Directive {
  DirectiveKind kind;
  SrcFile *from;       /* the file the directive is written in */
  int line;            /* its line there */
  SrcFile *to;         /* DIR_INCLUDE: the included file; NULL if cpp entered none
                          (an include guard or #pragma once skipped it) */
  char *text;          /* the directive as cpp writes it, e.g. "#include <math.h>" (a
                          computed include's name expanded), "#define N 10" */
  char *macro;         /* DIR_DEFINE, DIR_UNDEF: the macro name */
  int seq;             /* seq of the first token after it */
  Vec lead_comments;   /* char *: the user's comments just before it, as in Token */
  int *lead_comment_lines;
};
Vec *lex_directives(void); /* Directive *, in order */

/* ===================================================================== */
/* type.c                                                                 */
/* ===================================================================== */

typedef enum {
  TY_VOID,
  TY_BOOL,
  TY_CHAR, TY_SCHAR, TY_UCHAR,
  TY_SHORT, TY_USHORT,
  TY_INT, TY_UINT,
  TY_LONG, TY_ULONG,
  TY_LLONG, TY_ULLONG,
  TY_INT128, TY_UINT128,
  TY_FLOAT,     /* float, _Float32 */
  TY_DOUBLE,    /* double, _Float64, _Float32x */
  TY_LDOUBLE,   /* long double, _Float64x */
  TY_FLOAT128,  /* _Float128, __float128 */
  TY_COMPLEX,   /* _Complex <base>; base is a floating type */
  TY_ENUM,
  TY_PTR,
  TY_ARRAY,     /* also VLAs and [*]: see array_len / len_expr */
  TY_FUNC,
  TY_STRUCT,
  TY_UNION,
} TypeKind;

/* Qualifier bits. */
enum {
  Q_CONST = 1,
  Q_VOLATILE = 2,
  Q_RESTRICT = 4,
  Q_ATOMIC = 8,
};

/* A struct or union body, shared by every Type that names it (so a forward
 * declaration seen before the definition sees the members too). */
struct StructDef {
  char *tag;            /* NULL if anonymous */
  Token *tok;           /* the tag or the keyword */
  bool is_union;
  bool is_complete;
  Vec members;          /* Member *, in order */
  int64_t size;
  int align;
  bool is_packed;
  Node *def_decl;       /* the declaration whose specifier holds the body, if any */
  int id;               /* counter, for deterministic maps */
  char *attrs;          /* __attribute__ text after the keyword / the closing brace, or NULL */
  int attr_align;       /* aligned(N) on the struct, bytes; 0 if none */
};

struct Member {
  char *name;           /* NULL for an anonymous struct/union member or unnamed bit-field */
  Type *ty;
  Token *tok;
  int64_t offset;       /* bytes */
  int bit_width;        /* -1 if not a bit-field */
  int bit_offset;
  Node *bit_width_expr; /* as written, for printing */
  int group;            /* members declared in one declaration share a group number */
  int index;            /* position in the struct */
  char *attrs;          /* __attribute__ text as written, or NULL */
  Node *decl;           /* its member declaration, shared by the group: an ND_DECL without
                           decl_vars giving decl_base (member types derive from it by pointer
                           identity), defines_struct/enum, _Alignas, decl_attrs, decl_extension */
  int align_as;         /* _Alignas / aligned(N) on this member, bytes; 0 if none */
  bool is_packed;       /* __attribute__((packed)) on this member (or its struct) */
};

struct EnumDef {
  char *tag;            /* NULL if anonymous */
  Token *tok;
  bool is_complete;
  Vec consts;           /* Obj * (kind OBJ_ENUM_CONST), in order */
  Type *fixed_ty;       /* the compatible integer type, usually int/unsigned */
  Node *def_decl;
  int id;
};

struct Type {
  TypeKind kind;
  int64_t size;         /* sizeof; -1 if incomplete or variable */
  int align;
  bool is_unsigned;

  /* Sugar: a type spelled through a typedef or with qualifiers is a shallow
   * copy of its underlying type with these set and `origin` pointing to the
   * type it was copied from.  type_canon() strips all sugar. */
  int quals;            /* Q_* bits */
  Obj *typedef_obj;     /* the typedef name this type was spelled as, or NULL */
  Token *macro_tok;     /* a basic type spelled by a one-token macro (`bool`, a user's
                           `#define real double`): that token (Token.macro), or NULL */
  Type *origin;

  /* TY_PTR, TY_ARRAY: pointee / element type.  TY_COMPLEX: the real type. */
  Type *base;

  /* TY_ARRAY */
  int64_t array_len;    /* -1 if unknown ([]), variable (VLA) or [*] */
  Node *len_expr;       /* the length as written (constant or VLA), or NULL for [] */
  bool is_vla;
  bool is_star;         /* [*] */
  int array_quals;      /* parameter arrays: [const 3], [restrict] */
  bool array_static;    /* parameter arrays: [static 3] */

  /* TY_FUNC */
  Type *return_ty;
  Vec params;           /* Type *, the parameter types as declared (arrays not yet adjusted) */
  bool is_variadic;
  bool is_oldstyle;     /* declared with () or K&R: no prototype */
  Vec param_objs;       /* Obj *: the parameters as written in the declarator that made this
                           type (names kept, one per params entry), or empty */

  /* TY_STRUCT, TY_UNION */
  StructDef *sdef;
  /* TY_ENUM */
  EnumDef *edef;

  /* The declarator token that introduced this derived type (for messages). */
  Token *tok;
};

/* Basic types (unqualified, canonical).  The lexer and parser use these. */
extern Type *ty_void, *ty_bool;
extern Type *ty_char, *ty_schar, *ty_uchar, *ty_short, *ty_ushort;
extern Type *ty_int, *ty_uint, *ty_long, *ty_ulong, *ty_llong, *ty_ullong;
extern Type *ty_int128, *ty_uint128;
extern Type *ty_float, *ty_double, *ty_ldouble, *ty_float128;

Type *type_copy(Type *ty);                 /* new sugar node with origin = ty */
Type *type_qualified(Type *ty, int quals); /* ty with quals added (copy if needed) */
Type *type_unqualified(Type *ty);          /* ty without top-level qualifiers (typedef spelling kept) */
Type *type_canon(Type *ty);                /* strip all sugar */
Type *pointer_to(Type *base);
Type *array_of(Type *base, int64_t len);   /* len -1: unknown */
Type *vla_of(Type *base, Node *len_expr);
Type *func_type(Type *return_ty);
Type *complex_of(Type *base);
Type *struct_type(StructDef *def);
Type *enum_type(EnumDef *def);

bool is_integer(const Type *ty);    /* incl. _Bool, char, enum */
bool is_floating(const Type *ty);   /* real floating: float, double, long double, _Float128 */
bool is_complex(const Type *ty);
bool is_arith(const Type *ty);      /* integer, floating or complex */
bool is_scalar(const Type *ty);     /* arithmetic or pointer */
bool is_pointer(const Type *ty);
bool is_array(const Type *ty);
bool is_func(const Type *ty);
bool is_record(const Type *ty);     /* struct or union */
bool is_void(const Type *ty);
bool is_const(const Type *ty);
/* True if the type is a floating scalar or contains one (array, struct
 * member, pointee).  The AD passes use it to find active parameters. */
bool type_has_floating(Type *ty);
/* C11 6.2.7: compatible types (qualifiers must match). */
bool type_compatible(Type *a, Type *b);
/* Same canonical type ignoring qualifiers. */
bool type_same_unqual(Type *a, Type *b);

/* C11 6.3.1.1 integer promotion. */
Type *type_promote(Type *ty);
/* C11 6.3.1.8 usual arithmetic conversions: the common type of two
 * arithmetic operands. */
Type *type_common(Type *a, Type *b);
/* Array-to-pointer and function-to-pointer conversion (6.3.2.1); other
 * types unchanged.  Qualifiers of an rvalue are dropped. */
Type *type_decay(Type *ty);

/* Struct layout: computes offsets, size, alignment of a completed def. */
void type_layout_struct(StructDef *def);
/* Member lookup by name, searching anonymous members too.  Returns the
 * member and, through path (may be NULL), the chain of anonymous members
 * to pass through (Member *). */
Member *type_find_member(Type *record, const char *name, Vec *path);

/* The type as C text with a declarator name in the middle, e.g.
 * type_to_str(pointer_to(array_of(ty_double, 3)), "p") == "double (*p)[3]".
 * name may be "" for an abstract declarator.  Uses typedef spellings.
 * (Implemented in print.c, which owns all C spelling.) */
char *type_to_str(Type *ty, const char *name);

/* ===================================================================== */
/* The AST                                                                */
/* ===================================================================== */

typedef enum {
  OBJ_VAR,         /* object: global, local, parameter */
  OBJ_FUNC,        /* function */
  OBJ_TYPEDEF,     /* typedef name */
  OBJ_ENUM_CONST,  /* enumeration constant */
} ObjKind;

typedef enum {
  SC_NONE,
  SC_EXTERN,
  SC_STATIC,
  SC_AUTO,
  SC_REGISTER,
  SC_TYPEDEF,
} StorageClass;

/* A named entity: variable, parameter, function, typedef, enum constant.
 * Each declaration of the same entity in one scope resolves to one Obj. */
struct Obj {
  ObjKind kind;
  char *name;
  Type *ty;             /* the type (parameters: after array/function adjustment) */
  Type *decl_ty;        /* parameters: the type as written (double x[], double M[][3]); else == ty */
  Token *tok;           /* the name in its first declaration */
  Token *def_tok;       /* the name in its definition (functions, variables with initializers) */
  StorageClass storage;
  bool is_thread_local;
  bool is_inline;
  bool is_noreturn;
  bool is_local;        /* block scope (incl. parameters) */
  bool is_param;
  bool is_defined;      /* function with body; variable with definition */
  bool is_builtin;      /* declared by cotan itself (e.g. __builtin_*), never printed */
  int align_as;         /* _Alignas value in bytes, 0 if none */
  char *attrs;          /* __attribute__ and asm-label text as written, or NULL */
  char *asm_label;      /* __asm__("name") label text, or NULL */
  int id;               /* counter: unique, in order of creation */

  /* OBJ_VAR: the initializer of the definition (an expression or ND_INIT_LIST). */
  Node *init;

  /* OBJ_FUNC */
  Vec params;           /* Obj * parameters of the definition (or of a prototype with names) */
  Node *body;           /* ND_BLOCK, NULL if only declared */
  Vec locals;           /* Obj *: every local variable of the definition, in order */
  Node *def_node;       /* the ND_FUNCDEF */
  bool is_oldstyle_def; /* K&R definition */

  /* OBJ_ENUM_CONST */
  int64_t enum_val;
  Node *enum_expr;      /* the value expression as written, or NULL */

  /* Free slot for later passes (activity, names of adjoints, ...). */
  void *aux;
};

typedef enum {
  /* ---- expressions ---- */
  ND_NUM,          /* integer or floating constant; tok holds the spelling */
  ND_CHAR,         /* character constant; tok holds the spelling, ival the value */
  ND_STR,          /* string literal; toks (Token *) are the adjacent pieces */
  ND_VAR,          /* variable, function or enumeration constant: obj */
  ND_FUNC_NAME,    /* __func__ / __FUNCTION__ / __PRETTY_FUNCTION__ */

  ND_ADD, ND_SUB, ND_MUL, ND_DIV, ND_MOD,    /* lhs op rhs; also pointer arithmetic */
  ND_SHL, ND_SHR, ND_BITAND, ND_BITOR, ND_BITXOR,
  ND_LT, ND_LE, ND_GT, ND_GE, ND_EQ, ND_NE,  /* result int */
  ND_LOGAND, ND_LOGOR,                       /* result int */
  ND_ASSIGN,       /* lhs = rhs, or lhs op= rhs when op != ND_NONE */
  ND_COMMA,        /* lhs , rhs */

  ND_NEG,          /* -lhs */
  ND_PLUS,         /* +lhs */
  ND_NOT,          /* !lhs */
  ND_BITNOT,       /* ~lhs */
  ND_ADDR,         /* &lhs */
  ND_DEREF,        /* *lhs */
  ND_PRE_INC, ND_PRE_DEC, ND_POST_INC, ND_POST_DEC, /* on lhs */

  ND_INDEX,        /* lhs[rhs]; lhs is the array/pointer operand as written (may be i[a]: then swapped is set) */
  ND_MEMBER,       /* lhs.member */
  ND_ARROW,        /* lhs->member */
  ND_COND,         /* cond ? then : els; then == NULL for GNU a ?: b */
  ND_CAST,         /* (cast_ty) lhs */
  ND_CALL,         /* lhs(args) */
  ND_SIZEOF,       /* sizeof lhs, or sizeof(type_arg) when lhs == NULL */
  ND_ALIGNOF,      /* _Alignof(type_arg) / __alignof__(lhs or type_arg) */
  ND_COMPOUND_LIT, /* (type_arg){ init }; init is ND_INIT_LIST */
  ND_GENERIC,      /* _Generic(cond, assoc...): selected is the chosen expression */
  ND_STMT_EXPR,    /* ({ body }) */
  ND_VA_ARG,       /* __builtin_va_arg(lhs, type_arg) */
  ND_OFFSETOF,     /* __builtin_offsetof(type_arg, designator as text in text) */
  ND_BUILTIN,      /* other __builtin_xxx(args) taking types or needing care: name in text,
                      args as Node (type arguments as ND_TYPE_ARG) */
  ND_TYPE_ARG,     /* a type used as an argument (type_arg), inside ND_BUILTIN only */
  ND_INIT_LIST,    /* { items }: initializer list (InitItem *) */

  /* ---- statements ---- */
  ND_BLOCK,        /* { stmts } */
  ND_DECL,         /* a declaration: decl_base, decl_vars (with their inits) */
  ND_EXPR_STMT,    /* lhs; */
  ND_NULL_STMT,    /* ; */
  ND_IF,           /* if (cond) then else els */
  ND_FOR,          /* for (init; cond; inc) body: init is ND_DECL, ND_EXPR_STMT or NULL */
  ND_WHILE,        /* while (cond) body */
  ND_DO,           /* do body while (cond); */
  ND_SWITCH,       /* switch (cond) body; cases: the ND_CASE/ND_DEFAULT nodes inside */
  ND_CASE,         /* case val: body   (GNU case lo ... hi: case_hi set) */
  ND_DEFAULT,      /* default: body */
  ND_BREAK,
  ND_CONTINUE,
  ND_RETURN,       /* return lhs; lhs may be NULL */
  ND_GOTO,         /* goto label; (GNU goto *lhs: lhs set, label NULL) */
  ND_LABEL,        /* label: body */
  ND_ASM,          /* asm statement or top-level asm: text as written */
  ND_STATIC_ASSERT,/* _Static_assert(cond, message-token) */
  ND_PRAGMA,       /* #pragma line: text (statement or top-level item) */

  /* ---- top level ---- */
  ND_FUNCDEF,      /* a function definition: obj (its body is obj->body) */
  /* A top-level declaration is an ND_DECL; so is a bare tag declaration
   * (`struct S { ... };`, `enum E { ... };`), which has no decl_vars. */

  ND_NONE,         /* no operator (plain ND_ASSIGN) */
} NodeKind;

/* One initializer: designators (may be empty) = value. */
struct Designator {
  Designator *next;
  Token *tok;
  Member *member;       /* .name, or NULL for [index] */
  char *member_name;    /* as written */
  Node *index;          /* [index] expression as written */
  Node *index_hi;       /* GNU [lo ... hi] */
  int64_t index_val;    /* evaluated index */
  int64_t index_hi_val;
};

struct InitItem {
  Designator *desig;    /* NULL if none */
  Node *value;          /* an expression or a nested ND_INIT_LIST */
  Token *tok;
};

/* One declarator of a declaration: the variable (or function prototype,
 * typedef) it declares, in the order written. */
typedef struct Declarator {
  Obj *obj;
  Type *ty;             /* the declared type (before parameter adjustment) */
  Node *init;           /* initializer as written, or NULL */
  Token *tok;
  char *attrs;          /* __attribute__ text after the declarator, or NULL */
} Declarator;

struct Node {
  NodeKind kind;
  Token *tok;           /* representative token: the operator, keyword or name */
  Type *ty;             /* expressions: the C type of the value (lvalues: the object's type) */
  bool parenthesized;   /* the user wrote parentheses around this expression */
  Token *end_tok;       /* statements, declarations, top-level items: their last token
                           (the printer keeps the user's blank lines with it) */

  /* operands */
  Node *lhs;
  Node *rhs;
  NodeKind op;          /* ND_ASSIGN: the compound operator (ND_ADD for +=), ND_NONE for = */
  bool swapped;         /* ND_INDEX written as i[a] */

  /* ND_NUM, ND_CHAR */
  int64_t ival;
  long double fval;

  /* ND_VAR, ND_FUNCDEF */
  Obj *obj;

  /* ND_MEMBER, ND_ARROW */
  Member *member;

  /* ND_CAST, ND_SIZEOF, ND_ALIGNOF, ND_COMPOUND_LIT, ND_VA_ARG, ND_OFFSETOF, ND_TYPE_ARG */
  Type *type_arg;

  /* ND_CALL: lhs is the callee; args (Node *); func_ty is the callee's function type */
  Vec args;
  Type *func_ty;

  /* ND_IF, ND_FOR, ND_WHILE, ND_DO, ND_SWITCH, ND_COND */
  Node *cond;
  Node *then;
  Node *els;
  Node *init;           /* ND_FOR init; ND_COMPOUND_LIT initializer */
  Node *inc;            /* ND_FOR */
  Node *body;           /* loops, ND_SWITCH, ND_CASE, ND_DEFAULT, ND_LABEL, ND_STMT_EXPR (ND_BLOCK) */

  /* ND_SWITCH: the ND_CASE / ND_DEFAULT nodes in order; ND_CASE: values */
  Vec cases;
  Node *case_lo;        /* the value as written */
  Node *case_hi;        /* GNU range */
  int64_t case_val;
  int64_t case_hi_val;

  /* ND_GOTO, ND_LABEL */
  char *label;

  /* ND_BLOCK: statements and declarations (Node *) */
  Vec stmts;

  /* ND_DECL */
  Type *decl_base;      /* the type named by the specifiers (sugar kept) */
  StorageClass decl_storage;
  bool decl_inline;
  bool decl_noreturn;
  bool decl_thread_local;
  int decl_align_as;
  Node *decl_align_expr;     /* _Alignas(expr or type) as written */
  Type *decl_align_type;
  StructDef *defines_struct; /* the specifier holds this struct/union body */
  EnumDef *defines_enum;     /* the specifier holds this enum body */
  bool decl_extension;       /* written after __extension__ */
  char *decl_attrs;          /* __attribute__ text in the specifiers, or NULL */
  Vec decl_vars;             /* Declarator * */

  /* ND_STR: the literal pieces (Token *) */
  Vec toks;

  /* ND_INIT_LIST: InitItem * */
  Vec items;

  /* ND_GENERIC: association types (Type *, NULL for default) and
   * expressions (Node *), in order; selected: the chosen expression */
  Vec assoc_types;
  Vec assoc_exprs;
  Node *selected;

  /* ND_ASM, ND_OFFSETOF, ND_BUILTIN, ND_PRAGMA: text as written */
  char *text;

  /* ND_STATIC_ASSERT: cond, and the message (ND_STR) in lhs */

  /* Free slot for later passes. */
  void *aux;
};

/* A translation unit: every top-level item in source order, including
 * those from system headers (the printer skips what is not the user's). */
struct Unit {
  char *path;           /* the file given on the command line */
  Vec items;            /* Node *: ND_DECL, ND_FUNCDEF, ND_STATIC_ASSERT, ND_ASM, ND_PRAGMA */
  Vec globals;          /* Obj *: every file-scope object and function, in order of first declaration */
  Vec directives;       /* Directive * (from the lexer) */
};

/* True if the item (or token) comes from a file the user wrote: not a
 * system header. */
bool tok_in_user_file(const Token *tok);

/* ===================================================================== */
/* parse.c, decl.c, expr.c, stmt.c, eval.c                                */
/* ===================================================================== */

/* Parses a whole translation unit. Errors are reported with error_tok(). */
Unit *parse_unit(Token *tok, const char *path);

/* Parser internals shared between parse.c, decl.c, expr.c, stmt.c.  The
 * cursor is passed explicitly; nobody else uses these. */
typedef struct Parser {
  Token *tok;           /* the current token */
  Token *prev;          /* the token consumed last, or NULL: "expected ';'" is reported
                           right after it, as gcc does */
  Unit *unit;
  Obj *func;            /* the function being defined, or NULL */
  struct Scope *scope;  /* innermost scope */
  int loop_depth;       /* for break/continue checks */
  int switch_depth;
  Vec *switch_cases;    /* the innermost switch's case list */
  int next_obj_id;
  int next_struct_id;
} Parser;

/* parse.c: the token cursor */
Token *peek(Parser *p);                       /* the current token */
Token *advance(Parser *p);                    /* consume and return the current token */
bool at(Parser *p, const char *s);            /* current token's spelling == s (not a string literal) */
bool accept(Parser *p, const char *s);        /* consume it if at(p, s) */
Token *expect(Parser *p, const char *s);      /* consume it or report "expected 's'" */
Token *expect_ident(Parser *p, const char *what); /* consume an identifier or report "expected <what>" */

/* parse.c: scopes.  Ordinary identifiers and tags have separate name
 * spaces (6.2.3); labels are per function (stmt.c). */
void scope_enter(Parser *p);
void scope_leave(Parser *p);
Obj *scope_find(Parser *p, const char *name);           /* innermost visible, or NULL */
Obj *scope_find_current(Parser *p, const char *name);   /* only in the innermost scope */
void scope_add(Parser *p, Obj *obj);
Type *scope_find_tag(Parser *p, const char *tag);
Type *scope_find_tag_current(Parser *p, const char *tag);
void scope_add_tag(Parser *p, const char *tag, Type *ty);
bool scope_is_file(Parser *p);
Obj *new_obj(Parser *p, ObjKind kind, char *name, Type *ty, Token *tok);
Node *new_node(NodeKind kind, Token *tok);

/* decl.c */
bool is_typename_start(Parser *p, Token *tok);   /* does a type name / declaration start here? */
Node *parse_declaration(Parser *p);              /* block-scope or file-scope declaration, incl. ;
                                                    returns ND_DECL (or ND_STATIC_ASSERT) */
Node *parse_external_declaration(Parser *p);     /* file scope: declaration or ND_FUNCDEF */
Type *parse_typename(Parser *p);                 /* type-name (6.7.7), for casts, sizeof, ... */
Node *parse_initializer(Parser *p, Type *ty);    /* expression or ND_INIT_LIST for an object of type ty */
char *parse_attributes(Parser *p);               /* zero or more __attribute__((...)) / __asm__ labels, as text; NULL if none */

/* expr.c */
Node *parse_expr(Parser *p);                     /* expression (6.5.17), with commas */
Node *parse_assign(Parser *p);                   /* assignment-expression (6.5.16) */
Node *parse_cond_expr(Parser *p);                /* conditional-expression, for constant expressions */
/* Builders that type their result, for the parser and for later passes
 * that synthesize code. They report type errors at tok. */
Node *new_binary(NodeKind kind, Node *lhs, Node *rhs, Token *tok);
Node *new_unary(NodeKind kind, Node *operand, Token *tok);
Node *new_var_node(Obj *obj, Token *tok);
Node *new_num_int(int64_t v, Type *ty, Token *tok);   /* ND_NUM with synthesized spelling */
Node *new_num_float(double v, Type *ty, Token *tok);  /* ND_NUM; spelling "%.17g" shortest round-trip */
Node *new_cast(Node *expr, Type *ty, Token *tok);
bool is_lvalue(const Node *node);
bool is_null_pointer_constant(Node *node);
Node *new_assign(NodeKind op, Node *lhs, Node *rhs, Token *tok); /* lhs = rhs (op ND_NONE), lhs op= rhs */
Node *new_member_access(NodeKind kind, Node *base, Token *name); /* ND_MEMBER / ND_ARROW; name->text names the member */
Node *new_call(Node *callee, Vec args, Token *tok);       /* callee(args); tok is the "(" */
/* 6.5.16.1: an error (or a warning for integer/pointer mixes) when src
 * cannot be converted as if by assignment to type dst. */
typedef enum { CONV_ASSIGN, CONV_ARG, CONV_RETURN, CONV_INIT } ConvContext;
void check_convertible(Type *dst, Node *src, Token *tok, ConvContext ctx);

/* stmt.c */
Node *parse_stmt(Parser *p);
Node *parse_compound_stmt(Parser *p);            /* { ... } with its own scope */
/* Parses the body of a function definition (the '{' is current), with the
 * parameters in scope, checks labels/gotos, fills func->body and locals. */
void parse_function_body(Parser *p, Obj *func);

/* eval.c: C11 6.6 integer constant expressions.  eval_int reports an error
 * at the node if it is not one; eval_int_try returns false instead. */
int64_t eval_int(Node *node);
bool eval_int_try(Node *node, int64_t *out);

/* ===================================================================== */
/* print.c                                                                */
/* ===================================================================== */

typedef struct PrintOptions {
  const char *only_func;  /* -f NAME: print only what this function needs, or NULL for all */
  bool comments;          /* re-emit the user's comments (default true) */
} PrintOptions;

/* Prints the user's part of the unit as formatted C: the #include lines
 * for system headers the user's files include, then every top-level item
 * from the user's files, in order. */
void print_unit(Buf *out, Unit *unit, const PrintOptions *opts);
/* Pieces, for the code generators of later passes. */
void print_expr(Buf *out, Node *expr);
void print_stmt(Buf *out, Node *stmt, int indent);
void print_decl(Buf *out, Node *decl, int indent);
void print_funcdef(Buf *out, Obj *func);
/* The top-level items (user files only, source order) that `func` needs
 * to compile on its own: its definition and prototypes, the user's
 * functions it calls (transitively) and globals it uses, and every type,
 * typedef, enum constant and tag declaration those need.  Appended to
 * items_out (Node *).  The code generators emit this closure too. */
void collect_deps(Unit *unit, Obj *func, Vec *items_out);
/* The same for the code a generator builds: the items that the trees in
 * `roots` (Node *: e.g. an ND_FUNCDEF of a generated function) need, where
 * a function's body counts only if the function is in `bodies` (Obj *);
 * the other functions referred to are needed as declarations only. */
void collect_deps_roots(Unit *unit, Vec *roots, Vec *bodies, Vec *items_out);
/* A generator's output unit, as print_unit -f prints one: the #include
 * lines and the user's #defines that the printed code uses, then `items`
 * in order: the unit's own items as the user wrote them, and generated
 * ones (ND_FUNCDEF of a new Obj, ND_DECL; ND_PRAGMA: its text verbatim). */
void print_generated(Buf *out, Unit *unit, Vec *items);

/* ===================================================================== */
/* Automatic differentiation: shared pieces                               */
/* ===================================================================== */

/* ast.c: copying and building trees for the code generators.  Generated
 * nodes borrow the token of the source node they derive from, so errors
 * and the "quote the source line" comments point at the user's code. */
Node *clone_expr(Node *e);                    /* deep copy of an expression */
Node *new_block(Token *tok);                  /* empty ND_BLOCK */
void block_add(Node *block, Node *stmt);
Node *new_expr_stmt(Node *expr);              /* ND_EXPR_STMT, end_tok = NULL */
/* `ty name = init;` declaring a fresh local Obj (init may be NULL). */
Node *new_local_decl(Obj *var, Node *init, Token *tok);
Obj *new_local_var(const char *name, Type *ty, Token *tok);
Node *new_if(Node *cond, Node *then, Node *els, Token *tok);
Node *new_return(Node *expr, Token *tok);
/* Calls visit(ctx, child) on every child of n that is evaluated, in
 * source order.  Not evaluated: sizeof/_Alignof operands, the unselected
 * branches of _Generic and __builtin_choose_expr, case labels, static
 * assertions, asm and pragma text. */
void ast_each_evaluated_child(Node *n, void (*visit)(void *ctx, Node *child), void *ctx);
/* A zero of type ty: 0.0 / 0.0f / 0.0L, for floating types. */
Node *new_zero(Type *ty, Token *tok);
/* Source text of the line a token stands on (trimmed), or NULL: for the
 * comments that quote the source line a reverse block differentiates. */
char *source_line_text(const Token *tok);

/* rules.c: the derivative rule table (rules.def), shared by forward and
 * reverse mode.  A rule gives, for a library function, the partial
 * derivative with respect to each argument as a C expression template in
 * the arguments x (or x1, x2, x3) and the result r. */
typedef struct Rule Rule;
/* The rule for a function name ("sin", "sinf", "pow", ...), or NULL. */
const Rule *rule_find(const char *name);
int rule_arity(const Rule *rule);
/* d(call)/d(argument i) as a new typed expression: args[] are the call's
 * arguments (cloned where used), result an expression for the call's value
 * (needed only where rule_uses_result); NULL if the partial is zero. */
Node *rule_partial(const Rule *rule, int i, Node **args, Node *result, Token *tok);
bool rule_uses_result(const Rule *rule, int i);
/* True for floor, ceil, round, trunc, ...: every partial is zero. */
bool rule_is_constant(const Rule *rule);
/* The C source of a helper that rule partials may call (cotan_digamma,
 * cotan_digammaf, cotan_digammal): a `static` function definition, or NULL
 * if `name` is not one.  The output unit defines the helpers its code calls. */
const char *rule_helper_code(const char *name);

/* simplify.c: constant folding and algebraic identities on generated
 * expressions (x * 1, x + 0, 0 * x, - -x, (double)1.0 ...), keeping the
 * types right; and removal of statements that do nothing. */
Node *simplify_expr(Node *e);
void simplify_block(Node *block);
/* The statement expression `lhs += rhs` for an adjoint update, simplified:
 * `lhs -= e` when rhs is -e, NULL when rhs is zero (nothing to add). */
Node *simplify_accumulate(Node *lhs, Node *rhs, Token *tok);

/* activity.c: which values carry derivatives.  A value is varied if it
 * depends on a differentiated input, useful if it reaches the result (or
 * an output), active if both. */
typedef struct Activity Activity;
/* func: the function differentiated; wrt: Obj * parameters (or globals)
 * differentiated; outs: Obj * pointer parameters that are outputs (vjp,
 * may be empty); the return value is an output when it is floating. */
Activity *activity_analyze(Unit *unit, Obj *func, Vec *wrt, Vec *outs);
bool activity_obj(Activity *a, Obj *var);      /* the variable's storage is active */
bool activity_expr(Activity *a, Node *expr);   /* the expression's value is active */
/* Functions defined in the unit that are called on the active path, in a
 * deterministic order; each needs its own derivative. */
Vec *activity_callees(Activity *a);
/* For a callee: which of its parameters are active (by index). */
bool activity_param(Activity *a, Obj *callee, int index);
bool activity_returns(Activity *a, Obj *callee);

/* fence.c: rejects, at the token, what cannot be differentiated: goto,
 * setjmp/longjmp, inline asm, a call through a function pointer or to a
 * function with no body and no rule on the active path, ... */
void fence_function(Unit *unit, Obj *func, Activity *a);

/* lower.c: memcpy, memmove and memset on typed floating data become the
 * loops they stand for (`for (int k = 0; k < n; k++) t[k] = x[k];`), in
 * the bodies of the user's functions, before activity_analyze.  Calls it
 * cannot type are left for fence_function to judge. */
void lower_unit(Unit *unit);

/* reverse.c + emit.c: reverse mode. */
typedef struct GradOptions {
  const char *func;     /* -f */
  Vec wrt;              /* char *: --wrt names, empty for the default */
  Vec outs;             /* char *: --out names (vjp) */
  bool vjp;             /* cotan vjp: seed parameters instead of 1 */
  const char *cmdline;  /* the command line, quoted in the output's header comment */
} GradOptions;
/* The whole output translation unit of `cotan grad`/`cotan vjp` as C text. */
void grad_unit(Buf *out, Unit *unit, const GradOptions *opts);
/* reverse.c: the derivative of func with respect to the parameters in wrt
 * (Obj *): F_grad, or with vjp F_vjp taking the result's adjoint as its
 * last parameter.  res->funcs gets the generated definitions in the order
 * they are printed: a static helper <callee>_vjp for each of the user's
 * functions differentiated through (one per set of active arguments),
 * then F_grad.  The tape (cotan_tape, cotan_push ...: emit.c writes it)
 * and the headers the code needs are reported in res. */
typedef struct RevResult {
  Vec funcs;            /* Obj *: generated functions with bodies, in output order */
  bool tape_double;     /* cotan_push / cotan_pop used */
  bool tape_int;        /* cotan_push_int / cotan_pop_int used */
  bool tape_doubles;    /* cotan_push_doubles / cotan_pop_doubles used (whole arrays) */
  bool tape_floats;     /* cotan_push_floats / cotan_pop_floats used */
  bool tape_reserve;    /* cotan_reserve used (fixed trip counts) */
  bool uses_memset;     /* needs <string.h> */
  bool heap;            /* cotan_heap and its functions used (malloc, free, ... in F) */
  Vec global_adjs;      /* Obj *: adjoint globals d_<name> of --wrt globals, to define */
  bool finals;          /* cotan_keep_final / cotan_put_back used (F_vjp's --out results) */
  bool undo_keep;       /* cotan_undo_keep used */
} RevResult;
void reverse_unit(Unit *unit, Obj *func, Activity *a, Vec *wrt, Vec *outs, bool vjp,
                  RevResult *res);

#endif /* COTAN_H */
