#!/usr/bin/env bash
# The crash harness: `scripts/crash-test.sh [ROUNDS]` (default 20). Starts the
# release app under Xvfb on a temporary journal; each round types into the
# Today page, waits a random 0-2 s and kills the app with SIGKILL, then checks
# the file's integrity, that every text the app had shown as "Saved" is in the
# journal, and that the app starts again cleanly. Prints
# `rounds, pages lost, integrity failures`; exits 1 unless both are 0.
#
# The release app and CLI are built first, each as ./package builds it (so
# the package then finds both built; quick when nothing changed).
# BR_CRASH_APP names another app instead (e.g. target/e2e/breathing-room,
# quicker to build), used as it is with the CLI scripts/build-e2e.sh built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
rounds="${1:-20}"
app="${BR_CRASH_APP:-target/release/breathing-room}"
cli="target/release/breathing-room-cli"
if [ -z "${BR_CRASH_APP:-}" ]; then
  [ "${BR_UI_BUILT:-}" = 1 ] || npm --prefix ui run build
  cargo build --release -p breathing-room
  cargo build --release -p journal-cli
else
  cli="target/debug/breathing-room-cli"
  [ -x "$cli" ] || scripts/build-e2e.sh
fi
br_ensure_tauri_driver
# Copies, so a build in this tree during a long run cannot swap a binary
# (and its schema) under the rounds.
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
cp "$app" "$bin/breathing-room"
cp "$cli" "$bin/breathing-room-cli"
BR_E2E_APP="$bin/breathing-room" BR_E2E_CLI="$bin/breathing-room-cli" \
  xvfb-run -a -s "-screen 0 1280x860x24" \
  dbus-run-session -- node tests/e2e/crash.mjs "$rounds"
