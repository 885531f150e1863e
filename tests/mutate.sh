#!/usr/bin/env bash
# tests/mutate.sh: mutation smoke test.
#
# tests/tools/mutate.c makes mutants of the round-trip corpus (truncated
# files, replaced/inserted/deleted bytes, inserted punctuators and keywords,
# duplicated/deleted lines, swapped chunks), from fixed seeds so every run
# tests the same mutants.  Each goes through the sanitizer build with
# `timeout 10`.  A mutant fails the test if cotan
#   - exits with anything but 0 or 1 (3 = internal error, 124 = timeout,
#     >128 = killed by a signal),
#   - prints an AddressSanitizer/UndefinedBehaviorSanitizer/LeakSanitizer
#     report,
#   - exits 1 but wrote to stdout (partial output).
# Failing mutants are listed with a command that reproduces them.
#
#   bash tests/mutate.sh [SEEDS]      (default 2 seeds per file and mode)
set -u
. "$(dirname "$0")/lib.sh"

MODES="truncate replace insert delete punct dupline delline swap"

one() { # tool outdir file seed mode
  local tool=$1 out=$2 src=$3 seed=$4 mode=$5
  local name; name=$(basename "$src" .c).$mode.$seed
  "$tool" "$src" "$seed" "$mode" >"$out/$name.c"
  (cd "$out" && timeout 10 "$COTAN" print "$name.c" >"$name.stdout" 2>"$name.stderr")
  local st=$? why=""
  case $st in
    0|1) ;;
    124) why="timeout (hang?)" ;;
    3) why="internal error" ;;
    *) if [ $st -gt 128 ]; then why="killed by signal $((st - 128))"; else why="exit status $st"; fi ;;
  esac
  if grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer|UndefinedBehaviorSanitizer' "$out/$name.stderr"; then
    why="${why:+$why, }sanitizer report"
  fi
  if [ $st = 1 ] && [ -s "$out/$name.stdout" ]; then why="${why:+$why, }partial output on failure"; fi
  if [ -n "$why" ]; then
    {
      echo "FAIL ${src#$ROOT/} seed $seed $mode: $why"
      grep -m 3 -E 'error|Sanitizer|SUMMARY' "$out/$name.stderr" | cut -c1-200 | sed 's/^/    /'
      echo "    reproduce: cc -o /tmp/mutate tests/tools/mutate.c && /tmp/mutate ${src#$ROOT/} $seed $mode >/tmp/m.c && build/cotan-san print /tmp/m.c"
    } >"$out/$name.fail"
  else
    rm -f "$out/$name.c" "$out/$name.stdout"
    touch "$out/$name.ok"
  fi
}

if [ "${1:-}" = "--one" ]; then shift; one "$@"; exit 0; fi

need_cotan
seeds=${1:-2}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if ! $TEST_CC -std=c11 -O2 -Wall -Wextra -o "$tmp/mutate" "$ROOT/tests/tools/mutate.c"; then
  echo "error: tests/tools/mutate.c does not build"
  finish 0 1; exit
fi
mkdir -p "$tmp/out"
for src in "$ROOT"/tests/roundtrip/*.c; do
  for mode in $MODES; do
    for seed in $(seq "$seeds"); do
      printf '%s %s %s %s %s\n' "$tmp/mutate" "$tmp/out" "$src" "$seed" "$mode"
    done
  done
done | xargs -n 5 -P "$JOBS" bash "$ROOT/tests/mutate.sh" --one

pass=$(find "$tmp/out" -name '*.ok' | wc -l)
fail=$(find "$tmp/out" -name '*.fail' | wc -l)
for f in "$tmp"/out/*.fail; do [ -f "$f" ] && cat "$f"; done
echo "($((pass + fail)) mutants, $(echo $MODES | wc -w) modes, seeds 1..$seeds)"
finish "$pass" "$fail"
