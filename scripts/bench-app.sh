#!/usr/bin/env bash
# Start, memory and idle of the release app, measured side by side with a
# bare Tauri window of the same Tauri version (bench/bare-window, built
# with our Cargo.lock), launched in turn under Xvfb in fresh data folders:
# launch to window visible, launch to the Today page painted with today's
# text and guidance, PSS and CPU 5 s after launch, then CPU over 60 s left
# alone, window open and (ours) in the tray. Ours on a journal of one page
# and on ten generated years. See scripts/bench_app.py for how each figure
# is taken.
#
#   scripts/bench-app.sh [LAUNCHES]      (default 10 each, after a warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in xvfb-run dbus-run-session xdotool python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool: run ./run or ./test once (they install what is missing)" >&2; exit 1; }
done

npm --prefix ui run build --silent >/dev/null
cargo build --release -q -p breathing-room
cargo build --release -q -p journal-cli
cargo build --release -q -p journal-core --example gen
cp Cargo.lock bench/bare-window/Cargo.lock
(cd bench/bare-window && cargo build --release -q --target-dir ../../target)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/examples/gen --db "$work/ten-years.db" >/dev/null
# Opened once: marked as ours and closed cleanly, as a journal in use is.
target/release/breathing-room-cli --db "$work/ten-years.db" status >/dev/null

xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- \
  python3 scripts/bench_app.py "$PWD/target/release/bare-window" \
  "$PWD/target/release/breathing-room" "$PWD/target/release/breathing-room-cli" \
  "$work/ten-years.db" "${1:-10}"
