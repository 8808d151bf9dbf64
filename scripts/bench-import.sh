#!/usr/bin/env bash
# Importing ten years of jrnl's text file, measured as a person runs it: the
# whole release CLI process, from start to exit, into a new journal. Five
# runs; prints each run's wall time and peak memory (RSS), then the median.
# The issue's goal: ≤ 2 s and ≤ 100 MiB. Then a hundred years (ten times the
# file) once: the file is streamed, so its peak memory stays near the ten
# years' rather than growing with the file.
#
#   scripts/bench-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Two builds: with `--example` a build makes only examples, not the CLI.
cargo build --release -q -p journal-cli
cargo build --release -q -p journal-core --example gen
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/examples/gen --jrnl "$work/ten-years.txt"
words=$(wc -w < "$work/ten-years.txt")
echo "jrnl file: $(du -h "$work/ten-years.txt" | cut -f1), $words words, 3650 days"

times=()
for run in 1 2 3 4 5; do
  rm -f "$work"/new.db*
  /usr/bin/time -f '%e %M' -o "$work/time" \
    target/release/breathing-room-cli --db "$work/new.db" --json \
    import --format jrnl "$work/ten-years.txt" > "$work/out.json"
  read -r secs kib < "$work/time"
  tr -d ' \n' < "$work/out.json" | grep -q '"added":3650' || { echo "run $run did not bring in 3650 days:"; cat "$work/out.json"; exit 1; }
  echo "run $run: ${secs} s, peak $((kib / 1024)) MiB"
  times+=("$secs")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "median: ${median} s (goal ≤ 2 s)"

target/release/examples/gen --jrnl "$work/hundred-years.txt" 10
rm -f "$work"/new.db*
/usr/bin/time -f '%e %M' -o "$work/time" \
  target/release/breathing-room-cli --db "$work/new.db" --json \
  import --format jrnl "$work/hundred-years.txt" > "$work/out.json"
read -r secs kib < "$work/time"
tr -d ' \n' < "$work/out.json" | grep -q '"added":36500' || { echo "a hundred years did not all come in:"; cat "$work/out.json"; exit 1; }
echo "a hundred years, $(du -h "$work/hundred-years.txt" | cut -f1): ${secs} s, peak $((kib / 1024)) MiB"
