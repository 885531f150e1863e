#!/usr/bin/env bash
# bench/grad.sh: gradient time / primal time (`make bench`, issue #3).
#
# For each case in bench/grad/*.c (the function, and a driver under
# #ifdef COTAN_BENCH; first line: /* cotan: grad -f F ... */): generate
# F_grad with cotan, compile the case and the output with -O2, run the
# driver, which times F and F_grad in the same run (best of 15) and prints
#   case: primal X ms, gradient Y ms, ratio Z (target <= 3)
# Not a test: it always exits 0, and says so when cotan grad cannot run yet.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COTAN=${COTAN:-$ROOT/cotan}
CC=${CC:-cc}
out=$ROOT/build/bench/grad
mkdir -p "$out"

echo "gradient / primal time, -O2, each best of 15 in one run (target: ratio <= 3)"
for src in "$ROOT"/bench/grad/*.c; do
  name=$(basename "$src" .c)
  read -r -a args <<<"$(sed -n '1s|^/\* cotan: \(.*[^ ]\) *\*/[[:space:]]*$|\1|p' "$src")"
  if ! "$COTAN" "${args[0]}" "$src" "${args[@]:1}" -o "$out/${name}_grad.c" 2>"$out/$name.err"; then
    echo "$name: cotan grad does not work yet: $(head -n 1 "$out/$name.err")"
    continue
  fi
  if ! $CC -std=c11 -O2 -DCOTAN_BENCH -I"$ROOT/bench/grad" -o "$out/$name" "$src" \
      "$out/${name}_grad.c" -lm 2>"$out/$name.cc"; then
    echo "$name: does not compile (see ${out#$ROOT/}/$name.cc)"
    continue
  fi
  timeout 300 "$out/$name" || echo "$name: the benchmark program failed"
done
exit 0
