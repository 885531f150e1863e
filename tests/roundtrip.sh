#!/usr/bin/env bash
# tests/roundtrip.sh: the round-trip corpus (tests/roundtrip/*.c).
#
# For every program:
#   1. compile the original warning-free (-Wall -Wextra -Werror, plus the
#      file's own flags) and run it: the expected output;
#   2. `cotan print prog.c > printed.c`;
#   3. compile printed.c the same way and run it: same output, same status;
#   4. `cotan print printed.c` must equal printed.c byte for byte (fixpoint);
#   5. the first comment of the original must still be in printed.c;
#   6. every name listed in a `keeps:` comment (/* keeps: N M_PI bool */)
#      must appear in printed.c as a whole word: macro names the user wrote
#      must not be replaced by their expansions.
# Per-file flags come from a first-line comment: /* cflags: -std=gnu11 */
# (default: -std=c11 -pedantic).  Its -std/-D/-U/-I flags are also given to
# cotan's preprocessor.  Runs $JOBS files at a time.
#
#   bash tests/roundtrip.sh [FILE.c...]     (default: the whole corpus)
set -u
. "$(dirname "$0")/lib.sh"

# One file: writes $out/NAME.log and $out/NAME.ok or $out/NAME.fail.
one() {
  local src=$1 out=$2
  local name; name=$(basename "$src" .c)
  local dir=$out/$name
  mkdir -p "$dir"
  local log=$out/$name.log
  local cflags
  cflags=$(sed -n '1s|^/\* cflags: \(.*\) \*/[[:space:]]*$|\1|p' "$src")
  [ -n "$cflags" ] || cflags="-std=c11 -pedantic"
  local cppflags=() f
  for f in $cflags; do
    case $f in -std=*|-D*|-U*|-I*) cppflags+=("$f") ;; esac
  done
  fail() { echo "FAIL $name: $*" >>"$log"; touch "$out/$name.fail"; }

  if ! $TEST_CC $cflags -Wall -Wextra -Werror -o "$dir/orig" "$src" -lm >"$dir/cc1" 2>&1; then
    fail "the original does not compile warning-free (a corpus bug)"
    head -n 20 "$dir/cc1" | sed 's/^/    /' >>"$log"; return
  fi
  (cd "$dir" && timeout 10 ./orig >expected 2>&1); local st1=$?

  (cd "$dir" && "$COTAN" print "$src" -- "${cppflags[@]}" >printed.c 2>cotan1.err)
  local cs=$?
  if [ $cs -ne 0 ] || grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$dir/cotan1.err"; then
    fail "cotan print exited $cs"
    head -n 12 "$dir/cotan1.err" | sed 's/^/    /' >>"$log"; return
  fi
  if ! $TEST_CC $cflags -Wall -Wextra -Werror -o "$dir/printed" "$dir/printed.c" -lm >"$dir/cc2" 2>&1; then
    fail "printed.c does not compile warning-free"
    head -n 16 "$dir/cc2" | sed "s|$dir/||; s/^/    /" >>"$log"; return
  fi
  (cd "$dir" && timeout 10 ./printed >actual 2>&1); local st2=$?
  if [ $st1 -ne $st2 ] || ! cmp -s "$dir/expected" "$dir/actual"; then
    fail "printed program behaves differently (exit $st1 vs $st2)"
    diff "$dir/expected" "$dir/actual" | head -n 12 | sed 's/^/    /' >>"$log"; return
  fi
  (cd "$dir" && "$COTAN" print printed.c -- "${cppflags[@]}" >printed2.c 2>cotan2.err)
  cs=$?
  if [ $cs -ne 0 ]; then
    fail "cotan print printed.c exited $cs"
    head -n 12 "$dir/cotan2.err" | sed 's/^/    /' >>"$log"; return
  fi
  if ! cmp -s "$dir/printed.c" "$dir/printed2.c"; then
    fail "printing is not a fixpoint (print(print(x)) != print(x))"
    diff "$dir/printed.c" "$dir/printed2.c" | head -n 12 | sed 's/^/    /' >>"$log"; return
  fi
  # The first comment's first line of text (not the cflags line) must survive.
  local ctext
  ctext=$(grep -E '^[[:space:]]*(/\*|//)' "$src" | grep -v 'cflags:' | head -n 1 |
          sed -E 's@^[[:space:]]*(/\*+|//+)[[:space:]]*@@; s@[[:space:]]*\*/[[:space:]]*$@@')
  if [ -n "$ctext" ] && ! grep -qF -- "$ctext" "$dir/printed.c"; then
    fail "comments were lost (no '$ctext' in the output)"; return
  fi
  local word
  for word in $(sed -n 's@.*keeps:\([^*]*\)\*/.*@\1@p' "$src" | head -n 1); do
    if ! grep -qw -- "$word" "$dir/printed.c"; then
      fail "the name '$word' was lost (printed as its expansion)"; return
    fi
  done
  touch "$out/$name.ok"
}

if [ "${1:-}" = "--one" ]; then one "$2" "$3"; exit 0; fi

need_cotan
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$ROOT"/tests/roundtrip/*.c)
for i in "${!files[@]}"; do
  case ${files[$i]} in /*) ;; *) files[$i]=$PWD/${files[$i]} ;; esac
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

printf '%s\n' "${files[@]}" |
  xargs -P "$JOBS" -I{} bash "$ROOT/tests/roundtrip.sh" --one {} "$out"

pass=0 fail=0
for src in "${files[@]}"; do
  name=$(basename "$src" .c)
  if [ -e "$out/$name.ok" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    if [ -s "$out/$name.log" ]; then cat "$out/$name.log"; else echo "FAIL $name: no result"; fi
  fi
done
finish $pass $fail
