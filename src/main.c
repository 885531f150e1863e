/*
 * main.c: the command line and the pipeline.
 *
 *   cotan print FILE.c [-f NAME] [-o OUT.c] [-- cpp flags]
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
  const char *command;   /* "print" */
  Vec inputs;            /* char *: source files */
  const char *func;      /* -f NAME */
  const char *output;    /* -o OUT, NULL for stdout */
  bool no_comments;      /* --no-comments */
  const char *dump;      /* --dump=tokens */
  bool time_phases;      /* --time: phase timings on stderr */
  CppOptions cpp;
} Options;

static const char usage_text[] =
    "usage: cotan COMMAND FILE.c [options] [-- preprocessor flags]\n"
    "\n"
    "Commands:\n"
    "  print     parse FILE.c and print the user's declarations and\n"
    "            definitions back as formatted C\n"
    "\n"
    "Options:\n"
    "  -f NAME         only NAME and the declarations it needs\n"
    "  -o OUT.c        write to OUT.c (replaced only on success); default stdout\n"
    "  --no-comments   do not carry the user's comments into the output\n"
    "  --dump=tokens   print the token stream with source positions (debugging)\n"
    "  --time          print how long each phase took, on stderr\n"
    "  -- FLAGS...     passed to the preprocessor: -I, -D, -U, -std=, -include\n"
    "  -h, --help      this text\n"
    "  --version       cotan's version\n"
    "\n"
    "The preprocessor is $CC -E (default: cc -E).\n"
    "Exit status: 0 success, 1 error in the input, 2 usage error, 3 internal error.\n";

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
    if (str_eq(arg, "-h") || str_eq(arg, "--help")) {
      fputs(usage_text, stdout);
      exit(0);
    }
    if (str_eq(arg, "--version")) {
      printf("cotan %s\n", COTAN_VERSION);
      exit(0);
    }
    if (str_eq(arg, "-f") || str_eq(arg, "-o")) {
      if (i + 1 >= argc)
        usage_error("option '%s' needs an argument", arg);
      if (arg[1] == 'f')
        opt->func = argv[++i];
      else
        opt->output = argv[++i];
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
  if (!str_eq(opt->command, "print"))
    usage_error("unknown command '%s'", opt->command);
  if (opt->inputs.len == 0)
    usage_error("no input file");
  if (opt->inputs.len > 1)
    usage_error("'%s' takes one input file", opt->command);
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

  PrintOptions popt = {.only_func = opt.func, .comments = !opt.no_comments};
  print_unit(&out, unit, &popt);
  report_phase(&opt, "print", &t);
  emit(&opt, &out);
  return 0;
}
