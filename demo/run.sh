#!/usr/bin/env bash
# demo/run.sh: cotan on real numerical examples (`make demo`).
#
# For each example: the function as the user wrote it, the gradient that
# `cotan grad` writes for it, and that gradient compiled, run, and set
# beside central finite differences of the original function.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COTAN=${COTAN:-$ROOT/cotan}
CC=${CC:-cc}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

rule() { printf '\n== %s\n' "$*"; }

show() { # example-file function-name
  local src=$ROOT/demo/examples/$1 fn=$2 name=${1%.c}
  rule "demo/examples/$1: $fn, as the user wrote it"
  "$COTAN" print "$src" -f "$fn"
  rule "cotan grad demo/examples/$1 -f $fn"
  "$COTAN" grad "$src" -f "$fn" -o "$tmp/${fn}_grad.c"
  cat "$tmp/${fn}_grad.c"
  rule "${fn}_grad compiled (-Wall -Wextra -Werror) and run, beside finite differences"
  $CC -std=c11 -O2 -Wall -Wextra -Werror -DCOTAN_DEMO -o "$tmp/$name" \
      "$src" "$tmp/${fn}_grad.c" "$ROOT/demo/examples/${name}_check.c" -lm
  "$tmp/$name"
}

echo "cotan $("$COTAN" --version | sed 's/^cotan //'): source-to-source automatic differentiation for C."
echo "C in, C out: the gradient is ordinary C you can read, step through and edit."
show logistic.c loss
show rk4.c final_angle
rule "next"
echo "Forward mode (cotan jvp), vector outputs (cotan vjp) and structs as parameter"
echo "trees come with the next issues."
