#!/usr/bin/env bash
# tests/grad.sh: the reverse-mode corpus (tests/grad/*.c), issue #3.
#
# Each file is a small C source with the function(s) to differentiate and,
# under #ifdef COTAN_TEST, a test driver (see tests/grad/check.h).  Its first
# line gives the command, `grad` or `vjp`, its options, and any more input
# files (paths relative to tests/grad/, kept in tests/grad/lib/):
#     /* cotan: grad -f loss --wrt w */
#     /* cotan: vjp -f step --wrt x,k --out y */        generates step_vjp
#     /* cotan: grad lib/ms_lib.c -f loss */            a two-file program
# Below, CMD is grad or vjp, and F_CMD the generated function (F_grad, F_vjp).
# For every file:
#   1. `cotan CMD NAME.c [lib/X.c...] -f F ... -o NAME_CMD.c` (the
#      sanitizer build), run on a copy of the file (and of tests/grad/lib/)
#      in a scratch directory, as `cotan` on PATH, so the command line
#      quoted in the output is the same everywhere;
#   2. a second run in another directory: byte-identical output;
#   3. NAME_CMD.c compiles on its own: -std=c11 -pedantic -Wall -Wextra
#      -Werror -O2 -c; the F_CMD prototype the driver declares (the first
#      declaration after its #include "check.h") agrees with it;
#   4. the original compiled with -DCOTAN_TEST (the driver) and linked with
#      the lib/ files and NAME_CMD.c, all with -Wall -Wextra -Werror and
#      -fsanitize=address,undefined -fno-sanitize-recover=all; run with
#      LeakSanitizer on (the generated code frees what it allocates): the
#      driver checks the value, every gradient component against finite
#      differences, and the += contract, and prints PASS;
#   5. where tests/grad/golden/NAME.c exists, the output equals it.
# Each failure prints a line with the reason and a command that reproduces it.
#
#   bash tests/grad.sh [FILE.c...]            the corpus (default: all of it)
#   bash tests/grad.sh --keep DIR [FILE.c...] keep the scratch files in DIR
#   bash tests/grad.sh --bless [FILE.c...]    also write golden/NAME.c for the
#                                             files in GOLDEN (or with a golden
#                                             already), when everything else passed
#   bash tests/grad.sh --selftest [FILE.c...] check the corpus without cotan:
#                                             drivers build, F runs clean, finite
#                                             differences are stable at the points
#                                             (F_CMD is never called: the link
#                                             maps it to main; a driver that
#                                             reads an adjoint global cotan
#                                             defines, d_theta, defines it
#                                             itself under COTAN_SELFTEST)
set -u
. "$(dirname "$0")/lib.sh"

# The functions whose generated code is kept as golden files (the lead
# reviews them): one or more of each kind of construct.
GOLDEN="arith_basic compound_assign ternary comma if_else switch_fallthrough
  for_sum while_tol do_while newton_sqrt overwrite_square inplace_update
  local_array2d struct_ptr struct_value pointer_walk call_chain recursion dot logsumexp
  mlp_tanh rk4_pendulum wrt_subset math_trig switch_return ptr_copy_read
  mlp2_layers polyline_points ptr_linear_softmax heap_workspace heap_realloc_peaks
  memmove_fir memcpy_struct_verlet glob_theta vjp_two_outputs vjp_inplace_iir
  vjp_softmax_lse vjp_status multi_physics adbench_gmm ptr_aggregates"

SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
STD="-std=c11 -pedantic"
WARN="-Wall -Wextra -Werror"
T_COTAN=${T_COTAN:-120}  # seconds allowed for one cotan run
T_CC=${T_CC:-120}        # one compilation
T_RUN=${T_RUN:-60}       # one test program

# The F_grad (F_vjp) prototype a driver declares: the declaration right after
# its #include "check.h", up to the first line that ends with a semicolon.
proto() {
  awk '/^#include "check.h"/ { on = 1; next } on { print; if (/;[[:space:]]*$/) exit }' "$1"
}

# One file: writes $out/NAME.log and $out/NAME.ok or $out/NAME.fail.
one() {
  local src=$1 out=$2 mode=$3
  local name; name=$(basename "$src" .c)
  local dir=$out/$name log=$out/$name.log
  local rel=tests/grad/$name.c
  mkdir -p "$dir/a" "$dir/b" "$dir/bin"
  fail() { echo "FAIL $name: $*" >>"$log"; touch "$out/$name.fail"; }
  repro() {
    echo "    reproduce: bash tests/grad.sh --keep /tmp/grad-$name $rel" >>"$log"
    [ -n "${1:-}" ] && echo "               $1" >>"$log"
  }
  quote() { head -n "$2" "$1" | sed "s|$dir/||g; s/^/    /" >>"$log"; }

  local cmd
  cmd=$(sed -n '1s|^/\* cotan: \(.*[^ ]\) *\*/[[:space:]]*$|\1|p' "$src")
  local -a args
  read -r -a args <<<"$cmd"
  local what=${args[0]:-}
  if [ "$what" != grad ] && [ "$what" != vjp ]; then
    fail "the first line is not /* cotan: grad|vjp [lib/X.c...] -f F ... */ (a corpus bug)"; return
  fi
  # The options (opts) and the more input files (extra: .c paths that are
  # not the value of an option, relative to tests/grad/).
  local func="" i a
  local -a opts=() extra=()
  for ((i = 1; i < ${#args[@]}; i++)); do
    a=${args[$i]}
    case $a in
      -f|--wrt|--out|-o)
        opts+=("$a" "${args[$((i + 1))]:-}")
        [ "$a" = -f ] && func=${args[$((i + 1))]:-}
        i=$((i + 1)) ;;
      -*) opts+=("$a") ;;
      *.c) extra+=("$a") ;;
      *) opts+=("$a") ;;
    esac
  done
  if [ -z "$func" ]; then fail "no -f in the command line (a corpus bug)"; return; fi
  for a in "${extra[@]}"; do
    if [ ! -f "$ROOT/tests/grad/$a" ]; then
      fail "more input file tests/grad/$a not found (a corpus bug)"; return
    fi
  done
  local fn=${func}_$what gname=${name}_$what.c
  local cotan_cmd="build/cotan-san $what $rel${extra[*]:+ ${extra[*]/#/tests/grad/}} ${opts[*]} -o /tmp/$gname"
  if [ "$mode" = selftest ]; then
    if ! proto "$src" | grep -q "${fn}("; then
      fail "the driver does not declare $fn (a corpus bug)"; return
    fi
    if ! timeout "$T_CC" $TEST_CC $STD $WARN -c -o "$dir/plain.o" "$src" >"$dir/cc0" 2>&1; then
      fail "the file (without COTAN_TEST) does not compile warning-free"
      quote "$dir/cc0" 20; return
    fi
    if ! (cd "$ROOT/tests/grad" && timeout "$T_CC" $TEST_CC $STD $WARN -O0 -g $SAN -DCOTAN_TEST \
        -DCOTAN_SELFTEST -I"$ROOT/tests/grad" -o "$dir/selftest" "$src" "${extra[@]}" -lm \
        -Wl,--defsym="${fn}=main") >"$dir/cc1" 2>&1; then
      fail "the driver does not compile warning-free"
      quote "$dir/cc1" 20; return
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 timeout -k 5 "$T_RUN" "$dir/selftest" \
      >"$dir/run.out" 2>&1
    local st=$?
    if [ $st -ne 0 ] || ! grep -q '^PASS' "$dir/run.out"; then
      fail "self-test exited $st"
      grep -v '^PASS' "$dir/run.out" | head -n 12 | sed 's/^/    /' >>"$log"; return
    fi
    touch "$out/$name.ok"; return
  fi

  # 1. generate
  ln -sf "$COTAN" "$dir/bin/cotan"
  local sub
  for sub in a b; do
    cp "$src" "$dir/$sub/$name.c"
    [ ${#extra[@]} -gt 0 ] && cp -R "$ROOT/tests/grad/lib" "$dir/$sub/"
  done
  (cd "$dir/a" && PATH=$dir/bin:$PATH timeout -k 5 "$T_COTAN" \
     cotan "$what" "$name.c" "${extra[@]}" "${opts[@]}" -o "$gname") \
    >"$dir/cotan.out" 2>"$dir/cotan.err"
  local cs=$?
  if [ $cs -ne 0 ] || [ ! -f "$dir/a/$gname" ]; then
    if [ $cs -eq 124 ] || [ $cs -eq 137 ]; then fail "cotan $what timed out (${T_COTAN}s)"
    else fail "cotan $what exited $cs"; fi
    quote "$dir/cotan.err" 8; repro "$cotan_cmd"; return
  fi
  if grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$dir/cotan.err"; then
    fail "cotan $what: sanitizer report"
    quote "$dir/cotan.err" 12; repro "$cotan_cmd"; return
  fi
  local gen=$dir/a/$gname

  # 2. determinism
  (cd "$dir/b" && PATH=$dir/bin:$PATH timeout -k 5 "$T_COTAN" \
     cotan "$what" "$name.c" "${extra[@]}" "${opts[@]}" -o "$gname") \
    >/dev/null 2>"$dir/cotan2.err"
  if ! cmp -s "$gen" "$dir/b/$gname"; then
    fail "not deterministic: two runs of cotan $what gave different output"
    diff "$gen" "$dir/b/$gname" | head -n 10 | sed 's/^/    /' >>"$log"
    repro "$cotan_cmd"; return
  fi

  # 3. the output compiles on its own
  if ! (cd "$dir/a" && timeout "$T_CC" $TEST_CC $STD $WARN -O2 -c -o alone.o "$gname") \
      >"$dir/cc1" 2>&1; then
    fail "$gname does not compile on its own warning-free (-O2 -Wall -Wextra -Werror)"
    quote "$dir/cc1" 20; repro "$cotan_cmd"; return
  fi

  # 3a. clang's warnings too (some, like -Wunused-but-set-variable on a sum
  # computed and never used, only clang gives)
  if command -v clang >/dev/null 2>&1 &&
     ! (cd "$dir/a" && timeout "$T_CC" clang $STD $WARN -fsyntax-only "$gname") \
       >"$dir/cc1c" 2>&1; then
    fail "$gname does not compile warning-free with clang (-Wall -Wextra -Werror)"
    quote "$dir/cc1c" 20; repro "$cotan_cmd"; return
  fi

  # 3b. the signature: the prototype the driver declares (the contract) must
  # agree with the generated definition, checked in one translation unit.
  proto "$src" >"$dir/proto.h"
  { printf '#include "%s"\n' "$gname"; cat "$dir/proto.h"; } >"$dir/a/sig.c"
  if ! (cd "$dir/a" && timeout "$T_CC" $TEST_CC $STD $WARN -c -o sig.o sig.c) >"$dir/cc3" 2>&1; then
    fail "$fn's signature differs from the contract (the driver's prototype)"
    quote "$dir/proto.h" 6; quote "$dir/cc3" 12; repro "$cotan_cmd"; return
  fi

  # 4. link with the original, its driver and the lib/ files, sanitizers on, and run
  if ! (cd "$dir/a" && timeout "$T_CC" $TEST_CC $STD $WARN -O0 -g $SAN -DCOTAN_TEST \
        -I"$ROOT/tests/grad" -o test "$name.c" "${extra[@]}" "$gname" -lm) >"$dir/cc2" 2>&1; then
    if grep -q "$fn" "$dir/cc2"; then
      fail "does not build with the driver: $fn's signature breaks the contract?"
    else
      fail "does not build with the driver"
    fi
    quote "$dir/cc2" 20; repro "$cotan_cmd"; return
  fi
  (cd "$dir/a" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 timeout -k 5 "$T_RUN" ./test) \
    >"$dir/run.out" 2>&1
  local st=$?
  if [ $st -ne 0 ] || ! grep -q '^PASS' "$dir/run.out" ||
     grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$dir/run.out"; then
    if [ $st -eq 124 ] || [ $st -eq 137 ]; then fail "the test program timed out (${T_RUN}s)"
    elif grep -q LeakSanitizer "$dir/run.out"; then fail "the generated code leaks memory"
    elif grep -qE 'AddressSanitizer|runtime error:' "$dir/run.out"; then
      fail "sanitizer report while running the gradient"
    else fail "wrong gradient (exit $st)"; fi
    grep -v '^PASS' "$dir/run.out" | head -n 14 | sed 's/^/    /' >>"$log"
    repro "$cotan_cmd"; return
  fi

  # 5. golden
  local golden=$ROOT/tests/grad/golden/$name.c
  if [ -f "$golden" ] && ! cmp -s "$golden" "$gen"; then
    if [ "$mode" = bless ]; then
      cp "$gen" "$golden"; echo "blessed $name (changed)" >>"$log"
    else
      fail "differs from its golden file tests/grad/golden/$name.c (review, then --bless)"
      diff "$golden" "$gen" | head -n 16 | sed 's/^/    /' >>"$log"
      repro "$cotan_cmd"; return
    fi
  elif [ ! -f "$golden" ] && [ "$mode" = bless ] && [[ " $(echo $GOLDEN) " == *" $name "* ]]; then
    cp "$gen" "$golden"; echo "blessed $name (new)" >>"$log"
  fi
  touch "$out/$name.ok"
}

if [ "${1:-}" = "--one" ]; then one "$2" "$3" "$4"; exit 0; fi

mode=test keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --bless) mode=bless; shift ;;
    --selftest) mode=selftest; shift ;;
    --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done

[ "$mode" = selftest ] || need_cotan
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$ROOT"/tests/grad/*.c)
for i in "${!files[@]}"; do
  case ${files[$i]} in /*) ;; *) files[$i]=$PWD/${files[$i]} ;; esac
done
if [ -n "$keep" ]; then
  mkdir -p "$keep"; out=$(cd "$keep" && pwd)
  rm -f "$out"/*.ok "$out"/*.fail "$out"/*.log
else
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fi

# Say once if cotan has no `grad` command yet (every case then fails).
if [ "$mode" != selftest ]; then
  for what in grad vjp; do
    if ! "$COTAN" --help 2>&1 | grep -qw $what; then
      echo "note: $COTAN has no '$what' command yet; every $what case fails at generation"
    fi
  done
fi

printf '%s\n' "${files[@]}" |
  xargs -P "$JOBS" -I{} bash "$ROOT/tests/grad.sh" --one {} "$out" "$mode"

pass=0 fail=0
for src in "${files[@]}"; do
  name=$(basename "$src" .c)
  [ -s "$out/$name.log" ] && grep -q '^blessed' "$out/$name.log" && grep '^blessed' "$out/$name.log"
  if [ -e "$out/$name.ok" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    if [ -s "$out/$name.log" ]; then cat "$out/$name.log"; else echo "FAIL $name: no result"; fi
  fi
done
[ -n "$keep" ] && echo "scratch files kept in $out"
finish $pass $fail
