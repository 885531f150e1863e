#!/usr/bin/env bash
# tests/unit.sh: the lexer and parser unit tests (tests/unit/test_*.c),
# each built against the sanitizer library build/san/libcotan.a and run.
# Each test program prints its own "N passed, M failed"; this suite adds
# them up.  A test that fails to build or dies counts as one failure.
set -u
. "$(dirname "$0")/lib.sh"

lib=$ROOT/build/san/libcotan.a
if [ ! -f "$lib" ]; then
  echo "error: $lib not built (run: make build/san/libcotan.a)"
  finish 0 1; exit
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pass=0 fail=0 ran=0
for src in "$ROOT"/tests/unit/test_*.c; do
  [ -f "$src" ] || continue
  ran=1
  name=$(basename "$src" .c)
  if ! $TEST_CC -std=c11 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
      -I"$ROOT/src" -o "$tmp/$name" "$src" "$lib" -lm >"$tmp/$name.cc" 2>&1; then
    echo "FAIL $name: does not build"; sed 's/^/  /' "$tmp/$name.cc" | head -n 30
    fail=$((fail + 1)); continue
  fi
  (cd "$ROOT/tests/unit" && "$tmp/$name") >"$tmp/$name.out" 2>&1
  status=$?
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/$name.out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "FAIL $name: no summary line (exit status $status)"
    tail -n 30 "$tmp/$name.out" | sed 's/^/  /'
    fail=$((fail + 1)); continue
  fi
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ "$f" -ne 0 ] || grep -qE 'AddressSanitizer|runtime error:' "$tmp/$name.out"; then
    [ "$f" -eq 0 ] && f=1
    grep -vE '^(ok|PASS)\b' "$tmp/$name.out" | tail -n 40 | sed 's/^/  /'
  fi
  echo "$name: $line"
  pass=$((pass + p)); fail=$((fail + f))
done
[ $ran = 1 ] || echo "(no unit tests found in tests/unit/)"
finish $pass $fail
