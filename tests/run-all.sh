#!/usr/bin/env bash
# tests/run-all.sh: every test suite, in order (`make test`).
#
# Each suite is a script under tests/ that can also be run alone; each ends
# with a line "N passed, M failed".  This script prints one line per suite,
# shows the output of failing suites (logs are kept in build/test-logs/),
# and ends with the total as a single line "N passed, M failed".  Exits
# nonzero if anything failed.
set -u
. "$(dirname "$0")/lib.sh"

SUITES="unit rules roundtrip headers diag grad mutate"
logdir=$ROOT/build/test-logs
mkdir -p "$logdir"

total_pass=0
total_fail=0
for s in $SUITES; do
  log=$logdir/$s.log
  start=$(date +%s)
  bash "$ROOT/tests/$s.sh" >"$log" 2>&1
  status=$?
  secs=$(( $(date +%s) - start ))
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    # The suite died before its summary: count it as one failure.
    p=0 f=1 summary="no summary line (exit status $status)"
  else
    p=${summary%% passed*}
    f=${summary#*, }; f=${f%% failed}
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  fi
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  if [ "$f" -ne 0 ]; then
    echo "---- $s: output (last 60 lines; full log in ${log#$ROOT/}) ----"
    tail -n 60 "$log"
    echo "----"
  fi
  printf '%-10s %s  (%ss)\n' "$s:" "$summary" "$secs"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
