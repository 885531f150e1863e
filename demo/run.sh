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

show() { # example-file function-name [driver-file [cotan grad options...]]
  local src=$ROOT/demo/examples/$1 fn=$2 name=${1%.c}
  local driver=${3:-${name}_check.c}
  shift 2; [ $# -gt 0 ] && shift
  rule "demo/examples/$(basename "$src"): $fn, as the user wrote it"
  "$COTAN" print "$src" -f "$fn"
  rule "cotan grad demo/examples/$(basename "$src") -f $fn${*:+ $*}"
  "$COTAN" grad "$src" -f "$fn" "$@" -o "$tmp/${fn}_grad.c"
  cat "$tmp/${fn}_grad.c"
  rule "${fn}_grad compiled (-Wall -Wextra -Werror) and run: demo/examples/$driver"
  $CC -std=c11 -O2 -Wall -Wextra -Werror -DCOTAN_DEMO -o "$tmp/$name" \
      "$src" "$tmp/${fn}_grad.c" "$ROOT/demo/examples/$driver" -lm
  "$tmp/$name"
}

echo "cotan $("$COTAN" --version | sed 's/^cotan //'): source-to-source automatic differentiation for C."
echo "C in, C out: the gradient is ordinary C you can read, step through and edit."
show logistic.c loss
show rk4.c final_angle
show linreg_train.c loss linreg_train_main.c --wrt p

# a vector output: cotan vjp, and the dense Jacobian one output at a time
rule "cotan vjp demo/examples/arm.c -f arm_tip --wrt q --out tip"
"$COTAN" vjp "$ROOT/demo/examples/arm.c" -f arm_tip --wrt q --out tip -o "$tmp/arm_tip_vjp.c"
sed -n '/^void arm_tip_vjp/,$p' "$tmp/arm_tip_vjp.c"
rule "arm_tip_vjp compiled (-Wall -Wextra -Werror) and run: demo/examples/arm_jacobian.c"
$CC -std=c11 -O2 -Wall -Wextra -Werror -o "$tmp/arm" "$ROOT/demo/examples/arm.c" \
    "$tmp/arm_tip_vjp.c" "$ROOT/demo/examples/arm_jacobian.c" -lm
"$tmp/arm"
rule "next"
echo "Forward mode (cotan jvp) and derivatives of derivatives come with the next issues."
