#!/usr/bin/env bash
# Runs every test of the solution and ends with one summary line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

results="$(mktemp -d)"
dotnet test Patchbay.slnx --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

# Patchbay's bz-util and Node host have their own suite, run by Node's test runner.
node_out="$(cd src/Patchbay.Runtime/NodeHost && node --test test/ 2>&1)"
node_status=$?
echo "$node_out" | tail -n 9
[ $node_status -eq 0 ] || status=$node_status
node_passed=$(echo "$node_out" | awk '/^# pass/ {print $3}')
node_failed=$(echo "$node_out" | awk '/^# fail/ {print $3}')

# Sum the counters of every project's TRX report.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
        if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2] } }
    END { printf "%d %d %d\n", p, f, s }')
rm -rf "$results"
echo "$((passed + ${node_passed:-0})) passed, $((failed + ${node_failed:-0})) failed, ${skipped} skipped"
exit $status
