/*
 * util.c: arena allocation, growable vectors and string buffers, file I/O.
 * Memory inside cotan is never freed: a run is short and its data lives
 * until the end, so an arena of calloc'd blocks keeps every phase simple.
 */
#include "cotan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) {
    fprintf(stderr, "cotan: error: out of memory\n");
    exit(EXIT_INTERNAL);
  }
  return p;
}

char *xstrndup(const char *s, size_t n) {
  char *copy = xcalloc(n + 1, 1);
  memcpy(copy, s, n);
  return copy;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *format(const char *fmt, ...) {
  Buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return b.data ? b.data : xstrdup("");
}

bool str_eq(const char *a, const char *b) { return strcmp(a, b) == 0; }

bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

void vec_push(Vec *v, void *item) {
  if (v->len == v->cap) {
    int cap = v->cap ? v->cap * 2 : 8;
    void **items = xcalloc((size_t)cap, sizeof(void *));
    if (v->len)
      memcpy(items, v->items, (size_t)v->len * sizeof(void *));
    free(v->items);
    v->items = items;
    v->cap = cap;
  }
  v->items[v->len++] = item;
}

void *vec_last(const Vec *v) { return v->len ? v->items[v->len - 1] : NULL; }

/* Makes room for n more bytes plus the terminating NUL. */
static void buf_reserve(Buf *b, size_t n) {
  if (b->len + n + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + n + 1)
    cap *= 2;
  char *data = realloc(b->data, cap);
  if (!data) {
    fprintf(stderr, "cotan: error: out of memory\n");
    exit(EXIT_INTERNAL);
  }
  b->data = data;
  b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_putc(Buf *b, char c) { buf_putn(b, &c, 1); }

void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    internal_error(__FILE__, __LINE__, "bad format '%s'", fmt);
  buf_reserve(b, (size_t)n);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(b, fmt, ap);
  va_end(ap);
}

const char *buf_str(Buf *b) { return b->data ? b->data : ""; }

char *read_file(const char *path, size_t *len_out) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  Buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    buf_putn(&b, chunk, n);
  bool failed = ferror(fp);
  int saved = errno;
  fclose(fp);
  if (failed) {
    free(b.data);
    errno = saved ? saved : EIO;
    return NULL;
  }
  if (len_out)
    *len_out = b.len;
  return b.data ? b.data : xstrdup("");
}

bool write_file_atomic(const char *path, const char *data, size_t len) {
  char *tmp = format("%s.cotan-tmp.%ld", path, (long)getpid());
  FILE *fp = fopen(tmp, "wb");
  if (!fp)
    return false;
  bool ok = fwrite(data, 1, len, fp) == len;
  ok = (fclose(fp) == 0) && ok;
  if (ok && rename(tmp, path) == 0)
    return true;
  int saved = errno;
  remove(tmp);
  errno = saved;
  return false;
}
