#!/usr/bin/env bash
# Builds what the end-to-end tests and the screenshot run: the UI, the app
# (a debug build, so it has the dev identifier and never opens the user's own
# data) and the CLI. The app is copied to target/e2e/breathing-room, so a
# later build in this tree cannot swap it out from under the tests.
#
# Built together with the tests (`--tests`): the dependencies then carry the
# same features as in `cargo test --workspace` (tauri's `test` feature comes
# from a dev-dependency), so after ./test's Rust tests nothing of Tauri is
# compiled a second time. The feature only adds the mock runtime's module;
# the app does not use it.
#
# Assumes the dependencies are installed (scripts/ensure-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

DEV_IDENTIFIER="app.breathingroom.journal.dev"
OUT="target/e2e"

# ./test builds the UI once and says so: building it again would give its
# files new times, and every build that embeds them would compile again.
[ "${BR_UI_BUILT:-}" = 1 ] || npm --prefix ui run build

build_app() {
  cargo build --workspace --bins --tests
  mkdir -p "$OUT"
  cp -f target/debug/breathing-room "$OUT/breathing-room.tmp"
  mv -f "$OUT/breathing-room.tmp" "$OUT/breathing-room"
}

# The identifier is compiled in; check the copy really carries the dev one
# (a release build never has it).
build_app
if ! grep -qaF "$DEV_IDENTIFIER" "$OUT/breathing-room"; then
  echo "the e2e app does not carry the identifier $DEV_IDENTIFIER" >&2
  exit 1
fi
