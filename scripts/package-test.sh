#!/usr/bin/env bash
# Checks the packages ./package built, as a person meets them, without
# touching the system: the .deb is installed with dpkg into a throwaway root
# (dpkg --root), its desktop entry, icons, man page and AppStream metainfo
# are validated, the app is started from the desktop entry's Exec line under
# Xvfb with a fresh home, the installed CLI writes a page into the journal
# the app created, and removing the package leaves that journal as it was.
# The .rpm is opened and must hold the same files.
#
#   scripts/package-test.sh     (after ./package)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  printf '\033[31mpackage test: %s\033[0m\n' "$*" >&2
  exit 1
}
say() { printf '  %s\n' "$*"; }

deb=$(ls target/release/bundle/deb/*.deb 2>/dev/null | head -1)
rpm=$(ls target/release/bundle/rpm/*.rpm 2>/dev/null | head -1)
[ -n "$deb" ] && [ -n "$rpm" ] || fail "no packages: run ./package first"

size=$(stat -c %s "$deb")
say "deb: $(basename "$deb"), $((size / 1024)) KiB"

work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A throwaway root with an empty dpkg database.
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: > "$root/var/lib/dpkg/status"
dpk() { dpkg --root="$root" --log=/dev/null --force-not-root --force-depends --force-script-chrootless "$@"; }
# Its dependencies (WebKitGTK, GTK) are the system's, not the empty root's.
dpk --install "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg could not install it"; }
[ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status}' breathing-room)" = "install ok installed" ] ||
  fail "the .deb did not install"
say "installed into a throwaway root"

for f in usr/bin/breathing-room usr/bin/breathing-room-cli \
  usr/share/man/man1/breathing-room-cli.1.gz \
  usr/share/metainfo/app.breathingroom.journal.metainfo.xml; do
  [ -e "$root/$f" ] || fail "/$f is not in the package"
done
for s in 16 24 32 48 64 128 256 512; do
  icon="$root/usr/share/icons/hicolor/${s}x${s}/apps/breathing-room.png"
  [ -e "$icon" ] || fail "no ${s}x${s} icon"
  [ "$(identify -format '%wx%h' "$icon")" = "${s}x${s}" ] || fail "the ${s}x${s} icon is another size"
done
desktop=$(ls "$root"/usr/share/applications/*.desktop)
desktop-file-validate "$desktop" || fail "the desktop entry is not valid"
[ -z "$(desktop-file-validate "$desktop")" ] || fail "the desktop entry has hints: $(desktop-file-validate "$desktop")"
grep -qx 'GenericName=Journal' "$desktop" || fail "no generic name"
if grep -Eiq 'partner|spouse|husband|wife|marriage|separat' "$desktop"; then
  fail "the desktop entry names what a glance should not read"
fi
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/app.breathingroom.journal.metainfo.xml" >/dev/null ||
  appstreamcli validate --no-net "$root/usr/share/metainfo/app.breathingroom.journal.metainfo.xml" ||
  fail "the AppStream metainfo is not valid"
MANWIDTH=80 man -l "$root/usr/share/man/man1/breathing-room-cli.1.gz" 2>/dev/null | grep -q 'EXIT STATUS' ||
  fail "the man page does not read"
say "desktop entry, icons at every size, metainfo and man page are valid"

# Start it as the desktop would: the Exec line, its binary from the package.
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
home="$work/home"
mkdir -p "$home"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
journal="$XDG_DATA_HOME/app.breathingroom.journal/journal.db"
(PATH="$root/usr/bin:$PATH" xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- \
  sh -c "$exec_line & echo \$! > '$work/pid'
    for i in \$(seq 1 150); do
      xdotool search --name '^Breathing Room\$' >/dev/null 2>&1 && { echo seen > '$work/window'; break; }
      sleep 0.2
    done
    wait" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 150); do
  [ -e "$journal" ] && break
  sleep 0.2
done
[ -e "$journal" ] || { cat "$work/app.log" >&2; fail "the app did not start from its desktop entry (no journal made)"; }
for _ in $(seq 1 150); do
  [ -e "$work/window" ] && break
  sleep 0.2
done
[ -e "$work/window" ] || { cat "$work/app.log" >&2; fail "no window named Breathing Room came up"; }
say "started from the desktop entry: its window came up, and it made its journal in a fresh home"
sleep 1
kill "$(cat "$work/pid")" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

"$root/usr/bin/breathing-room-cli" write --date 2026-01-02 "Written through the installed CLI." >/dev/null
"$root/usr/bin/breathing-room-cli" --json show --date 2026-01-02 | grep -q 'installed CLI' ||
  fail "the installed CLI could not read what it wrote"
before=$(sha256sum "$journal" | cut -d' ' -f1)

dpk --remove breathing-room >/dev/null
[ ! -e "$root/usr/bin/breathing-room" ] || fail "removing left the app behind"
[ -e "$journal" ] || fail "removing the package took the journal"
[ "$(sha256sum "$journal" | cut -d' ' -f1)" = "$before" ] || fail "removing the package changed the journal"
say "removed: the app is gone, the journal is untouched"

# The .rpm: the same files (cpio inside, read with Python's standard library).
python3 - "$rpm" <<'PY' || fail "the .rpm does not hold what the .deb holds"
import struct, sys

data = open(sys.argv[1], "rb").read()
assert data[:4] == b"\xed\xab\xee\xdb", "not an rpm"

def header(off):
    assert data[off:off + 3] == b"\x8e\xad\xe8", "no header"
    n, size = struct.unpack(">II", data[off + 8:off + 16])
    store = off + 16 + 16 * n
    entries = {}
    for i in range(n):
        tag, _, o, count = struct.unpack(">IIII", data[off + 16 + 16 * i:off + 32 + 16 * i])
        entries[tag] = (store + o, count)
    return entries, store + size

_, end = header(96)  # the signature, then the header proper, 8-aligned
tags, _ = header(end + (8 - end % 8) % 8)

def strings(tag):
    o, count = tags[tag]
    out = []
    for _ in range(count):
        e = data.index(b"\0", o)
        out.append(data[o:e].decode())
        o = e + 1
    return out

o, count = tags[1116]
dirindexes = struct.unpack(">%dI" % count, data[o:o + 4 * count])
dirs = strings(1118)
files = {dirs[d] + b for b, d in zip(strings(1117), dirindexes)}
assert strings(1000) == ["breathing-room"], strings(1000)
want = {
    "/usr/bin/breathing-room",
    "/usr/bin/breathing-room-cli",
    "/usr/share/man/man1/breathing-room-cli.1.gz",
    "/usr/share/metainfo/app.breathingroom.journal.metainfo.xml",
    "/usr/share/applications/Breathing Room.desktop",
} | {"/usr/share/icons/hicolor/%dx%d/apps/breathing-room.png" % (s, s) for s in (16, 24, 32, 48, 64, 128, 256, 512)}
missing = want - files
assert not missing, "missing: %s" % sorted(missing)
PY
say "the .rpm holds the same files"
echo "package test: passed"
