#!/usr/bin/env bash
# demo/run.sh: cotan on real numerical examples (`make demo`).
#
# Today cotan has its front end: it reads a C file completely (through the
# system preprocessor), types every expression, and prints the user's code
# back.  For each example this shows the original, `cotan print -f NAME`
# (one function and what it needs), and then compiles the printed program
# and checks that it behaves exactly like the original.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COTAN=${COTAN:-$ROOT/cotan}
CC=${CC:-cc}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

rule() { printf '\n== %s\n' "$*"; }

show() { # example-file function-name
  local src=$ROOT/demo/examples/$1 fn=$2 name=${1%.c}
  rule "demo/examples/$1 (the original, $(wc -l <"$src") lines)"
  cat "$src"
  rule "cotan print demo/examples/$1 -f $fn"
  "$COTAN" print "$src" -f "$fn"
  rule "the whole file printed by cotan, compiled and run"
  "$COTAN" print "$src" -o "$tmp/$name.printed.c"
  $CC -std=c11 -Wall -Wextra -Werror -o "$tmp/$name.orig" "$src" -lm
  $CC -std=c11 -Wall -Wextra -Werror -o "$tmp/$name.printed" "$tmp/$name.printed.c" -lm
  "$tmp/$name.orig" >"$tmp/$name.expected"
  "$tmp/$name.printed" | tee "$tmp/$name.actual"
  if cmp -s "$tmp/$name.expected" "$tmp/$name.actual"; then
    echo "-> same output as the original program."
  else
    echo "-> DIFFERENT output from the original program:"
    diff "$tmp/$name.expected" "$tmp/$name.actual" || true
    exit 1
  fi
}

echo "cotan $("$COTAN" --version | sed 's/^cotan //'): source-to-source automatic differentiation for C."
echo "This demo shows the foundation: C in, the same C out, ready for transformation."
show logistic.c loss
show rk4.c final_angle
rule "next"
echo "Differentiation (cotan grad, then jvp and vjp) comes with the next issues;"
echo "this demo will then show d loss / d w and d theta / d damping."
