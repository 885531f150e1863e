#!/usr/bin/env bash
# tests/rules.sh: every derivative rule of src/rules.def checked numerically.
#
# tests/tools/rulecheck.c (linked with build/san/libcotan.a) prints a C
# program holding, for each rule at double, float and long double, the
# partials exactly as rule_partial() builds them, and a main() comparing
# each with a central difference at three points inside the function's
# domain.  The program is compiled with -Wall -Wextra -Werror and the
# sanitizers (by $CC, and by clang too when it is installed) and run; its
# own "N passed, M failed" is this suite's result.
set -u
. "$(dirname "$0")/lib.sh"

lib=$ROOT/build/san/libcotan.a
if [ ! -f "$lib" ]; then
  echo "error: $lib not built (run: make build/san/libcotan.a)"
  finish 0 1; exit
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

if ! $TEST_CC -std=c11 -g -O1 $SANFLAGS -I"$ROOT/src" -o "$tmp/rulecheck" \
    "$ROOT/tests/tools/rulecheck.c" "$lib" -lm >"$tmp/gen.cc" 2>&1; then
  echo "FAIL: tests/tools/rulecheck.c does not build"; sed 's/^/  /' "$tmp/gen.cc" | head -n 30
  finish 0 1; exit
fi
if ! "$tmp/rulecheck" >"$tmp/check.c" 2>"$tmp/gen.err"; then
  echo "FAIL: rulecheck did not generate the program"; sed 's/^/  /' "$tmp/gen.err" | head -n 30
  finish 0 1; exit
fi
mkdir -p "$ROOT/build"
cp "$tmp/check.c" "$ROOT/build/rulecheck-out.c"   # kept for reading

compilers=$TEST_CC
if command -v clang >/dev/null 2>&1 && [ "$(basename "$TEST_CC")" != clang ]; then
  compilers="$compilers clang"
fi

pass=0 fail=0
for cc in $compilers; do
  name=$(basename "$cc")
  if ! $cc -std=c11 -pedantic -Wall -Wextra -Werror -g -O1 $SANFLAGS -o "$tmp/check-$name" \
      "$tmp/check.c" -lm >"$tmp/cc-$name.err" 2>&1; then
    echo "FAIL ($name): the generated program does not compile (build/rulecheck-out.c)"
    sed 's/^/  /' "$tmp/cc-$name.err" | head -n 30
    fail=$((fail + 1)); continue
  fi
  "$tmp/check-$name" >"$tmp/run-$name.out" 2>&1
  status=$?
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/run-$name.out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "FAIL ($name): no summary line (exit status $status)"
    tail -n 30 "$tmp/run-$name.out" | sed 's/^/  /'
    fail=$((fail + 1)); continue
  fi
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  grep -E '^FAIL' "$tmp/run-$name.out" | head -n 40 | sed "s/^/($name) /"
  echo "$name: $line"
  pass=$((pass + p)); fail=$((fail + f))
done
finish $pass $fail
