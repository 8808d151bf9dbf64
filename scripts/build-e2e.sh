#!/usr/bin/env bash
# Builds what the end-to-end tests and the screenshot run: the UI, the app
# (debug, with the dev identifier so it never opens the user's own data) and
# the CLI. The app is copied to target/e2e/breathing-room, so a later plain
# `cargo build`/`cargo test` (which rebuilds target/debug/breathing-room with
# the release identifier) cannot swap it out from under the tests.
#
# Assumes the dependencies are installed (scripts/ensure-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

DEV_IDENTIFIER="app.breathingroom.journal.dev"
OUT="target/e2e"

npm --prefix ui run build

build_app() {
  TAURI_CONFIG="{\"identifier\":\"$DEV_IDENTIFIER\"}" cargo build -p breathing-room
  mkdir -p "$OUT"
  cp -f target/debug/breathing-room "$OUT/breathing-room.tmp"
  mv -f "$OUT/breathing-room.tmp" "$OUT/breathing-room"
}

# The identifier is compiled in; check the copy really carries the dev one
# (another build in the same target dir may have finished in between).
build_app
if ! grep -qaF "$DEV_IDENTIFIER" "$OUT/breathing-room"; then
  echo "target/debug/breathing-room was rebuilt without the dev identifier meanwhile; building again" >&2
  build_app
  grep -qaF "$DEV_IDENTIFIER" "$OUT/breathing-room" ||
    { echo "the e2e app does not carry the identifier $DEV_IDENTIFIER" >&2; exit 1; }
fi

cargo build -p journal-cli
