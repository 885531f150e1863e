/*
 * main.c: the command line and the pipeline.
 *
 *   cotan print FILE.c [-f NAME] [-o OUT.c] [-- cpp flags]
 *   cotan grad FILE.c -f F [--wrt P1,P2,...] [-o OUT.c] [-- cpp flags]
 *
 * The pipeline of every command is readable in one function: preprocess,
 * lex, parse (types are computed while parsing), then the command's own
 * passes and the printer.  Output is collected in memory and written only
 * when everything succeeded, so an error never leaves partial output.
 */
#include "cotan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct Options {
  const char *command;   /* "print", "grad" */
  Vec inputs;            /* char *: source files */
  const char *func;      /* -f NAME */
  const char *output;    /* -o OUT, NULL for stdout */
  bool no_comments;      /* --no-comments */
  const char *dump;      /* --dump=tokens */
  bool time_phases;      /* --time: phase timings on stderr */
  Vec wrt;               /* char *: --wrt names, in order */
  bool wrt_given;
  CppOptions cpp;
} Options;

static const char usage_text[] =
    "usage: cotan COMMAND FILE.c [options] [-- preprocessor flags]\n"
    "\n"
    "Commands:\n"
    "  print     parse FILE.c and print the user's declarations and\n"
    "            definitions back as formatted C\n"
    "  grad      generate F_grad, the gradient of a function F in FILE.c,\n"
    "            by reverse-mode automatic differentiation ('cotan grad --help')\n"
    "\n"
    "Options:\n"
    "  -f NAME         print: only NAME and the declarations it needs;\n"
    "                  grad: the function to differentiate (required)\n"
    "  --wrt P1,P2,... grad: the parameters to differentiate with respect to\n"
    "  -o OUT.c        write to OUT.c (replaced only on success); default stdout\n"
    "  --no-comments   print: do not carry the user's comments into the output\n"
    "  --dump=tokens   print the token stream with source positions (debugging)\n"
    "  --time          print how long each phase took, on stderr\n"
    "  -- FLAGS...     passed to the preprocessor: -I, -D, -U, -std=, -include\n"
    "  -h, --help      this text (after a command: that command's own help)\n"
    "  --version       cotan's version\n"
    "\n"
    "The preprocessor is $CC -E (default: cc -E).\n"
    "Exit status: 0 success, 1 error in the input, 2 usage error, 3 internal error.\n";

static const char grad_usage_text[] =
    "usage: cotan grad FILE.c -f F [--wrt P1,P2,...] [-o OUT.c] [-- preprocessor flags]\n"
    "\n"
    "Writes F_grad, the gradient of the function F defined in FILE.c, as C code\n"
    "(reverse-mode automatic differentiation).  F returns double or float.\n"
    "\n"
    "F_grad takes F's parameters in order, each differentiated parameter followed\n"
    "by its adjoint d_NAME:  double x -> double *d_x,  float x -> float *d_x,\n"
    "const double *x or double x[] -> double *d_x,  struct S s -> struct S *d_s.\n"
    "It returns F's value at the same inputs and ADDS dF/dNAME into each adjoint\n"
    "(+=: the caller zeroes the adjoints first).  OUT.c compiles on its own and\n"
    "links with the object file of FILE.c.\n"
    "\n"
    "Options:\n"
    "  -f F            the function to differentiate (required)\n"
    "  --wrt P1,P2,... the parameters to differentiate with respect to (also\n"
    "                  --wrt=P1,P2); default: every parameter of floating type,\n"
    "                  pointer or array of floating type, or struct (or pointer\n"
    "                  to struct) with floating fields\n"
    "  -o OUT.c        write to OUT.c (replaced only if generation succeeded);\n"
    "                  default stdout\n"
    "  --time          print how long each phase took, on stderr\n"
    "  -- FLAGS...     passed to the preprocessor: -I, -D, -U, -std=, -include\n"
    "\n"
    "Example:\n"
    "  $ cat loss.c\n"
    "  double loss(const double *w, const double *x, int n) {\n"
    "    double s = 0;\n"
    "    for (int i = 0; i < n; i++)\n"
    "      s += w[i] * x[i];\n"
    "    return s * s;\n"
    "  }\n"
    "  $ cotan grad loss.c -f loss --wrt w -o loss_grad.c\n"
    "\n"
    "  loss_grad.c defines\n"
    "    double loss_grad(const double *w, double *d_w, const double *x, int n);\n"
    "  which returns loss(w, x, n) and adds d loss / d w[i] into d_w[i].\n"
    "\n"
    "Constructs that cannot be differentiated (goto, setjmp/longjmp, inline asm,\n"
    "calls through function pointers or to functions with no body and no\n"
    "derivative rule on the active path) are errors at their source line.\n";

/* Adds the names of a --wrt list ("a,b") to *names. */
static void add_names(Vec *names, const char *option, const char *list) {
  if (!*list)
    usage_error("option '%s' needs a list of parameter names", option);
  const char *p = list;
  for (;;) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == 0)
      usage_error("empty name in '%s %s'", option, list);
    char *name = xstrndup(p, len);
    for (int i = 0; i < names->len; i++)
      if (str_eq(vec_get(char, names, i), name))
        usage_error("'%s' is named twice in %s", name, option);
    vec_push(names, name);
    if (!end)
      break;
    p = end + 1;
  }
}

static void print_help(const Options *opt) {
  fputs(opt->command && str_eq(opt->command, "grad") ? grad_usage_text : usage_text, stdout);
  exit(0);
}

static void parse_args(int argc, char **argv, Options *opt) {
  opt->cpp.cc = getenv("CC");
  if (!opt->cpp.cc || !*opt->cpp.cc)
    opt->cpp.cc = "cc";
  for (int i = 1; i < argc; i++) {
    char *arg = argv[i];
    if (str_eq(arg, "--")) {
      for (i++; i < argc; i++)
        vec_push(&opt->cpp.flags, argv[i]);
      break;
    }
    if (str_eq(arg, "-h") || str_eq(arg, "--help"))
      print_help(opt);
    if (str_eq(arg, "--version")) {
      printf("cotan %s\n", COTAN_VERSION);
      exit(0);
    }
    if (str_eq(arg, "-f") || str_eq(arg, "-o") || str_eq(arg, "--wrt")) {
      if (i + 1 >= argc)
        usage_error("option '%s' needs an argument", arg);
      if (arg[1] == 'f')
        opt->func = argv[++i];
      else if (arg[1] == 'o')
        opt->output = argv[++i];
      else {
        opt->wrt_given = true;
        add_names(&opt->wrt, "--wrt", argv[++i]);
      }
      continue;
    }
    if (starts_with(arg, "--wrt=")) {
      opt->wrt_given = true;
      add_names(&opt->wrt, "--wrt", arg + 6);
      continue;
    }
    if (starts_with(arg, "-f") && arg[2]) {
      opt->func = arg + 2;
      continue;
    }
    if (starts_with(arg, "-o") && arg[2]) {
      opt->output = arg + 2;
      continue;
    }
    if (str_eq(arg, "--no-comments")) {
      opt->no_comments = true;
      continue;
    }
    if (str_eq(arg, "--time")) {
      opt->time_phases = true;
      continue;
    }
    if (starts_with(arg, "--dump=")) {
      opt->dump = arg + 7;
      if (!str_eq(opt->dump, "tokens"))
        usage_error("unknown dump '%s' (known: tokens)", opt->dump);
      continue;
    }
    if (arg[0] == '-' && arg[1])
      usage_error("unknown option '%s'", arg);
    if (!opt->command)
      opt->command = arg;
    else
      vec_push(&opt->inputs, arg);
  }
  if (!opt->command)
    usage_error("no command given");
  if (!str_eq(opt->command, "print") && !str_eq(opt->command, "grad"))
    usage_error("unknown command '%s'", opt->command);
  bool grad = str_eq(opt->command, "grad");
  if (grad && opt->no_comments)
    usage_error("option '--no-comments' is for 'print' only");
  if (!grad && opt->wrt_given)
    usage_error("option '--wrt' is for 'grad' only");
  if (opt->inputs.len == 0)
    usage_error("no input file");
  if (opt->inputs.len > 1)
    usage_error("'%s' takes one input file", opt->command);
  if (grad && !opt->func && !opt->dump)
    usage_error("'grad' needs the function to differentiate: -f NAME");
}

/* The command line as the user typed it, for the header comment of
 * generated code: "cotan" and the arguments, each quoted for the shell
 * where needed.  Never contains the end of a C comment. */
static char *command_line(int argc, char **argv) {
  Buf b = {0};
  buf_puts(&b, "cotan");
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    buf_putc(&b, ' ');
    bool plain = *arg != 0;
    for (const char *p = arg; *p; p++)
      if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=,:+@%^-",
                  *p))
        plain = false;
    if (plain) {
      buf_puts(&b, arg);
      continue;
    }
    buf_putc(&b, '\'');
    for (const char *p = arg; *p; p++) {
      if (*p == '\'')
        buf_puts(&b, "'\\''");
      else if (p[0] == '*' && p[1] == '/')
        buf_puts(&b, "*'"); /* close the quote between '*' and '/' */
      else if (p[0] == '/' && p > arg && p[-1] == '*')
        buf_puts(&b, "/'");
      else
        buf_putc(&b, *p);
    }
    buf_putc(&b, '\'');
  }
  return xstrdup(buf_str(&b));
}

/* -o must never name one of the inputs: cotan would replace the user's
 * source with its output. */
static void check_output_is_not_input(const Options *opt) {
  struct stat out_st;
  if (!opt->output || stat(opt->output, &out_st) != 0)
    return;
  for (int i = 0; i < opt->inputs.len; i++) {
    const char *in = vec_get(char, &opt->inputs, i);
    struct stat in_st;
    if (stat(in, &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
        in_st.st_ino == out_st.st_ino)
      usage_error("output file '%s' is the input file '%s'; choose another -o", opt->output, in);
  }
}

static void dump_tokens(Buf *out, Token *tok) {
  for (; tok->kind != TK_EOF; tok = tok->next)
    buf_printf(out, "%s:%d:%d: %s\n", tok->file->name, tok->line, tok->col,
               tok->text);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* --time: one line per phase, "cotan: time: lex 1.234 ms". */
static void report_phase(const Options *opt, const char *phase, double *since) {
  double t = now_ms();
  if (opt->time_phases)
    fprintf(stderr, "cotan: time: %-8s %9.3f ms\n", phase, t - *since);
  *since = t;
}

/* Sends the finished output to -o (atomically) or stdout. */
static void emit(const Options *opt, Buf *out) {
  if (!opt->output) {
    fwrite(buf_str(out), 1, out->len, stdout);
    if (fflush(stdout) != 0)
      fatal("cannot write to standard output: %s", strerror(errno));
    return;
  }
  if (!write_file_atomic(opt->output, buf_str(out), out->len))
    fatal("cannot write '%s': %s", opt->output, strerror(errno));
}

int main(int argc, char **argv) {
  Options opt = {0};
  parse_args(argc, argv, &opt);
  check_output_is_not_input(&opt);
  const char *path = vec_get(char, &opt.inputs, 0);

  double t = now_ms();
  char *text = cpp_run(path, &opt.cpp);
  report_phase(&opt, "cpp", &t);
  Token *tokens = lex(text, path);
  report_phase(&opt, "lex", &t);
  Buf out = {0};
  if (opt.dump) {
    dump_tokens(&out, tokens);
    emit(&opt, &out);
    return 0;
  }
  Unit *unit = parse_unit(tokens, path);
  report_phase(&opt, "parse", &t);

  if (str_eq(opt.command, "grad")) {
    /* grad_unit resolves -f and --wrt, runs activity_analyze and
     * fence_function, generates F_grad and prints the output unit. */
    GradOptions gopt = {.func = opt.func, .wrt = opt.wrt,
                        .cmdline = command_line(argc, argv)};
    grad_unit(&out, unit, &gopt);
    report_phase(&opt, "grad", &t);
  } else {
    PrintOptions popt = {.only_func = opt.func, .comments = !opt.no_comments};
    print_unit(&out, unit, &popt);
    report_phase(&opt, "print", &t);
  }
  emit(&opt, &out);
  return 0;
}
