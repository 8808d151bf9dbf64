#!/usr/bin/env bash
# The CLI as a person runs it, on ten generated years: whole release
# processes, start to exit. Seven runs each of a search and of a write; prints
# each median and range in milliseconds. The issue's goal: ≤ 12 ms each.
# Then the same search when the journal was not closed cleanly (its mark
# removed), which checks the whole file first: what a first open after a
# crash costs.
#
#   scripts/bench-cli.sh
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

cargo build --release -q -p journal-cli
cargo build --release -q -p journal-core --example gen
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/ten-years.db"
target/release/examples/gen --db "$db" >/dev/null
cli=(target/release/breathing-room-cli --db "$db")
# One open first: the generated file is marked as ours and closed cleanly.
"${cli[@]}" status >/dev/null

ms_of() { # runs "$@" once, prints its wall time in ms (one decimal)
  local a b
  a=$(date +%s%N)
  "$@" >/dev/null
  b=$(date +%s%N)
  awk -v d=$((b - a)) 'BEGIN { printf "%.1f\n", d / 1e6 }'
}

report() { # name, then the runs
  local name=$1
  shift
  printf '%s\n' "$@" | sort -n | awk -v name="$name" '
    { v[NR] = $1 }
    END { printf "%-34s median %6.1f ms  (min %.1f, max %.1f, %d runs)\n", name, v[int((NR + 1) / 2)], v[1], v[NR], NR }'
}

runs=()
for _ in 1 2 3 4 5 6 7; do runs+=("$(ms_of "${cli[@]}" search lighthouse)"); done
report "search lighthouse" "${runs[@]}"

runs=()
for i in 1 2 3 4 5 6 7; do runs+=("$(ms_of "${cli[@]}" write --date 2026-11-0$i "A line for the bench, $i.")"); done
report "write a page" "${runs[@]}"

runs=()
for _ in 1 2 3 4 5 6 7; do
  rm -f "$db-closed"
  runs+=("$(ms_of "${cli[@]}" search lighthouse)")
done
report "search, after an unclean close" "${runs[@]}"
echo "(goal: a search or a write ≤ 12 ms; the journal: $(du -h "$db" | cut -f1))"
