#!/usr/bin/env bash
# tests/headers.sh: every C11 standard header parses.
#
# For each header, a file that includes it (and one that includes all of
# them) goes through `cotan print` three ways: default flags, `-- -std=c11`
# and `-- -D_GNU_SOURCE`.  Each run must exit 0 and its output must compile
# (same compiler, same flags).  If clang is installed, everything runs again
# with CC=clang (cotan then preprocesses with clang -E, whose own stddef.h,
# stdarg.h, float.h, ... differ from gcc's).
set -u
. "$(dirname "$0")/lib.sh"

HEADERS="assert complex ctype errno fenv float inttypes limits locale math setjmp
signal stdalign stdarg stdbool stddef stdint stdio stdlib stdnoreturn string
tgmath time wchar"

# One case, run in the work directory: compiler, header, flag set.
one() {
  local cc=$1 h=$2 flags=$3
  local base="out/$cc.$h.${flags:-default}"
  (CC=$cc "$COTAN" print "h_$h.c" -- $flags >"$base.c" 2>"$base.err")
  local st=$?
  if [ $st -ne 0 ] || grep -qE 'AddressSanitizer|runtime error:' "$base.err"; then
    { echo "FAIL <$h.h> CC=$cc flags='$flags': cotan exited $st"
      head -n 8 "$base.err" | sed 's/^/    /'; } >"$base.fail"
  elif ! $cc $flags -c -o "$base.o" "$base.c" >"$base.cc" 2>&1; then
    { echo "FAIL <$h.h> CC=$cc flags='$flags': the printed output does not compile"
      head -n 8 "$base.cc" | sed 's/^/    /'; } >"$base.fail"
  else
    touch "$base.ok"
  fi
}

if [ "${1:-}" = "--one" ]; then cd "$2" && one "$3" "$4" "$5"; exit 0; fi

need_cotan
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/out"
for h in $HEADERS; do
  printf '#include <%s.h>\n\nint main(void) { return 0; }\n' "$h" >"$tmp/h_$h.c"
done
all() { # the headers except $1, one #include each
  for h in $HEADERS; do [ "$h" = "${1:-}" ] || printf '#include <%s.h>\n' "$h"; done
  printf '\nint main(void) { return 0; }\n'
}
all >"$tmp/h_all.c"
all tgmath >"$tmp/h_all_but_tgmath.c"

compilers="cc"
if command -v clang >/dev/null 2>&1; then compilers="cc clang"; else echo "(clang not installed: gcc only)"; fi

cases=()
for cc in $compilers; do
  for h in $HEADERS all all_but_tgmath; do
    # clang's tgmath.h declares each function several times with
    # __attribute__((__overloadable__)): C++-style overloading, a clang-only
    # extension that C11 cannot express (the prototypes conflict), so cotan
    # cannot parse it.  Under clang, tgmath.h (and the file including
    # everything) is skipped; all_but_tgmath covers the rest together.
    if [ "$cc" = clang ] && { [ "$h" = tgmath ] || [ "$h" = all ]; }; then continue; fi
    for flags in "" "-std=c11" "-D_GNU_SOURCE"; do
      cases+=("$cc" "$h" "$flags")
    done
  done
done
printf '%s\0' "${cases[@]}" | xargs -0 -n 3 -P "$JOBS" bash "$ROOT/tests/headers.sh" --one "$tmp"

pass=$(find "$tmp/out" -name '*.ok' | wc -l)
fail=$(find "$tmp/out" -name '*.fail' | wc -l)
missing=$(( ${#cases[@]} / 3 - pass - fail ))
for f in "$tmp"/out/*.fail; do [ -f "$f" ] && cat "$f"; done
[ $missing -eq 0 ] || { echo "FAIL: $missing cases left no result"; fail=$((fail + missing)); }
finish "$pass" "$fail"
