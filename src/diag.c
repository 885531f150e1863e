/*
 * diag.c: diagnostics in the form gcc and clang use, so editors and users
 * read them without surprise:
 *
 *     model.c:12:9: error: expected ';' after expression
 *        12 |     x = y
 *           |         ^
 *
 * The source line is read back from the original file (not from cpp's
 * output), so it shows what the user wrote.
 */
#include "cotan.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *srcfile_contents(SrcFile *file) {
  if (!file)
    return NULL;
  if (!file->load_tried) {
    file->load_tried = true;
    /* Only regular files: a line marker may name /dev/zero or a FIFO. */
    struct stat st;
    if (stat(file->name, &st) == 0 && S_ISREG(st.st_mode))
      file->contents = read_file(file->name, NULL);
  }
  return file->contents;
}

/* Finds line `line` (1-based) of `text`; sets *len to its length without
 * the line break.  NULL if the file has fewer lines. */
static const char *find_line(const char *text, int line, int *len) {
  const char *p = text;
  for (int n = 1; n < line; n++) {
    p = strchr(p, '\n');
    if (!p)
      return NULL;
    p++;
  }
  if (!*p && line > 1 && p[-1] == '\n')
    return NULL; /* past the last line */
  const char *end = p;
  while (*end && *end != '\n')
    end++;
  if (end > p && end[-1] == '\r')
    end--;
  *len = (int)(end - p);
  return p;
}

/* Prints the source line and a caret under column `col`.  Tabs before the
 * column are repeated in the caret line so the caret lines up however the
 * terminal expands them; UTF-8 continuation bytes take no column. */
static void show_source(SrcFile *file, int line, int col) {
  const char *text = srcfile_contents(file);
  int len;
  const char *src = (text && line > 0) ? find_line(text, line, &len) : NULL;
  if (!src)
    return;
  int width = fprintf(stderr, "%5d", line);
  fprintf(stderr, " | %.*s\n", len, src);
  fprintf(stderr, "%*s | ", width, "");
  if (col < 1)
    col = 1;
  for (int i = 0; i < col - 1 && i < len; i++) {
    unsigned char c = (unsigned char)src[i];
    if (c == '\t')
      fputc('\t', stderr);
    else if (c < 0x80 || c >= 0xC0)
      fputc(' ', stderr);
  }
  fputs("^\n", stderr);
}

/* The one place every located diagnostic goes through.  A NULL file (a
 * token cotan synthesized) is reported without a place. */
static void report(SrcFile *file, int line, int col, const char *kind,
                   const char *fmt, va_list ap) {
  if (file)
    fprintf(stderr, "%s:%d:%d: %s: ", file->name, line, col, kind);
  else
    fprintf(stderr, "cotan: %s: ", kind);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  if (file)
    show_source(file, line, col);
}

static void report_tok(const Token *tok, const char *kind, const char *fmt,
                       va_list ap) {
  if (!tok)
    report(NULL, 0, 0, kind, fmt, ap);
  else
    report(tok->file, tok->line, tok->col, kind, fmt, ap);
}

void error_tok(const Token *tok, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report_tok(tok, "error", fmt, ap);
  va_end(ap);
  exit(EXIT_INPUT_ERROR);
}

void error_tok_noexit(const Token *tok, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report_tok(tok, "error", fmt, ap);
  va_end(ap);
}

void warn_tok(const Token *tok, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report_tok(tok, "warning", fmt, ap);
  va_end(ap);
}

void note_tok(const Token *tok, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report_tok(tok, "note", fmt, ap);
  va_end(ap);
}

void error_at(SrcFile *file, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(file, line, col, "error", fmt, ap);
  va_end(ap);
  exit(EXIT_INPUT_ERROR);
}

void fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(NULL, 0, 0, "error", fmt, ap);
  va_end(ap);
  exit(EXIT_INPUT_ERROR);
}

void usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(NULL, 0, 0, "error", fmt, ap);
  va_end(ap);
  fputs("Try 'cotan --help' for more information.\n", stderr);
  exit(EXIT_USAGE);
}

void internal_error(const char *cfile, int cline, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "cotan: internal error: %s:%d: ", cfile, cline);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(EXIT_INTERNAL);
}
