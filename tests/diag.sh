#!/usr/bin/env bash
# tests/diag.sh: golden diagnostics.
#
# Each case in tests/diag/ is NAME plus:
#   NAME.c       the input (run as `cotan print NAME.c` from tests/diag/), or
#   NAME.gen     a bash script whose output is the input (for inputs too big
#                or too binary to keep: run as `cotan print NAME.c` from a
#                temporary directory), or
#   NAME.args    the whole command line after `cotan` (usage errors, missing
#                files; words split on blanks), run from tests/diag/;
#   NAME.err     the expected stderr;
#   NAME.status  the expected exit status;
#   NAME.out     (optional) the expected stdout.
# What the system preprocessor itself prints first (`cc -E` run on the same
# file) is removed from the start of stderr before comparing, so .err files hold
# cotan's own messages only and do not depend on the gcc version.  stdout
# must be empty when cotan fails (no partial output).
#
# Also checks that a failing `-o OUT` leaves no file behind and leaves an
# existing OUT untouched, and that a successful one writes what stdout gets.
#
#   bash tests/diag.sh            run the cases
#   bash tests/diag.sh --bless    (re)write .err/.status from cotan's output;
#                                 then read every changed file and judge it
set -u
. "$(dirname "$0")/lib.sh"
need_cotan

dir=$ROOT/tests/diag
bless=0
[ "${1:-}" = "--bless" ] && bless=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

names=$(cd "$dir" && ls *.c *.gen *.args 2>/dev/null | sed 's/\.[a-z]*$//' | sort -u)

run_case() { # NAME: runs it, leaves $tmp/NAME.{stdout,stderr,status}
  local name=$1 wd=$dir args
  if [ -f "$dir/$name.gen" ]; then
    wd=$tmp/gen; mkdir -p "$wd"
    bash "$dir/$name.gen" >"$wd/$name.c"
  fi
  if [ -f "$dir/$name.args" ]; then
    read -r -a args <"$dir/$name.args" || true
  else
    args=(print "$name.c")
  fi
  (cd "$wd" && timeout 20 "$COTAN" "${args[@]}" >"$tmp/$name.stdout" 2>"$tmp/$name.raw")
  echo $? >"$tmp/$name.status"
  # What the preprocessor says on its own about this input: cotan lets cpp
  # write to stderr first, so those lines are a prefix of stderr; drop it.
  : >"$tmp/$name.cpp"
  if [ ! -f "$dir/$name.args" ]; then
    (cd "$wd" && ${CC:-cc} -E -C -dD -D__COTAN__=1 "$name.c" 2>"$tmp/$name.cpp" >/dev/null)
  fi
  local n; n=$(wc -l <"$tmp/$name.cpp")
  if [ "$n" -gt 0 ] && head -n "$n" "$tmp/$name.raw" | cmp -s - "$tmp/$name.cpp"; then
    tail -n +$((n + 1)) "$tmp/$name.raw" >"$tmp/$name.stderr"
  else
    cp "$tmp/$name.raw" "$tmp/$name.stderr"
  fi
}

pass=0 fail=0
for name in $names; do
  run_case "$name"
  st=$(cat "$tmp/$name.status")
  if [ $bless = 1 ]; then
    cp "$tmp/$name.stderr" "$dir/$name.err"
    echo "$st" >"$dir/$name.status"
  fi
  problems=""
  if grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$tmp/$name.raw"; then
    problems+="  sanitizer report\n"
  fi
  case $st in 0|1|2) ;; *) problems+="  exit status $st: a crash, internal error or timeout\n" ;; esac
  if [ ! -f "$dir/$name.err" ] || [ ! -f "$dir/$name.status" ]; then
    problems+="  no expected $name.err / $name.status (run: bash tests/diag.sh --bless, then review)\n"
  else
    want=$(cat "$dir/$name.status")
    [ "$st" = "$want" ] || problems+="  exit status $st, expected $want\n"
    if ! cmp -s "$dir/$name.err" "$tmp/$name.stderr"; then
      problems+="  stderr differs (-expected +actual):\n"
      problems+=$(diff -u "$dir/$name.err" "$tmp/$name.stderr" | tail -n +3 | head -n 12 | sed 's/^/    /; s/%/%%/g')
      problems+="\n"
    fi
  fi
  if [ -f "$dir/$name.out" ] && ! cmp -s "$dir/$name.out" "$tmp/$name.stdout"; then
    problems+="  stdout differs from $name.out\n"
  fi
  if [ "$st" != 0 ] && [ -s "$tmp/$name.stdout" ]; then
    problems+="  failed but wrote $(wc -c <"$tmp/$name.stdout") bytes to stdout\n"
  fi
  if [ -z "$problems" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    printf "$problems"
  fi
done

# ---- -o: nothing written on failure, existing file untouched ----
check() { # description, command status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL -o: $1"; fi
}
odir=$tmp/o; mkdir -p "$odir"
(cd "$dir" && "$COTAN" print missing_semicolon.c -o "$odir/new.c" >/dev/null 2>&1)
st=$?
[ $st = 1 ] && [ -z "$(ls -A "$odir")" ]
check "a failed run (status $st) must not create the -o file or leave a temporary: $(ls -A "$odir" | tr '\n' ' ')" $?

printf 'precious\n' >"$odir/keep.c"
(cd "$dir" && "$COTAN" print truncated.c -o "$odir/keep.c" >/dev/null 2>&1)
st=$?
[ $st = 1 ] && [ "$(cat "$odir/keep.c")" = precious ] && [ "$(ls -A "$odir")" = keep.c ]
check "a failed run (status $st) must leave an existing -o file untouched" $?

good=$ROOT/tests/roundtrip/horner.c
"$COTAN" print "$good" >"$tmp/stdout.c" 2>/dev/null &&
  "$COTAN" print "$good" -o "$odir/keep.c" 2>/dev/null &&
  cmp -s "$tmp/stdout.c" "$odir/keep.c" && [ "$(ls -A "$odir")" = keep.c ]
check "a successful run must write to -o exactly what it prints to stdout" $?

finish $pass $fail
