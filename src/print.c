/*
 * print.c: the AST back to formatted C, and every C spelling of a type.
 *
 * The layout is K&R: a function's opening brace on its own line, control
 * statements' braces on the header line, `} else {`, 4-space indentation,
 * one statement per line.  What the user wrote is kept where the AST
 * remembers it: braces or their absence, blank lines, comments, their own
 * parentheses, the spelling of numbers and typedef names.
 *
 * Comments ride on tokens (cotan.h, lex.c): lead comments belong to the
 * token after them, a trailing comment to the token before it on the same
 * line.  The first token of a statement is found in the token stream (the
 * token after the previous statement's last one); its lead comments are
 * printed on the lines above it.  Trailing comments are queued and written
 * at the next line break, so code never lands after a `//`.
 *
 * Parentheses: C precedence and associativity decide the minimum; the
 * user's own (`parenthesized`) are kept; and the ones gcc's and clang's
 * -Wparentheses ask for are added, so the output compiles warning-free.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>

/* ===================================================================== */
/* A set of pointers (membership only, so it never decides an order)    */
/* ===================================================================== */

typedef struct PtrSet {
  const void **slots;
  size_t cap; /* a power of two, or 0 */
  size_t len;
} PtrSet;

static size_t ptr_hash(const void *ptr) {
  uint64_t x = (uint64_t)(uintptr_t)ptr;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

static bool set_has(const PtrSet *set, const void *ptr) {
  if (!set->cap)
    return false;
  for (size_t i = ptr_hash(ptr) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
    if (!set->slots[i])
      return false;
    if (set->slots[i] == ptr)
      return true;
  }
}

static bool set_add(PtrSet *set, const void *ptr);

static void set_grow(PtrSet *set) {
  PtrSet bigger = {0};
  bigger.cap = set->cap ? set->cap * 2 : 64;
  bigger.slots = xcalloc(bigger.cap, sizeof(void *));
  for (size_t i = 0; i < set->cap; i++)
    if (set->slots[i])
      set_add(&bigger, set->slots[i]);
  free(set->slots);
  *set = bigger;
}

/* Adds ptr; false if it was there already. */
static bool set_add(PtrSet *set, const void *ptr) {
  if (!ptr || set_has(set, ptr))
    return false;
  if ((set->len + 1) * 2 > set->cap)
    set_grow(set);
  size_t i = ptr_hash(ptr) & (set->cap - 1);
  while (set->slots[i])
    i = (i + 1) & (set->cap - 1);
  set->slots[i] = ptr;
  set->len++;
  return true;
}

/* ===================================================================== */
/* The printer and its output primitives                                 */
/* ===================================================================== */

enum { INDENT_WIDTH = 4, LINE_LIMIT = 80, ALIGN_LIMIT = 48 };

typedef struct Printer {
  Buf *out;
  bool comments;      /* re-emit the user's comments */
  int level;          /* indentation of the statement being printed, for ({ ... }) */
  Vec pending;        /* Token *: trailing comments to write at the next line break */
  PtrSet lead_done;   /* tokens whose lead comments were printed */
  PtrSet trail_done;  /* tokens whose trailing comment was printed */
  PtrSet bodies_done; /* StructDef / EnumDef bodies printed inside another body */
  bool flat;          /* measuring: everything on one line */
  int cont;           /* column of continuation lines inside call arguments, 0: default */

  struct MacroNames *macros; /* NULL: print macro expansions as they are */
  struct TopLevel *top;      /* whole-file printing: the directives still to print, which
                                function bodies print where they stood; else NULL */
} Printer;

/* Macro names: a token that is the whole expansion of a one-token macro
 * (Token.macro) prints as the macro's name when the printed program is
 * sure to have the same definition in force there. */
typedef struct MacroNames {
  Vec *directives;    /* the unit's directives */
  int item_seq;       /* the directives numbered up to this are printed (whole file) */
  bool only_func;     /* -f: user #defines are printed only if used... */
  Vec used_defines;   /* ...and these are the ones used (Directive *) */
} MacroNames;

/* While print_unit runs: the scratch printers that measure or build text
 * deep inside declarators (array lengths) have no parent printer to ask. */
static MacroNames *active_macros;

static void put(Printer *p, const char *s) { buf_puts(p->out, s); }

static void putf(Printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Printer *p, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(p->out, fmt, ap);
  va_end(ap);
}

static bool at_line_start(Printer *p) {
  return p->out->len == 0 || p->out->data[p->out->len - 1] == '\n';
}

static int column(Printer *p) {
  size_t i = p->out->len;
  while (i > 0 && p->out->data[i - 1] != '\n')
    i--;
  return (int)(p->out->len - i);
}

/* Indents to `level` if at the start of a line (after a same-line lead
 * comment such as `/ * x * / code` the cursor is already placed). */
static void indent(Printer *p, int level) {
  if (!at_line_start(p))
    return;
  for (int i = 0; i < level * INDENT_WIDTH; i++)
    buf_putc(p->out, ' ');
}

static void put_trail_comment(Printer *p, Token *tok);

/* Ends the line: queued trailing comments first, trailing spaces never. */
static void newline(Printer *p) {
  for (int i = 0; i < p->pending.len; i++) {
    put(p, " ");
    put_trail_comment(p, vec_get(Token, &p->pending, i));
  }
  p->pending.len = 0;
  while (p->out->len > 0 && p->out->data[p->out->len - 1] == ' ')
    p->out->data[--p->out->len] = '\0';
  buf_putc(p->out, '\n');
}

/* Makes the previous line blank, once (never at the start of output). */
static void blank_line(Printer *p) {
  Buf *b = p->out;
  if (b->len == 0 || (b->len >= 2 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n'))
    return;
  if (b->data[b->len - 1] != '\n')
    newline(p);
  buf_putc(b, '\n');
}

/* Inserts one byte at `at` (to keep `- -x` from becoming `--x`). */
static void insert_char(Buf *b, size_t at, char c) {
  buf_putc(b, ' ');
  memmove(b->data + at + 1, b->data + at, b->len - 1 - at);
  b->data[at] = c;
}

static void remove_char(Buf *b, size_t at) {
  memmove(b->data + at, b->data + at + 1, b->len - at);
  b->len--;
}

/* Forgets what was printed after `mark` (to retry a layout). */
static void rollback(Printer *p, size_t mark) {
  p->out->len = mark;
  if (p->out->data)
    p->out->data[mark] = '\0';
}

/* A scratch printer writing into its own buffer, for pieces whose text is
 * needed as a string (declarators, types). */
static Printer scratch_printer(Buf *b, int level) {
  Printer p = {0};
  p.out = b;
  p.level = level;
  p.macros = active_macros;
  return p;
}

/* ===================================================================== */
/* Tokens and comments                                                    */
/* ===================================================================== */

static bool is_block_comment(const char *text) { return text[0] == '/' && text[1] == '*'; }

static int count_newlines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* The source line where the text belonging to `tok` starts: its first
 * lead comment's line, or its own. */
static int start_line(const Token *tok) {
  int line = tok->line;
  for (int i = 0; i < tok->lead_comments.len; i++) {
    line -= count_newlines(vec_get(char, &tok->lead_comments, i));
    line -= tok->lead_comment_lines ? tok->lead_comment_lines[i] : 1;
  }
  return line;
}

/* Did the source have a blank line between `end` and the text of `start`? */
static bool source_gap(const Token *end, const Token *start) {
  if (!end || !start || end->file != start->file)
    return false;
  int end_line = end->line + (end->trail_comment ? count_newlines(end->trail_comment) : 0);
  return start_line(start) > end_line + 1;
}

/* Prints a comment where the cursor is.  Continuation lines of a block
 * comment move by as much as the comment moved: it stood at column
 * `orig_indent` (0-based) and now stands at the current column. */
static void put_comment(Printer *p, const char *text, int orig_indent) {
  int new_indent = column(p);
  const char *line = text;
  for (bool first = true;; first = false) {
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    while (len > 0 && line[len - 1] == '\r')
      len--;
    if (first) {
      buf_putn(p->out, line, len);
    } else {
      size_t ws = 0;
      while (ws < len && (line[ws] == ' ' || line[ws] == '\t'))
        ws++;
      if (ws < len) {
        int extra = (int)ws - orig_indent;
        for (int i = 0; i < new_indent + (extra > 0 ? extra : 0); i++)
          buf_putc(p->out, ' ');
        buf_putn(p->out, line + ws, len - ws);
      }
    }
    if (!nl)
      break;
    buf_putc(p->out, '\n');
    line = nl + 1;
  }
}

/* The source line where lead comment `i` of `tok` starts. */
static int lead_comment_line(const Token *tok, int i) {
  int line = tok->line;
  for (int k = tok->lead_comments.len - 1; k >= i; k--) {
    line -= count_newlines(vec_get(char, &tok->lead_comments, k));
    line -= tok->lead_comment_lines ? tok->lead_comment_lines[k] : 1;
  }
  return line;
}

/* The 0-based column where a multi-line comment starts on `line` of
 * `file`, looked up in the original text (its continuation lines are
 * indented relative to it); `fallback` if it cannot be found.  One-line
 * comments need no column. */
static int comment_column(SrcFile *file, int line, const char *text, int fallback) {
  if (fallback < 0)
    fallback = 0;
  if (!strchr(text, '\n') || !file || line < 1)
    return fallback;
  const char *src = srcfile_contents(file);
  for (int l = 1; src && l < line; l++) {
    src = strchr(src, '\n');
    if (src)
      src++;
  }
  if (!src)
    return fallback;
  size_t line_len = strcspn(src, "\n");
  size_t first_len = strcspn(text, "\n");
  for (size_t i = 0; i + first_len <= line_len; i++)
    if (strncmp(src + i, text, first_len) == 0)
      return (int)i;
  return fallback;
}

static void put_trail_comment(Printer *p, Token *tok) {
  const char *text = tok->trail_comment;
  put_comment(p, text, comment_column(tok->file, tok->line, text, tok->col + tok->len));
}

/* Prints the comments before `tok` on their own lines at `level`, keeping
 * a blank line the user left after one, and a block comment the user put
 * on the code's line (`/ * x * / code`) on that line. */
static void put_lead_comments(Printer *p, Token *tok, int level) {
  if (!p->comments || !tok || !tok->lead_comments.len || !set_add(&p->lead_done, tok))
    return;
  for (int i = 0; i < tok->lead_comments.len; i++) {
    char *text = vec_get(char, &tok->lead_comments, i);
    int breaks = tok->lead_comment_lines ? tok->lead_comment_lines[i] : 1;
    indent(p, level);
    put_comment(p, text, comment_column(tok->file, lead_comment_line(tok, i), text, tok->col - 1));
    if (breaks == 0 && is_block_comment(text)) {
      put(p, " ");
      continue;
    }
    newline(p);
    if (breaks >= 2)
      blank_line(p);
  }
}

/* Queues the comment after `tok` for the end of the current line. */
static void note_trail(Printer *p, Token *tok) {
  if (!p->comments || !tok || !tok->trail_comment || !set_add(&p->trail_done, tok))
    return;
  vec_push(&p->pending, tok);
}

enum { TOKEN_SCAN_LIMIT = 100000 };

/* The token whose `next` is `target`, searching forward from `from`. */
static Token *tok_before(Token *from, Token *target) {
  if (!from || !target || from->seq >= target->seq)
    return NULL;
  for (int n = 0; from && n < TOKEN_SCAN_LIMIT; from = from->next, n++) {
    if (from->next == target)
      return from;
    if (from->seq > target->seq)
      return NULL;
  }
  return NULL;
}

/* The first token spelled `s` at bracket depth 0 from `from` on, not
 * going past a token with seq `limit` (-1: no limit).  Closing brackets
 * of an enclosing construct do not end the scan, they only clamp depth. */
static Token *find_at_depth(Token *from, const char *s, int limit) {
  int depth = 0;
  for (int n = 0; from && from->kind != TK_EOF && n < TOKEN_SCAN_LIMIT; from = from->next, n++) {
    if (limit >= 0 && from->seq > limit)
      return NULL;
    if (depth == 0 && from->kind == TK_PUNCT && tok_is(from, s))
      return from;
    if (from->kind != TK_PUNCT)
      continue;
    if (tok_is(from, "(") || tok_is(from, "[") || tok_is(from, "{"))
      depth++;
    else if ((tok_is(from, ")") || tok_is(from, "]") || tok_is(from, "}")) && depth > 0)
      depth--;
  }
  return NULL;
}

/* The `)` closing the first `(` at or after `from` (a statement header). */
static Token *header_close_paren(Token *from) {
  Token *open = from;
  for (int n = 0; open && n < 8 && !tok_is(open, "("); n++)
    open = open->next;
  if (!open || !tok_is(open, "("))
    return NULL;
  return find_at_depth(open->next, ")", -1);
}

/* ===================================================================== */
/* Expressions: precedence                                                */
/* ===================================================================== */

enum {
  PREC_COMMA = 1,
  PREC_ASSIGN,
  PREC_COND,
  PREC_LOGOR,
  PREC_LOGAND,
  PREC_BITOR,
  PREC_BITXOR,
  PREC_BITAND,
  PREC_EQ,
  PREC_REL,
  PREC_SHIFT,
  PREC_ADD,
  PREC_MUL,
  PREC_UNARY,   /* prefix operators and casts */
  PREC_POSTFIX,
  PREC_PRIMARY,
};

/* A binary operator's spelling and precedence; NULL if not one. */
static const char *binary_op(NodeKind kind, int *prec) {
  switch (kind) {
  case ND_MUL: *prec = PREC_MUL; return "*";
  case ND_DIV: *prec = PREC_MUL; return "/";
  case ND_MOD: *prec = PREC_MUL; return "%";
  case ND_ADD: *prec = PREC_ADD; return "+";
  case ND_SUB: *prec = PREC_ADD; return "-";
  case ND_SHL: *prec = PREC_SHIFT; return "<<";
  case ND_SHR: *prec = PREC_SHIFT; return ">>";
  case ND_LT: *prec = PREC_REL; return "<";
  case ND_LE: *prec = PREC_REL; return "<=";
  case ND_GT: *prec = PREC_REL; return ">";
  case ND_GE: *prec = PREC_REL; return ">=";
  case ND_EQ: *prec = PREC_EQ; return "==";
  case ND_NE: *prec = PREC_EQ; return "!=";
  case ND_BITAND: *prec = PREC_BITAND; return "&";
  case ND_BITXOR: *prec = PREC_BITXOR; return "^";
  case ND_BITOR: *prec = PREC_BITOR; return "|";
  case ND_LOGAND: *prec = PREC_LOGAND; return "&&";
  case ND_LOGOR: *prec = PREC_LOGOR; return "||";
  default: return NULL;
  }
}

/* The operator of `x op= y` (ND_NONE: plain `=`). */
static const char *assign_op(NodeKind op) {
  int prec;
  if (op == ND_NONE)
    return "=";
  const char *bin = binary_op(op, &prec);
  return bin ? format("%s=", bin) : "=";
}

/* GNU forms that -pedantic flags in the user's code, although the source
 * had them from a system header's macro (complex.h's I, assert's
 * __PRETTY_FUNCTION__) or under `__extension__`, which the parser does not
 * keep: they print under `__extension__`. */
static bool needs_extension(Node *e) {
  if (e->kind == ND_STMT_EXPR)
    return true;
  if (e->kind == ND_FUNC_NAME)
    return e->tok && !str_eq(e->tok->text, "__func__");
  if (e->kind == ND_NUM && e->tok && e->ty && is_complex(e->ty))
    return true;
  return false;
}

static int expr_prec(Node *e) {
  int prec;
  if (needs_extension(e))
    return PREC_UNARY;
  if (binary_op(e->kind, &prec))
    return prec;
  switch (e->kind) {
  case ND_COMMA: return PREC_COMMA;
  case ND_ASSIGN: return PREC_ASSIGN;
  case ND_COND: return PREC_COND;
  case ND_NEG: case ND_PLUS: case ND_NOT: case ND_BITNOT: case ND_ADDR: case ND_DEREF:
  case ND_PRE_INC: case ND_PRE_DEC: case ND_CAST: case ND_SIZEOF: case ND_ALIGNOF:
    return PREC_UNARY;
  case ND_INDEX: case ND_MEMBER: case ND_ARROW: case ND_CALL:
  case ND_POST_INC: case ND_POST_DEC: case ND_COMPOUND_LIT:
    return PREC_POSTFIX;
  case ND_NUM:
    /* A synthesized negative constant reads like unary minus. */
    return e->tok && e->tok->text[0] == '-' ? PREC_UNARY : PREC_PRIMARY;
  default:
    return PREC_PRIMARY;
  }
}

static bool is_comparison(NodeKind k) {
  return k == ND_LT || k == ND_LE || k == ND_GT || k == ND_GE || k == ND_EQ || k == ND_NE;
}

static bool is_additive(NodeKind k) { return k == ND_ADD || k == ND_SUB; }

/* Parentheses gcc's and clang's -Wparentheses (and -Wlogical-not-
 * parentheses) want around an operand although precedence does not:
 * `a && b || c`, `a + b << c`, `a & b | c`, `a == b & c`, `a < b < c`,
 * `!a == b`. */
static bool wants_warning_parens(NodeKind parent, Node *child, bool is_lhs) {
  NodeKind k = child->kind;
  if (is_lhs && k == ND_NOT &&
      (is_comparison(parent) || parent == ND_BITAND || parent == ND_BITOR))
    return true;
  switch (parent) {
  case ND_LOGOR:
    return k == ND_LOGAND;
  case ND_SHL: case ND_SHR:
    return is_additive(k);
  case ND_BITOR:
    return k == ND_BITAND || k == ND_BITXOR || is_additive(k) || is_comparison(k);
  case ND_BITXOR:
    return k == ND_BITAND || is_additive(k) || is_comparison(k);
  case ND_BITAND:
    return is_additive(k) || is_comparison(k);
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE: case ND_GT: case ND_GE:
    return is_comparison(k);
  default:
    return false;
  }
}

static bool looks_boolean(Node *e) {
  return is_comparison(e->kind) || e->kind == ND_LOGAND || e->kind == ND_LOGOR ||
         e->kind == ND_NOT;
}

/* clang: `x + (a == b) ? c : d` reads as if ?: bound tighter. */
static bool cond_wants_parens(Node *cond) {
  int prec;
  return !cond->parenthesized && binary_op(cond->kind, &prec) && prec >= PREC_BITOR &&
         !is_comparison(cond->kind) && looks_boolean(cond->rhs);
}

/* ===================================================================== */
/* Expressions: printing                                                  */
/* ===================================================================== */

static void put_expr_bare(Printer *p, Node *e);
static void put_init(Printer *p, Node *init, int level);
static void put_type_name(Printer *p, Type *ty, const char *name);
static void put_block_inner(Printer *p, Node *blk, int inner_level, int close_level);

/* Prints `e` in a place that needs precedence `min`, with parentheses if
 * it binds looser, if the user wrote them, or if `force`. */
static bool is_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Does the source line of the token use the identifier `name`?  The
 * tokens of a multi-token macro's expansion carry the line where it is
 * used (not always its column). */
static bool source_spells(const Token *tok, const char *name) {
  const char *line = source_line_text(tok);
  size_t n = strlen(name);
  for (const char *at = line ? strstr(line, name) : NULL; at; at = strstr(at + 1, name)) {
    char before = at == line ? ' ' : at[-1], after = at[n];
    if (!is_ident_char(before) && !is_ident_char(after))
      return true;
  }
  return false;
}

static void put_operand(Printer *p, Node *e, int min, bool force) {
  /* ((void *)0) where the user wrote NULL: NULL */
  if (e->kind == ND_CAST && e->parenthesized && is_null_pointer_constant(e) &&
      source_spells(e->tok, "NULL")) {
    put(p, "NULL");
    return;
  }
  bool self_delimited = e->kind == ND_STMT_EXPR; /* `({ })` has its own */
  bool paren = !self_delimited && (force || e->parenthesized || expr_prec(e) < min);
  if (paren)
    put(p, "(");
  put_expr_bare(p, e);
  if (paren)
    put(p, ")");
}

static void put_expr(Printer *p, Node *e, int min) { put_operand(p, e, min, false); }

/* A prefix operator and its operand, keeping `- -x` and `+ +x` apart. */
static void put_prefix(Printer *p, const char *op, Node *operand) {
  put(p, op);
  size_t at = p->out->len;
  put_operand(p, operand, PREC_UNARY, false);
  char last = op[strlen(op) - 1];
  if ((last == '-' || last == '+' || last == '&') && p->out->data[at] == last)
    insert_char(p->out, at, ' ');
}

/* `sizeof x`, `sizeof(x)`, `_Alignof(T)`: a type always in parentheses,
 * an expression without a space when it prints its own parentheses. */
static void put_sizeof_like(Printer *p, const char *keyword, Node *e) {
  put(p, keyword);
  if (!e->lhs) {
    put(p, "(");
    put_type_name(p, e->type_arg, "");
    put(p, ")");
    return;
  }
  put(p, " ");
  size_t at = p->out->len;
  /* `sizeof (T)x` and `sizeof (T){...}` would read as sizeof(T). */
  bool force = e->lhs->kind == ND_CAST || e->lhs->kind == ND_COMPOUND_LIT;
  put_operand(p, e->lhs, PREC_UNARY, force);
  if (p->out->data[at] == '(')
    remove_char(p->out, at - 1);
}

/* Long expressions break at call arguments and binary operators, decided
 * top-down from each operand's one-line width: a call's arguments fill
 * lines aligned after its `(`, a binary operator that would overflow ends
 * its line and the right operand continues on the next, so breaks fall at
 * the loosest-binding operators first. */

/* The width of an operand printed on one line; 0 if it spans lines anyway
 * (a statement expression). */
static int operand_width(Printer *p, Node *e, int min, bool force) {
  Buf b = {0};
  Printer m = scratch_printer(&b, p->level);
  m.flat = true;
  put_operand(&m, e, min, force);
  int width = b.data && !strchr(b.data, '\n') ? (int)b.len : 0;
  free(b.data);
  return width;
}

/* Where continuation lines start: inside a call's arguments, after its
 * `(`; else two levels in from the statement. */
static int continuation_column(Printer *p) {
  return p->cont > 0 ? p->cont : (p->level + 2) * INDENT_WIDTH;
}

/* Ends the line and pads to the continuation column. */
static void continue_line(Printer *p) {
  int col = continuation_column(p);
  newline(p);
  for (int i = 0; i < col; i++)
    buf_putc(p->out, ' ');
}

/* Would `e` (plus `extra` columns after it) overflow the line here, and
 * would starting a continuation line help? */
static bool breaks_before(Printer *p, Node *e, int min, bool force, int extra) {
  if (p->flat || column(p) <= continuation_column(p))
    return false;
  int width = operand_width(p, e, min, force);
  return width && column(p) + width + extra > LINE_LIMIT;
}

static void put_args(Printer *p, Vec *args) {
  put(p, "(");
  int saved_cont = p->cont;
  int align = column(p);
  p->cont = align <= ALIGN_LIMIT ? align : 0;
  for (int i = 0; i < args->len; i++) {
    Node *arg = vec_get(Node, args, i);
    int extra = i == args->len - 1 ? 2 : 1; /* the `,` or `);` after it */
    if (i) {
      put(p, ",");
      if (breaks_before(p, arg, PREC_ASSIGN, false, extra + 1))
        continue_line(p);
      else
        put(p, " ");
    }
    put_expr(p, arg, PREC_ASSIGN);
  }
  p->cont = saved_cont;
  put(p, ")");
}

/* ` op ` before `next`, or ` op` and a continuation line if `next` would
 * overflow this one. */
static void put_spaced_op_force(Printer *p, const char *op, Node *next, int min, bool force) {
  putf(p, " %s", op);
  if (breaks_before(p, next, min, force, 4)) /* room for the next operator */
    continue_line(p);
  else
    put(p, " ");
}

static void put_spaced_op(Printer *p, const char *op, Node *next, int min) {
  put_spaced_op_force(p, op, next, min, false);
}

static void put_binary(Printer *p, Node *e) {
  int prec;
  const char *op = binary_op(e->kind, &prec);
  put_operand(p, e->lhs, prec, wants_warning_parens(e->kind, e->lhs, true));
  bool force = wants_warning_parens(e->kind, e->rhs, false);
  put_spaced_op_force(p, op, e->rhs, prec + 1, force);
  put_operand(p, e->rhs, prec + 1, force);
}

/* The user's #define or #undef of `name` in force at token `seq`, or NULL
 * when the user's files never touched it before there (a system header's
 * macro, whose #include is printed). */
static Directive *user_definition(Vec *dirs, const char *name, int seq) {
  Directive *found = NULL;
  for (int i = 0; i < dirs->len; i++) {
    Directive *d = vec_get(Directive, dirs, i);
    if (d->seq > seq)
      break;
    if (d->kind != DIR_INCLUDE && d->macro && str_eq(d->macro, name))
      found = d;
  }
  return found;
}

/* The name of the macro to print instead of the token's own spelling, or
 * NULL.  Whole-file printing puts each directive before the first item
 * after it, or inside a function body before the first statement after
 * it, so a definition within an item is in force only from there on
 * (item_seq); with -f, the definitions used are collected and printed
 * with the #include lines, one definition per name. */
static const char *macro_spelling(Printer *p, const Token *tok) {
  MacroNames *m = p->macros;
  if (!tok || !tok->macro || !m)
    return NULL;
  Directive *d = user_definition(m->directives, tok->macro, tok->seq);
  if (!d)
    return tok->macro;
  if (d->kind != DIR_DEFINE)
    return NULL;
  if (!m->only_func)
    return d->seq <= m->item_seq ? tok->macro : NULL;
  for (int i = 0; i < m->used_defines.len; i++) {
    Directive *used = vec_get(Directive, &m->used_defines, i);
    if (str_eq(used->macro, d->macro))
      return used == d ? tok->macro : NULL;
  }
  vec_push(&m->used_defines, d);
  return tok->macro;
}

static void put_number(Printer *p, Node *e) {
  const char *macro = macro_spelling(p, e->tok);
  if (macro) {
    put(p, macro);
    return;
  }
  if (e->tok && e->tok->text && e->tok->text[0]) {
    put(p, e->tok->text);
    return;
  }
  if (e->ty && is_floating(e->ty))
    putf(p, "%.17g", (double)e->fval);
  else
    putf(p, "%lld", (long long)e->ival);
}

static void put_string(Printer *p, Node *e) {
  const char *macro = e->toks.len == 1 ? macro_spelling(p, vec_get(Token, &e->toks, 0)) : NULL;
  if (macro) {
    put(p, macro);
    return;
  }
  for (int i = 0; i < e->toks.len; i++) {
    if (i)
      put(p, " ");
    put(p, vec_get(Token, &e->toks, i)->text);
  }
  if (!e->toks.len && e->tok)
    put(p, e->tok->text);
}

/* `s.m` / `p->m`; a member with no name is a hop through an anonymous
 * struct or union, which the source does not spell. */
static void put_member(Printer *p, Node *e, const char *op) {
  put_operand(p, e->lhs, PREC_POSTFIX, false);
  if (!e->member || !e->member->name)
    return;
  put(p, op);
  put(p, e->member->name);
}

static void put_cond_expr(Printer *p, Node *e) {
  put_operand(p, e->cond, PREC_LOGOR, cond_wants_parens(e->cond));
  if (e->then) {
    put_spaced_op(p, "?", e->then, PREC_COMMA);
    put_expr(p, e->then, PREC_COMMA);
    put_spaced_op(p, ":", e->els, PREC_COND);
  } else {
    put_spaced_op(p, "?:", e->els, PREC_COND);
  }
  put_expr(p, e->els, PREC_COND);
}

static void put_generic(Printer *p, Node *e) {
  put(p, "_Generic(");
  put_expr(p, e->cond, PREC_ASSIGN);
  for (int i = 0; i < e->assoc_exprs.len; i++) {
    Type *ty = i < e->assoc_types.len ? vec_get(Type, &e->assoc_types, i) : NULL;
    put(p, ", ");
    if (ty)
      put_type_name(p, ty, "");
    else
      put(p, "default");
    put(p, ": ");
    put_expr(p, vec_get(Node, &e->assoc_exprs, i), PREC_ASSIGN);
  }
  put(p, ")");
}

static void put_stmt_expr(Printer *p, Node *e) {
  put(p, "(");
  put_block_inner(p, e->body, p->level + 1, p->level);
  put(p, ")");
}

static const char *keyword_spelling(Node *e, const char *fallback) {
  return e->tok && e->tok->kind == TK_KEYWORD ? e->tok->text : fallback;
}

static void put_expr_bare(Printer *p, Node *e) {
  if (needs_extension(e))
    put(p, "__extension__ ");
  if (binary_op(e->kind, &(int){0})) {
    put_binary(p, e);
    return;
  }
  switch (e->kind) {
  case ND_NUM:
  case ND_CHAR:
    put_number(p, e);
    return;
  case ND_STR:
    put_string(p, e);
    return;
  case ND_VAR: {
    const char *macro = macro_spelling(p, e->tok);
    put(p, macro ? macro : e->obj ? e->obj->name : e->tok->text);
    return;
  }
  case ND_FUNC_NAME:
    put(p, e->tok ? e->tok->text : "__func__");
    return;
  case ND_ASSIGN:
    put_operand(p, e->lhs, PREC_UNARY, false);
    putf(p, " %s ", assign_op(e->op));
    put_expr(p, e->rhs, PREC_ASSIGN);
    return;
  case ND_COMMA:
    put_expr(p, e->lhs, PREC_COMMA);
    put(p, ", ");
    put_expr(p, e->rhs, PREC_ASSIGN);
    return;
  case ND_NEG: put_prefix(p, "-", e->lhs); return;
  case ND_PLUS: put_prefix(p, "+", e->lhs); return;
  case ND_NOT: put_prefix(p, "!", e->lhs); return;
  case ND_BITNOT: put_prefix(p, "~", e->lhs); return;
  case ND_ADDR: put_prefix(p, "&", e->lhs); return;
  case ND_DEREF: put_prefix(p, "*", e->lhs); return;
  case ND_PRE_INC: put_prefix(p, "++", e->lhs); return;
  case ND_PRE_DEC: put_prefix(p, "--", e->lhs); return;
  case ND_POST_INC:
  case ND_POST_DEC:
    put_operand(p, e->lhs, PREC_POSTFIX, false);
    put(p, e->kind == ND_POST_INC ? "++" : "--");
    return;
  case ND_INDEX: {
    /* lhs is the array operand; `i[a]` keeps its order. */
    Node *outer = e->swapped ? e->rhs : e->lhs;
    Node *inner = e->swapped ? e->lhs : e->rhs;
    put_operand(p, outer, PREC_POSTFIX, false);
    put(p, "[");
    put_expr(p, inner, PREC_COMMA);
    put(p, "]");
    return;
  }
  case ND_MEMBER: put_member(p, e, "."); return;
  case ND_ARROW: put_member(p, e, "->"); return;
  case ND_COND: put_cond_expr(p, e); return;
  case ND_CAST:
    put(p, "(");
    put_type_name(p, e->type_arg, "");
    put(p, ")");
    put_operand(p, e->lhs, PREC_UNARY, false);
    return;
  case ND_CALL:
    put_operand(p, e->lhs, PREC_POSTFIX, false);
    put_args(p, &e->args);
    return;
  case ND_SIZEOF: put_sizeof_like(p, "sizeof", e); return;
  case ND_ALIGNOF: put_sizeof_like(p, keyword_spelling(e, "_Alignof"), e); return;
  case ND_COMPOUND_LIT:
    put(p, "(");
    put_type_name(p, e->type_arg, "");
    put(p, ")");
    put_init(p, e->init, p->level);
    return;
  case ND_GENERIC: put_generic(p, e); return;
  case ND_STMT_EXPR: put_stmt_expr(p, e); return;
  case ND_VA_ARG:
    put(p, "__builtin_va_arg(");
    put_expr(p, e->lhs, PREC_ASSIGN);
    put(p, ", ");
    put_type_name(p, e->type_arg, "");
    put(p, ")");
    return;
  case ND_OFFSETOF:
    put(p, "__builtin_offsetof(");
    put_type_name(p, e->type_arg, "");
    putf(p, ", %s)", e->text);
    return;
  case ND_BUILTIN:
    put(p, e->text);
    put_args(p, &e->args);
    return;
  case ND_TYPE_ARG:
    put_type_name(p, e->type_arg, "");
    return;
  case ND_INIT_LIST:
    put_init(p, e, p->level);
    return;
  default:
    internal_error(__FILE__, __LINE__, "cannot print expression node kind %d", e->kind);
  }
}

/* A statement's condition: the user's outer parentheses are dropped (the
 * statement has its own; clang warns on `if ((a == b))`), an assignment
 * gets a second pair (gcc warns on `if (x = f())`). */
static void put_cond(Printer *p, Node *e) {
  if (e->kind == ND_ASSIGN) {
    put(p, "(");
    put_expr_bare(p, e);
    put(p, ")");
    return;
  }
  put_expr_bare(p, e);
}

static char *expr_to_str(Node *e, int min) {
  Buf b = {0};
  Printer p = scratch_printer(&b, 0);
  put_expr(&p, e, min);
  return b.data ? b.data : xstrdup("");
}

/* ===================================================================== */
/* Initializers                                                           */
/* ===================================================================== */

static void put_designators(Printer *p, Designator *d) {
  if (!d)
    return;
  for (; d; d = d->next) {
    if (d->index) {
      put(p, "[");
      put_expr(p, d->index, PREC_COND);
      if (d->index_hi) {
        put(p, " ... ");
        put_expr(p, d->index_hi, PREC_COND);
      }
      put(p, "]");
    } else {
      put(p, ".");
      put(p, d->member_name ? d->member_name : d->member ? d->member->name : "?");
    }
  }
  put(p, " = ");
}

static void put_init_item(Printer *p, InitItem *it, int level) {
  put_designators(p, it->desig);
  put_init(p, it->value, level);
}

/* Items short enough to fill lines like a table of numbers. */
static bool is_atom(Node *e) {
  if (e->kind == ND_NEG || e->kind == ND_PLUS)
    return is_atom(e->lhs);
  return e->kind == ND_NUM || e->kind == ND_CHAR ||
         (e->kind == ND_VAR && e->obj && e->obj->kind == OBJ_ENUM_CONST);
}

static Token *init_item_tok(InitItem *it) {
  if (it->desig && it->desig->tok)
    return it->desig->tok;
  return it->tok ? it->tok : it->value->tok;
}

static bool items_have_comments(Printer *p, Node *list) {
  if (!p->comments)
    return false;
  for (int i = 0; i < list->items.len; i++) {
    Token *tok = init_item_tok(vec_get(InitItem, &list->items, i));
    if (tok && tok->lead_comments.len)
      return true;
  }
  return false;
}

static void put_init_one_line(Printer *p, Node *list) {
  put(p, "{");
  for (int i = 0; i < list->items.len; i++) {
    if (i)
      put(p, ", ");
    put_init_item(p, vec_get(InitItem, &list->items, i), p->level);
  }
  put(p, "}");
}

/* Numbers packed into lines, the way a table is typed. */
static void put_init_filled(Printer *p, Node *list, int level) {
  indent(p, level);
  for (int i = 0; i < list->items.len; i++) {
    InitItem *it = vec_get(InitItem, &list->items, i);
    char *text = expr_to_str(it->value, PREC_ASSIGN);
    bool last = i == list->items.len - 1;
    int width = (int)strlen(text) + (last ? 0 : 1);
    if (i > 0 && column(p) + 1 + width > LINE_LIMIT) {
      newline(p);
      indent(p, level);
    } else if (i > 0) {
      put(p, " ");
    }
    put(p, text);
    if (!last)
      put(p, ",");
  }
  newline(p);
}

/* One item per line (a nested list is a row), with the comments the user
 * wrote before items and after their commas. */
static void put_init_rows(Printer *p, Node *list, int level) {
  for (int i = 0; i < list->items.len; i++) {
    InitItem *it = vec_get(InitItem, &list->items, i);
    Token *tok = init_item_tok(it);
    put_lead_comments(p, tok, level);
    indent(p, level);
    put_init_item(p, it, level);
    if (i < list->items.len - 1) {
      put(p, ",");
      Token *next = init_item_tok(vec_get(InitItem, &list->items, i + 1));
      Token *comma = tok_before(tok, next);
      if (comma && tok_is(comma, ","))
        note_trail(p, comma);
    }
    newline(p);
  }
}

static void put_init_list(Printer *p, Node *list, int level) {
  if (!list->items.len) {
    put(p, "{}");
    return;
  }
  size_t mark = p->out->len;
  int saved_level = p->level;
  p->level = level;
  bool commented = items_have_comments(p, list);
  if (!commented) {
    put_init_one_line(p, list);
    if (p->flat) {
      p->level = saved_level;
      return;
    }
    /* Room for the `;` or `,` that follows. */
    if (!strchr(p->out->data + mark, '\n') && column(p) + 1 <= LINE_LIMIT) {
      p->level = saved_level;
      return;
    }
    rollback(p, mark);
  }
  put(p, "{");
  newline(p);
  bool all_atoms = !commented;
  for (int i = 0; i < list->items.len && all_atoms; i++) {
    InitItem *it = vec_get(InitItem, &list->items, i);
    all_atoms = !it->desig && is_atom(it->value);
  }
  if (all_atoms)
    put_init_filled(p, list, level + 1);
  else
    put_init_rows(p, list, level + 1);
  indent(p, level);
  put(p, "}");
  p->level = saved_level;
}

static void put_init(Printer *p, Node *init, int level) {
  if (init->kind == ND_INIT_LIST) {
    put_init_list(p, init, level);
    return;
  }
  int saved_level = p->level;
  p->level = level;
  put_expr(p, init, PREC_ASSIGN);
  p->level = saved_level;
}

/* ===================================================================== */
/* Types and declarators                                                  */
/* ===================================================================== */

static const char *basic_type_name(TypeKind kind) {
  switch (kind) {
  case TY_VOID: return "void";
  case TY_BOOL: return "_Bool";
  case TY_CHAR: return "char";
  case TY_SCHAR: return "signed char";
  case TY_UCHAR: return "unsigned char";
  case TY_SHORT: return "short";
  case TY_USHORT: return "unsigned short";
  case TY_INT: return "int";
  case TY_UINT: return "unsigned int";
  case TY_LONG: return "long";
  case TY_ULONG: return "unsigned long";
  case TY_LLONG: return "long long";
  case TY_ULLONG: return "unsigned long long";
  case TY_INT128: return "__int128";
  case TY_UINT128: return "unsigned __int128";
  case TY_FLOAT: return "float";
  case TY_DOUBLE: return "double";
  case TY_LDOUBLE: return "long double";
  case TY_FLOAT128: return "_Float128";
  default: return NULL;
  }
}

/* "const volatile" etc., each followed by `sep`. */
static void put_quals(Buf *b, int quals, const char *sep) {
  if (quals & Q_CONST)
    buf_printf(b, "const%s", sep);
  if (quals & Q_VOLATILE)
    buf_printf(b, "volatile%s", sep);
  if (quals & Q_RESTRICT)
    buf_printf(b, "restrict%s", sep);
  if (quals & Q_ATOMIC)
    buf_printf(b, "_Atomic%s", sep);
}

static bool is_derived(const Type *ty) {
  return ty->kind == TY_PTR || ty->kind == TY_ARRAY || ty->kind == TY_FUNC;
}

/* Where the walk down a declarator stops: at the specifiers' type `stop`,
 * or (with no stop, or if it is never met) at a typedef name or a type
 * that is not pointer, array or function. */
static bool is_spec_type(const Type *ty, const Type *stop) {
  return ty == stop || ty->typedef_obj || !is_derived(ty);
}

static char *params_text(Type *fn, Vec *names, bool as_defined);

/* Markers in a declarator's text: where a declaration's own parameter
 * list starts, and between its parameters (see put_decl_text). */
#define PARAM_START "\002"
#define PARAM_SEP "\001"

/* Prints a declarator; a long parameter list of the declared function
 * fills lines aligned after its `(`. */
static void put_decl_text(Printer *p, const char *text) {
  int align = 0;
  for (const char *s = text; *s;) {
    size_t n = strcspn(s, PARAM_START PARAM_SEP);
    buf_putn(p->out, s, n);
    s += n;
    if (!*s)
      break;
    if (*s == PARAM_START[0]) {
      align = column(p);
      s++;
      continue;
    }
    s++;
    /* The next parameter, up to the next marker or the end (`);` or ` {`
     * after it count as 2). */
    size_t width = strcspn(s, PARAM_SEP) + (s[strcspn(s, PARAM_SEP)] ? 1 : 2);
    put(p, ",");
    int col = align <= ALIGN_LIMIT ? align : 2 * INDENT_WIDTH;
    if (!p->flat && column(p) + 1 + (int)width > LINE_LIMIT && column(p) > col) {
      newline(p);
      for (int i = 0; i < col; i++)
        buf_putc(p->out, ' ');
    } else {
      put(p, " ");
    }
  }
}

static char *array_suffix(Type *ty) {
  Buf b = {0};
  buf_putc(&b, '[');
  if (ty->array_static)
    buf_puts(&b, "static ");
  put_quals(&b, ty->array_quals, " ");
  if (ty->is_star)
    buf_puts(&b, "*");
  else if (ty->len_expr)
    buf_puts(&b, expr_to_str(ty->len_expr, PREC_ASSIGN));
  else if (ty->array_len >= 0)
    buf_printf(&b, "%lld", (long long)ty->array_len);
  while (b.len > 1 && b.data[b.len - 1] == ' ')
    b.data[--b.len] = '\0';
  buf_putc(&b, ']');
  return b.data;
}

/* The declarator of `ty` around `name` ("" for an abstract declarator),
 * built inside out: `*` is a prefix and binds looser than the `[]` and
 * `()` suffixes, so a pointer to an array or function is parenthesized.
 * `names` names the parameters of `ty` itself when it is a function type.
 * *spec_out gets the type the specifiers must spell. */
static char *declarator(Type *ty, Type *stop, const char *name, Vec *names, bool as_defined,
                        Type **spec_out) {
  char *s = xstrdup(name);
  for (; !is_spec_type(ty, stop); names = NULL) {
    switch (ty->kind) {
    case TY_PTR: {
      Buf b = {0};
      buf_putc(&b, '*');
      put_quals(&b, ty->quals, " ");
      if (!*s && b.len > 1)
        b.data[--b.len] = '\0';
      buf_puts(&b, s);
      s = b.data;
      Type *base = ty->base;
      if (!is_spec_type(base, stop) && (base->kind == TY_ARRAY || base->kind == TY_FUNC))
        s = format("(%s)", s);
      ty = base;
      break;
    }
    case TY_ARRAY:
      s = format("%s%s", s, array_suffix(ty));
      ty = ty->base;
      break;
    case TY_FUNC:
      s = format("%s(%s)", s, params_text(ty, names, as_defined));
      ty = ty->return_ty;
      break;
    default:
      unreachable();
    }
  }
  *spec_out = ty;
  return s;
}

/* A parameter list.  With `names` (the Obj parameters of a function
 * declaration), each parameter is named; `as_defined` takes the type as
 * written in the definition (`double x[]`). */
static char *params_text(Type *fn, Vec *names, bool as_defined) {
  if (fn->is_oldstyle && fn->params.len == 0)
    return "";
  if (fn->params.len == 0)
    return fn->is_variadic ? "..." : "void";
  /* A function type nested in a declarator (`int (*g(int x))(double y)`)
   * carries the names it was written with. */
  Vec *objs = names ? names : fn->param_objs.len ? &fn->param_objs : NULL;
  bool named = objs && objs->len == fn->params.len;
  /* A declaration's own parameter list may wrap: marked for put_decl_text. */
  const char *sep = names ? PARAM_SEP : ", ";
  Buf b = {0};
  if (names)
    buf_puts(&b, PARAM_START);
  for (int i = 0; i < fn->params.len; i++) {
    Type *ty = vec_get(Type, &fn->params, i);
    const char *name = "";
    if (named) {
      Obj *param = vec_get(Obj, objs, i);
      if (param->name)
        name = param->name;
      if (as_defined && param->decl_ty)
        ty = param->decl_ty;
    }
    if (i)
      buf_puts(&b, sep);
    buf_puts(&b, type_to_str(ty, name));
  }
  if (fn->is_variadic)
    buf_printf(&b, "%s...", sep);
  return b.data;
}

static void put_struct_body(Printer *p, StructDef *sd, int level);
static void put_enum_body(Printer *p, EnumDef *ed, int level);

/* Which struct/enum bodies a specifier prints in place. */
typedef struct BodyRule {
  StructDef *sdef;    /* the declaration defines this one */
  EnumDef *edef;
  bool anonymous;     /* print the body of an untagged type (it has no other spelling) */
} BodyRule;

/* The type named by declaration specifiers: qualifiers, then a typedef
 * name, a basic type, or a tag with its body where this declaration
 * defines it. */
static void put_spec_type(Printer *p, Type *ty, BodyRule rule, int level) {
  int quals = ty->quals;
  if (ty->typedef_obj && ty->typedef_obj->ty)
    quals &= ~ty->typedef_obj->ty->quals; /* the typedef already says them */
  put_quals(p->out, quals, " ");
  if (ty->typedef_obj) {
    put(p, ty->typedef_obj->name);
    return;
  }
  const char *basic = basic_type_name(ty->kind);
  const char *macro = basic ? macro_spelling(p, ty->macro_tok) : NULL;
  if (basic) {
    put(p, macro ? macro : basic);
    return;
  }
  switch (ty->kind) {
  case TY_COMPLEX:
    put_spec_type(p, ty->base, rule, level);
    put(p, " _Complex");
    return;
  case TY_STRUCT:
  case TY_UNION: {
    StructDef *sd = ty->sdef;
    bool body = sd == rule.sdef || (!sd->tag && rule.anonymous);
    put(p, ty->kind == TY_UNION ? "union" : "struct");
    if (body && sd->attrs)
      putf(p, " %s", sd->attrs);
    if (sd->tag)
      putf(p, " %s", sd->tag);
    if (body) {
      put(p, " ");
      put_struct_body(p, sd, level);
    }
    return;
  }
  case TY_ENUM: {
    EnumDef *ed = ty->edef;
    bool body = ed == rule.edef || (!ed->tag && rule.anonymous);
    put(p, "enum");
    if (ed->tag)
      putf(p, " %s", ed->tag);
    if (body) {
      put(p, " ");
      put_enum_body(p, ed, level);
    }
    return;
  }
  default:
    internal_error(__FILE__, __LINE__, "no specifier spelling for type kind %d", ty->kind);
  }
}

/* A type with a declarator name: `double (*f)(double)`; "" for a type
 * name as in casts. */
static void put_type_name(Printer *p, Type *ty, const char *name) {
  Type *spec;
  char *decl = declarator(ty, NULL, name, NULL, false, &spec);
  put_spec_type(p, spec, (BodyRule){.anonymous = true}, p->level);
  if (*decl) {
    if (decl[0] != '[')
      put(p, " ");
    put(p, decl);
  }
}

char *type_to_str(Type *ty, const char *name) {
  Buf b = {0};
  Printer p = scratch_printer(&b, 0);
  put_type_name(&p, ty, name ? name : "");
  return b.data ? b.data : xstrdup("");
}

/* ===================================================================== */
/* Declarations                                                           */
/* ===================================================================== */

static const char *storage_keyword(StorageClass sc) {
  switch (sc) {
  case SC_EXTERN: return "extern ";
  case SC_STATIC: return "static ";
  case SC_AUTO: return "auto ";
  case SC_REGISTER: return "register ";
  case SC_TYPEDEF: return "typedef ";
  default: return "";
  }
}

/* Everything before the declarators: `__extension__`, attributes,
 * storage class, function specifiers, `_Alignas`, the type. */
static void put_decl_specs(Printer *p, Node *d, Type *spec, int level) {
  if (d->decl_extension)
    put(p, "__extension__ ");
  if (d->decl_attrs)
    putf(p, "%s ", d->decl_attrs);
  put(p, storage_keyword(d->decl_storage));
  if (d->decl_thread_local)
    put(p, "_Thread_local ");
  if (d->decl_inline)
    put(p, "inline ");
  if (d->decl_noreturn)
    put(p, "_Noreturn ");
  if (d->decl_align_expr) {
    put(p, "_Alignas(");
    put_expr(p, d->decl_align_expr, PREC_COND);
    put(p, ") ");
  } else if (d->decl_align_type) {
    put(p, "_Alignas(");
    put_type_name(p, d->decl_align_type, "");
    put(p, ") ");
  } else if (d->decl_align_as) {
    putf(p, "_Alignas(%d) ", d->decl_align_as);
  }
  BodyRule rule = {.sdef = d->defines_struct, .edef = d->defines_enum, .anonymous = true};
  put_spec_type(p, spec, rule, level);
}

/* Parameter names for a declarator: a function's own parameters. */
/* The parameter names a declaration wrote: each prototype keeps its own
 * (`int f(int T, int a[T]);` before `int f(int n, int a[n]) {...}`), not
 * the definition's, which may not even compile there. */
static Vec *declarator_param_names(Declarator *dv) {
  Type *ty = dv->ty;
  if (ty && ty->kind == TY_FUNC && ty->param_objs.len == ty->params.len && ty->params.len)
    return &ty->param_objs;
  Obj *obj = dv->obj;
  if (obj && obj->kind == OBJ_FUNC && ty && ty->kind == TY_FUNC && obj->params.len)
    return &obj->params;
  return NULL;
}

static char *declarator_text(Declarator *dv, Type *stop, Type **spec_out) {
  Type *ty = dv->ty ? dv->ty : dv->obj->ty;
  const char *name = dv->obj && dv->obj->name ? dv->obj->name : "";
  return declarator(ty, stop, name, declarator_param_names(dv), false, spec_out);
}

/* Attributes after a declarator; on a continuation line if long, as
 * prototypes with format attributes are usually written. */
static void put_attrs_after(Printer *p, const char *attrs, int level) {
  if (!p->flat && column(p) + 1 + (int)strlen(attrs) + 1 > LINE_LIMIT) {
    newline(p);
    indent(p, level + 1);
  } else {
    put(p, " ");
  }
  put(p, attrs);
}

/* One declarator's tail: attributes (and asm label), then the initializer. */
static void put_declarator_tail(Printer *p, Declarator *dv, int level) {
  if (dv->attrs)
    put_attrs_after(p, dv->attrs, level);
  if (dv->init) {
    put(p, " = ");
    put_init(p, dv->init, level);
  }
}

/* Does every declarator derive from the specifiers' type?  (Then they
 * can share one set of specifiers, as written.) */
static bool declarators_share_base(Node *d) {
  for (int i = 0; i < d->decl_vars.len; i++) {
    Type *spec;
    declarator_text(vec_get(Declarator, &d->decl_vars, i), d->decl_base, &spec);
    if (spec != d->decl_base)
      return false;
  }
  return true;
}

/* The declaration's text without its `;`: `static double a = 1, *b;`. */
static void put_decl_body(Printer *p, Node *d, int level) {
  if (!d->decl_base || declarators_share_base(d)) {
    Type *base = d->decl_base;
    if (!base && d->decl_vars.len) {
      /* A synthesized declaration: the first declarator decides. */
      declarator_text(vec_get(Declarator, &d->decl_vars, 0), NULL, &base);
    }
    put_decl_specs(p, d, base, level);
    for (int i = 0; i < d->decl_vars.len; i++) {
      Declarator *dv = vec_get(Declarator, &d->decl_vars, i);
      Type *spec;
      char *text = declarator_text(dv, base, &spec);
      put(p, i ? ", " : "");
      if (i == 0 && *text)
        put(p, " ");
      put_decl_text(p, text);
      put_declarator_tail(p, dv, level);
    }
    return;
  }
  /* Declarators that do not derive from the specifiers' type (built by a
   * later pass): each with its own specifiers, still one statement. */
  for (int i = 0; i < d->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &d->decl_vars, i);
    Type *spec;
    char *text = declarator_text(dv, NULL, &spec);
    if (i) {
      put(p, "; ");
    }
    put_decl_specs(p, d, spec, level);
    if (*text) {
      put(p, " ");
      put_decl_text(p, text);
    }
    put_declarator_tail(p, dv, level);
  }
}

/* A declaration statement or top-level declaration on its own lines. */
static void put_decl_stmt(Printer *p, Node *d, int level, Token *start) {
  put_lead_comments(p, start, level);
  indent(p, level);
  int saved_level = p->level;
  p->level = level;
  put_decl_body(p, d, level);
  put(p, ";");
  p->level = saved_level;
  note_trail(p, d->end_tok);
  newline(p);
}

/* ---- struct and enum bodies ---- */

/* The `{` of a body whose tag or keyword is `tok`, if it comes before
 * the first member's token `before`. */
static Token *body_open_brace(Token *tok, Token *before) {
  for (int n = 0; tok && n < 64 && tok->kind != TK_EOF; tok = tok->next, n++) {
    if (before && tok->seq >= before->seq)
      return NULL;
    if (tok_is(tok, "{"))
      return tok;
  }
  return NULL;
}

/* Members declared in one declaration share their ND_DECL (or group). */
static bool same_member_decl(Member *a, Member *b) {
  if (a->decl || b->decl)
    return a->decl == b->decl;
  return a->group == b->group;
}

/* One member declaration: `double x, *y;`, `unsigned a : 3;`, a nested
 * or anonymous struct with its body. */
static void put_member_group(Printer *p, Vec *members, int from, int to, int level) {
  Member *first = vec_get(Member, members, from);
  Node *md = first->decl;
  Type *base = md ? md->decl_base : NULL;
  Type *spec;
  if (!base)
    declarator(first->ty, NULL, "", NULL, false, &base);
  if (md) {
    if (md->decl_extension)
      put(p, "__extension__ ");
    if (md->decl_attrs)
      putf(p, "%s ", md->decl_attrs);
    if (md->decl_align_expr) {
      put(p, "_Alignas(");
      put_expr(p, md->decl_align_expr, PREC_COND);
      put(p, ") ");
    } else if (md->decl_align_type) {
      put(p, "_Alignas(");
      put_type_name(p, md->decl_align_type, "");
      put(p, ") ");
    }
  }
  BodyRule rule = {.anonymous = true};
  if (md) {
    rule.sdef = md->defines_struct;
    rule.edef = md->defines_enum;
  }
  put_spec_type(p, base, rule, level);
  for (int i = from; i < to; i++) {
    Member *m = vec_get(Member, members, i);
    char *text = declarator(m->ty, base, m->name ? m->name : "", NULL, false, &spec);
    put(p, i > from ? ", " : (*text || m->bit_width >= 0) ? " " : "");
    put(p, text);
    if (m->bit_width >= 0) {
      put(p, *text ? " : " : ": ");
      if (m->bit_width_expr)
        put_expr(p, m->bit_width_expr, PREC_COND);
      else
        putf(p, "%d", m->bit_width);
    }
    if (m->attrs)
      putf(p, " %s", m->attrs);
  }
  put(p, ";");
}

static void put_struct_body(Printer *p, StructDef *sd, int level) {
  Vec *members = &sd->members;
  if (!members->len) {
    put(p, "{}");
    return;
  }
  set_add(&p->bodies_done, sd);
  put(p, "{");
  Member *m0 = vec_get(Member, members, 0);
  Token *prev_end = body_open_brace(sd->tok, m0->tok);
  note_trail(p, prev_end);
  newline(p);
  for (int i = 0; i < members->len;) {
    int j = i + 1;
    while (j < members->len &&
           same_member_decl(vec_get(Member, members, i), vec_get(Member, members, j)))
      j++;
    Member *last = vec_get(Member, members, j - 1);
    Token *start = prev_end ? prev_end->next : NULL;
    if (i > 0 && source_gap(prev_end, start))
      blank_line(p);
    put_lead_comments(p, start, level + 1);
    indent(p, level + 1);
    put_member_group(p, members, i, j, level + 1);
    Token *semi = last->tok ? find_at_depth(last->tok, ";", -1) : NULL;
    note_trail(p, semi);
    newline(p);
    prev_end = semi;
    i = j;
  }
  Token *close = prev_end ? prev_end->next : NULL;
  if (close && tok_is(close, "}")) {
    if (close->lead_comments.len && p->comments && source_gap(prev_end, close))
      blank_line(p);
    put_lead_comments(p, close, level + 1);
  }
  indent(p, level);
  put(p, "}");
}

/* The separator after an enumerator (`,` or the closing `}`). */
static Token *enumerator_end(Obj *c) {
  if (!c->tok)
    return NULL;
  Token *comma = find_at_depth(c->tok, ",", -1);
  Token *close = find_at_depth(c->tok, "}", -1);
  if (comma && (!close || comma->seq < close->seq))
    return comma;
  return close ? tok_before(c->tok, close) : NULL;
}

/* A short enum the user wrote on one line stays on one line. */
static bool enum_fits_one_line(Printer *p, EnumDef *ed) {
  Obj *first = vec_get(Obj, &ed->consts, 0);
  int width = 0;
  for (int i = 0; i < ed->consts.len; i++) {
    Obj *c = vec_get(Obj, &ed->consts, i);
    if (!c->tok || !first->tok || c->tok->line != first->tok->line ||
        c->tok->file != first->tok->file)
      return false;
    if (p->comments && (c->tok->lead_comments.len || c->tok->trail_comment))
      return false;
    Token *end = enumerator_end(c);
    if (p->comments && end && end->trail_comment)
      return false;
    width += (int)strlen(c->name) + 2 + (c->enum_expr ? 12 : 0);
  }
  return column(p) + width + 8 <= LINE_LIMIT;
}

static void put_enumerator(Printer *p, Obj *c) {
  put(p, c->name);
  if (c->enum_expr) {
    put(p, " = ");
    put_expr(p, c->enum_expr, PREC_COND);
  }
}

static void put_enum_body(Printer *p, EnumDef *ed, int level) {
  if (!ed->consts.len) {
    put(p, "{}");
    return;
  }
  set_add(&p->bodies_done, ed);
  if (enum_fits_one_line(p, ed)) {
    put(p, "{ ");
    for (int i = 0; i < ed->consts.len; i++) {
      if (i)
        put(p, ", ");
      put_enumerator(p, vec_get(Obj, &ed->consts, i));
    }
    put(p, " }");
    return;
  }
  put(p, "{");
  Obj *c0 = vec_get(Obj, &ed->consts, 0);
  note_trail(p, body_open_brace(ed->tok, c0->tok));
  newline(p);
  Token *prev_end = NULL;
  for (int i = 0; i < ed->consts.len; i++) {
    Obj *c = vec_get(Obj, &ed->consts, i);
    if (i > 0 && source_gap(prev_end, c->tok))
      blank_line(p);
    put_lead_comments(p, c->tok, level + 1);
    indent(p, level + 1);
    put_enumerator(p, c);
    if (i < ed->consts.len - 1)
      put(p, ",");
    Token *end = enumerator_end(c);
    note_trail(p, end);
    newline(p);
    prev_end = end;
  }
  Token *close = prev_end ? find_at_depth(prev_end->next ? prev_end : prev_end, "}", -1) : NULL;
  if (close && close->lead_comments.len) {
    if (p->comments && source_gap(prev_end, close))
      blank_line(p);
    put_lead_comments(p, close, level + 1);
  }
  indent(p, level);
  put(p, "}");
}

/* ===================================================================== */
/* Statements                                                             */
/* ===================================================================== */

static void put_stmt(Printer *p, Node *s, int level, Token *start);

/* The leftmost token of an expression as the AST knows it (a user's `(`
 * before it is not in the AST; callers prefer the token stream). */
static Token *expr_first_tok(Node *e) {
  while (e) {
    switch (e->kind) {
    case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD: case ND_SHL: case ND_SHR:
    case ND_BITAND: case ND_BITOR: case ND_BITXOR: case ND_LT: case ND_LE: case ND_GT:
    case ND_GE: case ND_EQ: case ND_NE: case ND_LOGAND: case ND_LOGOR: case ND_ASSIGN:
    case ND_COMMA: case ND_POST_INC: case ND_POST_DEC: case ND_MEMBER: case ND_ARROW:
    case ND_CALL:
      if (!e->lhs)
        return e->tok;
      e = e->lhs;
      break;
    case ND_INDEX:
      e = e->swapped ? e->rhs : e->lhs;
      break;
    case ND_COND:
      e = e->cond;
      break;
    default:
      return e->tok;
    }
  }
  return NULL;
}

static Token *node_first_tok(Node *s) {
  if (s->kind == ND_EXPR_STMT && s->lhs)
    return expr_first_tok(s->lhs);
  return s->tok;
}

/* The first token of `s`: the one after the previous statement's last
 * token when the stream agrees, else what the node knows. */
static Token *stmt_start(Token *prev_end, Node *s) {
  Token *known = node_first_tok(s);
  Token *next = prev_end ? prev_end->next : NULL;
  if (next && next->kind != TK_EOF && (!known || next->seq <= known->seq))
    return next;
  return known;
}

static bool body_directives_before(Printer *p, Token *next);
static Directive *put_body_directives(Printer *p, Token *next, Token *prev_end, int level);

/* A blank line before `start` where the user had one: after the
 * directive `dir` printed last, or else after prev_end. */
static bool gap_before(Directive *dir, Token *prev_end, Token *start) {
  if (dir)
    return start && start->file == dir->from && start_line(start) > dir->line + 1;
  return source_gap(prev_end, start);
}

/* `{`, the statements at inner_level, `}` at close_level; the cursor is
 * left after the `}` (its trailing comment is the caller's).  The user's
 * directives between the statements go where they stood. */
static void put_block_inner(Printer *p, Node *blk, int inner_level, int close_level) {
  Token *open = blk->tok && tok_is(blk->tok, "{") ? blk->tok : NULL;
  Token *close = blk->end_tok && tok_is(blk->end_tok, "}") ? blk->end_tok : NULL;
  bool close_comments = p->comments && close && close->lead_comments.len;
  bool close_directives = body_directives_before(p, close);
  if (!blk->stmts.len && !close_comments && !close_directives &&
      !(p->comments && open && open->trail_comment)) {
    put(p, "{}");
    return;
  }
  put(p, "{");
  note_trail(p, open);
  newline(p);
  Token *prev_end = open;
  for (int i = 0; i < blk->stmts.len; i++) {
    Node *s = vec_get(Node, &blk->stmts, i);
    Token *start = stmt_start(prev_end, s);
    Directive *dir = put_body_directives(p, start, i > 0 ? prev_end : NULL, inner_level);
    if ((i > 0 || dir) && gap_before(dir, prev_end, start))
      blank_line(p);
    put_stmt(p, s, inner_level, start);
    prev_end = s->end_tok;
  }
  Directive *dir = put_body_directives(p, close, blk->stmts.len ? prev_end : NULL, inner_level);
  if (close_comments) {
    if ((blk->stmts.len || dir) && gap_before(dir, prev_end, close))
      blank_line(p);
    put_lead_comments(p, close, inner_level);
  }
  indent(p, close_level);
  put(p, "}");
}

/* The if statement inside an unbraced body that an `else` could attach
 * to (`if (a) for (;;) if (b) x;`), or NULL. */
static Node *unbraced_if(Node *s) {
  while (s) {
    switch (s->kind) {
    case ND_IF:
      return s;
    case ND_FOR: case ND_WHILE: case ND_SWITCH: case ND_LABEL: case ND_CASE: case ND_DEFAULT:
      s = s->body;
      break;
    default:
      return NULL;
    }
  }
  return NULL;
}

/* The body of a control statement after its header: a block opens on the
 * header's line, another statement goes on the next line one level
 * deeper (in braces when `brace`).  `header_end` is the `)` (or keyword)
 * before the body, whose trailing comment ends the header line.  Returns
 * true when a `}` was printed and the caller ends the line. */
static bool put_body(Printer *p, Node *body, int level, bool brace, Token *header_end) {
  Token *start = header_end && header_end->next ? header_end->next : node_first_tok(body);
  if (body->kind == ND_BLOCK) {
    put(p, " ");
    note_trail(p, header_end);
    put_block_inner(p, body, level + 1, level);
    return true;
  }
  if (brace)
    put(p, " {");
  note_trail(p, header_end);
  newline(p);
  put_stmt(p, body, level + 1, start);
  if (!brace)
    return false;
  indent(p, level);
  put(p, "}");
  return true;
}

/* Ends the line after a statement's closing `}`. */
static void end_after_brace(Printer *p, Node *s) {
  note_trail(p, s->end_tok);
  newline(p);
}

static void put_if(Printer *p, Node *s, int level) {
  put(p, "if (");
  put_cond(p, s->cond);
  put(p, ")");
  Node *inner = s->then->kind == ND_BLOCK ? NULL : unbraced_if(s->then);
  /* Braces where an else would be ambiguous (gcc -Wdangling-else). */
  bool brace = inner && (s->els || inner->els);
  bool closed = put_body(p, s->then, level, brace, header_close_paren(s->tok));
  if (!s->els) {
    if (closed)
      end_after_brace(p, s);
    return;
  }
  Token *else_tok = s->then->end_tok ? s->then->end_tok->next : NULL;
  if (else_tok && !tok_is(else_tok, "else"))
    else_tok = NULL;
  if (closed)
    put(p, " ");
  else
    indent(p, level);
  put(p, "else");
  if (s->els->kind == ND_IF) {
    put(p, " ");
    note_trail(p, else_tok);
    put_if(p, s->els, level);
    return;
  }
  if (put_body(p, s->els, level, false, else_tok))
    end_after_brace(p, s);
}

static void put_for(Printer *p, Node *s, int level) {
  put(p, "for (");
  if (!s->init)
    put(p, ";");
  else if (s->init->kind == ND_DECL) {
    put_decl_body(p, s->init, level);
    put(p, ";");
  } else {
    put_expr(p, s->init->kind == ND_EXPR_STMT ? s->init->lhs : s->init, PREC_COMMA);
    put(p, ";");
  }
  if (s->cond) {
    put(p, " ");
    put_cond(p, s->cond);
  }
  put(p, ";");
  if (s->inc) {
    put(p, " ");
    put_expr(p, s->inc, PREC_COMMA);
  }
  put(p, ")");
  if (put_body(p, s->body, level, false, header_close_paren(s->tok)))
    end_after_brace(p, s);
}

static void put_do(Printer *p, Node *s, int level) {
  put(p, "do");
  bool closed = put_body(p, s->body, level, false, s->tok);
  if (closed)
    put(p, " ");
  else
    indent(p, level);
  put(p, "while (");
  put_cond(p, s->cond);
  put(p, ");");
  note_trail(p, s->end_tok);
  newline(p);
}

/* switch (x) {, then `case` labels one level in and their statements one
 * more (put_labeled prints a label a level left of its statements). */
static void put_switch(Printer *p, Node *s, int level) {
  put(p, "switch (");
  put_cond(p, s->cond);
  put(p, ")");
  Token *close = header_close_paren(s->tok);
  if (s->body->kind == ND_BLOCK) {
    put(p, " ");
    note_trail(p, close);
    put_block_inner(p, s->body, level + 2, level);
    end_after_brace(p, s);
    return;
  }
  if (put_body(p, s->body, level, false, close))
    end_after_brace(p, s);
}

/* `case X:`, `default:`, `name:` at one level less than the statements
 * around it, then the labeled statement. */
static void put_labeled(Printer *p, Node *s, int level, Token *start) {
  int label_level = level > 0 ? level - 1 : 0;
  put_lead_comments(p, start, label_level);
  indent(p, label_level);
  if (s->kind == ND_CASE) {
    put(p, "case ");
    put_expr(p, s->case_lo, PREC_COND);
    if (s->case_hi) {
      put(p, " ... ");
      put_expr(p, s->case_hi, PREC_COND);
    }
    put(p, ":");
  } else if (s->kind == ND_DEFAULT) {
    put(p, "default:");
  } else {
    putf(p, "%s:", s->label);
  }
  Node *body = s->body;
  if (!body) {
    newline(p);
    return;
  }
  Token *body_tok = node_first_tok(body);
  Token *colon = tok_before(s->tok, body_tok);
  if (colon && !tok_is(colon, ":"))
    colon = find_at_depth(s->tok, ":", body_tok ? body_tok->seq : -1);
  Token *body_start = colon && colon->next ? colon->next : body_tok;
  if (body->kind == ND_BLOCK) {
    put(p, " ");
    note_trail(p, colon);
    put_block_inner(p, body, label_level + 1, label_level);
    note_trail(p, body->end_tok);
    newline(p);
    return;
  }
  note_trail(p, colon);
  newline(p);
  put_stmt(p, body, level, body_start);
}

static void put_static_assert(Printer *p, Node *s) {
  put(p, "_Static_assert(");
  put_expr(p, s->cond, PREC_COND);
  if (s->lhs) {
    put(p, ", ");
    put_expr(p, s->lhs, PREC_ASSIGN);
  }
  put(p, ");");
}

/* Text kept as written (asm, pragmas): leading and trailing blanks off. */
static void put_verbatim(Printer *p, const char *text) {
  while (*text == ' ' || *text == '\t')
    text++;
  size_t len = strlen(text);
  while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n'))
    len--;
  buf_putn(p->out, text, len);
}

/* Statements that fit one line (or start their own), ended here. */
static void put_simple_stmt(Printer *p, Node *s) {
  switch (s->kind) {
  case ND_EXPR_STMT:
    put_expr(p, s->lhs, PREC_COMMA);
    put(p, ";");
    break;
  case ND_NULL_STMT:
    /* text: `__label__ a, b` or `__attribute__((fallthrough))` */
    if (s->text)
      put(p, s->text);
    put(p, ";");
    break;
  case ND_BREAK:
    put(p, "break;");
    break;
  case ND_CONTINUE:
    put(p, "continue;");
    break;
  case ND_RETURN:
    put(p, "return");
    if (s->lhs) {
      put(p, " ");
      put_expr(p, s->lhs, PREC_COMMA);
    }
    put(p, ";");
    break;
  case ND_GOTO:
    if (s->label) {
      putf(p, "goto %s;", s->label);
    } else {
      put(p, "goto *");
      put_expr(p, s->lhs, PREC_UNARY);
      put(p, ";");
    }
    break;
  case ND_ASM: {
    put_verbatim(p, s->text);
    size_t len = p->out->len;
    if (len && p->out->data[len - 1] != ';')
      put(p, ";");
    break;
  }
  case ND_STATIC_ASSERT:
    put_static_assert(p, s);
    break;
  default:
    internal_error(__FILE__, __LINE__, "cannot print statement node kind %d", s->kind);
  }
  note_trail(p, s->end_tok);
  newline(p);
}

static void put_stmt(Printer *p, Node *s, int level, Token *start) {
  int saved_level = p->level;
  p->level = level;
  if (!start)
    start = node_first_tok(s);
  switch (s->kind) {
  case ND_DECL:
    put_decl_stmt(p, s, level, start);
    break;
  case ND_CASE: case ND_DEFAULT: case ND_LABEL:
    put_labeled(p, s, level, start);
    break;
  case ND_PRAGMA:
    put_lead_comments(p, start, level);
    indent(p, level);
    put_verbatim(p, s->text);
    newline(p);
    break;
  default:
    put_lead_comments(p, start, level);
    indent(p, level);
    switch (s->kind) {
    case ND_BLOCK:
      put_block_inner(p, s, level + 1, level);
      end_after_brace(p, s);
      break;
    case ND_IF: put_if(p, s, level); break;
    case ND_FOR: put_for(p, s, level); break;
    case ND_WHILE:
      put(p, "while (");
      put_cond(p, s->cond);
      put(p, ")");
      if (put_body(p, s->body, level, false, header_close_paren(s->tok)))
        end_after_brace(p, s);
      break;
    case ND_DO: put_do(p, s, level); break;
    case ND_SWITCH: put_switch(p, s, level); break;
    default: put_simple_stmt(p, s); break;
    }
  }
  p->level = saved_level;
}

/* ===================================================================== */
/* Function definitions                                                   */
/* ===================================================================== */

/* The K&R parameter declarations between `)` and `{`. */
static void put_oldstyle_params(Printer *p, Obj *fn) {
  for (int i = 0; i < fn->params.len; i++) {
    Obj *param = vec_get(Obj, &fn->params, i);
    put(p, type_to_str(param->decl_ty ? param->decl_ty : param->ty, param->name));
    put(p, ";");
    newline(p);
  }
}

/* The K&R parameter list `(a, b)`. */
static char *oldstyle_names(Obj *fn) {
  Buf b = {0};
  for (int i = 0; i < fn->params.len; i++)
    buf_printf(&b, "%s%s", i ? ", " : "", vec_get(Obj, &fn->params, i)->name);
  return b.data ? b.data : "";
}

/* The line `static double f(const double *x, int n)`. */
static void put_func_header(Printer *p, Node *def, Obj *fn) {
  Declarator *dv = def->decl_vars.len ? vec_get(Declarator, &def->decl_vars, 0) : NULL;
  Type *ty = dv && dv->ty ? dv->ty : fn->ty;
  Type *stop = def->decl_base;
  Type *spec;
  char *text;
  if (fn->is_oldstyle_def) {
    /* f(a, b) wrapped by whatever the return type needs: `int *f(a, b)`. */
    Type *plain = type_copy(ty);
    plain->params = (Vec){0};
    plain->is_oldstyle = true;
    plain->typedef_obj = NULL;
    text = declarator(plain, stop, fn->name, NULL, true, &spec);
    char *empty = strstr(text, "()");
    if (empty)
      text = format("%.*s(%s)%s", (int)(empty - text), text, oldstyle_names(fn), empty + 2);
  } else {
    text = declarator(ty, stop, fn->name, &fn->params, true, &spec);
  }
  if (stop && spec != stop)
    declarator(ty, NULL, "", NULL, true, &spec);
  if (def->decl_base) {
    put_decl_specs(p, def, spec, 0);
  } else {
    /* A function built by a later pass: its Obj says it all. */
    if (fn->attrs)
      putf(p, "%s ", fn->attrs);
    put(p, storage_keyword(fn->storage));
    if (fn->is_inline)
      put(p, "inline ");
    if (fn->is_noreturn)
      put(p, "_Noreturn ");
    put_spec_type(p, spec, (BodyRule){0}, 0);
  }
  put(p, " ");
  put_decl_text(p, text);
}

static void put_funcdef_at(Printer *p, Node *def, Obj *fn, Token *start) {
  put_lead_comments(p, start, 0);
  indent(p, 0);
  int saved_level = p->level;
  p->level = 0;
  put_func_header(p, def, fn);
  newline(p);
  if (fn->is_oldstyle_def)
    put_oldstyle_params(p, fn);
  Node *body = fn->body;
  Token *open = body->tok && tok_is(body->tok, "{") ? body->tok : NULL;
  if (!body->stmts.len && !(p->comments && open && open->trail_comment) &&
      !(p->comments && body->end_tok && body->end_tok->lead_comments.len) &&
      !body_directives_before(p, body->end_tok)) {
    put(p, "{");
    newline(p);
    put(p, "}");
  } else {
    put_block_inner(p, body, 1, 0);
  }
  note_trail(p, def->end_tok ? def->end_tok : body->end_tok);
  newline(p);
  p->level = saved_level;
}

/* ===================================================================== */
/* Top-level items                                                        */
/* ===================================================================== */

static bool is_builtin_item(Node *item) {
  if (item->kind == ND_FUNCDEF)
    return item->obj && item->obj->is_builtin;
  if (item->kind != ND_DECL || !item->decl_vars.len)
    return false;
  for (int i = 0; i < item->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &item->decl_vars, i);
    if (!dv->obj || !dv->obj->is_builtin)
      return false;
  }
  return true;
}

static bool is_user_item(Node *item) {
  return item->tok && tok_in_user_file(item->tok) && !is_builtin_item(item);
}

static void put_item(Printer *p, Node *item, Token *start) {
  switch (item->kind) {
  case ND_FUNCDEF:
    put_funcdef_at(p, item, item->obj, start);
    break;
  case ND_DECL:
    put_decl_stmt(p, item, 0, start);
    break;
  case ND_PRAGMA:
    put_lead_comments(p, start, 0);
    put_verbatim(p, item->text);
    newline(p);
    break;
  default:
    put_stmt(p, item, 0, start);
    break;
  }
}

/* The first token of each item, from the token stream. */
static Token **item_starts(Unit *unit) {
  Token **starts = xcalloc((size_t)unit->items.len + 1, sizeof(Token *));
  Token *prev_end = NULL;
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    starts[i] = stmt_start(prev_end, item);
    prev_end = item->end_tok;
  }
  return starts;
}

/* What was printed last at top level, for the blank lines between. */
typedef struct Last {
  bool any;
  bool is_func;
  SrcFile *file;
  int end_line;
} Last;

/* One blank line around function definitions, between files, and where
 * the user had one. */
static void separate(Printer *p, Last *last, SrcFile *file, int first_line, int end_line,
                     bool is_func) {
  if (last->any && (last->is_func || is_func || file != last->file ||
                    first_line > last->end_line + 1))
    blank_line(p);
  last->any = true;
  last->is_func = is_func;
  last->file = file;
  last->end_line = end_line;
}

static int directive_start_line(Directive *d) {
  int line = d->line;
  for (int i = 0; i < d->lead_comments.len; i++) {
    line -= count_newlines(vec_get(char, &d->lead_comments, i));
    line -= d->lead_comment_lines ? d->lead_comment_lines[i] : 1;
  }
  return line;
}

/* Macros that select what system headers declare: they must stay in
 * front of the #include lines. */
static bool is_feature_test_macro(const char *name) {
  static const char *const names[] = {
      "_FILE_OFFSET_BITS", "_TIME_BITS", "_REENTRANT", "_THREAD_SAFE", "_USE_MATH_DEFINES",
  };
  if (!name)
    return false;
  size_t len = strlen(name);
  if (name[0] == '_' && len > 7 && str_eq(name + len - 7, "_SOURCE"))
    return true;
  if (starts_with(name, "__STDC_WANT_"))
    return true;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (str_eq(name, names[i]))
      return true;
  return false;
}

/* The header name of an #include line, "<x.h>" or "\"x.h\"", as a copy;
 * the line itself if it has none. */
static char *include_header(const char *text) {
  const char *p = text + 1;
  while (*p == ' ' || *p == '\t')
    p++;
  while ((*p >= 'a' && *p <= 'z') || *p == '_')
    p++;
  while (*p == ' ' || *p == '\t')
    p++;
  char close = *p == '<' ? '>' : *p == '"' ? '"' : '\0';
  const char *end = close ? strchr(p + 1, close) : NULL;
  if (!end)
    return xstrdup(text);
  return xstrndup(p, (size_t)(end + 1 - p));
}

/* Does the #include d name a system header?  The file it entered tells.
 * One that entered none (an include guard or #pragma once skipped it)
 * names what an earlier #include spelled the same entered, if any; else
 * <...> is a system header, "..." the user's. */
static bool include_is_system(Vec *dirs, Directive *d) {
  if (d->to)
    return d->to->is_system;
  char *header = include_header(d->text);
  for (int i = 0; i < dirs->len; i++) {
    Directive *e = vec_get(Directive, dirs, i);
    if (e == d)
      break;
    if (e->kind == DIR_INCLUDE && e->to && str_eq(include_header(e->text), header))
      return e->to->is_system;
  }
  return header[0] == '<';
}

typedef struct TopLevel {
  Printer *p;
  Last last;
  Vec includes_done; /* char *: header names of the #include lines printed */
  bool only_func;
  Vec *dirs;         /* the unit's directives */
  int next_dir;      /* whole-file printing: the first not printed yet */
} TopLevel;

static bool used_define(Printer *p, Directive *d) {
  Vec *used = p->macros ? &p->macros->used_defines : NULL;
  for (int i = 0; used && i < used->len; i++)
    if (used->items[i] == d)
      return true;
  return false;
}

/* Is the #define d the include guard of a user header: the first
 * directive of a file other than the main one, with no replacement, right
 * after an `#ifndef` of its name (in the original, as cpp hides it)?  It
 * means nothing once the header's declarations are printed inline. */
static bool is_include_guard(Vec *dirs, Directive *d) {
  if (d->kind != DIR_DEFINE || d->from->is_main || !d->macro)
    return false;
  /* "#define NAME" as -dD writes it: nothing after the name. */
  const char *rest = d->text + 1;
  rest += strspn(rest, " \t");
  rest += strlen("define");
  rest += strspn(rest, " \t");
  rest += strlen(d->macro);
  if (*rest)
    return false;
  for (int i = 0; i < dirs->len; i++) {
    Directive *e = vec_get(Directive, dirs, i);
    if (e == d)
      break;
    if (e->from == d->from)
      return false;
  }
  /* The last line before the #define that starts with '#'. */
  const char *text = srcfile_contents(d->from);
  if (!text)
    return false;
  const char *line = text, *directive = NULL;
  for (int n = 1; n < d->line && line; n++) {
    const char *p = line + strspn(line, " \t");
    if (*p == '#')
      directive = p + 1;
    line = strchr(line, '\n');
    if (line)
      line++;
  }
  if (!directive)
    return false;
  directive += strspn(directive, " \t");
  size_t n = strlen(d->macro);
  if (starts_with(directive, "ifndef")) {
    directive += 6;
    directive += strspn(directive, " \t");
  } else if (starts_with(directive, "if")) {
    directive += 2;
    directive += strspn(directive, " \t");
    if (*directive++ != '!')
      return false;
    directive += strspn(directive, " \t");
    if (!starts_with(directive, "defined"))
      return false;
    directive += 7;
    directive += strspn(directive, " \t(");
  } else {
    return false;
  }
  char after = directive[n];
  return strncmp(directive, d->macro, n) == 0 &&
         !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
           (after >= '0' && after <= '9') || after == '_');
}

/* Prints the directive d if it is kept, with the user's comments before
 * it.  At top level (level 0) blank lines separate it as the items are
 * separated; inside a function body (level > 0) its comments are indented
 * to level and the caller says whether a blank line goes before (gap).
 * The directive itself starts at column 0.  Returns true if anything was
 * printed. */
static bool put_directive(TopLevel *t, Directive *d, int level, bool gap) {
  Printer *p = t->p;
  bool is_include = d->kind == DIR_INCLUDE;
  bool keep;
  if (is_include)
    keep = include_is_system(t->dirs, d);
  else if (t->only_func)
    keep = is_feature_test_macro(d->macro) || used_define(p, d);
  else
    keep = !is_include_guard(t->dirs, d);
  if (keep && is_include) {
    char *header = include_header(d->text);
    for (int i = 0; i < t->includes_done.len && keep; i++)
      keep = !str_eq(vec_get(char, &t->includes_done, i), header);
    if (keep)
      vec_push(&t->includes_done, header);
  }
  bool comments = p->comments && d->lead_comments.len && !t->only_func;
  if (!keep && !comments)
    return false;
  /* With -f the directives kept form one block in front of the items. */
  if (level == 0 && !t->only_func)
    separate(p, &t->last, d->from, directive_start_line(d), d->line, false);
  else if (level > 0 && gap)
    blank_line(p);
  if (comments) {
    for (int i = 0; i < d->lead_comments.len; i++) {
      indent(p, level);
      put_comment(p, vec_get(char, &d->lead_comments, i), 0);
      int breaks = d->lead_comment_lines ? d->lead_comment_lines[i] : 1;
      newline(p);
      if (breaks >= 2)
        blank_line(p);
    }
  }
  if (keep) {
    put_verbatim(p, d->text);
    newline(p);
  }
  return true;
}

/* Does a directive wait to be printed before the token `next` in a
 * function body? */
static bool body_directives_before(Printer *p, Token *next) {
  TopLevel *t = p->top;
  return t && next && t->next_dir < t->dirs->len &&
         vec_get(Directive, t->dirs, t->next_dir)->seq <= next->seq;
}

/* The directives that stood before the token `next` in a function body,
 * in whole-file printing: a blank line before each where the user had
 * one after what came before (prev_end, NULL: nothing in this block).
 * A macro's name can be printed once its #define is out.  Returns the
 * last one printed, or NULL. */
static Directive *put_body_directives(Printer *p, Token *next, Token *prev_end, int level) {
  Directive *last = NULL;
  while (body_directives_before(p, next)) {
    TopLevel *t = p->top;
    Directive *d = vec_get(Directive, t->dirs, t->next_dir++);
    int first = directive_start_line(d);
    bool gap;
    if (last) {
      gap = d->from == last->from && first > last->line + 1;
    } else {
      int end = prev_end ? prev_end->line : 0;
      if (prev_end && prev_end->trail_comment)
        end += count_newlines(prev_end->trail_comment);
      gap = prev_end && d->from == prev_end->file && first > end + 1;
    }
    if (put_directive(t, d, level, gap))
      last = d;
    if (p->macros && d->seq > p->macros->item_seq)
      p->macros->item_seq = d->seq;
  }
  return last;
}

static void put_top_item(TopLevel *t, Node *item, Token *start) {
  SrcFile *file = start ? start->file : item->tok->file;
  int first = start ? start_line(start) : item->tok->line;
  int end = item->end_tok ? item->end_tok->line : first;
  separate(t->p, &t->last, file, first, end, item->kind == ND_FUNCDEF);
  if (t->p->macros)
    t->p->macros->item_seq = start ? start->seq : item->tok->seq;
  put_item(t->p, item, start);
}

/* Comments after the last item of the main file. */
static void put_final_comments(Printer *p, Unit *unit) {
  if (!p->comments || !unit->items.len)
    return;
  Node *last = vec_last(&unit->items);
  Token *tok = last->end_tok;
  for (int n = 0; tok && tok->kind != TK_EOF && n < TOKEN_SCAN_LIMIT; n++)
    tok = tok->next;
  if (!tok || !tok->lead_comments.len)
    return;
  blank_line(p);
  put_lead_comments(p, tok, 0);
}

static Obj *find_function(Unit *unit, const char *name) {
  for (int i = 0; i < unit->globals.len; i++) {
    Obj *obj = vec_get(Obj, &unit->globals, i);
    if (obj->kind == OBJ_FUNC && !obj->is_builtin && str_eq(obj->name, name))
      return obj;
  }
  return NULL;
}

/* With -f: NAME and what it needs.  The items are printed first, into a
 * buffer, because only then is it known which of the user's #defines they
 * use; the directives kept go in front of them. */
static void print_only_func(TopLevel *t, Unit *unit, const char *name, Token **starts) {
  Obj *fn = find_function(unit, name);
  if (!fn)
    fatal("no function named '%s' in %s", name, unit->path);
  if (!fn->body)
    fatal("function '%s' is declared but not defined in %s", name, unit->path);
  Vec items = {0};
  collect_deps(unit, fn, &items);
  PtrSet wanted = {0};
  for (int i = 0; i < items.len; i++)
    set_add(&wanted, items.items[i]);

  Printer *p = t->p;
  Buf *out = p->out;
  Buf body = {0};
  p->out = &body;
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (is_user_item(item) && set_has(&wanted, item))
      put_top_item(t, item, starts[i]);
  }
  p->out = out;
  t->last = (Last){0};
  for (int i = 0; i < unit->directives.len; i++)
    put_directive(t, vec_get(Directive, &unit->directives, i), 0, false);
  if (out->len && body.len)
    blank_line(p);
  buf_puts(out, buf_str(&body));
  free(body.data);
}

void print_unit(Buf *out, Unit *unit, const PrintOptions *opts) {
  Printer p = {0};
  p.out = out;
  p.comments = opts->comments;
  MacroNames macros = {.directives = &unit->directives, .only_func = opts->only_func != NULL};
  p.macros = &macros;
  active_macros = &macros;
  TopLevel t = {.p = &p, .only_func = macros.only_func, .dirs = &unit->directives};
  Vec *dirs = &unit->directives;
  Token **starts = item_starts(unit);

  if (opts->only_func) {
    print_only_func(&t, unit, opts->only_func, starts);
    active_macros = NULL;
    return;
  }
  p.top = &t;
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (!is_user_item(item))
      continue;
    Token *start = starts[i];
    int seq = start ? start->seq : item->tok->seq;
    while (t.next_dir < dirs->len && vec_get(Directive, dirs, t.next_dir)->seq <= seq)
      put_directive(&t, vec_get(Directive, dirs, t.next_dir++), 0, false);
    put_top_item(&t, item, start);
  }
  while (t.next_dir < dirs->len)
    put_directive(&t, vec_get(Directive, dirs, t.next_dir++), 0, false);
  put_final_comments(&p, unit);
  active_macros = NULL;
}

/* ---- the pieces, for code generators ---- */

static Printer piece_printer(Buf *out) {
  Printer p = {0};
  p.out = out;
  p.comments = true;
  return p;
}

void print_expr(Buf *out, Node *expr) {
  Printer p = piece_printer(out);
  put_expr(&p, expr, PREC_COMMA);
}

void print_stmt(Buf *out, Node *stmt, int indent_level) {
  Printer p = piece_printer(out);
  put_stmt(&p, stmt, indent_level, NULL);
}

void print_decl(Buf *out, Node *decl, int indent_level) {
  Printer p = piece_printer(out);
  put_decl_stmt(&p, decl, indent_level, decl->tok);
}

void print_funcdef(Buf *out, Obj *func) {
  Printer p = piece_printer(out);
  Node *def = func->def_node;
  if (!def) {
    def = new_node(ND_FUNCDEF, func->tok);
    def->obj = func;
  }
  put_funcdef_at(&p, def, func, def->tok);
}

/* ===================================================================== */
/* Dependencies: what a function needs to compile on its own              */
/* ===================================================================== */

typedef struct Deps {
  Unit *unit;
  Token **starts;   /* first token of each item */
  PtrSet seen;      /* Obj *, Type *, StructDef *, EnumDef *, Node * visited */
  PtrSet wanted;    /* top-level items to emit */
  Vec queue;        /* Node *: wanted items not yet walked */
  PtrSet *bodies;   /* functions whose bodies count (collect_deps_roots); NULL: all */
} Deps;

static void deps_obj(Deps *d, Obj *obj);
static void deps_type(Deps *d, Type *ty);
static void deps_node(Deps *d, Node *n);

static void want_item(Deps *d, Node *item) {
  if (item && is_user_item(item) && set_add(&d->wanted, item))
    vec_push(&d->queue, item);
}

/* The top-level item whose tokens include `tok` (binary search by seq). */
static Node *item_containing(Deps *d, Token *tok) {
  if (!tok)
    return NULL;
  int lo = 0, hi = d->unit->items.len - 1, found = -1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    Token *start = d->starts[mid];
    if (start && start->seq <= tok->seq) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0)
    return NULL;
  Node *item = vec_get(Node, &d->unit->items, found);
  if (item->end_tok && item->end_tok->seq < tok->seq)
    return NULL;
  return item;
}

static bool item_declares(Node *item, Obj *obj) {
  if (item->kind == ND_FUNCDEF)
    return item->obj == obj;
  if (item->kind != ND_DECL)
    return false;
  for (int i = 0; i < item->decl_vars.len; i++)
    if (vec_get(Declarator, &item->decl_vars, i)->obj == obj)
      return true;
  return false;
}

/* `struct S;` alone: a forward declaration of the tag. */
static bool item_declares_tag(Node *item, StructDef *sd) {
  return item->kind == ND_DECL && !item->decl_vars.len && item->decl_base &&
         is_record(item->decl_base) && item->decl_base->sdef == sd;
}

static void deps_sdef(Deps *d, StructDef *sd) {
  if (!set_add(&d->seen, sd))
    return;
  want_item(d, sd->def_decl ? item_containing(d, sd->def_decl->tok) : NULL);
  for (int i = 0; i < d->unit->items.len; i++) {
    Node *item = vec_get(Node, &d->unit->items, i);
    if (item_declares_tag(item, sd))
      want_item(d, item);
  }
  if (!sd->def_decl)
    want_item(d, item_containing(d, sd->tok));
  for (int i = 0; i < sd->members.len; i++) {
    Member *m = vec_get(Member, &sd->members, i);
    deps_type(d, m->ty);
    deps_node(d, m->bit_width_expr);
    deps_node(d, m->decl);
  }
}

static void deps_edef(Deps *d, EnumDef *ed) {
  if (!set_add(&d->seen, ed))
    return;
  want_item(d, item_containing(d, ed->def_decl ? ed->def_decl->tok : ed->tok));
  for (int i = 0; i < ed->consts.len; i++)
    deps_node(d, vec_get(Obj, &ed->consts, i)->enum_expr);
}

static void deps_type(Deps *d, Type *ty) {
  if (!ty || !set_add(&d->seen, ty))
    return;
  if (ty->typedef_obj)
    deps_obj(d, ty->typedef_obj);
  deps_type(d, ty->origin);
  deps_type(d, ty->base);
  deps_type(d, ty->return_ty);
  deps_node(d, ty->len_expr);
  for (int i = 0; i < ty->params.len; i++)
    deps_type(d, vec_get(Type, &ty->params, i));
  if (ty->sdef)
    deps_sdef(d, ty->sdef);
  if (ty->edef)
    deps_edef(d, ty->edef);
}

static void deps_obj(Deps *d, Obj *obj) {
  if (!obj || obj->is_builtin || !set_add(&d->seen, obj))
    return;
  deps_type(d, obj->ty);
  deps_type(d, obj->decl_ty);
  if (obj->kind == OBJ_ENUM_CONST) {
    want_item(d, item_containing(d, obj->tok));
    return;
  }
  if (obj->is_local)
    return;
  for (int i = 0; i < d->unit->items.len; i++) {
    Node *item = vec_get(Node, &d->unit->items, i);
    if (item_declares(item, obj))
      want_item(d, item);
  }
}

static void deps_nodes(Deps *d, Vec *nodes) {
  for (int i = 0; i < nodes->len; i++)
    deps_node(d, nodes->items[i]);
}

/* Everything a node refers to: objects, types, nested nodes. */
static void deps_node(Deps *d, Node *n) {
  if (!n || !set_add(&d->seen, n))
    return;
  deps_type(d, n->ty);
  deps_type(d, n->type_arg);
  deps_type(d, n->decl_base);
  deps_type(d, n->decl_align_type);
  if (n->kind == ND_VAR || n->kind == ND_FUNCDEF)
    deps_obj(d, n->obj);
  if (n->defines_struct)
    deps_sdef(d, n->defines_struct);
  if (n->defines_enum)
    deps_edef(d, n->defines_enum);
  Node *children[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc,
                      n->body, n->case_lo, n->case_hi, n->selected, n->decl_align_expr};
  for (size_t i = 0; i < sizeof children / sizeof children[0]; i++)
    deps_node(d, children[i]);
  deps_nodes(d, &n->args);
  deps_nodes(d, &n->stmts);
  deps_nodes(d, &n->assoc_exprs);
  for (int i = 0; i < n->assoc_types.len; i++)
    deps_type(d, n->assoc_types.items[i]);
  for (int i = 0; i < n->decl_vars.len; i++) {
    Declarator *dv = vec_get(Declarator, &n->decl_vars, i);
    deps_type(d, dv->ty);
    deps_node(d, dv->init);
    if (dv->obj && dv->obj->is_local)
      deps_type(d, dv->obj->ty);
  }
  for (int i = 0; i < n->items.len; i++) {
    InitItem *it = vec_get(InitItem, &n->items, i);
    deps_node(d, it->value);
    for (Designator *des = it->desig; des; des = des->next) {
      deps_node(d, des->index);
      deps_node(d, des->index_hi);
    }
  }
  if (n->kind == ND_FUNCDEF && n->obj) {
    for (int i = 0; i < n->obj->params.len; i++)
      deps_obj(d, vec_get(Obj, &n->obj->params, i));
    if (!d->bodies || set_has(d->bodies, n->obj))
      deps_node(d, n->obj->body);
  }
}

void collect_deps(Unit *unit, Obj *func, Vec *items_out) {
  Deps d = {0};
  d.unit = unit;
  d.starts = item_starts(unit);
  deps_obj(&d, func);
  while (d.queue.len) {
    Node *item = d.queue.items[--d.queue.len];
    deps_node(&d, item);
  }
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (set_has(&d.wanted, item))
      vec_push(items_out, item);
  }
  free(d.seen.slots);
  free(d.wanted.slots);
}

/* ===================================================================== */
/* Units made by code generators                                          */
/* ===================================================================== */

void collect_deps_roots(Unit *unit, Vec *roots, Vec *bodies, Vec *items_out) {
  Deps d = {0};
  d.unit = unit;
  d.starts = item_starts(unit);
  PtrSet allowed = {0};
  for (int i = 0; i < bodies->len; i++)
    set_add(&allowed, bodies->items[i]);
  d.bodies = &allowed;
  for (int i = 0; i < roots->len; i++)
    deps_node(&d, roots->items[i]);
  while (d.queue.len) {
    Node *item = d.queue.items[--d.queue.len];
    deps_node(&d, item);
  }
  for (int i = 0; i < unit->items.len; i++) {
    Node *item = vec_get(Node, &unit->items, i);
    if (set_has(&d.wanted, item))
      vec_push(items_out, item);
  }
  free(d.seen.slots);
  free(d.wanted.slots);
  free(allowed.slots);
}

void print_generated(Buf *out, Unit *unit, Vec *items) {
  Printer p = {0};
  p.out = out;
  p.comments = true;
  MacroNames macros = {.directives = &unit->directives, .only_func = true};
  p.macros = &macros;
  active_macros = &macros;
  TopLevel t = {.p = &p, .only_func = true, .dirs = &unit->directives};
  Token **starts = item_starts(unit);
  PtrSet user = {0};
  for (int i = 0; i < unit->items.len; i++)
    set_add(&user, unit->items.items[i]);

  Buf body = {0};
  p.out = &body;
  for (int i = 0; i < items->len; i++) {
    Node *item = items->items[i];
    if (set_has(&user, item)) {
      int k = 0;
      while (unit->items.items[k] != item)
        k++;
      put_top_item(&t, item, starts[k]);
      continue;
    }
    /* generated: set apart by blank lines, except prototypes in a row */
    bool proto = item->kind == ND_DECL;
    if (!(proto && t.last.any && !t.last.is_func))
      blank_line(&p);
    if (t.p->macros)
      t.p->macros->item_seq = item->tok ? item->tok->seq : 0;
    switch (item->kind) {
    case ND_FUNCDEF:
      put_funcdef_at(&p, item, item->obj, NULL);
      break;
    case ND_PRAGMA:
      put_verbatim(&p, item->text);
      newline(&p);
      break;
    default:
      put_item(&p, item, NULL);
      break;
    }
    t.last = (Last){.any = true, .is_func = !proto};
  }
  p.out = out;
  t.last = (Last){0};
  size_t before = out->len;
  for (int i = 0; i < unit->directives.len; i++)
    put_directive(&t, vec_get(Directive, &unit->directives, i), 0, false);
  if (out->len > before && body.len)
    blank_line(&p);
  buf_puts(out, buf_str(&body));
  free(body.data);
  free(user.slots);
  active_macros = NULL;
}
