#!/usr/bin/env bash
# require-reports.sh DIR CLASS...: fails unless the failsafe report of each test class in DIR shows
# tests that ran, none skipped and none failed. CI uses it so that a run in which the real-cluster
# suite was skipped (no cluster, a missing -De2e.kubeconfig) cannot pass.
set -euo pipefail
dir=$1; shift
status=0
for class in "$@"; do
  report="$dir/TEST-io.composeoperator.e2e.$class.xml"
  if [[ ! -f "$report" ]]; then
    echo "require-reports: $class did not run (no $report)" >&2; status=1; continue
  fi
  header="$(grep -m1 -o '<testsuite [^>]*>' "$report")"
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$header"; }
  tests=$(attr tests) skipped=$(attr skipped) failures=$(attr failures) errors=$(attr errors)
  if (( tests == 0 || skipped > 0 || failures > 0 || errors > 0 )); then
    echo "require-reports: $class ran $tests tests, $skipped skipped, $failures failed, $errors errors" >&2
    status=1
  else
    echo "require-reports: $class ran $tests tests, none skipped"
  fi
done
exit $status
