#!/usr/bin/env python3
"""Start, memory and idle of the release app, side by side with a bare Tauri
window (see scripts/bench-app.sh, which builds both and runs this under Xvfb).

Launched in turn, each in fresh data folders: the bare window, our app on a
journal of one page, our app on ten generated years (each with today's page
written). For each: launch to window mapped (an X MapNotify on the root
window); launch to the page painted (ours: the Today page with its text and
guidance, reported by the UI through `painted`, which prints the moment,
and the steps before it, when BREATHING_ROOM_BENCH is set; the bare
window's empty page reports its own first paint the same way); and 5 s
after launch the PSS and the CPU time of the whole process tree (the app
and WebKit's processes). Then one launch
of each left alone: CPU over 60 s with the window open (from 30 s after
the launch: the start's own work, such as the day's backup, is done), and
for ours over 60 s hidden in the tray (Ctrl+Shift+H). BENCH_IDLE=0 leaves those out.

usage: bench_app.py BARE APP CLI TEN_YEARS_DB [LAUNCHES]
"""

import ctypes
import ctypes.util
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
HZ = os.sysconf("SC_CLK_TCK")
# Seconds after a launch before its idle is counted.
SETTLE = 25

x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
x11.XPending.argtypes = [ctypes.c_void_p]
x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
x11.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
x11.XFlush.argtypes = [ctypes.c_void_p]


class Display:
    """Watches the root window for top-level windows being mapped."""

    def __init__(self):
        self.d = x11.XOpenDisplay(None)
        if not self.d:
            sys.exit("no X display: run this under xvfb-run (scripts/bench-app.sh does)")
        x11.XSelectInput(self.d, x11.XDefaultRootWindow(self.d), SUBSTRUCTURE_NOTIFY_MASK)
        x11.XFlush(self.d)
        self.fd = x11.XConnectionNumber(self.d)
        self.event = (ctypes.c_long * 24)()

    def name(self, window):
        out = ctypes.c_char_p()
        if x11.XFetchName(self.d, window, ctypes.byref(out)) and out.value:
            return out.value.decode("utf-8", "replace")
        return ""

    def drain(self):
        while x11.XPending(self.d):
            x11.XNextEvent(self.d, ctypes.byref(self.event))

    def wait_mapped(self, title, deadline):
        """The time (ns) a top-level window called `title` was mapped, or None."""
        while time.monotonic() < deadline:
            while x11.XPending(self.d):
                x11.XNextEvent(self.d, ctypes.byref(self.event))
                now = time.time_ns()
                kind = self.event[0] & 0xFFFFFFFF
                # XMapEvent: type, serial, send_event, display, event, window,
                # override_redirect: the window is the sixth long.
                if kind == MAP_NOTIFY and not self.event[6] & 0xFFFFFFFF:
                    window = self.event[5] & 0xFFFFFFFFFFFFFFFF
                    if self.name(window) == title:
                        return now, window
            select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        return None, None


def tree(root):
    """The process and all its descendants (WebKit's processes too)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, []))
    return out


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / HZ


def pss_mib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                m = re.search(r"^Pss:\s+(\d+) kB", f.read(), re.M)
                total += int(m.group(1)) if m else 0
        except OSError:
            pass
    return total / 1024


def stop(proc):
    pids = tree(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    proc.wait()


class Runner:
    def __init__(self, bare, app, cli, ten_years):
        self.bare, self.app, self.cli, self.ten_years = bare, app, cli, ten_years
        self.display = Display()
        self.work = tempfile.mkdtemp(prefix="bench-app-")
        self.n = 0

    def fresh(self, journal):
        """Fresh data folders, and for ours a journal closed cleanly with
        today's page written."""
        self.n += 1
        home = os.path.join(self.work, f"launch-{self.n}")
        env = dict(os.environ)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            path = os.path.join(home, var.lower())
            os.makedirs(path)
            env[var] = path
        if journal is not None:
            db = os.path.join(home, "journal.db")
            if journal == "ten years":
                shutil.copyfile(self.ten_years, db)
            text = "A quiet evening. I wrote instead of sending anything, and that felt steadier."
            subprocess.run([self.cli, "--db", db, "write", text], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            env["BREATHING_ROOM_DB"] = db
            env["BREATHING_ROOM_BENCH"] = "1"
        return env

    def launch(self, kind, keep=False):
        """One start: times in ms from launch, PSS (MiB) and CPU (s) at 5 s."""
        bare = kind == "bare"
        env = self.fresh(None if bare else kind)
        self.display.drain()
        log = open(os.path.join(self.work, f"launch-{self.n}.log"), "w+")
        t0 = time.time_ns()
        proc = subprocess.Popen([self.bare if bare else self.app], env=env,
                                stdout=subprocess.DEVNULL, stderr=log)
        mapped, window = self.display.wait_mapped("Bare window" if bare else "Breathing Room",
                                                  time.monotonic() + 20)
        time.sleep(max(0.0, t0 / 1e9 + 5 - time.time()))
        pids = tree(proc.pid)
        result = {
            "visible": (mapped - t0) / 1e6 if mapped else float("nan"),
            "pss": pss_mib(pids),
            "cpu5": cpu_seconds(pids),
            "painted": float("nan"),
        }
        log.flush()
        log.seek(0)
        marks = {name: float(at) - t0 / 1e6
                 for name, at in re.findall(r"breathing-room: (.+) at ([\d.]+) ms", log.read())}
        result["marks"] = marks
        if "painted" in marks:
            result["painted"] = marks["painted"]
        else:
            print(f"  (launch {self.n}: no paint reported)", file=sys.stderr)
        if keep:
            return result, proc, window
        stop(proc)
        return result

    def idle(self, kind, seconds=60):
        """CPU over `seconds` left alone: window open, then (ours) in the tray."""
        _, proc, window = self.launch(kind, keep=True)
        # Past the start's own work (ours makes the day's backup 10 s in).
        time.sleep(SETTLE)
        pids = tree(proc.pid)
        a = cpu_seconds(pids)
        time.sleep(seconds)
        out = {"open": cpu_seconds(tree(proc.pid)) - a}
        if kind != "bare" and window:
            subprocess.run(["xdotool", "windowfocus", "--sync", str(window)], check=False)
            subprocess.run(["xdotool", "key", "ctrl+shift+h"], check=True)
            time.sleep(5)
            a = cpu_seconds(tree(proc.pid))
            time.sleep(seconds)
            out["tray"] = cpu_seconds(tree(proc.pid)) - a
        stop(proc)
        return out


def describe(values, unit, digits=0):
    values = [v for v in values if v == v]
    if not values:
        return "—"
    med = statistics.median(values)
    return f"{med:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    bare, app, cli, ten_years = sys.argv[1:5]
    launches = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    r = Runner(bare, app, cli, ten_years)
    kinds = ["bare", "one page", "ten years"]
    try:
        for kind in kinds:  # warm-up: not counted
            r.launch(kind)
        results = {k: [] for k in kinds}
        for i in range(launches):
            for kind in kinds:
                results[kind].append(r.launch(kind))
            print(f"  round {i + 1} of {launches} done", file=sys.stderr)
        idle = ({"bare": r.idle("bare"), "ten years": r.idle("ten years")}
                if os.environ.get("BENCH_IDLE", "1") != "0" else None)
    finally:
        shutil.rmtree(r.work, ignore_errors=True)

    def col(kind, key):
        return [x[key] for x in results[kind]]

    bare_visible = statistics.median(col("bare", "visible"))
    bare_painted = statistics.median(col("bare", "painted"))
    print(f"{launches} launches each, in turn, medians (min–max); ratio to the bare window")
    print(f"{'':22}{'bare window':>26}{'ours, one page':>30}{'ours, ten years':>30}")
    rows = [("window visible", "visible", "ms", 0), ("page painted", "painted", "ms", 0),
            ("PSS at 5 s", "pss", "MiB", 0), ("CPU, first 5 s", "cpu5", "s", 2)]
    for label, key, unit, digits in rows:
        cells = [describe(col(k, key), unit, digits) for k in kinds]
        print(f"{label:22}{cells[0]:>26}{cells[1]:>30}{cells[2]:>30}")
    for kind in ("one page", "ten years"):
        names = list(results[kind][0]["marks"])
        steps = ", ".join(
            f"{n} {statistics.median([x['marks'].get(n, float('nan')) for x in results[kind]]):.0f}"
            for n in names)
        print(f"ours, {kind}, the steps (ms from launch): {steps}")
    for kind in ("one page", "ten years"):
        painted = statistics.median([v for v in col(kind, "painted") if v == v] or [float("nan")])
        print(f"ours, {kind}: Today painted {painted / bare_visible:.2f}× the bare window's visible time (goal ≤ 1.15×), "
              f"{painted / bare_painted:.2f}× its empty page painted")
    one = statistics.median(col("one page", "painted"))
    ten = statistics.median(col("ten years", "painted"))
    print(f"ten years against one page: painted {ten / one:.2f}× (goal within 1.05×)")
    if idle is None:
        return
    print(f"idle, 60 s with the window open: bare {idle['bare']['open']:.2f} s, ours {idle['ten years']['open']:.2f} s (goal ≤ 0.1 s)")
    print(f"idle, 60 s in the tray: ours {idle['ten years'].get('tray', float('nan')):.2f} s (goal ≤ 0.1 s)")


if __name__ == "__main__":
    main()
