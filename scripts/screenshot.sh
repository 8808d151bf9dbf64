#!/usr/bin/env bash
# Makes docs/screenshot.png for the README: the real app under Xvfb
# (1280x860), on a throwaway journal seeded with a few example pages through
# the CLI, captured with ImageMagick's `import` and cropped to the window.
#
#   scripts/screenshot.sh [OUTPUT.png]     (default: docs/screenshot.png)
#
# Builds the dev-identifier app first (scripts/build-e2e.sh); never touches
# your own journal. Needs the packages from scripts/ensure-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="${1:-docs/screenshot.png}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac

unset TAURI_CONFIG
scripts/build-e2e.sh

APP="$ROOT/target/e2e/breathing-room"
CLI="$ROOT/target/debug/breathing-room-cli"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/breathing-room-shot-XXXXXX")"
export WORK
trap 'rm -rf "$WORK"' EXIT
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
export BREATHING_ROOM_DB="$WORK/journal.db"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

day() { date -d "$1 days ago" +%F; }
write() { "$CLI" --db "$BREATHING_ROOM_DB" write --date "$1" --mood "$2" "$3" >/dev/null; }

# Example pages, in our own words.
write "$(day 6)" 3 "A slow morning. Tea by the window, no plans, and that was fine."
write "$(day 4)" 2 "Wanted to text all afternoon. Wrote the message out here instead and left it unsent.
By the evening the pull had eased a little."
write "$(day 2)" 3 "Cleaned the kitchen with the radio on. Small jobs help on the restless days."
write "$(day 1)" 4 "Called Maya after dinner. We talked about her garden and an old film, nothing heavy, and I laughed more than I expected to."
write "$(day 0)" 4 "Took the long way home through the park. The light on the pond was soft and my head went quiet for a while.

I reached for my phone twice on the way. Both times I let it stay in my pocket and kept walking. Writing that down here instead of sending anything.

Tomorrow: an early night, and a walk again if the weather holds."

mkdir -p "$(dirname "$OUT")"

# Inside Xvfb and a private D-Bus session: start the app, wait for its window,
# give the page a moment to load and settle, then capture the screen.
# shellcheck disable=SC2016 # expanded by the inner shell
xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- bash -c '
  set -euo pipefail
  "$0" >"$WORK/app.log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 1 100); do
    win="$(xdotool search --onlyvisible --name "^Breathing Room\$" 2>/dev/null | head -n 1 || true)"
    [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "the app exited early" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$win" ] || { cat "$WORK/app.log" >&2; echo "no Breathing Room window appeared" >&2; kill "$app"; exit 1; }
  sleep 3
  import -window root "$WORK/root.png"
  eval "$(xdotool getwindowgeometry --shell "$win")"
  echo "window: ${WIDTH}x${HEIGHT}+${X}+${Y}"
  convert "$WORK/root.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$1"
  kill "$app"
  wait "$app" 2>/dev/null || true
' "$APP" "$OUT"

echo "Saved $OUT"
