#!/usr/bin/env bash
# How busy the app keeps the machine while a person only reads: starts the
# e2e build (target/e2e/breathing-room) under Xvfb on a throwaway journal,
# leaves today's page open with the editor focused, waits for it to settle,
# then reports the CPU the app and its web process use over 30 s.
#
#   scripts/idle-cpu.sh            (after scripts/build-e2e.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
APP="${APP:-$PWD/target/e2e/breathing-room}"
[ -x "$APP" ] || { echo "no $APP: run scripts/build-e2e.sh first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export APP tmp
xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- bash -c '
  export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache BREATHING_ROOM_DB=$tmp/journal.db
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  "$APP" >"$tmp/app.log" 2>&1 &
  pid=$!
  sleep 25
  ticks() { local s=0 p; for p in $( { echo $pid; pgrep -P $pid; pgrep -f WebKitWebProces; } | sort -u); do
    [ -r /proc/$p/stat ] || continue; set -- $(sed "s/^.*) //" /proc/$p/stat); s=$((s + ${12} + ${13})); done; echo $s; }
  a=$(ticks); sleep 30; b=$(ticks)
  hz=$(getconf CLK_TCK)
  echo "idle CPU, editor focused: $(( (b - a) * 1000 / 30 / hz )) per mille of one core (app + web process, 30 s)"
  kill $pid; wait $pid 2>/dev/null || true
' 2>/dev/null | grep "idle CPU"
