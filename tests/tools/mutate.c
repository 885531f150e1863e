/*
 * mutate.c: writes a mutant of a C source file to stdout, for the mutation
 * smoke test (tests/mutate.sh).
 *
 *   mutate FILE SEED MODE
 *
 * MODE is one of
 *   truncate   cut the file at a random byte
 *   replace    replace 1-8 random bytes with random bytes (any value)
 *   insert     insert 1-8 random bytes
 *   delete     delete 1-8 random runs of bytes
 *   punct      insert 1-4 random C punctuators or keywords
 *   dupline    duplicate 1-3 random lines
 *   delline    delete 1-3 random lines
 *   swap       swap two random tokens-ish chunks (runs of non-blanks)
 *
 * The same FILE, SEED and MODE always give the same mutant: the random
 * numbers come from a 64-bit LCG seeded with SEED (and MODE), never from
 * the clock.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint32_t rng(void) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t)(rng_state >> 33);
}

/* A uniform integer in [0, n); n > 0. */
static size_t below(size_t n) { return n ? (size_t)(((uint64_t)rng() << 31 ^ rng()) % n) : 0; }

typedef struct {
  unsigned char *data;
  size_t len, cap;
} Text;

static void reserve(Text *t, size_t extra) {
  if (t->len + extra <= t->cap)
    return;
  size_t cap = t->cap ? t->cap : 256;
  while (cap < t->len + extra)
    cap *= 2;
  unsigned char *p = realloc(t->data, cap);
  if (!p) {
    fputs("mutate: out of memory\n", stderr);
    exit(2);
  }
  t->data = p;
  t->cap = cap;
}

static void insert_at(Text *t, size_t pos, const void *s, size_t n) {
  reserve(t, n);
  memmove(t->data + pos + n, t->data + pos, t->len - pos);
  memcpy(t->data + pos, s, n);
  t->len += n;
}

static void delete_at(Text *t, size_t pos, size_t n) {
  if (pos + n > t->len)
    n = t->len - pos;
  memmove(t->data + pos, t->data + pos + n, t->len - pos - n);
  t->len -= n;
}

/* Start of the line holding byte pos, and the end just after its '\n'. */
static size_t line_start(const Text *t, size_t pos) {
  while (pos > 0 && t->data[pos - 1] != '\n')
    pos--;
  return pos;
}
static size_t line_end(const Text *t, size_t pos) {
  while (pos < t->len && t->data[pos] != '\n')
    pos++;
  return pos < t->len ? pos + 1 : pos;
}

static const char *const pieces[] = {
    "{", "}", "(", ")", "[", "]", ";", ",", ".", "->", "++", "--", "&", "*", "+", "-", "~",
    "!", "/", "%", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "^", "|", "&&", "||", "?",
    ":", "=", "*=", "/=", "+=", "<<=", "...", "#", "##", "<:", ":>", "<%", "%>", "%:",
    "\"", "'", "/*", "*/", "//", "\\", "0x", "1e", "1.5f", "'\\0'", "\"str\"",
    " auto ", " break ", " case ", " char ", " const ", " continue ", " default ", " do ",
    " double ", " else ", " enum ", " extern ", " float ", " for ", " goto ", " if ",
    " inline ", " int ", " long ", " register ", " restrict ", " return ", " short ",
    " signed ", " sizeof ", " static ", " struct ", " switch ", " typedef ", " union ",
    " unsigned ", " void ", " volatile ", " while ", " _Alignas ", " _Alignof ", " _Atomic ",
    " _Bool ", " _Complex ", " _Generic ", " _Noreturn ", " _Static_assert ",
    " _Thread_local ", " __attribute__ ", " __typeof__ ", " __extension__ ", " asm ",
    " __builtin_va_arg ", " __builtin_offsetof ", " x ", " main ", " NULL ", "\n#define X\n",
    "\n#include <stdio.h>\n", "\n#if 1\n", "\n#endif\n",
};

int main(int argc, char **argv) {
  if (argc != 4) {
    fputs("usage: mutate FILE SEED MODE\n", stderr);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  Text t = {0};
  for (;;) {
    reserve(&t, 4096);
    size_t n = fread(t.data + t.len, 1, t.cap - t.len, f);
    if (n == 0)
      break;
    t.len += n;
  }
  fclose(f);
  const char *mode = argv[3];
  rng_state = strtoull(argv[2], NULL, 10) * 2654435761ULL;
  for (const char *m = mode; *m; m++)
    rng_state = rng_state * 31 + (unsigned char)*m;
  rng();

  if (strcmp(mode, "truncate") == 0) {
    t.len = below(t.len + 1);
  } else if (strcmp(mode, "replace") == 0) {
    for (size_t k = 1 + below(8); k > 0 && t.len; k--)
      t.data[below(t.len)] = (unsigned char)rng();
  } else if (strcmp(mode, "insert") == 0) {
    for (size_t k = 1 + below(8); k > 0; k--) {
      unsigned char c = (unsigned char)rng();
      insert_at(&t, below(t.len + 1), &c, 1);
    }
  } else if (strcmp(mode, "delete") == 0) {
    for (size_t k = 1 + below(8); k > 0 && t.len; k--)
      delete_at(&t, below(t.len), 1 + below(12));
  } else if (strcmp(mode, "punct") == 0) {
    for (size_t k = 1 + below(4); k > 0; k--) {
      const char *p = pieces[below(sizeof pieces / sizeof pieces[0])];
      insert_at(&t, below(t.len + 1), p, strlen(p));
    }
  } else if (strcmp(mode, "dupline") == 0) {
    for (size_t k = 1 + below(3); k > 0 && t.len; k--) {
      size_t s = line_start(&t, below(t.len)), e = line_end(&t, s);
      size_t n = e - s;
      unsigned char *copy = malloc(n ? n : 1);
      memcpy(copy, t.data + s, n);
      insert_at(&t, below(t.len + 1) == 0 ? 0 : line_start(&t, below(t.len)), copy, n);
      free(copy);
    }
  } else if (strcmp(mode, "delline") == 0) {
    for (size_t k = 1 + below(3); k > 0 && t.len; k--) {
      size_t s = line_start(&t, below(t.len));
      delete_at(&t, s, line_end(&t, s) - s);
    }
  } else if (strcmp(mode, "swap") == 0) {
    /* Swap the bytes of two random runs of non-blank characters by
     * rotating the text between them: a, gap, b  ->  b, gap, a. */
    if (t.len > 2) {
      size_t p = below(t.len), q = below(t.len);
      if (p > q) {
        size_t x = p;
        p = q;
        q = x;
      }
      size_t pe = p, qe = q;
      while (pe < q && t.data[pe] > ' ')
        pe++;
      while (qe < t.len && t.data[qe] > ' ')
        qe++;
      if (pe > p && qe > q) {
        size_t na = pe - p, nb = qe - q;
        unsigned char *a = malloc(na), *b = malloc(nb);
        memcpy(a, t.data + p, na);
        memcpy(b, t.data + q, nb);
        delete_at(&t, q, nb);
        insert_at(&t, q, a, na);
        delete_at(&t, p, na);
        insert_at(&t, p, b, nb);
        free(a);
        free(b);
      }
    }
  } else {
    fprintf(stderr, "mutate: unknown mode '%s'\n", mode);
    return 2;
  }
  fwrite(t.data, 1, t.len, stdout);
  free(t.data);
  return 0;
}
