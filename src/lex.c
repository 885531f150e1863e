/*
 * lex.c: tokens from the output of `cc -E -C -dD -dI`.
 *
 * The input is already preprocessed, so the lexer's jobs besides cutting
 * tokens (C11 6.4) are to recover what preprocessing hid:
 *  - where each token stands in the original file: line markers give the
 *    file and line; the column is realigned against the original line,
 *    because cpp collapses interior blanks and expands macros;
 *  - which tokens are the expansion of a single-token object-like macro
 *    (`N` for `4`), from the -dD #defines, so the printer can keep the name;
 *  - the user's comments (kept by -C), attached to tokens for the printer;
 *  - the user's #include (-dI and the line markers), #define and #undef
 *    lines (-dD), recorded as Directives so the printer can re-emit them.
 * Everything from system headers is tokenized but neither realigned nor
 * commented, which keeps the ~10,000 lines of a typical header set cheap.
 */
#include "cotan.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ===================================================================== */
/* Files and their line indexes                                          */
/* ===================================================================== */

static Vec files;        /* SrcFile *, by index */
static Vec line_indexes; /* LineIndex *, parallel to files; NULL until needed */
static Vec directives;   /* Directive * */

/* Where each line of an original file starts, built on first use. */
typedef struct LineIndex {
  const char **starts; /* starts[i]: line i + 1 */
  int count;
} LineIndex;

Vec *lex_files(void) { return &files; }
Vec *lex_directives(void) { return &directives; }

/* <built-in>, <command-line> (gcc), <command line> (clang): not files. */
static bool is_pseudo_file(const char *name) {
  size_t n = strlen(name);
  return n >= 2 && name[0] == '<' && name[n - 1] == '>';
}

static SrcFile *add_file(const char *name) {
  SrcFile *f = new_of(SrcFile);
  f->name = xstrdup(name);
  f->index = files.len;
  f->is_system = is_pseudo_file(name);
  vec_push(&files, f);
  vec_push(&line_indexes, NULL);
  return f;
}

/* Few files are seen (tens), and most line markers name the current file,
 * which the caller checks first; a linear search is enough. */
static SrcFile *find_or_add_file(const char *name) {
  for (int i = 0; i < files.len; i++) {
    SrcFile *f = files.items[i];
    if (str_eq(f->name, name) || (f->cpp_name && str_eq(f->cpp_name, name)))
      return f;
  }
  return add_file(name);
}

static LineIndex *build_line_index(SrcFile *f) {
  LineIndex *li = new_of(LineIndex);
  const char *text = srcfile_contents(f);
  if (!text)
    return li;
  int count = 1;
  for (const char *p = text; (p = strchr(p, '\n')); p++)
    count++;
  li->starts = xcalloc((size_t)count, sizeof(char *));
  li->starts[0] = text;
  int n = 1;
  for (const char *p = text; (p = strchr(p, '\n')); p++)
    li->starts[n++] = p + 1;
  li->count = count;
  return li;
}

/* Line `line` of the original text of f, or NULL. */
static const char *original_line(SrcFile *f, int line) {
  LineIndex *li = line_indexes.items[f->index];
  if (!li)
    li = line_indexes.items[f->index] = build_line_index(f);
  if (line < 1 || line > li->count)
    return NULL;
  return li->starts[line - 1];
}

/* ===================================================================== */
/* Characters and keywords                                                */
/* ===================================================================== */

static bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/* 6.4.2.1 plus GNU '$' and UTF-8 bytes (extended characters). */
static bool is_ident_start(char c) {
  return is_alpha(c) || c == '_' || c == '$' || (unsigned char)c >= 0x80;
}
static bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

static int hex_value(char c) {
  if (is_digit(c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

/* 6.4.1 Keywords, and the GNU spellings gcc accepts in system headers. */
static const char *const keyword_list[] = {
    "auto", "break", "case", "char", "const", "continue", "default", "do",
    "double", "else", "enum", "extern", "float", "for", "goto", "if",
    "inline", "int", "long", "register", "restrict", "return", "short",
    "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
    "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
    "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
    "_Static_assert", "_Thread_local",
    /* GNU */
    "__inline", "__inline__", "__restrict", "__restrict__", "__const",
    "__const__", "__volatile", "__volatile__", "__signed", "__signed__",
    "__attribute__", "__attribute", "__extension__", "__typeof__", "__typeof",
    "typeof", "__asm__", "__asm", "asm", "__alignof__", "__alignof",
    "__label__", "__thread", "__auto_type", "__int128", "_Float32",
    "_Float64", "_Float128", "_Float32x", "_Float64x", "__float128",
    "__float80", "__builtin_va_arg", "__builtin_offsetof",
    "__builtin_types_compatible_p", "__real__", "__real", "__imag__",
    "__imag", "__complex__",
};

enum { KEYWORD_SLOTS = 512 }; /* a power of two, several times the list */
static const char *keyword_table[KEYWORD_SLOTS];
static bool keyword_table_ready;

/* FNV-1a: cheap and spreads these short names well. */
static unsigned hash_name(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void init_keyword_table(void) {
  size_t count = sizeof keyword_list / sizeof keyword_list[0];
  for (size_t i = 0; i < count; i++) {
    const char *kw = keyword_list[i];
    unsigned h = hash_name(kw, strlen(kw)) & (KEYWORD_SLOTS - 1);
    while (keyword_table[h])
      h = (h + 1) & (KEYWORD_SLOTS - 1);
    keyword_table[h] = kw;
  }
  keyword_table_ready = true;
}

/* The keyword spelled s[0..n), or NULL. */
static const char *find_keyword(const char *s, size_t n) {
  unsigned h = hash_name(s, n) & (KEYWORD_SLOTS - 1);
  for (; keyword_table[h]; h = (h + 1) & (KEYWORD_SLOTS - 1)) {
    const char *kw = keyword_table[h];
    if (strncmp(kw, s, n) == 0 && kw[n] == '\0')
      return kw;
  }
  return NULL;
}

/* 6.4.6 Punctuators, longest first within each first character; digraphs
 * map to their usual spelling. */
typedef struct Punct {
  const char *raw;
  const char *text;
} Punct;

static const Punct punct_list[] = {
    {"%:%:", "##"}, {"<<=", "<<="}, {">>=", ">>="}, {"...", "..."},
    {"->", "->"},   {"++", "++"},   {"--", "--"},   {"<<", "<<"},
    {">>", ">>"},   {"<=", "<="},   {">=", ">="},   {"==", "=="},
    {"!=", "!="},   {"&&", "&&"},   {"||", "||"},   {"*=", "*="},
    {"/=", "/="},   {"%=", "%="},   {"+=", "+="},   {"-=", "-="},
    {"&=", "&="},   {"^=", "^="},   {"|=", "|="},   {"##", "##"},
    {"<:", "["},    {":>", "]"},    {"<%", "{"},    {"%>", "}"},
    {"%:", "#"},    {"[", "["},     {"]", "]"},     {"(", "("},
    {")", ")"},     {"{", "{"},     {"}", "}"},     {".", "."},
    {"&", "&"},     {"*", "*"},     {"+", "+"},     {"-", "-"},
    {"~", "~"},     {"!", "!"},     {"/", "/"},     {"%", "%"},
    {"<", "<"},     {">", ">"},     {"^", "^"},     {"|", "|"},
    {"?", "?"},     {":", ":"},     {";", ";"},     {"=", "="},
    {",", ","},     {"#", "#"},
};

static const Punct *find_punct(const char *p) {
  size_t count = sizeof punct_list / sizeof punct_list[0];
  for (size_t i = 0; i < count; i++) {
    const char *raw = punct_list[i].raw;
    if (raw[0] == p[0] && strncmp(raw, p, strlen(raw)) == 0)
      return &punct_list[i];
  }
  return NULL;
}

bool tok_is(const Token *tok, const char *s) {
  if (tok->kind == TK_STR || tok->kind == TK_CHAR || tok->kind == TK_PRAGMA)
    return false;
  return str_eq(tok->text, s);
}

bool tok_in_user_file(const Token *tok) {
  return tok && tok->file && !tok->file->is_system;
}

/* ===================================================================== */
/* Single-token macros                                                    */
/* ===================================================================== */

/* The object-like macros whose replacement list is exactly one token, as
 * of the point the lexer has reached in the -dD stream.  Every #define
 * and #undef passes by, system ones included (thousands), hence a hash
 * table.  A name that stops being such a macro (#undef, a redefinition,
 * a definition on the command line, which the printed output will not
 * have) keeps its slot with a NULL value.
 *
 * A system header's macro often names a predefined one (limits.h has
 * `#define INT_MAX __INT_MAX__`, float.h `#define DBL_EPSILON
 * __DBL_EPSILON__`): its use expands to the predefined macro's token.
 * So the match follows a chain of such names through macros of system
 * headers and <built-in>, which every compilation of the printed file has
 * too; never through the user's (with -f the printer emits only the
 * #define of the name it prints) nor the command line's. */
typedef enum {
  MACRO_USER,    /* defined in a user file: printable, not a link */
  MACRO_SYSTEM,  /* in a system header: printable, a link */
  MACRO_BUILTIN, /* predefined (<built-in>): only a link */
} MacroOrigin;

typedef struct MacroSlot {
  const char *name;  /* NULL: an empty slot */
  size_t len;
  const char *value; /* the replacement token as spelled, or NULL */
  MacroOrigin origin;
} MacroSlot;

static MacroSlot *macro_slots;
static size_t macro_cap;   /* 0 or a power of two */
static size_t macro_count; /* slots in use */

static MacroSlot *macro_probe(const char *name, size_t len) {
  size_t h = hash_name(name, len) & (macro_cap - 1);
  for (;; h = (h + 1) & (macro_cap - 1)) {
    MacroSlot *s = &macro_slots[h];
    if (!s->name || (s->len == len && memcmp(s->name, name, len) == 0))
      return s;
  }
}

/* The slot of name[0..len); with `add`, made if missing, else NULL then. */
static MacroSlot *macro_slot(const char *name, size_t len, bool add) {
  if (add && (macro_count + 1) * 2 > macro_cap) {
    MacroSlot *old = macro_slots;
    size_t old_cap = macro_cap;
    macro_cap = old_cap ? old_cap * 2 : 1024;
    macro_slots = xcalloc(macro_cap, sizeof(MacroSlot));
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].name)
        *macro_probe(old[i].name, old[i].len) = old[i];
  }
  if (!macro_cap)
    return NULL;
  MacroSlot *s = macro_probe(name, len);
  if (!s->name) {
    if (!add)
      return NULL;
    s->name = xstrndup(name, len);
    s->len = len;
    macro_count++;
  }
  return s;
}

/* Is the identifier name[0..len) a single-token macro spelled raw[0..n)?
 * Returns the macro's name (a stable copy), or NULL. */
static const char *macro_spelling(const char *name, size_t len, const char *raw,
                                  size_t n) {
  MacroSlot *s = macro_slot(name, len, false);
  if (!s || !s->value || s->origin == MACRO_BUILTIN)
    return NULL;
  const char *value = s->value;
  /* A few links at most in practice; the bound stops `#define A B`,
   * `#define B A`. */
  for (int links = 0; links < 8; links++) {
    if (strlen(value) == n && memcmp(value, raw, n) == 0)
      return s->name;
    if (!is_ident_start(*value))
      return NULL;
    MacroSlot *next = macro_slot(value, strlen(value), false);
    if (!next || !next->value || next->origin == MACRO_USER)
      return NULL;
    value = next->value;
  }
  return NULL;
}

static const char *token_end(const char *p);

/* Skips blanks and comments inside a directive line ending at eol. */
static const char *skip_directive_space(const char *p, const char *eol) {
  for (;;) {
    while (p < eol && is_blank(*p))
      p++;
    if (p + 1 < eol && p[0] == '/' && p[1] == '*') {
      const char *end = p + 2;
      while (end + 1 < eol && !(end[0] == '*' && end[1] == '/'))
        end++;
      if (end + 1 >= eol)
        return eol;
      p = end + 2;
    } else if (p + 1 < eol && p[0] == '/' && p[1] == '/') {
      return eol;
    } else {
      return p;
    }
  }
}

/* A #define or #undef (p after the directive's name, eol its line's end)
 * from -dD, in any file: keeps the table current. */
static void note_macro(SrcFile *file, bool define, const char *p, const char *eol) {
  while (p < eol && is_blank(*p))
    p++;
  const char *name = p;
  if (p >= eol || !is_ident_start(*p))
    return;
  while (p < eol && is_ident_char(*p))
    p++;
  size_t len = (size_t)(p - name);
  const char *value = NULL;
  bool builtin = str_eq(file->name, "<built-in>");
  /* A '(' right after the name makes a function-like macro (6.10.3p3). */
  if (define && *p != '(' && (builtin || !is_pseudo_file(file->name))) {
    const char *start = skip_directive_space(p, eol);
    const char *end = start < eol ? token_end(start) : start;
    if (start < end && end <= eol && skip_directive_space(end, eol) == eol)
      value = xstrndup(start, (size_t)(end - start));
  }
  MacroSlot *s = macro_slot(name, len, value != NULL);
  if (s) {
    s->value = value;
    s->origin = builtin ? MACRO_BUILTIN : file->is_system ? MACRO_SYSTEM : MACRO_USER;
  }
}

/* ===================================================================== */
/* The lexer state                                                        */
/* ===================================================================== */

/* A comment waiting for the token (or directive) that follows it. */
typedef struct PendingComment {
  char *text;
  SrcFile *file;
  int first_line;
  int last_line;
} PendingComment;

/* One item (token or comment) of the rest of an output line once the walk
 * fell out of step, matched against the original from the line's right
 * end (see align_tail()). */
typedef struct TailItem {
  const char *raw;    /* in cpp's output */
  size_t len;
  bool is_comment;
  const char *orig;   /* where it stands in the original, or NULL: not found */
  size_t orig_len;    /* its length there (a macro's name may differ) */
  const char *macro;  /* found as the use of this single-token macro */
} TailItem;

/* Walks the original line in step with cpp's output line to find the
 * original column of each token (see place()). */
typedef struct Align {
  SrcFile *file;          /* the file this state is for */
  bool valid;             /* pos points into the original */
  bool in_step;           /* the original still matches the output */
  bool fresh;             /* nothing placed since the reset */
  const char *pos;        /* where the next item should start */
  const char *line_start; /* start of the physical line pos is on */
  int line;               /* that line's number */
  const char *reset_start; /* the start of the output line's original line */
  int stop_line;          /* where the unmatched middle goes once out of step */
  int stop_col;
  int stop_end_line;      /* just after what that middle stands for */
  int stop_end_col;
  TailItem *tail;         /* the rest of the output line (malloc'd, reused) */
  int tail_len;
  int tail_cap;
  int tail_next;          /* the next one place() may be asked about */
} Align;

/* Where an item of cpp's output stands in the original. */
typedef struct Place {
  int line, col;         /* its start */
  int end_line, end_col; /* just after it: for a macro expansion, after the use */
  const char *orig;      /* the original text it was found as, or NULL */
  const char *macro;     /* found as the use of this single-token macro */
} Place;

typedef struct Lexer {
  const char *p;          /* the next byte of cpp's output */
  const char *line_start; /* start of the current output line */
  SrcFile *file;          /* the current file (from line markers) */
  int line;               /* the current output line's line in file */
  bool user;              /* file is the user's: keep comments, realign */
  bool at_line_start;     /* nothing read yet on this output line */
  bool at_bol;            /* no token yet on this output line */
  bool space_before;      /* whitespace since the last token */
  bool newline_since_tok; /* a line break (not inside a comment) since the last token */
  bool realign_reset;     /* a new output line: restart the realignment */
  bool clang;             /* the preprocessor is clang's (it predefines __clang__) */
  Align align;
  Token head;
  Token *tail;
  Token *last;            /* the previous token (for trailing comments) */
  int seq;
  Vec pending;            /* PendingComment * */
  Directive *include;     /* the user's #include (-dI) whose file the next line marker
                             with flag 1 enters, if any */
  Token *macro_tok;       /* found as a macro's use; the next token confirms it */
  const char *macro_after; /* the original just after that use */
  bool has_end;           /* a token of the main file was seen */
  SrcFile *end_file;      /* the main file it stands in */
  int end_line;           /* just after the last one: where the input ends */
  int end_col;
  /* lex_program with several files: cpp read a wrapper from its standard
   * input that #includes each of them in turn. */
  SrcFile *wrapper;       /* "<stdin>", or NULL with one file */
  const Vec *inputs;      /* char *: the paths of the files given */
  int inputs_entered;     /* how many of them cpp entered so far */
  SrcFile *input;         /* the one cpp is reading (or a header under it) */
  Vec entries;            /* Entry *: each time cpp entered a user file */
  Vec input_starts;       /* InputStart *: where each file given starts */
  Vec brackets;           /* Token *: ( [ { of the current input not closed yet */
  bool brackets_confused; /* a closer did not match: the parser will say more */
  bool top_brace_is_body; /* the outermost open '{' is a function body */
  bool top_finished;      /* the last file-scope token ends a declaration */
  int last_end_line;      /* just after the last token (any file) */
  int last_end_col;
} Lexer;

typedef struct InputStart {
  SrcFile *input;
  int seq;                /* of its first token (or of what follows it) */
} InputStart;

/* cpp entered a user file: under which file given, through which of the
 * user's #include lines (NULL: the wrapper entered a file given). */
typedef struct Entry {
  SrcFile *file;
  SrcFile *input;     /* NULL: before the first (a -include flag) */
  Directive *include; /* NULL: not through a user's #include */
  bool from_wrapper;  /* the wrapper entered a file given */
} Entry;

static int output_col(Lexer *L, const char *at) {
  return (int)(at - L->line_start) + 1;
}

/* ===================================================================== */
/* Column realignment                                                     */
/* ===================================================================== */

static void align_reset(Lexer *L) {
  Align *a = &L->align;
  a->file = L->file;
  a->fresh = true;
  a->tail_len = a->tail_next = 0;
  const char *start = original_line(L->file, L->line);
  a->valid = start != NULL;
  if (!start)
    return;
  a->in_step = true;
  a->pos = start;
  a->line_start = start;
  a->line = L->line;
  a->reset_start = start;
}

/* Moves pos forward over n bytes, following line breaks. */
static void align_advance(Align *a, size_t n) {
  for (size_t i = 0; i < n && *a->pos; i++) {
    if (*a->pos++ == '\n') {
      a->line++;
      a->line_start = a->pos;
    }
  }
}

/* Skips what cpp may have changed or removed between tokens in the
 * original: blanks, line splices (5.1.1.2 phase 2) and, for tokens,
 * comments.  Never crosses a real line break. */
static void align_skip(Align *a, bool comments) {
  for (;;) {
    const char *p = a->pos;
    if (is_blank(*p)) {
      a->pos++;
    } else if (p[0] == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
      align_advance(a, p[1] == '\n' ? 2 : 3);
    } else if (comments && p[0] == '/' && p[1] == '*') {
      const char *end = strstr(p + 2, "*/");
      align_advance(a, end ? (size_t)(end + 2 - p) : strlen(p));
    } else if (comments && p[0] == '/' && p[1] == '/') {
      while (*a->pos && *a->pos != '\n') {
        if (a->pos[0] == '\\' && a->pos[1] == '\n')
          align_advance(a, 2);
        else
          a->pos++;
      }
    } else {
      return;
    }
  }
}

/* Does the original at `pos` spell raw[0..len), as a whole token? */
static bool original_spells(const char *pos, const char *raw, size_t len) {
  if (strncmp(pos, raw, len) != 0)
    return false;
  return !(is_ident_char(raw[len - 1]) && is_ident_char(pos[len]));
}

/* How many bytes of the original at `pos` the output item raw[0..len)
 * stands for: len if spelled the same; for a token, the length of an
 * identifier there that is a single-token macro expanding to exactly raw
 * (*macro set to its name); 0 if neither. */
static size_t original_match(const char *pos, const char *raw, size_t len,
                             bool is_comment, const char **macro) {
  if (original_spells(pos, raw, len))
    return len;
  if (is_comment || !is_ident_start(*pos))
    return 0;
  const char *end = pos + 1;
  while (is_ident_char(*end))
    end++;
  *macro = macro_spelling(pos, (size_t)(end - pos), raw, len);
  return *macro ? (size_t)(end - pos) : 0;
}

/* gcc keeps the column of the first token on a continued line of a macro
 * invocation; it puts the expansion of a system header's macro, and what
 * follows it, on lines of their own, padded to one column before the
 * original's.  So on a fresh line, try the output column and the next one
 * when the normal walk fails there.  Returns what original_match() does. */
static size_t try_output_column(Lexer *L, const char *raw, size_t len,
                                const char **macro) {
  Align *a = &L->align;
  int offset = output_col(L, raw) - 1;
  const char *p = a->reset_start;
  for (int i = 0; i < offset; i++, p++)
    if (*p == '\n' || *p == '\0')
      return 0;
  size_t n = original_match(p, raw, len, false, macro);
  if (!n && *p != '\n' && *p != '\0')
    n = original_match(++p, raw, len, false, macro);
  if (n) {
    a->pos = p;
    a->line_start = a->reset_start;
    a->line = L->line;
  }
  return n;
}

/* The line and column of `at` in the original text of f (whose line
 * index original_line() has built). */
static void original_place(SrcFile *f, const char *at, int *line, int *col) {
  LineIndex *li = line_indexes.items[f->index];
  int lo = 0, hi = li->count - 1;
  while (lo < hi) {
    int mid = lo + (hi - lo + 1) / 2;
    if (li->starts[mid] <= at)
      lo = mid;
    else
      hi = mid - 1;
  }
  *line = lo + 1;
  *col = (int)(at - li->starts[lo]) + 1;
}

/* Moves e back over blanks and line splices, not below lo. */
static const char *skip_blanks_back(const char *e, const char *lo) {
  for (;;) {
    if (e > lo && is_blank(e[-1]))
      e--;
    else if (e - lo >= 2 && e[-1] == '\n' && e[-2] == '\\')
      e -= 2;
    else if (e - lo >= 3 && e[-1] == '\n' && e[-2] == '\r' && e[-3] == '\\')
      e -= 3;
    else
      return e;
  }
}

/* Would the token raw[0..len), found in the original at `at` (up to e),
 * be part of a longer token there? */
static bool joins_neighbours(const char *at, const char *lo, const char *e,
                             const char *raw, size_t len) {
  char before = at > lo ? at[-1] : ' ';
  char first = raw[0];
  bool number = is_digit(first) || (first == '.' && len > 1 && is_digit(raw[1]));
  if (is_ident_char(raw[len - 1]) && is_ident_char(*e))
    return true;
  if (is_ident_char(before) &&
      (is_ident_char(first) || number || first == '"' || first == '\''))
    return true;
  if (before == '.' && number)
    return true;
  if (is_ident_char(first) || number || first == '"' || first == '\'')
    return false;
  /* A punctuator: not the end or the start of a longer one. */
  const Punct *p = at > lo ? find_punct(at - 1) : NULL;
  if (p && strlen(p->raw) > 1)
    return true;
  p = find_punct(at);
  return p && strlen(p->raw) > len;
}

/* Is tail item t in the original just before e (not below lo), spelled
 * the same or as the use of a single-token macro?  Sets t->orig. */
static bool tail_found_before(TailItem *t, const char *e, const char *lo) {
  size_t len = t->len;
  if ((size_t)(e - lo) >= len && memcmp(e - len, t->raw, len) == 0 &&
      (t->is_comment || !joins_neighbours(e - len, lo, e, t->raw, len))) {
    t->orig = e - len;
    t->orig_len = len;
    return true;
  }
  if (t->is_comment || is_ident_char(*e))
    return false;
  const char *s = e;
  while (s > lo && is_ident_char(s[-1]))
    s--;
  if (s == e || !is_ident_start(*s))
    return false;
  t->macro = macro_spelling(s, (size_t)(e - s), t->raw, len);
  if (!t->macro)
    return false;
  t->orig = s;
  t->orig_len = (size_t)(e - s);
  return true;
}

static void tail_push(Align *a, const char *raw, size_t len, bool is_comment) {
  if (a->tail_len == a->tail_cap) {
    int cap = a->tail_cap ? a->tail_cap * 2 : 64;
    TailItem *items = realloc(a->tail, (size_t)cap * sizeof(TailItem));
    if (!items) {
      fputs("cotan: error: out of memory\n", stderr);
      exit(EXIT_INTERNAL);
    }
    a->tail = items;
    a->tail_cap = cap;
  }
  a->tail[a->tail_len++] = (TailItem){.raw = raw, .len = len, .is_comment = is_comment};
}

/* The walk fell out of step at raw (the place of a macro use: a->pos).
 * Cuts the rest of the output line into items as lex_all() does, then
 * matches them against the original from the right end of its line
 * backwards, so the tokens after a macro expansion keep their own
 * columns.  Matching stops at the first item not found; the items before
 * it (the expansion) stand for the original from a->pos to there.  Each
 * output line does this at most once, over its own rest: linear. */
static void align_tail(Lexer *L, const char *raw) {
  Align *a = &L->align;
  a->tail_len = a->tail_next = 0;
  a->stop_end_line = a->stop_line;
  a->stop_end_col = a->stop_col;
  long breaks = 0;
  for (const char *p = raw;;) {
    while (is_blank(*p))
      p++;
    if (*p == '\n' || *p == '\0')
      break;
    const char *end;
    bool comment = p[0] == '/' && (p[1] == '*' || p[1] == '/');
    if (comment && p[1] == '*') {
      const char *close = strstr(p + 2, "*/");
      end = close ? close + 2 : p + strlen(p);
      for (const char *q = p; q < end; q++)
        breaks += *q == '\n';
    } else if (comment) {
      end = p + strcspn(p, "\n");
    } else {
      end = token_end(p);
    }
    tail_push(a, p, (size_t)(end - p), comment);
    p = end;
  }

  /* The original's end: the last line the output line covers, with the
   * lines spliced to it. */
  if (breaks > INT_MAX - L->line)
    return;
  const char *start = original_line(a->file, L->line + (int)breaks);
  if (!start)
    return;
  const char *e = start + strcspn(start, "\n");
  while (*e == '\n' && ((e - start >= 1 && e[-1] == '\\') ||
                        (e - start >= 2 && e[-1] == '\r' && e[-2] == '\\'))) {
    start = e + 1;
    e = start + strcspn(start, "\n");
  }
  const char *lo = a->pos;
  if (e < lo)
    return;

  int first = a->tail_len;
  for (int j = a->tail_len - 1; j >= 0; j--) {
    e = skip_blanks_back(e, lo);
    if (!tail_found_before(&a->tail[j], e, lo))
      break;
    e = a->tail[j].orig;
    first = j;
  }
  e = skip_blanks_back(e, lo);
  if (first > 0 && e > lo)
    original_place(a->file, e, &a->stop_end_line, &a->stop_end_col);
}

/* The tail item at raw if it was found in the original.  Items are asked
 * about in order. */
static TailItem *tail_find(Align *a, const char *raw) {
  while (a->tail_next < a->tail_len && a->tail[a->tail_next].raw < raw)
    a->tail_next++;
  if (a->tail_next < a->tail_len && a->tail[a->tail_next].raw == raw &&
      a->tail[a->tail_next].orig)
    return &a->tail[a->tail_next];
  return NULL;
}

/* Finds where raw[0..len) of the current output line stands in the
 * original.  The original line is walked in parallel with the output: each
 * item must appear next in it (after blanks and comments), spelled the
 * same or as the name of a single-token macro expanding to it.  The first
 * one that does not starts a macro expansion: the rest of the line is then
 * matched from its right end (align_tail()), and what stays unmatched
 * gets the place where the walk stopped, the macro use.  Comments
 * (is_comment) only move the walk along.  Without an original (system
 * header, unreadable file) the output column stands. */
static void place(Lexer *L, const char *raw, size_t len, bool is_comment,
                  Place *pl) {
  int col = output_col(L, raw);
  *pl = (Place){.line = L->line, .col = col, .end_line = L->line,
                .end_col = col + (int)len};
  if (!L->user || len == 0)
    return;
  Align *a = &L->align;
  if (L->realign_reset || a->file != L->file) {
    L->realign_reset = false;
    align_reset(L);
  }
  if (!a->valid)
    return;
  if (a->in_step) {
    bool fresh = a->fresh;
    a->fresh = false;
    align_skip(a, !is_comment);
    const char *macro = NULL;
    size_t n = original_match(a->pos, raw, len, is_comment, &macro);
    if (!n && fresh && !is_comment)
      n = try_output_column(L, raw, len, &macro);
    if (n) {
      pl->line = pl->end_line = a->line;
      pl->col = (int)(a->pos - a->line_start) + 1;
      pl->end_col = pl->col + (int)n;
      pl->orig = a->pos;
      pl->macro = macro;
      align_advance(a, n);
      return;
    }
    a->in_step = false;
    a->stop_line = a->line;
    a->stop_col = (int)(a->pos - a->line_start) + 1;
    align_tail(L, raw);
  }
  TailItem *t = tail_find(a, raw);
  if (t) {
    original_place(a->file, t->orig, &pl->line, &pl->col);
    pl->end_line = pl->line;
    pl->end_col = pl->col + (int)t->orig_len;
    pl->orig = t->orig;
    pl->macro = t->macro;
    return;
  }
  pl->line = a->stop_line;
  pl->col = a->stop_col;
  pl->end_line = a->stop_end_line;
  pl->end_col = a->stop_end_col;
}

/* A token was found as the use of a single-token macro: it keeps the
 * macro's name only if the original's next token after the name is the
 * next output token (next, placed at *next_place), or both lines end
 * there (next NULL: the end of input). */
static void settle_macro(Lexer *L, const Token *next, const Place *next_place) {
  Token *tok = L->macro_tok;
  L->macro_tok = NULL;
  Align after = {.pos = L->macro_after};
  align_skip(&after, true);
  bool line_ends = *after.pos == '\n' || *after.pos == '\0';
  bool aligned = next ? next_place->orig == after.pos || (line_ends && next->at_bol)
                      : line_ends;
  if (!aligned)
    tok->macro = NULL;
}

/* Reports an error at raw[0..len) of the output, at its original place. */
static _Noreturn void error_here(Lexer *L, const char *raw, size_t len,
                                 const char *msg) {
  Place pl;
  place(L, raw, len ? len : 1, false, &pl);
  error_at(L->file, pl.line, pl.col, "%s", msg);
}

/* ===================================================================== */
/* Comments                                                               */
/* ===================================================================== */

/* Moves the pending comments to dst: they come before the token or
 * directive on line `next_line` of the current file. */
static void take_comments(Lexer *L, Vec *dst, int **lines_out, int next_line) {
  int n = L->pending.len;
  if (n == 0)
    return;
  int *lines = xcalloc((size_t)n, sizeof(int));
  for (int i = 0; i < n; i++) {
    PendingComment *c = L->pending.items[i];
    PendingComment *next = i + 1 < n ? L->pending.items[i + 1] : NULL;
    SrcFile *next_file = next ? next->file : L->file;
    int next_first = next ? next->first_line : next_line;
    int gap = next_first - c->last_line;
    lines[i] = next_file != c->file ? 1 : gap < 0 ? 0 : gap;
    vec_push(dst, c->text);
  }
  *lines_out = lines;
  L->pending.len = 0;
}

/* 6.4.9 Comments.  Kept only in the user's files; a comment starting on
 * the line of the previous token, after it, is that token's trailing
 * comment, any other waits for the next token. */
static void lex_comment(Lexer *L) {
  const char *start = L->p;
  const char *p = start + 2;
  int breaks = 0;
  const char *last_break = NULL;
  if (start[1] == '*') {
    for (; !(p[0] == '*' && p[1] == '/'); p++) {
      if (*p == '\0')
        error_here(L, start, 2, "unterminated comment");
      if (*p == '\n') {
        breaks++;
        last_break = p;
      }
    }
    p += 2;
  } else {
    while (*p && *p != '\n')
      p++;
  }
  L->p = p;
  L->space_before = true;
  if (L->user) {
    Place unused;
    place(L, start, (size_t)(p - start), true, &unused);
    char *text = xstrndup(start, (size_t)(p - start));
    Token *prev = L->last;
    if (!L->newline_since_tok && prev && prev->file == L->file &&
        !prev->trail_comment && prev->kind != TK_PRAGMA && L->pending.len == 0) {
      prev->trail_comment = text;
    } else {
      PendingComment *c = new_of(PendingComment);
      c->text = text;
      c->file = L->file;
      c->first_line = L->line;
      c->last_line = L->line + breaks;
      vec_push(&L->pending, c);
    }
  }
  L->line += breaks;
  if (last_break)
    L->line_start = last_break + 1;
}

/* ===================================================================== */
/* Tokens                                                                 */
/* ===================================================================== */

/* Several files given: each must end where a translation unit may end,
 * with every bracket closed and its last declaration finished, or the
 * parser would read on into the next file and report its error there. */
static void track_top_level(Lexer *L, Token *tok) {
  const char *t = tok->text;
  bool punct = tok->kind == TK_PUNCT && tok->len == 1;
  if (punct && strchr("([{", t[0])) {
    /* a '{' after ')' or ';' (K&R) at file scope starts a function body,
     * which needs no ';' after it; a struct body or initializer does */
    if (!L->brackets.len)
      L->top_brace_is_body = L->last && (tok_is(L->last, ")") || tok_is(L->last, ";"));
    vec_push(&L->brackets, tok);
    return;
  }
  if (punct && strchr(")]}", t[0])) {
    Token *open = L->brackets.len ? vec_last(&L->brackets) : NULL;
    char want = t[0] == ')' ? '(' : t[0] == ']' ? '[' : '{';
    if (open && open->text[0] == want)
      L->brackets.len--;
    else
      L->brackets_confused = true;
    if (!L->brackets.len)
      L->top_finished = t[0] == '}' && L->top_brace_is_body;
    return;
  }
  if (!L->brackets.len)
    L->top_finished = tok->kind == TK_PRAGMA || tok_is(tok, ";");
}

/* At the end of a file given, before the next one: an error if it left
 * a bracket open or a declaration unfinished, just after its last token,
 * as for the end of input of a single file. */
static void check_input_end(Lexer *L) {
  Token *last = L->last;
  if (L->input && last && !L->brackets_confused && (L->brackets.len || !L->top_finished)) {
    Token at = {.file = last->file, .line = L->last_end_line, .col = L->last_end_col};
    if (L->brackets.len) {
      Token *open = vec_last(&L->brackets);
      char close = open->text[0] == '(' ? ')' : open->text[0] == '[' ? ']' : '}';
      error_tok_noexit(&at, "expected '%c' at the end of '%s'", close, L->input->name);
      note_tok(open, "to match this '%s'", open->text);
    } else {
      error_tok_noexit(&at, "expected ';' at the end of '%s'", L->input->name);
    }
    exit(EXIT_INPUT_ERROR);
  }
  L->brackets.len = 0;
  L->brackets_confused = false;
  L->top_finished = true;
}

/* Makes a token of raw[0..len) with spelling `text` (NULL: a copy of raw)
 * and appends it. */
static Token *add_token(Lexer *L, TokenKind kind, const char *raw, size_t len,
                        const char *text) {
  Token *tok = new_of(Token);
  tok->kind = kind;
  tok->text = text ? text : xstrndup(raw, len);
  tok->len = (int)strlen(tok->text);
  tok->file = L->file;
  tok->at_bol = L->at_bol;
  Place pl;
  place(L, raw, len, false, &pl);
  tok->line = pl.line;
  tok->col = pl.col;
  if (L->macro_tok)
    settle_macro(L, tok, &pl);
  if (pl.macro) {
    tok->macro = pl.macro;
    L->macro_tok = tok;
    L->macro_after = pl.orig + strlen(pl.macro);
  }
  if (L->file->is_main) {
    L->has_end = true;
    L->end_file = L->file;
    L->end_line = pl.end_line;
    L->end_col = kind == TK_PRAGMA ? pl.col + tok->len : pl.end_col;
  }
  tok->has_space = L->space_before;
  tok->seq = L->seq++;
  if (L->wrapper) {
    track_top_level(L, tok);
    L->last_end_line = pl.end_line;
    L->last_end_col = kind == TK_PRAGMA ? pl.col + tok->len : pl.end_col;
  }
  take_comments(L, &tok->lead_comments, &tok->lead_comment_lines, L->line);
  L->tail = L->tail->next = tok;
  L->last = tok;
  L->at_bol = false;
  L->space_before = false;
  L->newline_since_tok = false;
  return tok;
}

/* --- numbers: 6.4.4.1 Integer constants, 6.4.4.2 Floating constants --- */

static bool fits(uint64_t v, Type *ty) {
  int bits = (int)ty->size * 8;
  if (bits <= 0)
    return false;
  if (bits >= 64)
    return ty->is_unsigned || v <= (uint64_t)INT64_MAX;
  uint64_t limit = ty->is_unsigned ? (UINT64_C(1) << bits) : (UINT64_C(1) << (bits - 1));
  return v < limit;
}

static bool is_imaginary_suffix(char c) {
  return c == 'i' || c == 'I' || c == 'j' || c == 'J';
}

/* u, l, ll in either order and either case (but not lL), plus GNU's
 * imaginary i/j before or after. */
static bool parse_int_suffix(const char *s, bool *is_unsigned, int *longs,
                             bool *imaginary) {
  *is_unsigned = false;
  *longs = 0;
  *imaginary = false;
  if (is_imaginary_suffix(*s)) {
    *imaginary = true;
    s++;
  }
  if (*s == 'u' || *s == 'U') {
    *is_unsigned = true;
    s++;
  }
  if ((s[0] == 'l' && s[1] == 'l') || (s[0] == 'L' && s[1] == 'L')) {
    *longs = 2;
    s += 2;
  } else if (*s == 'l' || *s == 'L') {
    *longs = 1;
    s++;
  }
  if (!*is_unsigned && (*s == 'u' || *s == 'U')) {
    *is_unsigned = true;
    s++;
  }
  if (!*imaginary && is_imaginary_suffix(*s)) {
    *imaginary = true;
    s++;
  }
  return *s == '\0';
}

/* 6.4.4.1p5: the first type in the list for the suffix and base in which
 * the value fits. */
static Type *integer_constant_type(uint64_t v, bool decimal, bool is_unsigned,
                                   int longs) {
  Type *signed_list[] = {ty_int, ty_long, ty_llong};
  Type *unsigned_list[] = {ty_uint, ty_ulong, ty_ullong};
  for (int rank = longs; rank < 3; rank++) {
    if (!is_unsigned && fits(v, signed_list[rank]))
      return signed_list[rank];
    if ((is_unsigned || !decimal) && fits(v, unsigned_list[rank]))
      return unsigned_list[rank];
  }
  return NULL;
}

static void convert_int(Token *tok) {
  const char *p = tok->text;
  int base = 10;
  const char *kind = "decimal";
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && is_hex_digit(p[2])) {
    base = 16;
    p += 2;
  } else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B') && is_digit(p[2])) {
    base = 2; /* GNU binary constants */
    kind = "binary";
    p += 2;
  } else if (p[0] == '0') {
    base = 8;
    kind = "octal";
  }
  uint64_t v = 0;
  bool overflow = false;
  for (; base == 16 ? is_hex_digit(*p) : is_digit(*p); p++) {
    int d = hex_value(*p);
    if (d >= base)
      error_tok(tok, "invalid digit '%c' in %s constant", *p, kind);
    if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
      overflow = true;
    v = v * (uint64_t)base + (uint64_t)d;
  }
  bool is_unsigned, imaginary;
  int longs;
  if (!parse_int_suffix(p, &is_unsigned, &longs, &imaginary))
    error_tok(tok, "invalid suffix '%s' on integer constant", p);
  if (overflow)
    error_tok(tok, "integer constant is too large");
  Type *ty = integer_constant_type(v, base == 10, is_unsigned, longs);
  if (!ty) {
    /* Only a decimal constant without 'u' gets here; like gcc, take it
     * as unsigned rather than fail. */
    warn_tok(tok, "integer constant is so large that it is unsigned");
    ty = ty_ullong;
  }
  tok->ival = (int64_t)v;
  /* cotan's complex types have floating bases: GNU's integer imaginary
   * constants (3i) are taken as _Complex double. */
  tok->lit_ty = imaginary ? complex_of(ty_double) : ty;
  if (imaginary)
    tok->fval = (long double)v;
}

static bool is_float_spelling(const char *s) {
  bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  for (; *s; s++) {
    if (*s == '.')
      return true;
    if (hex ? (*s == 'p' || *s == 'P') : (*s == 'e' || *s == 'E'))
      return true;
  }
  return false;
}

/* The type a floating suffix gives, or NULL if it is not one. */
static Type *float_suffix_type(const char *s) {
  static const struct {
    const char *suffix;
    Type **ty;
  } table[] = {
      {"", &ty_double},       {"f", &ty_float},        {"F", &ty_float},
      {"l", &ty_ldouble},     {"L", &ty_ldouble},      {"f32", &ty_float},
      {"F32", &ty_float},     {"f64", &ty_double},     {"F64", &ty_double},
      {"f128", &ty_float128}, {"F128", &ty_float128},  {"f32x", &ty_double},
      {"F32x", &ty_double},   {"f64x", &ty_ldouble},   {"F64x", &ty_ldouble},
      {"q", &ty_float128},    {"Q", &ty_float128},     {"w", &ty_ldouble},
      {"W", &ty_ldouble},
  };
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (str_eq(table[i].suffix, s))
      return *table[i].ty;
  return NULL;
}

static void convert_float(Token *tok) {
  const char *s = tok->text;
  bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  if (hex && !strpbrk(s, "pP"))
    error_tok(tok, "hexadecimal floating constants require an exponent");
  char *end;
  tok->fval = strtold(s, &end);
  char exp_char = hex ? 'p' : 'e';
  if ((*end | 0x20) == exp_char)
    error_tok(tok, "exponent has no digits");

  /* The suffix, with GNU's imaginary i/j taken off either end. */
  char suffix[8];
  size_t n = strlen(end);
  bool imaginary = false;
  if (n >= sizeof suffix)
    error_tok(tok, "invalid suffix '%s' on floating constant", end);
  memcpy(suffix, end, n + 1);
  if (n > 0 && is_imaginary_suffix(suffix[0])) {
    memmove(suffix, suffix + 1, n--);
    imaginary = true;
  } else if (n > 0 && is_imaginary_suffix(suffix[n - 1])) {
    suffix[--n] = '\0';
    imaginary = true;
  }
  Type *ty = float_suffix_type(suffix);
  if (!ty)
    error_tok(tok, "invalid suffix '%s' on floating constant", end);
  tok->lit_ty = imaginary ? complex_of(ty) : ty;
}

/* The end of the pp-number (6.4.8) starting at p. */
static const char *number_end(const char *p) {
  for (p++;;) {
    if ((*p == 'e' || *p == 'E' || *p == 'p' || *p == 'P') &&
        (p[1] == '+' || p[1] == '-'))
      p += 2;
    else if (is_alpha(*p) || is_digit(*p) || *p == '_' || *p == '.')
      p++;
    else
      return p;
  }
}

/* A pp-number, then its value. */
static void lex_number(Lexer *L) {
  const char *start = L->p;
  const char *p = number_end(start);
  L->p = p;
  Token *tok = add_token(L, TK_NUM, start, (size_t)(p - start), NULL);
  if (is_float_spelling(tok->text))
    convert_float(tok);
  else
    convert_int(tok);
}

/* --- characters and strings: 6.4.4.4, 6.4.5 --- */

/* Decoded literal contents: code units of the literal's element width. */
typedef struct Units {
  uint32_t *items;
  int len;
  int cap;
} Units;

static void put_unit(Units *u, uint32_t v) {
  if (u->len == u->cap) {
    int cap = u->cap ? u->cap * 2 : 16;
    uint32_t *items = xcalloc((size_t)cap, sizeof(uint32_t));
    if (u->len)
      memcpy(items, u->items, (size_t)u->len * sizeof(uint32_t));
    free(u->items);
    u->items = items;
    u->cap = cap;
  }
  u->items[u->len++] = v;
}

/* Appends code point cp in the encoding of elements of `width` bytes:
 * UTF-8, UTF-16 or UTF-32. */
static void put_code_point(Units *u, uint32_t cp, int width) {
  if (width == 4) {
    put_unit(u, cp);
  } else if (width == 2) {
    if (cp > 0xFFFF && cp <= 0x10FFFF) {
      cp -= 0x10000;
      put_unit(u, 0xD800 + (cp >> 10));
      put_unit(u, 0xDC00 + (cp & 0x3FF));
    } else {
      put_unit(u, cp & 0xFFFF);
    }
  } else if (cp < 0x80) {
    put_unit(u, cp);
  } else if (cp < 0x800) {
    put_unit(u, 0xC0 | (cp >> 6));
    put_unit(u, 0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put_unit(u, 0xE0 | (cp >> 12));
    put_unit(u, 0x80 | ((cp >> 6) & 0x3F));
    put_unit(u, 0x80 | (cp & 0x3F));
  } else {
    put_unit(u, 0xF0 | ((cp >> 18) & 0x07));
    put_unit(u, 0x80 | ((cp >> 12) & 0x3F));
    put_unit(u, 0x80 | ((cp >> 6) & 0x3F));
    put_unit(u, 0x80 | (cp & 0x3F));
  }
}

/* Decodes one UTF-8 sequence at p (before end) into *cp; an invalid one
 * gives its first byte.  Returns the position after it. */
static const char *decode_utf8(const char *p, const char *end, uint32_t *cp) {
  unsigned char c = (unsigned char)*p;
  int extra = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (c >= 0xF8)
    extra = 0;
  if (extra == 0 || end - p <= extra) {
    *cp = c;
    return p + 1;
  }
  uint32_t v = c & (0x3F >> extra);
  for (int i = 1; i <= extra; i++) {
    unsigned char cc = (unsigned char)p[i];
    if ((cc & 0xC0) != 0x80) {
      *cp = c;
      return p + 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  *cp = v;
  return p + extra + 1;
}

/* 6.4.4.4 escape sequences (plus GNU \e).  p is after the backslash.
 * Sets *is_code_point for \u and \U, whose value is a character to be
 * encoded, not a code unit. */
static const char *decode_escape(Token *tok, const char *p, const char *end,
                                 uint32_t *value, bool *is_code_point) {
  *is_code_point = false;
  char c = *p++;
  switch (c) {
  case 'n': *value = '\n'; return p;
  case 't': *value = '\t'; return p;
  case 'r': *value = '\r'; return p;
  case 'a': *value = '\a'; return p;
  case 'b': *value = '\b'; return p;
  case 'f': *value = '\f'; return p;
  case 'v': *value = '\v'; return p;
  case 'e': case 'E': *value = 27; return p;
  default: break;
  }
  if (c >= '0' && c <= '7') {
    uint32_t v = (uint32_t)(c - '0');
    for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++)
      v = v * 8 + (uint32_t)(*p++ - '0');
    *value = v;
    return p;
  }
  if (c == 'x') {
    if (p >= end || !is_hex_digit(*p))
      error_tok(tok, "\\x used with no following hex digits");
    uint32_t v = 0;
    for (; p < end && is_hex_digit(*p); p++)
      v = v * 16 + (uint32_t)hex_value(*p);
    *value = v;
    return p;
  }
  if (c == 'u' || c == 'U') {
    int digits = c == 'u' ? 4 : 8;
    uint32_t v = 0;
    for (int i = 0; i < digits; i++, p++) {
      if (p >= end || !is_hex_digit(*p))
        error_tok(tok, "incomplete universal character name");
      v = v * 16 + (uint32_t)hex_value(*p);
    }
    *value = v;
    *is_code_point = true;
    return p;
  }
  /* \\ \' \" \? and, like gcc, any other character as itself. */
  *value = (unsigned char)c;
  return p;
}

/* Decodes the characters between the quotes into code units of `width`
 * bytes.  Source characters beyond ASCII are UTF-8; in wide literals they
 * become one character each. */
static Units decode_literal(Token *tok, const char *p, const char *end, int width) {
  Units u = {0};
  while (p < end) {
    uint32_t v;
    bool is_code_point;
    if (*p == '\\') {
      p = decode_escape(tok, p + 1, end, &v, &is_code_point);
    } else if ((unsigned char)*p >= 0x80 && width > 1) {
      p = decode_utf8(p, end, &v);
      is_code_point = true;
    } else {
      v = (unsigned char)*p++;
      is_code_point = false;
    }
    if (is_code_point)
      put_code_point(&u, v, width);
    else
      put_unit(&u, width == 4 ? v : width == 2 ? (v & 0xFFFF) : (v & 0xFF));
  }
  return u;
}

/* The encoding prefix of a literal (6.4.4.4, 6.4.5). */
typedef enum { ENC_PLAIN, ENC_UTF8, ENC_WIDE, ENC_UTF16, ENC_UTF32 } Encoding;

static int encoding_width(Encoding enc) {
  return enc == ENC_UTF16 ? 2 : (enc == ENC_WIDE || enc == ENC_UTF32) ? 4 : 1;
}

static Type *encoding_type(Encoding enc) {
  switch (enc) {
  case ENC_WIDE: return ty_int;      /* wchar_t */
  case ENC_UTF16: return ty_ushort;  /* char16_t */
  case ENC_UTF32: return ty_uint;    /* char32_t */
  default: return ty_char;
  }
}

/* 6.4.4.4p10: a plain constant's value is its char converted to int;
 * a multi-character constant packs its chars into an int, like gcc. */
static void char_value(Token *tok, Units *u, Encoding enc) {
  if (u->len == 0)
    error_tok(tok, "empty character constant");
  if (enc != ENC_PLAIN) {
    if (u->len > 1)
      warn_tok(tok, "character constant too long for its type");
    uint32_t v = u->items[0];
    tok->ival = enc == ENC_WIDE ? (int64_t)(int32_t)v : (int64_t)v;
    tok->lit_ty = encoding_type(enc);
    return;
  }
  tok->lit_ty = ty_int;
  if (u->len == 1) {
    unsigned char c = (unsigned char)u->items[0];
    tok->ival = ty_char->is_unsigned ? c : (signed char)c;
    return;
  }
  if (u->len > 4)
    warn_tok(tok, "character constant too long for its type");
  uint32_t v = 0;
  for (int i = 0; i < u->len; i++)
    v = (v << 8) | (u->items[i] & 0xFF);
  tok->ival = (int32_t)v;
}

/* Strings keep their elements as the target stores them: bytes for
 * narrow strings, 2- or 4-byte units in host order for wide ones. */
static void string_value(Token *tok, Units *u, Encoding enc) {
  int width = encoding_width(enc);
  int count = u->len + 1;
  char *bytes = xcalloc((size_t)count, (size_t)width);
  for (int i = 0; i < u->len; i++) {
    if (width == 1) {
      bytes[i] = (char)u->items[i];
    } else if (width == 2) {
      uint16_t v = (uint16_t)u->items[i];
      memcpy(bytes + 2 * i, &v, 2);
    } else {
      memcpy(bytes + 4 * i, &u->items[i], 4);
    }
  }
  tok->str = bytes;
  tok->str_len = count;
  tok->lit_ty = array_of(encoding_type(enc), count);
}

/* A character constant or string literal whose opening quote is at
 * `quote` (after any prefix starting at L->p). */
static void lex_literal(Lexer *L, const char *quote, Encoding enc) {
  const char *start = L->p;
  char q = *quote;
  const char *p = quote + 1;
  for (; *p != q; p++) {
    if (*p == '\n' || *p == '\0' || (*p == '\\' && (p[1] == '\n' || p[1] == '\0')))
      error_here(L, start, 1,
                 q == '"' ? "missing terminating \" character"
                          : "missing terminating ' character");
    if (*p == '\\')
      p++;
  }
  L->p = p + 1;
  Token *tok = add_token(L, q == '"' ? TK_STR : TK_CHAR, start,
                         (size_t)(L->p - start), NULL);
  Units u = decode_literal(tok, quote + 1, p, encoding_width(enc));
  if (q == '"')
    string_value(tok, &u, enc);
  else
    char_value(tok, &u, enc);
  free(u.items);
}

/* The encoding prefix at p if a literal starts there (u8"", L'', ...);
 * sets *quote to the quote. */
static bool literal_prefix(const char *p, Encoding *enc, const char **quote) {
  if (p[0] == '"' || p[0] == '\'') {
    *enc = ENC_PLAIN;
    *quote = p;
    return true;
  }
  if (p[0] == 'u' && p[1] == '8' && p[2] == '"') {
    *enc = ENC_UTF8;
    *quote = p + 2;
    return true;
  }
  if ((p[0] == 'L' || p[0] == 'u' || p[0] == 'U') && (p[1] == '"' || p[1] == '\'')) {
    *enc = p[0] == 'L' ? ENC_WIDE : p[0] == 'u' ? ENC_UTF16 : ENC_UTF32;
    *quote = p + 1;
    return true;
  }
  return false;
}

/* clang has no _FloatN keywords, and glibc, seeing clang, declares them as
 * typedefs (bits/floatn-common.h): with clang's preprocessor they are
 * identifiers. */
static bool is_gcc_only_keyword(const char *kw) {
  return starts_with(kw, "_Float");
}

/* The end of the token at p (not a blank, comment or line end), cut as
 * lex_token() cuts it, without its checks: an unterminated literal ends
 * at its line's end, a stray byte is one token.  For looking ahead over
 * an output line and reading -dD replacement lists. */
static const char *token_end(const char *p) {
  Encoding enc;
  const char *quote;
  if (literal_prefix(p, &enc, &quote)) {
    char q = *quote;
    for (p = quote + 1; *p != q; p++) {
      if (*p == '\n' || *p == '\0')
        return p;
      if (*p == '\\' && (p[1] == '\n' || p[1] == '\0'))
        return p + 1;
      if (*p == '\\')
        p++;
    }
    return p + 1;
  }
  if (is_digit(p[0]) || (p[0] == '.' && is_digit(p[1])))
    return number_end(p);
  if (is_ident_start(p[0])) {
    for (p++; is_ident_char(*p); p++)
      ;
    return p;
  }
  const Punct *punct = find_punct(p);
  return p + (punct ? strlen(punct->raw) : 1);
}

static void lex_identifier(Lexer *L) {
  const char *start = L->p;
  const char *p = start + 1;
  while (is_ident_char(*p))
    p++;
  L->p = p;
  size_t len = (size_t)(p - start);
  const char *kw = find_keyword(start, len);
  if (kw && L->clang && is_gcc_only_keyword(kw))
    kw = NULL;
  add_token(L, kw ? TK_KEYWORD : TK_IDENT, start, len, kw);
}

static _Noreturn void stray(Lexer *L) {
  unsigned char c = (unsigned char)*L->p;
  char shown[8];
  if (c >= 0x20 && c < 0x7F)
    snprintf(shown, sizeof shown, "%c", c);
  else
    snprintf(shown, sizeof shown, "\\%o", c);
  error_here(L, L->p, 1, format("stray '%s' in program", shown));
}

static void lex_token(Lexer *L) {
  const char *p = L->p;
  Encoding enc;
  const char *quote;
  if (literal_prefix(p, &enc, &quote)) {
    lex_literal(L, quote, enc);
    return;
  }
  if (is_digit(p[0]) || (p[0] == '.' && is_digit(p[1]))) {
    lex_number(L);
    return;
  }
  if (is_ident_start(p[0])) {
    lex_identifier(L);
    return;
  }
  const Punct *punct = find_punct(p);
  if (!punct)
    stray(L);
  size_t len = strlen(punct->raw);
  L->p += len;
  add_token(L, TK_PUNCT, p, len, punct->text);
}

/* ===================================================================== */
/* Lines starting with '#': line markers and directives                   */
/* ===================================================================== */

static void record_directive(Lexer *L, Directive *d) {
  d->from = L->file;
  d->line = L->line;
  d->seq = L->seq;
  take_comments(L, &d->lead_comments, &d->lead_comment_lines, L->line);
  vec_push(&directives, d);
}

/* The quoted file name of a line marker at p, unescaped into a static
 * buffer (cpp escapes '\\' and '"').  Returns NULL if malformed. */
static const char *marker_file_name(const char *p, const char **after,
                                    const char *current) {
  static Buf name;
  name.len = 0;
  buf_putn(&name, "", 0);
  if (*p != '"')
    return NULL;
  /* Most markers name the current file again: no copy then. */
  size_t n = strlen(current);
  if (strncmp(p + 1, current, n) == 0 && p[1 + n] == '"' &&
      !strpbrk(current, "\\\"")) {
    *after = p + n + 2;
    return current;
  }
  for (p++; *p != '"'; p++) {
    if (*p == '\n' || *p == '\0')
      return NULL;
    if (*p == '\\' && p[1] >= '0' && p[1] <= '7') {
      int v = 0;
      for (int i = 0; i < 3 && p[1] >= '0' && p[1] <= '7'; i++)
        v = v * 8 + (*++p - '0');
      buf_putc(&name, (char)v);
      continue;
    }
    if (*p == '\\' && p[1] != '\n' && p[1] != '\0')
      p++;
    buf_putc(&name, *p);
  }
  *after = p + 1;
  return name.data;
}

/* The next file the wrapper of several files includes: the next file
 * given, named as the user spelled it on the command line (clang's line
 * markers say "./a.c" for a.c). */
static void check_input_end(Lexer *L);

static SrcFile *enter_input(Lexer *L, const char *cpp_name) {
  check_input_end(L);
  int k = L->inputs_entered++;
  const char *path = k < L->inputs->len ? L->inputs->items[k] : cpp_name;
  SrcFile *f = find_or_add_file(path);
  if (!str_eq(f->name, cpp_name) && !f->cpp_name)
    f->cpp_name = xstrdup(cpp_name);
  f->is_main = true;
  f->is_system = false;
  L->input = f;
  InputStart *start = new_of(InputStart);
  *start = (InputStart){.input = f, .seq = L->seq};
  vec_push(&L->input_starts, start);
  return f;
}

/* `# N "file" flags` or `#line N "file"`: the next line is line N of file.
 * Flags: 1 entering an #include, 2 returning, 3 system header. */
static void line_marker(Lexer *L, const char *p) {
  long n = 0;
  for (; is_digit(*p); p++)
    if (n < INT_MAX / 16)
      n = n * 10 + (*p - '0');
  while (is_blank(*p))
    p++;
  const char *after = p;
  const char *name = marker_file_name(p, &after, L->file->name);
  p = after;
  bool entering = false, system = false;
  for (;;) {
    while (is_blank(*p))
      p++;
    if (!is_digit(*p))
      break;
    entering |= p[0] == '1' && !is_digit(p[1]);
    system |= p[0] == '3' && !is_digit(p[1]);
    while (is_digit(*p))
      p++;
  }
  if (name) {
    int known = files.len;
    SrcFile *f;
    if (L->wrapper && entering && L->file == L->wrapper && !is_pseudo_file(name)) {
      f = enter_input(L, name);
    } else {
      /* clang puts the wrapper's directory "./" before the names it
       * makes relative to a file given ("./d/a.c" includes "./d/h.h"):
       * without it they are the names clang gives when a.c is alone */
      if (L->wrapper && L->clang && starts_with(name, "./"))
        name += 2;
      f = name == L->file->name ? L->file : find_or_add_file(name);
    }
    /* Flag 3 makes a file a system header when it is entered or first
     * seen.  gcc also writes `# 47 "prog.c" 3 4` ... `# 47 "prog.c"`
     * around the expansion of a system header's macro (stdout, va_start)
     * in the user's file: that stretch is still the user's. */
    if (system && (entering || files.len > known))
      f->is_system = true;
    if (L->wrapper && entering && !f->is_system) {
      Entry *e = new_of(Entry);
      *e = (Entry){.file = f, .input = L->input, .include = L->include,
                   .from_wrapper = f == L->input && L->file == L->wrapper};
      vec_push(&L->entries, e);
    }
    /* The file the user's last #include line (-dI) names; a marker to
     * another file without flag 1 means it entered none (an include
     * guard or #pragma once skipped it). */
    if (entering && L->include && !is_pseudo_file(f->name))
      L->include->to = f;
    if (entering || f != L->file)
      L->include = NULL;
    L->file = f;
    L->user = !f->is_system;
  }
  L->line = (int)n - 1; /* the marker's own line break makes it n */
}

/* The directive's text: from '#' to the end of the line, without trailing
 * blanks. */
static char *directive_text(const char *hash, const char *eol) {
  while (eol > hash && is_blank(eol[-1]))
    eol--;
  return xstrndup(hash, (size_t)(eol - hash));
}

/* #define / #undef from -dD, kept for the user's files only. */
static void record_macro(Lexer *L, DirectiveKind kind, const char *hash,
                         const char *name, const char *eol) {
  while (is_blank(*name))
    name++;
  const char *end = name;
  while (is_ident_char(*end))
    end++;
  Directive *d = new_of(Directive);
  d->kind = kind;
  d->macro = xstrndup(name, (size_t)(end - name));
  d->text = directive_text(hash, eol);
  record_directive(L, d);
}

/* Does the directive at p have name `word` (followed by a non-identifier
 * character)? */
static bool directive_is(const char *p, const char *word) {
  size_t n = strlen(word);
  return strncmp(p, word, n) == 0 && !is_ident_char(p[n]);
}

/* An #include (#include_next, #import) line, which -dI writes just
 * before cpp does the include, also for one that an include guard or
 * #pragma once makes it skip: in a user file it is the user's #include,
 * as cpp spells it (the header name after macro expansion).  gcc keeps a
 * comment on it (-C), which may go on over lines; clang drops it and adds
 * one of its own.  p is at the directive's name.  Leaves L->p at the line
 * break that ends it. */
static void lex_include(Lexer *L, const char *hash, const char *p, const char *eol) {
  while (is_ident_char(*p))
    p++;
  while (is_blank(*p))
    p++;
  /* Over the header name (it may hold a slash and a star), then find a
   * comment that goes on past the line's end. */
  char close = *p == '<' ? '>' : *p == '"' ? '"' : '\0';
  if (close && p < eol) {
    const char *q = memchr(p + 1, close, (size_t)(eol - p - 1));
    p = q ? q + 1 : eol;
  }
  const char *end = eol;
  for (; p + 1 < end; p++) {
    if (p[0] != '/' || p[1] != '*')
      continue;
    const char *done = strstr(p + 2, "*/");
    if (!done) {
      end = p + strlen(p);
      break;
    }
    p = done + 1;
    if (p >= end)
      end = done + 2 + strcspn(done + 2, "\n");
  }
  L->p = end;
  if (L->user) {
    Directive *d = new_of(Directive);
    d->kind = DIR_INCLUDE;
    d->text = directive_text(hash, end);
    const char *mark = " /* clang -E -dI */";
    size_t n = strlen(d->text), m = strlen(mark);
    if (n > m && str_eq(d->text + n - m, mark))
      d->text[n - m] = '\0';
    record_directive(L, d);
    L->include = d;
  }
  for (const char *q = eol; q < end; q++) {
    if (*q == '\n') {
      L->line++;
      L->line_start = q + 1;
    }
  }
}

/* A line of cpp's output starting with '#' (at `hash`).  Leaves L->p at
 * the line break.  -dD writes hundreds of #defines from <built-in> and
 * system headers: those lines are skipped with one memchr. */
static void lex_directive(Lexer *L, const char *hash) {
  const char *eol = strchr(hash, '\n');
  if (!eol)
    eol = hash + strlen(hash);
  L->p = eol;
  const char *p = hash + 1;
  while (is_blank(*p))
    p++;
  if (is_digit(*p)) {
    line_marker(L, p);
    return;
  }
  if (directive_is(p, "line")) {
    p += 4;
    while (is_blank(*p))
      p++;
    line_marker(L, p);
    return;
  }
  if (L->file->name[0] == '<' && directive_is(p, "define") &&
      directive_is(p + 6 + strspn(p + 6, " \t"), "__clang__"))
    L->clang = true;
  if (directive_is(p, "define"))
    note_macro(L->file, true, p + 6, eol);
  else if (directive_is(p, "undef"))
    note_macro(L->file, false, p + 5, eol);
  else if (directive_is(p, "include") || directive_is(p, "include_next") ||
           directive_is(p, "import")) {
    /* -dI: the lines of system headers too, for a comment that goes on. */
    lex_include(L, hash, p, eol);
    return;
  }
  if (!L->user)
    return;
  if (directive_is(p, "define")) {
    record_macro(L, DIR_DEFINE, hash, p + 6, eol);
  } else if (directive_is(p, "undef")) {
    record_macro(L, DIR_UNDEF, hash, p + 5, eol);
  } else if (directive_is(p, "pragma")) {
    add_token(L, TK_PRAGMA, hash, 1, directive_text(hash, eol));
  }
  /* #ident, #sccs, #assert...: nothing the printer needs. */
}

/* ===================================================================== */
/* The driver                                                             */
/* ===================================================================== */

static void new_line(Lexer *L) {
  L->p++;
  L->line++;
  L->line_start = L->p;
  L->at_line_start = true;
  L->at_bol = true;
  L->space_before = true;
  L->newline_since_tok = true;
  L->realign_reset = true;
}

static void lex_all(Lexer *L) {
  for (;;) {
    if (L->at_line_start) {
      L->at_line_start = false;
      const char *p = L->p;
      while (is_blank(*p))
        p++;
      if (*p == '#') {
        lex_directive(L, p);
        continue;
      }
    }
    char c = *L->p;
    if (c == '\0')
      return;
    if (c == '\n') {
      new_line(L);
    } else if (is_blank(c)) {
      L->p++;
      L->space_before = true;
    } else if (c == '/' && (L->p[1] == '*' || L->p[1] == '/')) {
      lex_comment(L);
    } else {
      lex_token(L);
    }
  }
}

/* File 0 is the file cpp read: the main file, or with several inputs
 * the wrapper cpp_run_program gave it, which is no user file. */
static void reset_state(const char *main_path, bool wrapper) {
  if (!keyword_table_ready)
    init_keyword_table();
  files = (Vec){0};
  line_indexes = (Vec){0};
  directives = (Vec){0};
  macro_slots = NULL;
  macro_cap = macro_count = 0;
  SrcFile *main_file = add_file(main_path ? main_path : "<stdin>");
  main_file->is_main = !wrapper;
  main_file->is_system = wrapper;
}

/* The place of a directive, for messages: its '#' on its line. */
static Token *directive_place(Directive *d) {
  Token *t = new_of(Token);
  t->file = d->from;
  t->line = d->line;
  t->col = 1;
  const char *text = srcfile_contents(d->from);
  const char *line = text ? text : "";
  for (int n = 1; n < d->line && (line = strchr(line, '\n')); n++)
    line++;
  if (line && text)
    t->col = (int)strspn(line, " \t") + 1;
  return t;
}

/* "NH_H" for "include/nh.h": a name for an include guard. */
static char *guard_name(const char *path) {
  const char *base = strrchr(path, '/');
  char *name = xstrdup(base ? base + 1 : path);
  for (char *p = name; *p; p++)
    *p = is_ident_char(*p) && (unsigned char)*p < 0x80
             ? (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p)
             : '_';
  return is_digit(name[0]) ? format("_%s", name) : name;
}

/* The Entry of file under input, or NULL. */
static Entry *find_entry(Lexer *L, SrcFile *file, SrcFile *input) {
  for (int i = 0; i < L->entries.len; i++) {
    Entry *e = L->entries.items[i];
    if (e->file == file && e->input == input && (e->include || e->from_wrapper))
      return e;
  }
  return NULL;
}

/* file defines things under input `first` and again under `again`. */
static void report_twice(Lexer *L, SrcFile *file, SrcFile *first_input, SrcFile *again_input) {
  Entry *first = find_entry(L, file, first_input);
  Entry *again = find_entry(L, file, again_input);
  if (!first || !again)
    return; /* entered some other way (from a system header): the parser says it */
  const char *name = file->name;
  Entry *given = first->from_wrapper ? first : again->from_wrapper ? again : NULL;
  if (given) {
    /* a file given that another one includes */
    Entry *other = given == first ? again : first;
    error_tok_noexit(directive_place(other->include),
                     "'%s' is one of the files given, and '%s' includes it too: cotan reads "
                     "the files as one program, where its definitions would appear twice",
                     name, other->input->name);
    note_tok(NULL, "leave '%s' off the command line: '%s' includes it", name,
             other->input->name);
  } else {
    error_tok_noexit(directive_place(again->include),
                     "'%s' has no include guard, and both '%s' and '%s' include it: cotan "
                     "reads the files as one program, where its definitions would appear twice",
                     name, first->input->name, again->input->name);
    note_tok(directive_place(first->include), "'%s' is first included here", name);
    char *guard = guard_name(name);
    note_tok(NULL, "give '%s' an include guard: '#ifndef %s' and '#define %s' at its top, "
             "'#endif' at its end", name, guard, guard);
  }
  exit(EXIT_INPUT_ERROR);
}

/* Several files given, read as one program: a user file whose definitions
 * cpp read under two of them (a header with no include guard that both
 * include, or a file given that another one #includes) would define them
 * twice.  Reported at the second #include rather than as redefinitions
 * inside the file, which would not say why.  Only definitions count: a
 * header of prototypes may be read twice. */
static void check_entries(Lexer *L, Token *tokens) {
  /* for each file: the first input under which it defines something at
   * file scope (a '{': a function body, a struct, union or enum body, an
   * initializer; or an '='), and another one, if any */
  SrcFile **first = xcalloc((size_t)files.len, sizeof(SrcFile *));
  SrcFile **again = xcalloc((size_t)files.len, sizeof(SrcFile *));
  int braces = 0, parens = 0, next_start = 0;
  SrcFile *input = NULL;
  for (Token *t = tokens; t && t->kind != TK_EOF; t = t->next) {
    while (next_start < L->input_starts.len &&
           ((InputStart *)L->input_starts.items[next_start])->seq <= t->seq)
      input = ((InputStart *)L->input_starts.items[next_start++])->input;
    if (t->kind != TK_PUNCT)
      continue;
    if (braces == 0 && input && !t->file->is_system &&
        (tok_is(t, "{") || (parens == 0 && tok_is(t, "=")))) {
      int i = t->file->index;
      if (!first[i])
        first[i] = input;
      else if (first[i] != input && !again[i])
        again[i] = input;
    }
    braces += tok_is(t, "{") - tok_is(t, "}");
    parens += tok_is(t, "(") - tok_is(t, ")");
    if (braces < 0 || parens < 0)
      return; /* unbalanced: the parser reports it */
  }
  /* A file given that another includes first: it explains the others. */
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < files.len; i++) {
      SrcFile *f = files.items[i];
      if (again[i] && f->is_main == (pass == 0))
        report_twice(L, f, first[i], again[i]);
    }
}

/* The first file given (the input is empty): line 1, column 1 there. */
static SrcFile *first_main_file(void) {
  for (int i = 0; i < files.len; i++)
    if (((SrcFile *)files.items[i])->is_main)
      return files.items[i];
  return files.items[0];
}

static Token *lex_files_given(const char *preprocessed, const char *main_path, const Vec *inputs) {
  bool wrapper = inputs != NULL;
  reset_state(wrapper ? "<stdin>" : main_path, wrapper);
  Lexer lexer = {0};
  Lexer *L = &lexer;
  L->p = preprocessed ? preprocessed : "";
  L->line_start = L->p;
  L->file = files.items[0];
  L->wrapper = wrapper ? L->file : NULL;
  L->inputs = inputs;
  L->line = 1;
  L->user = !wrapper;
  L->at_line_start = true;
  L->at_bol = true;
  L->newline_since_tok = true;
  L->realign_reset = true;
  L->tail = &L->head;
  lex_all(L);
  if (L->macro_tok)
    settle_macro(L, NULL, NULL);
  free(L->align.tail);

  /* The end of input is just after the main file's last token, where gcc
   * reports it (line 1, column 1 if there is none). */
  Token *eof = new_of(Token);
  eof->kind = TK_EOF;
  eof->text = "";
  eof->file = L->has_end ? L->end_file : first_main_file();
  eof->line = L->has_end ? L->end_line : 1;
  eof->col = L->has_end ? L->end_col : 1;
  eof->at_bol = L->at_bol;
  eof->seq = L->seq++;
  /* The comments after the last token lead the end of input, which now
   * stands before them: their line breaks are counted to eof->line, so
   * that, as for any token, eof->line minus the breaks and the comments'
   * own line breaks gives each comment's line.  The last count is then
   * negative (-1 for comments on the last token's line). */
  int n = L->pending.len;
  take_comments(L, &eof->lead_comments, &eof->lead_comment_lines, L->line);
  if (n > 0) {
    int *last = &eof->lead_comment_lines[n - 1];
    *last -= L->line - eof->line;
    if (*last >= 0)
      *last = -1;
  }
  L->tail->next = eof;
  if (wrapper)
    check_entries(L, L->head.next);
  return L->head.next;
}

Token *lex(const char *preprocessed, const char *main_path) {
  return lex_files_given(preprocessed, main_path, NULL);
}

Token *lex_program(const char *preprocessed, const Vec *paths) {
  if (paths->len == 1)
    return lex(preprocessed, paths->items[0]);
  return lex_files_given(preprocessed, NULL, paths);
}
