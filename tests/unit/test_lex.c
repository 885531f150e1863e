/*
 * test_lex.c: unit tests of the lexer (lex.c), the diagnostics (diag.c)
 * and the preprocessor runner (cpp.c).
 *
 * Build and run by hand (from the repository root):
 *
 *   make build/san/libcotan.a
 *   cc -std=c11 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
 *      -Isrc -o /tmp/test_lex tests/unit/test_lex.c build/san/libcotan.a -lm
 *   /tmp/test_lex
 *
 * The last line printed is "N passed, M failed"; the exit status is 0 only
 * if nothing failed.  Errors end the process (exit 1), so the error cases
 * run in a forked child whose status and stderr are checked.  Files the
 * tests need (originals for column realignment) are made under $TMPDIR.
 */
#define _POSIX_C_SOURCE 200809L
#include "cotan.h"

#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* cotan never frees (an arena by design): leaks are not errors here. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

static int passed, failed;

static void check(bool ok, const char *what, int line) {
  if (ok) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL test_lex.c:%d: %s\n", line, what);
}

#define CHECK(cond) check((cond), #cond, __LINE__)
#define CHECK_INT(got, want)                                                  \
  do {                                                                        \
    long long g_ = (long long)(got), w_ = (long long)(want);                  \
    check(g_ == w_, format("%s == %s (got %lld, want %lld)", #got, #want, g_, \
                           w_), __LINE__);                                    \
  } while (0)
#define CHECK_STR(got, want)                                                  \
  do {                                                                        \
    const char *g_ = (got), *w_ = (want);                                     \
    check(g_ && str_eq(g_, w_),                                               \
          format("%s == \"%s\" (got \"%s\")", #got, w_, g_ ? g_ : "(null)"),  \
          __LINE__);                                                          \
  } while (0)

static Token *lx(const char *src) { return lex(src, "test.c"); }

static Token *nth(Token *tok, int n) {
  for (int i = 0; i < n && tok->kind != TK_EOF; i++)
    tok = tok->next;
  return tok;
}

/* The spellings of all tokens, separated by '|'. */
static char *spellings(Token *tok) {
  Buf b = {0};
  for (; tok->kind != TK_EOF; tok = tok->next) {
    buf_puts(&b, tok->text);
    if (tok->next->kind != TK_EOF)
      buf_putc(&b, '|');
  }
  return xstrdup(buf_str(&b));
}

/* A private directory for the files the tests write (removed at the end). */
static char *temp_dir;
static int temp_count;

/* A temporary .c file (cpp wants the suffix) with the given contents;
 * returns its path. */
static char *temp_file(const char *contents) {
  if (!temp_dir) {
    const char *dir = getenv("TMPDIR");
    temp_dir = format("%s/cotan_test_lex_XXXXXX", dir && *dir ? dir : "/tmp");
    if (!mkdtemp(temp_dir)) {
      perror("mkdtemp");
      exit(2);
    }
  }
  char *path = format("%s/f%d.c", temp_dir, temp_count++);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    perror(path);
    exit(2);
  }
  size_t n = strlen(contents);
  if (write(fd, contents, n) != (ssize_t)n)
    exit(2);
  close(fd);
  return path;
}

static Vec temp_paths;

static char *keep_temp(const char *contents) {
  char *path = temp_file(contents);
  vec_push(&temp_paths, path);
  return path;
}

/* Runs fn(arg) in a child; returns its exit status (128 + signal if it
 * died) and its stderr in *err. */
static int run_child(void (*fn)(const char *), const char *arg, char **err) {
  int fds[2];
  if (pipe(fds) != 0)
    exit(2);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    fn(arg);
    exit(0);
  }
  close(fds[1]);
  Buf b = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
    buf_putn(&b, chunk, (size_t)n);
  close(fds[0]);
  int status;
  waitpid(pid, &status, 0);
  *err = xstrdup(buf_str(&b));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void lex_in_child(const char *src) { lx(src); }

/* lex(src) must fail with exit status 1 and a message containing want. */
static void check_lex_error(const char *src, const char *want, int line) {
  char *err;
  int status = run_child(lex_in_child, src, &err);
  check(status == 1 && strstr(err, want) != NULL,
        format("lex(\"%s\") fails with \"%s\" (status %d, stderr: %s)", src, want,
               status, err),
        line);
}
#define CHECK_LEX_ERROR(src, want) check_lex_error((src), (want), __LINE__)

/* ------------------------------------------------------------------ */

static void test_kinds(void) {
  Token *t = lx("int x = 1.5 + 'a' \"s\" ;");
  TokenKind kinds[] = {TK_KEYWORD, TK_IDENT, TK_PUNCT, TK_NUM, TK_PUNCT,
                       TK_CHAR,    TK_STR,   TK_PUNCT, TK_EOF};
  for (int i = 0; i < 9; i++)
    CHECK_INT(nth(t, i)->kind, kinds[i]);
  for (int i = 0; i < 9; i++)
    CHECK_INT(nth(t, i)->seq, i);
  CHECK_STR(nth(t, 8)->text, "");
  CHECK(nth(t, 0)->at_bol && !nth(t, 1)->at_bol);
  CHECK(nth(t, 1)->has_space);
  CHECK(tok_is(nth(t, 0), "int"));
  CHECK(!tok_is(nth(t, 6), "\"s\""));
  CHECK(!tok_is(nth(t, 5), "'a'"));
  CHECK_INT(nth(t, 1)->len, 1);
  CHECK(tok_in_user_file(t));

  t = lx("a$b _x1 \xc3\xa9t\xc3\xa9 x;y");
  CHECK_STR(spellings(t), "a$b|_x1|\xc3\xa9t\xc3\xa9|x|;|y");
  CHECK_INT(nth(t, 2)->kind, TK_IDENT);
  CHECK(nth(t, 4)->has_space == false);
  CHECK_INT(lx("")->kind, TK_EOF);
  CHECK_INT(lx("  \n\n \t")->kind, TK_EOF);
}

static void test_keywords(void) {
  const char *kws[] = {
      "auto", "break", "case", "char", "const", "continue", "default", "do",
      "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline",
      "int", "long", "register", "restrict", "return", "short", "signed",
      "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
      "void", "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool",
      "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
      "_Thread_local", "__inline", "__inline__", "__restrict", "__restrict__",
      "__const", "__const__", "__volatile__", "__signed__", "__attribute__",
      "__attribute", "__extension__", "__typeof__", "__typeof", "typeof",
      "__asm__", "__asm", "asm", "__alignof__", "__alignof", "__label__",
      "__thread", "__auto_type", "__int128", "_Float32", "_Float64",
      "_Float128", "_Float32x", "_Float64x", "__float128", "__builtin_va_arg",
      "__builtin_offsetof", "__builtin_types_compatible_p", "__real__",
      "__imag__", "__complex__"};
  for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
    Token *t = lx(kws[i]);
    check(t->kind == TK_KEYWORD && str_eq(t->text, kws[i]),
          format("'%s' is a keyword", kws[i]), __LINE__);
  }
  const char *idents[] = {"__builtin_inff", "foo", "Int", "integer", "_Bool2",
                          "in", "__func__", "__FUNCTION__", "size_t", "main"};
  for (size_t i = 0; i < sizeof idents / sizeof idents[0]; i++) {
    Token *t = lx(idents[i]);
    check(t->kind == TK_IDENT, format("'%s' is an identifier", idents[i]),
          __LINE__);
  }
  /* With clang's preprocessor, glibc typedefs the _FloatN names. */
  Token *t = lx("# 1 \"<built-in>\" 3\n#define __clang__ 1\n# 1 \"test.c\"\n"
                "_Float32 _Float64x __float128");
  CHECK_INT(t->kind, TK_IDENT);
  CHECK_INT(nth(t, 1)->kind, TK_IDENT);
  CHECK_INT(nth(t, 2)->kind, TK_KEYWORD);
  CHECK_INT(lx("_Float32")->kind, TK_KEYWORD);
}

static void test_punctuators(void) {
  /* 6.4.6: every punctuator, each alone. */
  const char *all = "[ ] ( ) { } . -> ++ -- & * + - ~ ! / % << >> < > <= >= "
                    "== != ^ | && || ? : ; ... = *= /= %= += -= <<= >>= &= ^= "
                    "|= , # ##";
  Token *t = lx(all);
  Buf want = {0};
  for (const char *p = all; *p; p++)
    buf_putc(&want, *p == ' ' ? '|' : *p);
  CHECK_STR(spellings(t), buf_str(&want));
  for (Token *u = t; u->kind != TK_EOF; u = u->next)
    CHECK_INT(u->kind, TK_PUNCT);
  /* Digraphs have their usual spelling. */
  CHECK_STR(spellings(lx("<: :> <% %> %: %:%:")), "[|]|{|}|#|##");
  /* Longest match (6.4p4). */
  CHECK_STR(spellings(lx("a+++++b")), "a|++|++|+|b");
  CHECK_STR(spellings(lx("x<<=y>>=z")), "x|<<=|y|>>=|z");
  CHECK_STR(spellings(lx("f(...)..")), "f|(|...|)|.|.");
  CHECK_STR(spellings(lx("p->q-->r")), "p|->|q|--|>|r");
  CHECK_STR(spellings(lx("a&&b||c&d|e")), "a|&&|b||||c|&|d|||e");
  CHECK_STR(spellings(lx("x.y .5")), "x|.|y|.5");
}

static void check_int_const(const char *src, Type *ty, uint64_t value, int line) {
  Token *t = lx(src);
  check(t->kind == TK_NUM && t->lit_ty == ty && (uint64_t)t->ival == value &&
            str_eq(t->text, src),
        format("%s: type %d value %llu (got kind %d, type %d, value %llu)", src,
               ty->kind, (unsigned long long)value, t->kind,
               t->lit_ty ? (int)t->lit_ty->kind : -1, (unsigned long long)t->ival),
        line);
}
#define CHECK_INT_CONST(src, ty, v) check_int_const((src), (ty), (v), __LINE__)

static void test_integers(void) {
  /* 6.4.4.1p5: decimal constants without suffix stay signed. */
  CHECK_INT_CONST("0", ty_int, 0);
  CHECK_INT_CONST("42", ty_int, 42);
  CHECK_INT_CONST("2147483647", ty_int, 2147483647);
  CHECK_INT_CONST("2147483648", ty_long, 2147483648u);
  CHECK_INT_CONST("4294967295", ty_long, 4294967295u);
  CHECK_INT_CONST("9223372036854775807", ty_long, 9223372036854775807u);
  /* Octal and hexadecimal ones may be unsigned. */
  CHECK_INT_CONST("0x7fffffff", ty_int, 0x7fffffff);
  CHECK_INT_CONST("0x80000000", ty_uint, 0x80000000u);
  CHECK_INT_CONST("0XFFFFFFFF", ty_uint, 0xffffffffu);
  CHECK_INT_CONST("0x100000000", ty_long, 0x100000000u);
  CHECK_INT_CONST("0x8000000000000000", ty_ulong, 0x8000000000000000u);
  CHECK_INT_CONST("0xffffffffffffffff", ty_ulong, UINT64_MAX);
  CHECK_INT_CONST("010", ty_int, 8);
  CHECK_INT_CONST("037777777777", ty_uint, 0xffffffffu);
  CHECK_INT_CONST("0b101", ty_int, 5);
  CHECK_INT_CONST("0xDeadBeef", ty_uint, 0xdeadbeefu);
  /* Suffixes, any case and order. */
  CHECK_INT_CONST("1u", ty_uint, 1);
  CHECK_INT_CONST("1U", ty_uint, 1);
  CHECK_INT_CONST("4294967296u", ty_ulong, 4294967296u);
  CHECK_INT_CONST("1l", ty_long, 1);
  CHECK_INT_CONST("1L", ty_long, 1);
  CHECK_INT_CONST("1ll", ty_llong, 1);
  CHECK_INT_CONST("1LL", ty_llong, 1);
  CHECK_INT_CONST("1ul", ty_ulong, 1);
  CHECK_INT_CONST("1lu", ty_ulong, 1);
  CHECK_INT_CONST("1LU", ty_ulong, 1);
  CHECK_INT_CONST("1uL", ty_ulong, 1);
  CHECK_INT_CONST("1ull", ty_ullong, 1);
  CHECK_INT_CONST("1ULL", ty_ullong, 1);
  CHECK_INT_CONST("1llu", ty_ullong, 1);
  CHECK_INT_CONST("1LLU", ty_ullong, 1);
  CHECK_INT_CONST("0xffffffffffffffffull", ty_ullong, UINT64_MAX);
  CHECK_INT_CONST("0x8000000000000000ll", ty_ullong, 0x8000000000000000u);
  CHECK_INT_CONST("9223372036854775807ll", ty_llong, 9223372036854775807u);
  /* GNU imaginary constants. */
  Token *t = lx("3i");
  CHECK(t->lit_ty && t->lit_ty->kind == TY_COMPLEX);
  t = lx("2.5if 1.0j 4.0fi");
  CHECK(t->lit_ty->kind == TY_COMPLEX && t->lit_ty->base &&
        t->lit_ty->base->kind == TY_FLOAT);
  CHECK(nth(t, 1)->lit_ty->kind == TY_COMPLEX);
  CHECK(nth(t, 2)->lit_ty->kind == TY_COMPLEX);

  CHECK_LEX_ERROR("int x = 99999999999999999999;", "integer constant is too large");
  CHECK_LEX_ERROR("0x10000000000000000", "integer constant is too large");
  CHECK_LEX_ERROR("123abc", "invalid suffix 'abc' on integer constant");
  CHECK_LEX_ERROR("1lL", "invalid suffix 'lL' on integer constant");
  CHECK_LEX_ERROR("1uu", "invalid suffix 'uu' on integer constant");
  CHECK_LEX_ERROR("1f", "invalid suffix 'f' on integer constant");
  CHECK_LEX_ERROR("08", "invalid digit '8' in octal constant");
  CHECK_LEX_ERROR("0b102", "invalid digit '2' in binary constant");
  CHECK_LEX_ERROR("0x", "invalid suffix 'x' on integer constant");
  CHECK_LEX_ERROR("0x1e+5", "invalid suffix '+5' on integer constant");
}

static void check_float_const(const char *src, Type *ty, long double value, int line) {
  Token *t = lx(src);
  check(t->kind == TK_NUM && t->lit_ty == ty && t->fval == value,
        format("%s: type %d value %Lg (got type %d, value %Lg)", src, ty->kind,
               value, t->lit_ty ? (int)t->lit_ty->kind : -1, t->fval),
        line);
}
#define CHECK_FLOAT_CONST(src, ty, v) check_float_const((src), (ty), (v), __LINE__)

static void test_floats(void) {
  /* 6.4.4.2 */
  CHECK_FLOAT_CONST("1.5", ty_double, 1.5L);
  CHECK_FLOAT_CONST("1.", ty_double, 1.0L);
  CHECK_FLOAT_CONST(".25", ty_double, 0.25L);
  CHECK_FLOAT_CONST("1e3", ty_double, 1000.0L);
  CHECK_FLOAT_CONST("1E+3", ty_double, 1000.0L);
  CHECK_FLOAT_CONST("25e-2", ty_double, 0.25L);
  CHECK_FLOAT_CONST("0e0", ty_double, 0.0L);
  CHECK_FLOAT_CONST("09.5", ty_double, 9.5L);
  CHECK_FLOAT_CONST("1.5f", ty_float, 1.5L);
  CHECK_FLOAT_CONST("1.5F", ty_float, 1.5L);
  CHECK_FLOAT_CONST("1.5l", ty_ldouble, 1.5L);
  CHECK_FLOAT_CONST("1.5L", ty_ldouble, 1.5L);
  CHECK_FLOAT_CONST("1.f", ty_float, 1.0L);
  /* Hexadecimal floating constants. */
  CHECK_FLOAT_CONST("0x1p3", ty_double, 8.0L);
  CHECK_FLOAT_CONST("0x1.8p1", ty_double, 3.0L);
  CHECK_FLOAT_CONST("0X.8P+1", ty_double, 1.0L);
  CHECK_FLOAT_CONST("0x1p-2f", ty_float, 0.25L);
  CHECK_FLOAT_CONST("0xAp0L", ty_ldouble, 10.0L);
  /* GNU and TS 18661 suffixes. */
  CHECK_FLOAT_CONST("2.5q", ty_float128, 2.5L);
  CHECK_FLOAT_CONST("2.5Q", ty_float128, 2.5L);
  CHECK_FLOAT_CONST("2.5w", ty_ldouble, 2.5L);
  CHECK_FLOAT_CONST("2.5f128", ty_float128, 2.5L);
  CHECK_FLOAT_CONST("2.5F128", ty_float128, 2.5L);
  CHECK_FLOAT_CONST("2.5f32", ty_float, 2.5L);
  CHECK_FLOAT_CONST("2.5f64", ty_double, 2.5L);
  CHECK_FLOAT_CONST("2.5f32x", ty_double, 2.5L);
  CHECK_FLOAT_CONST("2.5f64x", ty_ldouble, 2.5L);

  CHECK_LEX_ERROR("1.5q1", "invalid suffix 'q1' on floating constant");
  CHECK_LEX_ERROR("1.5ff", "invalid suffix 'ff' on floating constant");
  CHECK_LEX_ERROR("1.5dd", "invalid suffix 'dd' on floating constant");
  CHECK_LEX_ERROR("1.2.3", "invalid suffix '.3' on floating constant");
  CHECK_LEX_ERROR("1e+", "exponent has no digits");
  CHECK_LEX_ERROR("1.5e", "exponent has no digits");
  CHECK_LEX_ERROR("0x1.8", "hexadecimal floating constants require an exponent");
  CHECK_LEX_ERROR("double d = 1.5verylongsuffix;", "invalid suffix 'verylongsuffix'");
}

static void check_char_const(const char *src, Type *ty, int64_t value, int line) {
  Token *t = lx(src);
  check(t->kind == TK_CHAR && t->lit_ty == ty && t->ival == value,
        format("%s: type %d value %lld (got kind %d, type %d, value %lld)", src,
               ty->kind, (long long)value, t->kind,
               t->lit_ty ? (int)t->lit_ty->kind : -1, (long long)t->ival),
        line);
}
#define CHECK_CHAR_CONST(src, ty, v) check_char_const((src), (ty), (v), __LINE__)

static void test_chars(void) {
  /* 6.4.4.4 */
  CHECK_CHAR_CONST("'a'", ty_int, 'a');
  CHECK_CHAR_CONST("' '", ty_int, ' ');
  CHECK_CHAR_CONST("'\"'", ty_int, '"');
  CHECK_CHAR_CONST("'\\n'", ty_int, '\n');
  CHECK_CHAR_CONST("'\\t'", ty_int, '\t');
  CHECK_CHAR_CONST("'\\\\'", ty_int, '\\');
  CHECK_CHAR_CONST("'\\''", ty_int, '\'');
  CHECK_CHAR_CONST("'\\\"'", ty_int, '"');
  CHECK_CHAR_CONST("'\\?'", ty_int, '?');
  CHECK_CHAR_CONST("'\\a'", ty_int, 7);
  CHECK_CHAR_CONST("'\\b'", ty_int, 8);
  CHECK_CHAR_CONST("'\\f'", ty_int, 12);
  CHECK_CHAR_CONST("'\\r'", ty_int, 13);
  CHECK_CHAR_CONST("'\\v'", ty_int, 11);
  CHECK_CHAR_CONST("'\\e'", ty_int, 27);
  CHECK_CHAR_CONST("'\\0'", ty_int, 0);
  CHECK_CHAR_CONST("'\\101'", ty_int, 65);
  CHECK_CHAR_CONST("'\\x41'", ty_int, 65);
  CHECK_CHAR_CONST("'\\x7F'", ty_int, 127);
  /* Plain char is signed here, as with gcc on x86 and most ABIs. */
  if (!ty_char->is_unsigned) {
    CHECK_CHAR_CONST("'\\xff'", ty_int, -1);
    CHECK_CHAR_CONST("'\\377'", ty_int, -1);
  }
  /* Multi-character constants pack their chars, like gcc. */
  CHECK_CHAR_CONST("'ab'", ty_int, 0x6162);
  CHECK_CHAR_CONST("'abcd'", ty_int, 0x61626364);
  CHECK_CHAR_CONST("'\\u00e9'", ty_int, 0xC3A9); /* UTF-8: two chars */
  /* Wide and Unicode constants. */
  CHECK_CHAR_CONST("L'a'", ty_int, 'a');
  CHECK_CHAR_CONST("L'\\xffffffff'", ty_int, -1);
  CHECK_CHAR_CONST("u'a'", ty_ushort, 'a');
  CHECK_CHAR_CONST("u'\xc3\xa9'", ty_ushort, 0xE9);
  CHECK_CHAR_CONST("U'\\U0001F600'", ty_uint, 0x1F600);
  CHECK_CHAR_CONST("U'\xf0\x9f\x98\x80'", ty_uint, 0x1F600);
  CHECK_CHAR_CONST("L'\\u20AC'", ty_int, 0x20AC);
  CHECK_STR(lx("L'x'")->text, "L'x'");

  CHECK_LEX_ERROR("''", "empty character constant");
  CHECK_LEX_ERROR("char c = 'a;", "missing terminating ' character");
  CHECK_LEX_ERROR("'\\", "missing terminating ' character");
  CHECK_LEX_ERROR("'\\x'", "\\x used with no following hex digits");
  CHECK_LEX_ERROR("'\\u12'", "incomplete universal character name");
}

static void test_strings(void) {
  /* 6.4.5 */
  Token *t = lx("\"abc\"");
  CHECK_INT(t->kind, TK_STR);
  CHECK_INT(t->str_len, 4);
  CHECK(memcmp(t->str, "abc", 4) == 0);
  CHECK(t->lit_ty->kind == TY_ARRAY && t->lit_ty->base == ty_char &&
        t->lit_ty->array_len == 4);
  CHECK_STR(t->text, "\"abc\"");

  t = lx("\"\"");
  CHECK_INT(t->str_len, 1);
  CHECK_INT(t->str[0], 0);

  t = lx("\"a\\n\\tb\\\\\\\"\\x41\\0B\\101\\e\"");
  CHECK_INT(t->str_len, 12);
  CHECK(memcmp(t->str, "a\n\tb\\\"A\0BA\033", 12) == 0);

  /* Hex escapes take every hex digit; octal ones at most three. */
  t = lx("\"\\x41g\\1234\"");
  CHECK_INT(t->str_len, 5);
  CHECK(memcmp(t->str, "Ag\1234", 5) == 0);

  t = lx("u8\"\xc3\xa9\\u00e9\"");
  CHECK_INT(t->str_len, 5);
  CHECK(memcmp(t->str, "\xc3\xa9\xc3\xa9", 5) == 0);
  CHECK(t->lit_ty->base == ty_char);

  t = lx("L\"ab\"");
  CHECK_INT(t->str_len, 3);
  CHECK(t->lit_ty->base == ty_int && t->lit_ty->array_len == 3);
  int32_t wide[3];
  memcpy(wide, t->str, sizeof wide);
  CHECK(wide[0] == 'a' && wide[1] == 'b' && wide[2] == 0);

  t = lx("u\"\\U0001F600\xc3\xa9\"");
  CHECK_INT(t->str_len, 4); /* a surrogate pair, e-acute, NUL */
  CHECK(t->lit_ty->base == ty_ushort);
  uint16_t u16[4];
  memcpy(u16, t->str, sizeof u16);
  CHECK(u16[0] == 0xD83D && u16[1] == 0xDE00 && u16[2] == 0xE9 && u16[3] == 0);

  t = lx("U\"\xf0\x9f\x98\x80x\"");
  CHECK_INT(t->str_len, 3);
  CHECK(t->lit_ty->base == ty_uint);
  uint32_t u32[3];
  memcpy(u32, t->str, sizeof u32);
  CHECK(u32[0] == 0x1F600 && u32[1] == 'x' && u32[2] == 0);

  /* Adjacent literals stay separate tokens (the parser joins them). */
  t = lx("\"a\" \"b\" L\"c\"");
  CHECK_STR(spellings(t), "\"a\"|\"b\"|L\"c\"");
  CHECK_INT(nth(t, 1)->kind, TK_STR);

  /* A prefix-like identifier that is not a prefix. */
  CHECK_STR(spellings(lx("Lx u8 U u8x \"q\"")), "Lx|u8|U|u8x|\"q\"");

  CHECK_LEX_ERROR("char *s = \"abc;\nint x;", "missing terminating \" character");
  CHECK_LEX_ERROR("\"abc\\", "missing terminating \" character");
}

static void test_comments(void) {
  Token *t = lx("int a; /* t */\n/* l1 */\n\n// l2\nint b; // end\n/* eof */");
  Token *semi = nth(t, 2);
  CHECK_STR(semi->trail_comment, "/* t */");
  Token *b = nth(t, 3);
  CHECK_INT(b->lead_comments.len, 2);
  CHECK_STR(vec_get(char, &b->lead_comments, 0), "/* l1 */");
  CHECK_STR(vec_get(char, &b->lead_comments, 1), "// l2");
  CHECK_INT(b->lead_comment_lines[0], 2);
  CHECK_INT(b->lead_comment_lines[1], 1);
  CHECK(b->trail_comment == NULL);
  CHECK_STR(nth(t, 5)->trail_comment, "// end");
  Token *eof = nth(t, 6);
  CHECK_INT(eof->kind, TK_EOF);
  CHECK_INT(eof->lead_comments.len, 1);
  CHECK_STR(vec_get(char, &eof->lead_comments, 0), "/* eof */");

  /* Only the first comment after a token trails it; a multi-line comment
   * keeps the line count right. */
  t = lx("x /* a */ /* b\n c */ y\nz");
  CHECK_STR(t->trail_comment, "/* a */");
  CHECK_INT(nth(t, 1)->lead_comments.len, 1);
  CHECK_STR(vec_get(char, &nth(t, 1)->lead_comments, 0), "/* b\n c */");
  CHECK_INT(nth(t, 1)->lead_comment_lines[0], 0);
  CHECK_INT(nth(t, 1)->line, 2);
  CHECK_INT(nth(t, 2)->line, 3);

  /* A comment before the first token leads it; '/' alone is division. */
  t = lx("/**/a/b//c");
  CHECK_STR(spellings(t), "a|/|b");
  CHECK_INT(t->lead_comments.len, 1);
  CHECK_STR(nth(t, 2)->trail_comment, "//c");

  /* Comments in system headers are dropped. */
  t = lx("# 1 \"/usr/include/x.h\" 3\n/* sys */ int s; /* sys2 */\n");
  CHECK_INT(t->lead_comments.len, 0);
  CHECK(nth(t, 2)->trail_comment == NULL);
  CHECK(!tok_in_user_file(t));

  CHECK_LEX_ERROR("int x; /* open", "unterminated comment");
}

static void test_line_markers(void) {
  Token *t = lex("# 1 \"foo.c\"\n# 1 \"<built-in>\"\n# 1 \"<command-line>\"\n"
                 "# 1 \"foo.c\"\nint a;\n#include \"bar.h\"\n# 2 \"foo.c\"\n"
                 "# 10 \"bar.h\" 1\nint b;\n#include <sys.h>\n"
                 "# 1 \"/usr/include/sys.h\" 1 3 4\nint s;\n"
                 "# 11 \"bar.h\" 2\n\nint c;\n# 3 \"foo.c\" 2\nint d;\n"
                 "#line 40 \"foo.c\"\nint e;\n#line 50\nint f;\n",
                 "foo.c");
  Vec *files = lex_files();
  CHECK_INT(files->len, 5);
  SrcFile *foo = files->items[0];
  CHECK_STR(foo->name, "foo.c");
  CHECK(foo->is_main && !foo->is_system && foo->index == 0);
  SrcFile *builtin = files->items[1];
  CHECK(builtin->is_system && !builtin->is_main);
  CHECK(((SrcFile *)files->items[2])->is_system);
  SrcFile *bar = files->items[3];
  CHECK_STR(bar->name, "bar.h");
  CHECK(!bar->is_system && !bar->is_main && bar->index == 3);
  SrcFile *sys = files->items[4];
  CHECK(sys->is_system);

  CHECK(t->file == foo && t->line == 1);
  Token *b = nth(t, 3);
  CHECK(b->file == bar && b->line == 10);
  Token *s = nth(t, 6);
  CHECK(s->file == sys && s->line == 1 && !tok_in_user_file(s));
  Token *c = nth(t, 9);
  CHECK(c->file == bar && c->line == 12);
  Token *d = nth(t, 12);
  CHECK(d->file == foo && d->line == 3);
  CHECK_INT(nth(t, 15)->line, 40);
  CHECK(nth(t, 18)->line == 50 && nth(t, 18)->file == foo);

  /* -dI's #include lines in a user file record the user's #include (not
   * from a system header or <command-line>); the file entered next is its. */
  Vec *dirs = lex_directives();
  CHECK_INT(dirs->len, 2);
  Directive *inc = dirs->items[0];
  CHECK(inc->kind == DIR_INCLUDE && inc->from == foo && inc->to == bar);
  CHECK_INT(inc->line, 2);
  CHECK_INT(inc->seq, 3);
  CHECK_STR(inc->text, "#include \"bar.h\"");
  inc = dirs->items[1];
  CHECK(inc->from == bar && inc->to == sys && inc->line == 11 && inc->seq == 6);

  /* gcc marks the expansion of a system macro in a user file with flag 3
   * without entering a file: the tokens stay the user's. */
  t = lex("# 1 \"m.c\"\nint a = \n# 1 \"m.c\" 3 4\nstdout\n# 1 \"m.c\"\n;\n"
          "# 1 \"/usr/include/h.h\" 3 4\nint h;\n",
          "m.c");
  CHECK(!((SrcFile *)lex_files()->items[0])->is_system);
  CHECK(tok_in_user_file(nth(t, 3)) && tok_in_user_file(nth(t, 4)));
  CHECK(!tok_in_user_file(nth(t, 5))); /* first seen with flag 3 */

  /* clang's spelling of the pseudo files; escaped names. */
  t = lex("# 1 \"m.c\"\n# 1 \"<built-in>\" 1\n# 1 \"<command line>\" 1\n"
          "# 1 \"<built-in>\" 2\n# 1 \"m.c\" 2\n#include \"dir\\\\a\\\"b.h\" /* clang -E -dI */\n"
          "# 1 \"dir\\\\a\\\"b.h\" 1\nint x;\n",
          "m.c");
  CHECK_INT(lex_directives()->len, 1);
  CHECK(vec_get(Directive, lex_directives(), 0)->to == t->file);
  CHECK_STR(t->file->name, "dir\\a\"b.h");
  CHECK(((SrcFile *)lex_files()->items[1])->is_system);
}

/* #include lines from -dI: also those an include guard skips (no file is
 * entered after them), with gcc's comments kept and clang's mark dropped;
 * those inside system headers are passed over, comments and all. */
static void test_includes(void) {
  Token *t = lex("# 0 \"m.c\"\n# 0 \"<built-in>\"\n# 0 \"<command-line>\"\n"
                 "#include \"cmd.h\"\n# 1 \"cmd.h\" 1\n# 1 \"m.c\"\n"
                 "#include <inttypes.h>\n# 1 \"m.c\"\n"
                 "# 1 \"/usr/include/inttypes.h\" 1 3 4\n"
                 "#include <stdint.h> /* two\n   lines */\n"
                 "# 1 \"/usr/include/stdint.h\" 1 3 4\nint s;\n"
                 "# 2 \"/usr/include/inttypes.h\" 2 3 4\n"
                 "#include <stdint.h> /* and\n again */\nint i;\n"
                 "# 2 \"m.c\" 2\n"
                 "#include <stdint.h>\n"
                 "#include \"model.h\"\n# 3 \"m.c\"\n# 1 \"model.h\" 1\n"
                 "#define MODEL_H \n#include <stdint.h>\nint model;\n"
                 "# 4 \"m.c\" 2\n"
                 "#include \"model.h\"\n"
                 "#include <stdio.h> /* a\n  b */\n"
                 "# 1 \"/usr/include/stdio.h\" 1 3 4\nint p;\n# 7 \"m.c\" 2\n"
                 "#include <math.h> /* c */\nint a;\n"
                 "  #  import <x.h> /* clang -E -dI */\nint b;\n",
                 "m.c");
  CHECK_STR(spellings(t), "int|s|;|int|i|;|int|model|;|int|p|;|int|a|;|int|b|;");
  CHECK_INT(nth(t, 4)->line, 4); /* after the comment's line break */
  CHECK_INT(nth(t, 13)->line, 8);
  CHECK_INT(nth(t, 16)->line, 10);
  Vec *dirs = lex_directives();
  const char *want[][3] = {
      /* text, line, the file entered */
      {"#include <inttypes.h>", "1", "/usr/include/inttypes.h"},
      {"#include <stdint.h>", "2", NULL},
      {"#include \"model.h\"", "3", "model.h"},
      {"#define MODEL_H", "1", NULL},
      {"#include <stdint.h>", "2", NULL},
      {"#include \"model.h\"", "4", NULL},
      {"#include <stdio.h> /* a\n  b */", "5", "/usr/include/stdio.h"},
      {"#include <math.h> /* c */", "7", NULL},
      {"#  import <x.h>", "9", NULL},
  };
  int n = (int)(sizeof want / sizeof want[0]);
  CHECK_INT(dirs->len, n);
  for (int i = 0; i < n && i < dirs->len; i++) {
    Directive *d = dirs->items[i];
    CHECK_STR(d->text, want[i][0]);
    CHECK_INT(d->line, atoi(want[i][1]));
    CHECK(want[i][2] ? d->to && str_eq(d->to->name, want[i][2]) : !d->to);
    CHECK(d->kind == (i == 3 ? DIR_DEFINE : DIR_INCLUDE));
  }
  /* A comment left open runs to the end of input. */
  t = lex("# 1 \"m.c\"\n#include <a.h> /* open\nint x;\n", "m.c");
  CHECK(t->kind == TK_EOF && lex_directives()->len == 1);
  t = lex("# 1 \"m.c\"\n#include <a/*b.h> /* x */\nint x;\n", "m.c");
  CHECK_STR(spellings(t), "int|x|;");
  CHECK_STR(vec_get(Directive, lex_directives(), 0)->text, "#include <a/*b.h> /* x */");
}

static void test_columns(void) {
  /* The original file; the text below is what cpp would make of it. */
  const char *orig =
      "int   x  =  N ;   // c\n"              /* 1 */
      "  y = SQ(a) + 1;\n"                    /* 2 */
      "z = /* c */ w;\n"                      /* 3 */
      "a /* x\n"                              /* 4 */
      "  y */ b;\n"                           /* 5 */
      "\tint\tq;\n"                           /* 6 */
      "v = F(1,\n"                            /* 7 */
      "      2) + 3;\n"                       /* 8 */
      "s = 1 + \\\n"                          /* 9 */
      "   2;\n"                               /* 10 */
      "   /* lead */ k;\n"                    /* 11 */
      "#pragma once\n"                        /* 12 */
      "n = x@;\n";                            /* 13 */
  char *path = keep_temp(orig);
  char *pp = format("# 1 \"%s\"\n"
                    "int x = 10 ; // c\n"
                    "  y = ((a)*(a)) + 1;\n"
                    "z = /* c */ w;\n"
                    "a /* x\n"
                    "  y */ b;\n"
                    " int q;\n"
                    "v = 1 + 2\n"
                    "         + 3;\n"
                    "s = 1 + 2;\n"
                    "\n"
                    "   /* lead */ k;\n"
                    "#pragma once\n",
                    path);
  Token *t = lex(pp, path);
  int want[][3] = {
      /* token index, line, column; after a macro expansion the rest of the
       * line is matched from the right end: `;` keeps its column, and so
       * does the expansion's last ')', which lines up with the use's. */
      {0, 1, 1},   {1, 1, 7},   {2, 1, 10},  {3, 1, 13},  {4, 1, 15},  /* int x = 10 ; */
      {5, 2, 3},   {6, 2, 5},   {7, 2, 7},   {14, 2, 7},  {15, 2, 11}, /* y = ( ... ) ) */
      {16, 2, 13}, {17, 2, 15}, {18, 2, 16},                           /* + 1 ; */
      {19, 3, 1},  {20, 3, 3},  {21, 3, 13}, {22, 3, 14},              /* z = w ; */
      {23, 4, 1},  {24, 5, 8},  {25, 5, 9},                            /* a b ; */
      {26, 6, 2},  {27, 6, 6},  {28, 6, 7},                            /* int q ; */
      {29, 7, 1},  {30, 7, 3},  {31, 7, 5},  {33, 7, 5},               /* v = 1 + 2 */
      {34, 8, 10}, {35, 8, 12}, {36, 8, 13},                           /* + 3 ; */
      {37, 9, 1},  {38, 9, 3},  {39, 9, 5},  {40, 9, 7},  {41, 10, 4}, /* s = 1 + 2 */
      {42, 10, 5},
      {43, 11, 15},                                                    /* k */
      {45, 12, 1},                                                     /* #pragma */
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    Token *u = nth(t, want[i][0]);
    check(u->line == want[i][1] && u->col == want[i][2],
          format("token %d '%s' at %d:%d (got %d:%d)", want[i][0], u->text,
                 want[i][1], want[i][2], u->line, u->col),
          __LINE__);
  }
  CHECK_STR(nth(t, 4)->trail_comment, "// c");
  CHECK_STR(nth(t, 43)->text, "k");
  CHECK_INT(nth(t, 45)->kind, TK_PRAGMA);

  /* An error is reported at the original column, with the source line. */
  char *err;
  char *src = format("# 13 \"%s\"\nn = x@;\n", path);
  int status = run_child(lex_in_child, src, &err);
  (void)status;
  char *want_err = format("%s:13:6: error: stray '@' in program\n"
                          "   13 | n = x@;\n"
                          "      |      ^\n",
                          path);
  /* lex_in_child lexes with main path "test.c"; the file is found by its
   * line-marker name. */
  CHECK_STR(err, want_err);
}

static void test_directives(void) {
  const char *orig = "/* top */\n"
                     "#include <stdio.h>   \n"
                     "#define N 3\n"
                     "int a;\n"
                     "#undef N\n"
                     "#pragma omp parallel for\n"
                     "int b;\n";
  char *path = keep_temp(orig);
  char *pp = format("# 1 \"%s\"\n"
                    "# 1 \"<built-in>\"\n#define __STDC__ 1\n"
                    "# 1 \"%s\"\n"
                    "/* top */\n"
                    "#include <stdio.h>\n"
                    "# 1 \"/usr/include/stdio.h\" 1 3 4\n"
                    "#define EOF (-1)\n"
                    "int printf(const char *, ...);\n"
                    "#pragma GCC visibility push(default)\n"
                    "# 3 \"%s\" 2\n"
                    "#define N 3\n"
                    "int a;\n"
                    "#undef N\n"
                    "#pragma omp parallel for\n"
                    "int b;\n"
                    "#ident \"x\"\n",
                    path, path, path);
  Token *t = lex(pp, path);
  Vec *dirs = lex_directives();
  CHECK_INT(dirs->len, 3);
  Directive *inc = dirs->items[0];
  CHECK_INT(inc->kind, DIR_INCLUDE);
  CHECK_STR(inc->text, "#include <stdio.h>");
  CHECK_INT(inc->line, 2);
  CHECK_INT(inc->seq, 0);
  CHECK_STR(inc->to->name, "/usr/include/stdio.h");
  CHECK(inc->from == lex_files()->items[0]);
  CHECK_INT(inc->lead_comments.len, 1);
  CHECK_STR(vec_get(char, &inc->lead_comments, 0), "/* top */");
  CHECK_INT(inc->lead_comment_lines[0], 1);

  Directive *def = dirs->items[1];
  CHECK_INT(def->kind, DIR_DEFINE);
  CHECK_STR(def->macro, "N");
  CHECK_STR(def->text, "#define N 3");
  CHECK_INT(def->line, 3);
  CHECK_INT(def->seq, 10); /* printf's 10 tokens come first */
  Directive *undef = dirs->items[2];
  CHECK_INT(undef->kind, DIR_UNDEF);
  CHECK_STR(undef->macro, "N");
  CHECK_INT(undef->line, 5);
  CHECK_INT(undef->seq, 13);

  /* The system header's pragma is dropped; the user's is one token. */
  Token *pragma = nth(t, 13);
  CHECK_INT(pragma->kind, TK_PRAGMA);
  CHECK_STR(pragma->text, "#pragma omp parallel for");
  CHECK_INT(pragma->line, 6);
  CHECK(!tok_is(pragma, "#pragma omp parallel for"));
  CHECK_STR(spellings(nth(t, 14)), "int|b|;");
  CHECK_INT(nth(t, 14)->line, 7);
}


static Token *eof_for_child;

static void call_error_eof(const char *unused) {
  (void)unused;
  error_tok(eof_for_child, "expected '%s' at end of input", "}");
}

/* The place of each token, "line:col" or "line:col<-MACRO", joined by ' '. */
static char *places(Token *tok) {
  Buf b = {0};
  for (; tok->kind != TK_EOF; tok = tok->next) {
    buf_printf(&b, "%s:%d:%d", tok->text, tok->line, tok->col);
    if (tok->macro)
      buf_printf(&b, "<-%s", tok->macro);
    buf_putc(&b, tok->next->kind == TK_EOF ? '\0' : ' ');
  }
  return xstrdup(buf_str(&b));
}

/* The places of the tokens on `line` of the main file, in order. */
static char *line_places(Token *tok, int line) {
  Buf b = {0};
  for (; tok->kind != TK_EOF; tok = tok->next) {
    if (!tok->file->is_main || tok->line != line)
      continue;
    buf_printf(&b, "%s%s:%d:%d", b.len ? " " : "", tok->text, tok->line, tok->col);
    if (tok->macro)
      buf_printf(&b, "<-%s", tok->macro);
  }
  return xstrdup(buf_str(&b));
}

static void test_macro_names(void) {
  const char *orig = "#include <sys.h>\n"                     /* 1 */
                     "#define N 4\n"                          /* 2 */
                     "#define PI 3.14\n"                      /* 3 */
                     "#define M + 1\n"                        /* 4 */
                     "double w[N][N];\n"                      /* 5 */
                     "double x = PI * N; /* c */\n"           /* 6 */
                     "int y = N M;\n"                         /* 7 */
                     "int z = CL + N;\n"                      /* 8 */
                     "int v = F(N) + N;\n"                    /* 9 */
                     "int t = SYS;\n"                         /* 10 */
                     "#define N 5\n"                          /* 11 */
                     "int k = N;\n"                           /* 12 */
                     "#define PI 3.14 * 1\n"                  /* 13 */
                     "double q = PI;\n"                       /* 14 */
                     "#define E 2.0f\n"                       /* 15 */
                     "double e = x * E\n"                     /* 16 */
                     " ;\n"                                   /* 17 */
                     "int s = SYS2 + SYS3;\n";                /* 18 */
  char *path = keep_temp(orig);
  /* What `cc -E -C -dD` makes of it (system macros on lines of their own,
   * padded to one column before the use, as gcc does). */
  char *pp = format("# 1 \"%s\"\n"
                    "# 1 \"<built-in>\"\n#define __STDC__ 1\n#define CL 7\n"
                    "# 1 \"<command-line>\"\n#define CL 7\n"
                    "# 1 \"%s\"\n"
                    "# 1 \"/usr/include/sys.h\" 1 3 4\n"
                    "#define SYS 42\n#define F(x) (x + 1)\n#define SYS2 0x10\n"
                    "#define SYS3 (1)\n#undef SYS2\n#define SYS2 0x10\n"
                    "# 2 \"%s\" 2\n"
                    "#define N 4\n"
                    "#define PI 3.14\n"
                    "#define M + 1\n"
                    "double w[4][4];\n"
                    "double x = 3.14 * 4; /* c */\n"
                    "int y = 4 + 1;\n"
                    "int z = 7 + 4;\n"
                    "int v = (4 + 1) + 4;\n"
                    "int t = \n"
                    "# 10 \"%s\" 3 4\n"
                    "       42\n"
                    "# 10 \"%s\"\n"
                    "          ;\n"
                    "#define N 5\n"
                    "int k = 5;\n"
                    "#define PI 3.14 * 1\n"
                    "double q = 3.14 * 1;\n"
                    "#define E 2.0f\n"
                    "double e = x * 2.0f\n"
                    " ;\n"
                    "int s = 0x10 + (1);\n",
                    path, path, path, path, path);
  Token *t = lex(pp, path);
  CHECK_STR(line_places(t, 5), "double:5:1 w:5:8 [:5:9 4:5:10<-N ]:5:11 [:5:12 "
                               "4:5:13<-N ]:5:14 ;:5:15");
  CHECK_STR(line_places(t, 6), "double:6:1 x:6:8 =:6:10 3.14:6:12<-PI *:6:15 "
                               "4:6:17<-N ;:6:18");
  /* M expands to two tokens: N's next token does not line up, no name. */
  CHECK_STR(line_places(t, 7), "int:7:1 y:7:5 =:7:7 4:7:9 +:7:11 1:7:11 ;:7:12");
  /* Command-line macros are not the printed file's; the tail is matched
   * from the right, macro names included. */
  CHECK_STR(line_places(t, 8), "int:8:1 z:8:5 =:8:7 7:8:9 +:8:12 4:8:14<-N ;:8:15");
  CHECK_STR(line_places(t, 9), "int:9:1 v:9:5 =:9:7 (:9:9 4:9:9 +:9:9 1:9:9 "
                               "):9:12 +:9:14 4:9:16<-N ;:9:17");
  CHECK_STR(line_places(t, 10), "int:10:1 t:10:5 =:10:7 42:10:9<-SYS ;:10:12");
  CHECK_STR(line_places(t, 12), "int:12:1 k:12:5 =:12:7 5:12:9<-N ;:12:10");
  CHECK_STR(line_places(t, 14), "double:14:1 q:14:8 =:14:10 3.14:14:12 *:14:12 "
                                "1:14:12 ;:14:14");
  CHECK_STR(line_places(t, 16), "double:16:1 e:16:8 =:16:10 x:16:12 *:16:14 "
                                "2.0f:16:16<-E");
  CHECK_STR(line_places(t, 17), ";:17:2");
  CHECK_STR(line_places(t, 18), "int:18:1 s:18:5 =:18:7 0x10:18:9<-SYS2 +:18:14 "
                                "(:18:16 1:18:16 ):18:16 ;:18:20");
  /* The user's directives are still recorded. */
  int defines = 0;
  for (int i = 0; i < lex_directives()->len; i++)
    defines += vec_get(Directive, lex_directives(), i)->kind == DIR_DEFINE;
  CHECK_INT(defines, 6);

  /* The name is kept only if the line ends after it on both sides. */
  char *path2 = keep_temp("#define N 4\nint a = N\n;\nint b = N;\n");
  t = lex(format("# 1 \"%s\"\n#define N 4\nint a = 4\n;\nint b = 4;\n", path2), path2);
  CHECK_STR(places(t), "int:2:1 a:2:5 =:2:7 4:2:9<-N ;:3:1 int:4:1 b:4:5 =:4:7 "
                       "4:4:9<-N ;:4:10");
  t = lex(format("# 1 \"%s\"\n#define N 4\nint a = 4 ;\n", path2), path2);
  CHECK(nth(t, 3)->macro == NULL); /* `N` then a line end, `4` then `;` */
  /* At the end of input. */
  t = lex(format("# 1 \"%s\"\n#define N 4\nint a = 4", path2), path2);
  CHECK_STR(nth(t, 3)->macro, "N");
  CHECK_INT(nth(t, 4)->col, 10);
  /* #undef forgets it; system headers are never realigned. */
  t = lex(format("# 1 \"%s\"\n#define N 4\n#undef N\nint a = 4\n", path2), path2);
  CHECK(nth(t, 3)->macro == NULL);
  t = lex("# 1 \"/usr/include/s.h\" 3\n#define N 4\nint a = 4;\n", "m.c");
  CHECK(nth(t, 3)->macro == NULL);

  /* Many defines: the table grows. */
  Buf big = {0};
  buf_printf(&big, "# 1 \"%s\"\n", path2);
  for (int i = 0; i < 5000; i++)
    buf_printf(&big, "#define M%d %d\n", i, i);
  buf_printf(&big, "#define N 4\n# 2 \"%s\"\nint a = 4\n", path2);
  t = lex(buf_str(&big), path2);
  CHECK_STR(nth(t, 3)->macro, "N");
  /* Comments in a -dD line are not tokens; an unclosed one ends it. */
  t = lex(format("# 1 \"%s\"\n#define N /* a */ 4 // b\n# 2 \"%s\"\nint a = 4\n", path2, path2),
          path2);
  CHECK_STR(nth(t, 3)->macro, "N");
  t = lex(format("# 1 \"%s\"\n#define N 4 /* open\n# 2 \"%s\"\nint a = 4\n", path2, path2),
          path2);
  CHECK_STR(nth(t, 3)->macro, "N");
  /* A function-like macro is not one. */
  t = lex(format("# 1 \"%s\"\n#define N(x) 4\n# 2 \"%s\"\nint a = 4\n", path2, path2), path2);
  CHECK(nth(t, 3)->macro == NULL);
}

/* System headers' macros used in the user's file: gcc puts each expansion
 * on a line of its own between `# N "file" 3 4` and `# N "file"` (exactly
 * as below, from gcc 12 on tests' e7.c); clang leaves it in the line. */
static void test_system_macro_names(void) {
  const char *orig = "#include <math.h>\n"                                  /* 1 */
                     "#include <stdlib.h>\n"                                /* 2 */
                     "double f(void) {\n"                                   /* 3 */
                     "  double y = M_PI;\n"                                 /* 4 */
                     "  return y * M_PI + RAND_MAX + EXIT_SUCCESS;\n"       /* 5 */
                     "}\n"                                                  /* 6 */
                     "int m = INT_MAX + SELF + LOOP;\n"                     /* 7 */
                     "int k = INT_MAX + CL + CLM;\n"                        /* 8 */
                     "int j = N + A;\n";                                    /* 9 */
  char *path = keep_temp(orig);
  const char *sys = "# 1 \"/usr/include/math.h\" 1 3 4\n"
                    "# 1000 \"/usr/include/math.h\" 3 4\n"
                    "#define M_PI 3.14159265358979323846\n"
                    "#define RAND_MAX 2147483647\n"
                    "#define EXIT_SUCCESS 0\n"
                    "#define INT_MAX __INT_MAX__\n"
                    "#define CLM CL\n"
                    "#define SELF SELF\n"
                    "#define LOOP LOOP2\n"
                    "#define LOOP2 LOOP\n";
  /* As gcc 12 writes it: each expansion of a system macro that is not
   * a predefined one on its own line, padded one column short. */
  char *gcc = format("# 0 \"%s\"\n"
                     "# 0 \"<built-in>\"\n#define __INT_MAX__ 0x7fffffff\n"
                     "# 0 \"<command-line>\"\n#define CL 7\n"
                     "# 1 \"%s\"\n%s"
                     "# 3 \"%s\" 2\n"
                     "#define N INT_MAX\n"
                     "#define A N\n"
                     "# 3 \"%s\"\n"
                     "double f(void) {\n"
                     "  double y = \n"
                     "# 4 \"%s\" 3 4\n"
                     "            3.14159265358979323846\n"
                     "# 4 \"%s\"\n"
                     "                ;\n"
                     "  return y * \n"
                     "# 5 \"%s\" 3 4\n"
                     "            3.14159265358979323846 \n"
                     "# 5 \"%s\"\n"
                     "                 + \n"
                     "# 5 \"%s\" 3 4\n"
                     "                   2147483647 \n"
                     "# 5 \"%s\"\n"
                     "                            + \n"
                     "# 5 \"%s\" 3 4\n"
                     "                              0\n"
                     "# 5 \"%s\"\n"
                     "                                          ;\n"
                     "}\n"
                     "int m = 0x7fffffff + \n"
                     "# 7 \"%s\" 3 4\n"
                     "                  SELF \n"
                     "# 7 \"%s\"\n"
                     "                       + \n"
                     "# 7 \"%s\" 3 4\n"
                     "                         LOOP\n"
                     "# 7 \"%s\"\n"
                     "                             ;\n"
                     "int k = 0x7fffffff + 7 + 7;\n"
                     "int j = 0x7fffffff + 0x7fffffff;\n",
                     path, path, sys, path, path, path, path, path, path, path, path,
                     path, path, path, path, path, path);
  Token *t = lex(gcc, path);
  CHECK(!((SrcFile *)lex_files()->items[0])->is_system);
  CHECK_STR(line_places(t, 4), "double:4:3 y:4:10 =:4:12 "
                               "3.14159265358979323846:4:14<-M_PI ;:4:18");
  CHECK_STR(line_places(t, 5), "return:5:3 y:5:10 *:5:12 3.14159265358979323846:5:14<-M_PI "
                               "+:5:19 2147483647:5:21<-RAND_MAX +:5:30 0:5:32<-EXIT_SUCCESS "
                               ";:5:44");
  /* INT_MAX through the predefined __INT_MAX__; a macro that expands to
   * itself needs no name, a loop ends (LOOP, LOOP2). */
  CHECK_STR(line_places(t, 7), "int:7:1 m:7:5 =:7:7 0x7fffffff:7:9<-INT_MAX +:7:17 "
                               "SELF:7:19 +:7:24 LOOP:7:26 ;:7:30");
  /* Never through the command line (CL, CLM): the tail from the right
   * stops at CLM, so the middle gets the place of CL. */
  CHECK_STR(line_places(t, 8), "int:8:1 k:8:5 =:8:7 0x7fffffff:8:9<-INT_MAX +:8:17 "
                               "7:8:19 +:8:19 7:8:19 ;:8:27");
  /* A user macro may lead the chain (the printer emits its #define), but
   * is never a link in it (with -f the printer would not emit N for A). */
  CHECK_STR(line_places(t, 9), "int:9:1 j:9:5 =:9:7 0x7fffffff:9:9<-N +:9:11 "
                               "0x7fffffff:9:13 ;:9:14");
  /* The expansion stretches belong to the user's file. */
  for (Token *tok = t; tok->kind != TK_EOF; tok = tok->next)
    if (tok->file->is_main)
      CHECK(tok_in_user_file(tok));

  /* clang: no markers, the expansion stays in the line, blanks collapsed. */
  char *clang = format("# 1 \"%s\"\n"
                       "# 1 \"<built-in>\" 1\n# 1 \"<built-in>\" 3\n"
                       "#define __INT_MAX__ 2147483647\n#define __clang__ 1\n"
                       "# 1 \"<command line>\" 1\n#define CL 7\n# 1 \"<built-in>\" 2\n"
                       "# 1 \"%s\" 2\n%s"
                       "# 3 \"%s\" 2\n"
                       "#define N INT_MAX\n"
                       "#define A N\n"
                       "# 3 \"%s\"\n"
                       "double f(void) {\n"
                       "  double y = 3.14159265358979323846;\n"
                       "  return y * 3.14159265358979323846 + 2147483647 + 0;\n"
                       "}\n"
                       "int m = 2147483647 + SELF + LOOP;\n"
                       "int k = 2147483647 + 7 + 7;\n"
                       "int j = 2147483647 + 2147483647;\n",
                       path, path, sys, path, path);
  t = lex(clang, path);
  CHECK_STR(line_places(t, 4), "double:4:3 y:4:10 =:4:12 "
                               "3.14159265358979323846:4:14<-M_PI ;:4:18");
  CHECK_STR(line_places(t, 5), "return:5:3 y:5:10 *:5:12 3.14159265358979323846:5:14<-M_PI "
                               "+:5:19 2147483647:5:21<-RAND_MAX +:5:30 0:5:32<-EXIT_SUCCESS "
                               ";:5:44");
  CHECK_STR(line_places(t, 7), "int:7:1 m:7:5 =:7:7 2147483647:7:9<-INT_MAX +:7:17 "
                               "SELF:7:19 +:7:24 LOOP:7:26 ;:7:30");
  CHECK_STR(line_places(t, 8), "int:8:1 k:8:5 =:8:7 2147483647:8:9<-INT_MAX +:8:17 "
                               "7:8:19 +:8:19 7:8:19 ;:8:27");
  CHECK_STR(line_places(t, 9), "int:9:1 j:9:5 =:9:7 2147483647:9:9<-N +:9:11 "
                               "2147483647:9:13 ;:9:14");
}

/* Odd input must not crash the realignment: garbage originals and
 * outputs. */
static void test_realign_garbage(void) {
  char *path = keep_temp("x = N(\"a\\\n b /* \n */ ) ;\\\n\n'q\n\\");
  const char *outs[] = {
      "x = 1 + \"a b\" /* \n */ ) ;\n", "x = ( ( ( ) ) ) /* \n", "x = 'q\n",
      "x = 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1;\n",
      "= = = = = = \\\n", "q\n\n\n\n\n\n\n\n\n\n\n x y z\n"};
  for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++) {
    char *err;
    int status = run_child(lex_in_child, format("# 1 \"%s\"\n#define N 1\n%s", path, outs[i]), &err);
    check(status == 0 || status == 1, format("garbage %zu: status %d", i, status), __LINE__);
  }
}

static void test_end_of_input(void) {
  /* After the main file's last token, as gcc reports it. */
  Token *t = lx("int f() {\n  x;\n\n");
  Token *eof = nth(t, 7);
  CHECK_INT(eof->kind, TK_EOF);
  CHECK(eof->file == lex_files()->items[0]);
  CHECK_INT(eof->line, 2);
  CHECK_INT(eof->col, 5);
  /* Nothing at all, or only comments: line 1, column 1. */
  eof = lx("");
  CHECK(eof->kind == TK_EOF && eof->line == 1 && eof->col == 1);
  CHECK(eof->file == lex_files()->items[0]);
  eof = lx("/* a */\n\n// b\n");
  CHECK(eof->kind == TK_EOF && eof->line == 1 && eof->col == 1);
  /* The comments after the last token still give their own lines: the
   * end's line minus the counts and the comments' line breaks. */
  CHECK_INT(eof->lead_comments.len, 2);
  CHECK_INT(eof->lead_comment_lines[0], 2);
  int b_line = eof->line - eof->lead_comment_lines[1]; /* "// b": no line break */
  CHECK_INT(b_line, 3);
  CHECK_INT(b_line - eof->lead_comment_lines[0], 1);
  eof = nth(lx("int a; /* x */ /* y */\n/* z\n */\n\n"), 3);
  CHECK_INT(eof->kind, TK_EOF);
  CHECK(eof->line == 1 && eof->col == 7);
  CHECK_INT(eof->lead_comments.len, 2);
  CHECK_INT(eof->lead_comment_lines[0], 1);
  int z_line = eof->line - (eof->lead_comment_lines[1] + 1);
  CHECK_INT(z_line, 2);
  CHECK_INT(z_line - (eof->lead_comment_lines[0] + 0), 1);
  /* A token in a header after the main file's last one does not count. */
  eof = nth(lex("# 1 \"m.c\"\nint a;\n# 1 \"h.h\" 1\nint b;\n# 3 \"m.c\" 2\n", "m.c"), 6);
  CHECK(eof->kind == TK_EOF && eof->line == 1 && eof->col == 7);
  CHECK_STR(eof->file->name, "m.c");
  /* After a macro expansion: after the use. */
  char *path = keep_temp("int a = F(1,\n   2) + G(3)\n");
  eof = lex(format("# 1 \"%s\"\nint a = 1 + 2\n   + 3 * 3\n", path), path);
  while (eof->kind != TK_EOF)
    eof = eof->next;
  CHECK(eof->line == 2 && eof->col == 13);

  /* The truncated file of the diagnostics tests. */
  char *e5 = keep_temp("double f(double x) {\n  for (int i = 0; i < 3; i++) {\n    x += i;\n");
  t = lex(format("# 1 \"%s\"\ndouble f(double x) {\n  for (int i = 0; i < 3; i++) {\n"
                 "    x += i;\n",
                 e5),
          e5);
  while (t->kind != TK_EOF)
    t = t->next;
  CHECK(t->line == 3 && t->col == 12);
  char *err;
  eof_for_child = t;
  int status = run_child(call_error_eof, "", &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, format("%s:3:12: error: expected '}' at end of input\n"
                        "    3 |     x += i;\n"
                        "      |            ^\n",
                        e5));
}
/* ---- diag.c ---- */

static void call_error_at(const char *path) {
  SrcFile f = {.name = (char *)path};
  error_at(&f, 2, 9, "expected '%s' after expression", ";");
}

static void call_warn_null_file(const char *msg) {
  Token tok = {.kind = TK_IDENT, .text = "x"};
  warn_tok(&tok, "%s", msg);
  note_tok(NULL, "%s", "a note");
  error_tok(&tok, "%s", msg);
}

static void call_fatal(const char *msg) { fatal("%s", msg); }
static void call_usage_error(const char *msg) { usage_error("%s", msg); }
static void call_internal_error(const char *msg) { internal_error("src/x.c", 12, "%s", msg); }

static void call_error_tok_tab(const char *path) {
  SrcFile f = {.name = (char *)path};
  Token tok = {.kind = TK_IDENT, .text = "y", .file = &f, .line = 1, .col = 3};
  error_tok_noexit(&tok, "first");
  note_tok(&tok, "a note");
  tok.line = 99;
  warn_tok(&tok, "far");
}

static void test_diag(void) {
  char *path = keep_temp("int f(void) {\n    x = y\n}\n");
  char *err;
  int status = run_child(call_error_at, path, &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, format("%s:2:9: error: expected ';' after expression\n"
                        "    2 |     x = y\n"
                        "      |         ^\n",
                        path));

  status = run_child(call_warn_null_file, "no place", &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, "cotan: warning: no place\ncotan: note: a note\ncotan: error: no place\n");

  status = run_child(call_fatal, "cannot open 'x.c': No such file or directory", &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, "cotan: error: cannot open 'x.c': No such file or directory\n");

  status = run_child(call_usage_error, "no input file", &err);
  CHECK_INT(status, 2);
  CHECK_STR(err, "cotan: error: no input file\nTry 'cotan --help' for more information.\n");

  status = run_child(call_internal_error, "unreachable", &err);
  CHECK_INT(status, 3);
  CHECK_STR(err, "cotan: internal error: src/x.c:12: unreachable\n");

  char *tabbed = keep_temp("\t\ty;\n");
  status = run_child(call_error_tok_tab, tabbed, &err);
  CHECK_INT(status, 0);
  CHECK_STR(err, format("%s:1:3: error: first\n"
                        "    1 | \t\ty;\n"
                        "      | \t\t^\n"
                        "%s:1:3: note: a note\n"
                        "    1 | \t\ty;\n"
                        "      | \t\t^\n"
                        "%s:99:3: warning: far\n",
                        tabbed, tabbed, tabbed));
}

/* ---- cpp.c ---- */

static void call_cpp(const char *path) {
  CppOptions opts = {.cc = getenv("CC")};
  char *text = cpp_run(path, &opts);
  fputs(text, stderr);
}

static void call_cpp_with_cc(const char *cc_and_path) {
  /* "CC|path" */
  const char *bar = strchr(cc_and_path, '|');
  CppOptions opts = {.cc = xstrndup(cc_and_path, (size_t)(bar - cc_and_path))};
  cpp_run(bar + 1, &opts);
}

static void call_cpp_flags(const char *path) {
  CppOptions opts = {.cc = "cc"};
  vec_push(&opts.flags, "-DVALUE=41");
  vec_push(&opts.flags, "-UNOTHING");
  char *text = cpp_run(path, &opts);
  Token *t = lex(text, path);
  while (t->kind != TK_EOF && !tok_in_user_file(t))
    t = t->next;
  fputs(spellings(t), stderr);
}

/* A header next to the temporary .c files, removed at the end. */
static void keep_header(const char *name, const char *contents) {
  keep_temp("");
  char *path = format("%s/%s", temp_dir, name);
  FILE *f = fopen(path, "w");
  if (!f || fputs(contents, f) < 0 || fclose(f) != 0)
    exit(2);
  vec_push(&temp_paths, path);
}

/* What `cotan print` makes of the file at path (cpp, lex, parse, print). */
static char *print_file(const char *path, const char *only_func) {
  CppOptions opts = {.cc = "cc"};
  Unit *unit = parse_unit(lex(cpp_run(path, &opts), path), path);
  Buf out = {0};
  PrintOptions popts = {.only_func = only_func, .comments = true};
  print_unit(&out, unit, &popts);
  return xstrdup(buf_str(&out));
}

/* The directives cpp hides the places of, through the whole pipeline:
 * includes an include guard skips, include guards, directives inside
 * function bodies. */
static void test_print_directives(void) {
  keep_header("guard.h", "#ifndef GUARD_H\n/* guard */\n#define GUARD_H\nint guard(void);\n#endif\n");
  keep_header("flag.h", "#define USE_FLAG\nint flag(void);\n");
  keep_header("bang.h", "#if !defined( BANG_H )\n#define BANG_H\nint bang(void);\n#endif\n");
  char *path = keep_temp("#include <inttypes.h>\n"
                         "#include <stdint.h>\n"
                         "#include \"guard.h\"\n"
                         "#include \"guard.h\"\n"
                         "#include \"flag.h\"\n"
                         "#include \"bang.h\"\n"
                         "int f(int a) {\n"
                         "  int b = a + 1;\n"
                         "\n"
                         "  /* q */\n"
                         "#define Q 4\n"
                         "  b += Q;\n"
                         "  {\n"
                         "#undef Q\n"
                         "  }\n"
                         "#define Q 5\n"
                         "  return b + Q +\n"
                         "#undef Q\n"
                         "    1;\n"
                         "}\n"
                         "int g(void) {\n"
                         "#define EMPTY\n"
                         "}\n");
  CHECK_STR(print_file(path, NULL),
            "#include <inttypes.h>\n"
            "#include <stdint.h>\n"
            "\n"
            "/* guard */\n"
            "int guard(void);\n"
            "\n"
            "#define USE_FLAG\n"
            "int flag(void);\n"
            "\n"
            "int bang(void);\n"
            "\n"
            "int f(int a)\n"
            "{\n"
            "    int b = a + 1;\n"
            "\n"
            "    /* q */\n"
            "#define Q 4\n"
            "    b += Q;\n"
            "    {\n"
            "#undef Q\n"
            "    }\n"
            "#define Q 5\n"
            "    return b + Q + 1;\n"
            "#undef Q\n"
            "}\n"
            "\n"
            "int g(void)\n"
            "{\n"
            "#define EMPTY\n"
            "}\n");
}

static void test_cpp(void) {
  char *err;
  int status = run_child(call_cpp, "no-such-file.c", &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, "cotan: error: cannot open 'no-such-file.c': No such file or directory\n");

  const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  status = run_child(call_cpp, tmpdir, &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, format("cotan: error: '%s' is a directory\n", tmpdir));

  char *path = keep_temp("int v = VALUE + __COTAN__;\n");
  status = run_child(call_cpp_flags, path, &err);
  CHECK_INT(status, 0);
  CHECK_STR(err, "int|v|=|41|+|1|;");

  char *bad = keep_temp("#error boom\n");
  status = run_child(call_cpp, bad, &err);
  CHECK_INT(status, 1);
  CHECK(strstr(err, "boom") != NULL);
  CHECK(strstr(err, format("cotan: error: preprocessing '%s' failed\n", bad)) != NULL);

  status = run_child(call_cpp_with_cc, format("no-such-compiler-xyz|%s", path), &err);
  CHECK_INT(status, 1);
  CHECK(strstr(err, "cannot run 'no-such-compiler-xyz'") != NULL);
  CHECK(strstr(err, "preprocessing") != NULL);

  /* $CC is split on blanks ("ccache gcc"). */
  status = run_child(call_cpp_with_cc, format("  env   cc |%s", path), &err);
  CHECK_INT(status, 0);

  char *empty = keep_temp("");
  status = run_child(call_cpp, empty, &err);
  CHECK_INT(status, 0);

  /* Binary data is refused before the preprocessor sees it: a NUL byte,
   * or invalid UTF-8 with control characters.  Either half alone is text
   * (a Latin-1 comment, an escape character in a string). */
  const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0int x;\n";
  char *bin = keep_temp("");
  int fd = open(bin, O_WRONLY | O_TRUNC);
  CHECK(fd >= 0 && write(fd, binary, sizeof binary - 1) == (ssize_t)(sizeof binary - 1));
  close(fd);
  status = run_child(call_cpp, bin, &err);
  CHECK_INT(status, 1);
  CHECK_STR(err, format("cotan: error: '%s' is not a C source file (it contains binary data)\n",
                        bin));
  char *mixed = keep_temp("int x; /* \xe9\x01 */\n");
  status = run_child(call_cpp, mixed, &err);
  CHECK_INT(status, 1);
  CHECK(strstr(err, "contains binary data") != NULL);
  char *latin1 = keep_temp("int x; /* caf\xe9 */\n");
  status = run_child(call_cpp, latin1, &err);
  CHECK_INT(status, 0);
  char *escape = keep_temp("char *s = \"\x1b[0m\";\n");
  status = run_child(call_cpp, escape, &err);
  CHECK_INT(status, 0);
  char *utf8 = keep_temp("int x; /* \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 \x01 */\n");
  status = run_child(call_cpp, utf8, &err);
  CHECK_INT(status, 0);
}

static void test_stray(void) {
  CHECK_LEX_ERROR("int @;", "stray '@' in program");
  CHECK_LEX_ERROR("x = `y`;", "stray '`' in program");
  CHECK_LEX_ERROR("a \\ b", "stray '\\' in program");
  CHECK_LEX_ERROR("a \x01 b", "stray '\\1' in program");
  CHECK_LEX_ERROR("a \x7f b", "stray '\\177' in program");
  CHECK_LEX_ERROR("\n\n  @", "test.c:3:3: error: stray '@' in program");
}

int main(void) {
  test_kinds();
  test_keywords();
  test_punctuators();
  test_integers();
  test_floats();
  test_chars();
  test_strings();
  test_comments();
  test_line_markers();
  test_includes();
  test_columns();
  test_directives();
  test_macro_names();
  test_system_macro_names();
  test_realign_garbage();
  test_end_of_input();
  test_diag();
  test_cpp();
  test_print_directives();
  test_stray();
  for (int i = 0; i < temp_paths.len; i++)
    remove(temp_paths.items[i]);
  if (temp_dir)
    rmdir(temp_dir);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
