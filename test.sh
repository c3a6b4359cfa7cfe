#!/usr/bin/env bash
# Runs every test of the solution and ends with one summary line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

results="$(mktemp -d)"
dotnet test Patchbay.slnx --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

# Sum the counters of every project's TRX report.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
        if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2] } }
    END { printf "%d %d %d\n", p, f, s }')
rm -rf "$results"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
