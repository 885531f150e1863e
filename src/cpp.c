/*
 * cpp.c: running the system C preprocessor.
 *
 * cotan does not preprocess by itself: the user's compiler knows the
 * system's headers, predefined macros and include paths.  We run
 *
 *     $CC -E -C -dD -dI -D__COTAN__=1 <user flags> FILE.c
 *
 * (several files: `-x c -` instead of FILE.c, on a wrapper that #includes
 * each, see cpp_run_program) directly (fork and exec, no shell, no temporary file) and read its output
 * through a pipe.  -C keeps comments (the printer re-emits them), -dD keeps
 * #define/#undef lines (the printer re-emits the user's), -dI keeps
 * #include lines, also those an include guard skips (the printer re-emits
 * the user's includes of system headers).  gcc and clang both know -dI.  The
 * preprocessor's stderr goes straight to the user, so its own messages
 * (missing header, #error) appear as they would when compiling.
 */
#include "cotan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Does the start of a file look like binary data rather than text?  A NUL
 * byte, or invalid UTF-8 together with control characters other than the
 * blanks C allows (5.2.1), says so; either alone may be a Latin-1 comment
 * or an odd escape in a string. */
static bool looks_binary(const unsigned char *s, size_t n) {
  bool invalid_utf8 = false, controls = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == 0)
      return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r')
      controls = true;
    else if (c == 0x7F)
      controls = true;
    if (c < 0x80)
      continue;
    size_t extra = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (extra == 0) {
      invalid_utf8 = true;
      continue;
    }
    size_t k = 1;
    while (k <= extra && i + k < n && (s[i + k] & 0xC0) == 0x80)
      k++;
    if (k <= extra && i + k < n) /* cut short (not by the end of the sample) */
      invalid_utf8 = true;
    i += k - 1;
  }
  return invalid_utf8 && controls;
}

/* Checks that `path` names a readable regular file of text, so the user
 * gets one clear message from us rather than the preprocessor's. */
static void check_input(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    fatal("cannot open '%s': %s", path, strerror(errno));
  if (S_ISDIR(st.st_mode))
    fatal("'%s' is a directory", path);
  if (!S_ISREG(st.st_mode))
    fatal("'%s' is not a regular file", path);
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    fatal("cannot open '%s': %s", path, strerror(errno));
  static unsigned char head[65536];
  size_t n = 0;
  while (n < sizeof head) {
    ssize_t got = read(fd, head + n, sizeof head - n);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      fatal("cannot read '%s': %s", path, strerror(errno));
    if (got == 0)
      break;
    n += (size_t)got;
  }
  close(fd);
  if (looks_binary(head, n))
    fatal("'%s' is not a C source file (it contains binary data)", path);
}

/* The argument vector: $CC split on blanks (so CC="ccache gcc" works),
 * our fixed flags, the user's flags, the file ("-x c -": standard input).
 * NULL-terminated. */
static char **build_argv(const char *path, const CppOptions *opts) {
  Vec args = {0};
  const char *cc = (opts && opts->cc && *opts->cc) ? opts->cc : "cc";
  for (const char *p = cc; *p;) {
    while (*p == ' ' || *p == '\t')
      p++;
    const char *start = p;
    while (*p && *p != ' ' && *p != '\t')
      p++;
    if (p > start)
      vec_push(&args, xstrndup(start, (size_t)(p - start)));
  }
  if (args.len == 0)
    vec_push(&args, "cc");
  vec_push(&args, "-E");
  vec_push(&args, "-C");
  vec_push(&args, "-dD");
  vec_push(&args, "-dI");
  vec_push(&args, "-D__COTAN__=1");
  if (opts)
    for (int i = 0; i < opts->flags.len; i++)
      vec_push(&args, opts->flags.items[i]);
  if (str_eq(path, "-")) {
    vec_push(&args, "-x");
    vec_push(&args, "c");
  }
  vec_push(&args, (char *)path);
  vec_push(&args, NULL);
  return (char **)args.items;
}

/* In the child: stdin from in_fd (if not -1), stdout to the pipe, then
 * exec.  Never returns. */
static _Noreturn void exec_child(char **argv, int pipe_fds[2], int in_fd) {
  close(pipe_fds[0]);
  if (dup2(pipe_fds[1], STDOUT_FILENO) < 0)
    _exit(127);
  close(pipe_fds[1]);
  if (in_fd >= 0) {
    if (dup2(in_fd, STDIN_FILENO) < 0)
      _exit(127);
    close(in_fd);
  }
  execvp(argv[0], argv);
  /* Only async-signal-safe calls after fork: write(), not stdio. */
  const char *msg = strerror(errno);
  const char *parts[] = {"cotan: error: cannot run '", argv[0], "': ", msg, "\n"};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    ssize_t unused = write(STDERR_FILENO, parts[i], strlen(parts[i]));
    (void)unused;
  }
  _exit(127);
}

/* Reads everything from fd into a NUL-terminated string. */
static char *read_all(int fd, const char *what) {
  Buf out = {0};
  char chunk[65536];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      fatal("reading the preprocessor output for %s: %s", what, strerror(errno));
    if (n == 0)
      break;
    buf_putn(&out, chunk, (size_t)n);
  }
  return out.data ? out.data : xstrdup("");
}

/* Starts a process that writes `text` into a pipe and exits, and returns
 * the pipe's read end: the preprocessor's standard input.  A process of
 * its own, so that neither side waits for the other whatever the sizes
 * (and a preprocessor that exits early only ends the writer). */
static pid_t start_writer(const char *text, int *read_fd) {
  int fds[2];
  if (pipe(fds) != 0)
    fatal("cannot create a pipe: %s", strerror(errno));
  pid_t pid = fork();
  if (pid < 0)
    fatal("cannot start the preprocessor: %s", strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    size_t len = strlen(text);
    while (len > 0) {
      ssize_t n = write(fds[1], text, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit(1);
      text += n;
      len -= (size_t)n;
    }
    _exit(0);
  }
  close(fds[1]);
  *read_fd = fds[0];
  return pid;
}

static void wait_for(pid_t pid, int *status, const char *what) {
  while (waitpid(pid, status, 0) < 0) {
    if (errno != EINTR)
      fatal("preprocessing %s failed: %s", what, strerror(errno));
  }
}

/* Runs the preprocessor on path ("-": on `input`, written to its standard
 * input); `what` names the input in messages. */
static char *run(const char *path, const char *input, const CppOptions *opts, const char *what) {
  char **argv = build_argv(path, opts);
  fflush(stdout);
  fflush(stderr);
  int in_fd = -1;
  pid_t writer = input ? start_writer(input, &in_fd) : -1;

  int pipe_fds[2];
  if (pipe(pipe_fds) != 0)
    fatal("cannot create a pipe: %s", strerror(errno));
  pid_t pid = fork();
  if (pid < 0)
    fatal("cannot start the preprocessor: %s", strerror(errno));
  if (pid == 0)
    exec_child(argv, pipe_fds, in_fd);

  close(pipe_fds[1]);
  if (in_fd >= 0)
    close(in_fd);
  char *text = read_all(pipe_fds[0], what);
  close(pipe_fds[0]);

  int status;
  wait_for(pid, &status, what);
  if (writer > 0) {
    int ignored;
    wait_for(writer, &ignored, what);
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fatal("preprocessing %s failed", what);
  return text;
}

char *cpp_run(const char *path, const CppOptions *opts) {
  check_input(path);
  return run(path, NULL, opts, format("'%s'", path));
}

char *cpp_run_program(const Vec *paths, const CppOptions *opts) {
  cotan_assert(paths->len > 0);
  if (paths->len == 1)
    return cpp_run(paths->items[0], opts);
  Buf wrapper = {0}, what = {0};
  for (int i = 0; i < paths->len; i++) {
    const char *path = paths->items[i];
    check_input(path);
    /* A header name has no escapes: these cannot be spelled in one. */
    const char *bad = strpbrk(path, "\"\\\n");
    if (bad)
      fatal("cannot read '%s' together with other files: its name contains %s", path,
            *bad == '\n' ? "a line break" : *bad == '"' ? "'\"'" : "'\\'");
    buf_printf(&wrapper, "#include \"%s\"\n", path);
    buf_printf(&what, "%s'%s'", i ? ", " : "", path);
  }
  return run("-", buf_str(&wrapper), opts, buf_str(&what));
}
