# tests/lib.sh: shared by every test suite (sourced, not run).
#
# Sets ROOT (the repository), COTAN (the binary under test: the sanitizer
# build unless $COTAN says otherwise), the sanitizer options, and helpers for
# counting and reporting.  Every suite ends by printing exactly one line
# "N passed, M failed" and exits nonzero if M > 0.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COTAN=${COTAN:-$ROOT/build/cotan-san}
case $COTAN in /*) ;; *) COTAN=$PWD/$COTAN ;; esac
export COTAN ROOT

# cotan never frees (arena by design), so leak reports are noise.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The compiler used to build test programs (cotan itself reads $CC too).
TEST_CC=${CC:-cc}

# Parallel jobs for suites that run many independent cases.
JOBS=${JOBS:-2}

need_cotan() {
  if [ ! -x "$COTAN" ]; then
    echo "error: $COTAN not built (run: make build/cotan-san)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
}

# Prints the summary line and exits with the right status.
finish() { # passed failed
  echo "$1 passed, $2 failed"
  [ "$2" -eq 0 ]
}
