/*
 * main.c: the command line and the pipeline.
 *
 *   cotan print FILE.c... [-f NAME] [-o OUT.c] [-- cpp flags]
 *   cotan grad FILE.c... -f F [--wrt P1,P2,...] [-o OUT.c] [-- cpp flags]
 *   cotan vjp FILE.c... -f F [--wrt P1,...] [--out Y1,...] [-o OUT.c] [-- cpp flags]
 *
 * Several files are read as one program (as Tapenade does): one
 * preprocessor run on all of them, one translation unit.
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
  const char *command;   /* "print", "grad", "vjp" */
  Vec inputs;            /* char *: source files, read as one program */
  const char *func;      /* -f NAME */
  const char *output;    /* -o OUT, NULL for stdout */
  bool no_comments;      /* --no-comments */
  const char *dump;      /* --dump=tokens */
  bool time_phases;      /* --time: phase timings on stderr */
  Vec wrt;               /* char *: --wrt names, in order */
  bool wrt_given;
  Vec outs;              /* char *: --out names, in order */
  bool outs_given;
  CppOptions cpp;
} Options;

static const char usage_text[] =
    "usage: cotan COMMAND FILE.c [FILE2.c ...] [options] [-- preprocessor flags]\n"
    "\n"
    "Commands:\n"
    "  print     parse the files and print the user's declarations and\n"
    "            definitions back as formatted C\n"
    "  grad      generate F_grad, the gradient of a function F, by reverse-mode\n"
    "            automatic differentiation ('cotan grad --help')\n"
    "  vjp       generate F_vjp, a vector-Jacobian product of F: the adjoints of\n"
    "            F's result and of its --out parameters in, those of its inputs\n"
    "            out ('cotan vjp --help')\n"
    "\n"
    "Several files are read as one program: F may call functions defined in any\n"
    "of them.\n"
    "\n"
    "Options:\n"
    "  -f NAME         print: only NAME and the declarations it needs;\n"
    "                  grad, vjp: the function to differentiate (required)\n"
    "  --wrt P1,P2,... grad, vjp: the parameters to differentiate with respect to\n"
    "  --out Y1,Y2,... vjp: the pointer parameters through which F writes outputs\n"
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
    "usage: cotan grad FILE.c [FILE2.c ...] -f F [--wrt P1,P2,...] [-o OUT.c]\n"
    "                  [-- preprocessor flags]\n"
    "\n"
    "Writes F_grad, the gradient of the function F, as C code (reverse-mode\n"
    "automatic differentiation).  F returns double or float.  With several files,\n"
    "F is defined in one of them and may call functions defined in any of them.\n"
    "\n"
    "F_grad takes F's parameters in order, each differentiated parameter followed\n"
    "by its adjoint d_NAME:  double x -> double *d_x,  float x -> float *d_x,\n"
    "const double *x or double x[] -> double *d_x,  struct S s -> struct S *d_s.\n"
    "It returns F's value at the same inputs and ADDS dF/dNAME into each adjoint\n"
    "(+=: the caller zeroes the adjoints first).  OUT.c compiles on its own and\n"
    "links with the object files of FILE.c (and FILE2.c ...).\n"
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

static const char vjp_usage_text[] =
    "usage: cotan vjp FILE.c [FILE2.c ...] -f F [--wrt P1,P2,...] [--out Y1,Y2,...]\n"
    "                 [-o OUT.c] [-- preprocessor flags]\n"
    "\n"
    "Writes F_vjp, a vector-Jacobian product of the function F, as C code\n"
    "(reverse-mode automatic differentiation).  F's outputs are its result, when\n"
    "it returns double or float, and the parameters named by --out: pointers to\n"
    "floating memory that F writes.  F's inputs are the --wrt parameters.  F\n"
    "returns double, float, void, or an integer (a status code, returned and not\n"
    "differentiated).\n"
    "\n"
    "F_vjp takes F's parameters in order, each input and output parameter\n"
    "followed by its adjoint d_NAME (as for cotan grad), then, when F returns\n"
    "double or float, d_return: the adjoint of the result.  It runs F on the same\n"
    "arguments and returns what F returns.  The vector v is d_return and, for\n"
    "each output Y, the d_Y given on entry (the adjoint of Y's final values).\n"
    "F_vjp ADDS v^T J into the adjoint of each input (+=: the caller zeroes them\n"
    "first).  On return d_Y holds the adjoint of Y's values on entry: for a\n"
    "parameter that is both an input and an output, its part of v^T J (set, not\n"
    "added); zero where F only writes Y.  The outputs hold F's results.\n"
    "\n"
    "Options:\n"
    "  -f F            the function to differentiate (required)\n"
    "  --wrt P1,P2,... the inputs (also --wrt=P1,P2); default: every parameter\n"
    "                  with a floating value in it, as for cotan grad\n"
    "  --out Y1,Y2,... the outputs written through pointer parameters (also\n"
    "                  --out=Y1,Y2); required when F returns void\n"
    "  -o OUT.c        write to OUT.c (replaced only if generation succeeded);\n"
    "                  default stdout\n"
    "  --time          print how long each phase took, on stderr\n"
    "  -- FLAGS...     passed to the preprocessor: -I, -D, -U, -std=, -include\n"
    "\n"
    "Example:\n"
    "  $ cat step.c\n"
    "  void step(const double *x, double *y, int n) {\n"
    "    for (int i = 0; i < n; i++)\n"
    "      y[i] = x[i] * x[i];\n"
    "  }\n"
    "  $ cotan vjp step.c -f step --wrt x --out y -o step_vjp.c\n"
    "\n"
    "  step_vjp.c defines\n"
    "    void step_vjp(const double *x, double *d_x, double *y, double *d_y, int n);\n"
    "  which runs step(x, y, n) and adds d_y[i] * dy[i]/dx[j], summed over i,\n"
    "  into d_x[j].\n";

/* Adds the names of a --wrt or --out list ("a,b") to *names. */
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
  const char *text = usage_text;
  if (opt->command && str_eq(opt->command, "grad"))
    text = grad_usage_text;
  else if (opt->command && str_eq(opt->command, "vjp"))
    text = vjp_usage_text;
  fputs(text, stdout);
  exit(0);
}

/* Two names of one file (a.c and ./a.c). */
static bool same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
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
    /* Options with an argument: "-f F", "-fF"; "--wrt L", "--wrt=L". */
    const char *value = NULL, *name = arg;
    if (str_eq(arg, "-f") || str_eq(arg, "-o") || str_eq(arg, "--wrt") || str_eq(arg, "--out")) {
      if (i + 1 >= argc)
        usage_error("option '%s' needs an argument", arg);
      value = argv[++i];
    } else if (starts_with(arg, "--wrt=") || starts_with(arg, "--out=")) {
      name = xstrndup(arg, 5);
      value = arg + 6;
    } else if ((starts_with(arg, "-f") || starts_with(arg, "-o")) && arg[2]) {
      name = xstrndup(arg, 2);
      value = arg + 2;
    }
    if (value) {
      if (str_eq(name, "-f")) {
        opt->func = value;
      } else if (str_eq(name, "-o")) {
        opt->output = value;
      } else if (str_eq(name, "--wrt")) {
        opt->wrt_given = true;
        add_names(&opt->wrt, "--wrt", value);
      } else {
        opt->outs_given = true;
        add_names(&opt->outs, "--out", value);
      }
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
  bool grad = str_eq(opt->command, "grad"), vjp = str_eq(opt->command, "vjp");
  if (!grad && !vjp && !str_eq(opt->command, "print"))
    usage_error("unknown command '%s' (known: print, grad, vjp)", opt->command);
  if ((grad || vjp) && opt->no_comments)
    usage_error("option '--no-comments' is for 'print' only");
  if (!grad && !vjp && opt->wrt_given)
    usage_error("option '--wrt' is for 'grad' and 'vjp' only");
  if (!vjp && opt->outs_given)
    usage_error(grad ? "option '--out' is for 'vjp' only: 'grad' differentiates F's result"
                     : "option '--out' is for 'vjp' only");
  if (opt->inputs.len == 0)
    usage_error("no input file");
  for (int i = 0; i < opt->inputs.len; i++)
    for (int k = 0; k < i; k++)
      if (str_eq(opt->inputs.items[i], opt->inputs.items[k]))
        usage_error("'%s' is given twice", vec_get(char, &opt->inputs, i));
      else if (same_file(opt->inputs.items[i], opt->inputs.items[k]))
        usage_error("'%s' and '%s' are the same file", vec_get(char, &opt->inputs, k),
                    vec_get(char, &opt->inputs, i));
  if ((grad || vjp) && !opt->func && !opt->dump)
    usage_error("'%s' needs the function to differentiate: -f NAME", opt->command);
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

/* Unit.path: the file given, or with several their names without
 * directories, "a.c, b.c" (the output's header comment shows the text
 * after its last '/'; the command line it quotes has the paths). */
static char *inputs_text(const Options *opt) {
  if (opt->inputs.len == 1)
    return opt->inputs.items[0];
  Buf b = {0};
  for (int i = 0; i < opt->inputs.len; i++) {
    const char *path = opt->inputs.items[i];
    const char *base = strrchr(path, '/');
    buf_printf(&b, "%s%s", i ? ", " : "", base ? base + 1 : path);
  }
  return xstrdup(buf_str(&b));
}

int main(int argc, char **argv) {
  Options opt = {0};
  parse_args(argc, argv, &opt);
  check_output_is_not_input(&opt);

  double t = now_ms();
  char *text = cpp_run_program(&opt.inputs, &opt.cpp);
  report_phase(&opt, "cpp", &t);
  Token *tokens = lex_program(text, &opt.inputs);
  report_phase(&opt, "lex", &t);
  Buf out = {0};
  if (opt.dump) {
    dump_tokens(&out, tokens);
    emit(&opt, &out);
    return 0;
  }
  Unit *unit = parse_unit(tokens, inputs_text(&opt));
  report_phase(&opt, "parse", &t);

  if (!str_eq(opt.command, "print")) {
    /* grad_unit resolves -f, --wrt and --out, runs activity_analyze and
     * fence_function, generates F_grad (F_vjp) and prints the output
     * unit. */
    GradOptions gopt = {.func = opt.func, .wrt = opt.wrt, .outs = opt.outs,
                        .vjp = str_eq(opt.command, "vjp"),
                        .cmdline = command_line(argc, argv)};
    grad_unit(&out, unit, &gopt);
    report_phase(&opt, opt.command, &t);
  } else {
    PrintOptions popt = {.only_func = opt.func, .comments = !opt.no_comments};
    print_unit(&out, unit, &popt);
    report_phase(&opt, "print", &t);
  }
  emit(&opt, &out);
  return 0;
}
