"""Start to a visible window on a real X display: the guide, a bare PySide6 window and peer programs.

`python benchmarks/peers.py [--json] [--control]`. Each figure is also a ratio to `bare`'s median:

- `bare`: a QMainWindow with a QTextBrowser showing a rendered article, 1280x800, shown.
- `guide`: what `python main.py` does (bundled content, desktop mode; its window is 1200x780).
- `guide-5000`: the same with `--content PACK`, a 5,000-article pack (benchmarks/corpus.py).
- the peers, when installed: `kiwix-desktop`, `zeal` and Qt Assistant, each with nothing loaded.

How: Xvfb on a free display (-displayfd) with openbox as its window manager, as on a desktop. One
X connection (ctypes on libX11; no polling of new connections) reads the root window's MapNotify
events with select() on the connection. A program's window is the first top-level window mapped at
least 300x200 whose client (found under openbox's frame) has a _NET_WM_PID of the started process
or one it started; "mapped" runs from just before Popen to that event being read. Qt maps a window
in show(), before it paints it, so bare and the guide also report "painted": a probe in their
process (an application-wide event filter, installed as the event loop starts) takes the time of
the first event the event loop delivers after the first Paint of a top-level widget. The main
window is painted first, then its children in the same pass, then the frame is flushed to the X
server; only then does the loop deliver anything (a window-system event, a posted call, a timer;
ChildAdded and the like, sent while painting, don't count). A plain zero timer after the first
Paint would be too late: it runs after the guide's own first-paint work (guide/ui/first_paint.py).
Both sides read CLOCK_MONOTONIC (which time.perf_counter uses on Linux), shared by processes. The
guide runs through the real command line, `guide.cli.main()` with main.py's argv, and the probe
imports Qt with the collector off, as the guide's own start does; `--control` adds `python main.py`
unprobed, to show that the probe does not move the map.

Every program gets the same environment, and nothing else from the caller's: a private HOME,
XDG_CONFIG/CACHE/DATA_HOME and XDG_RUNTIME_DIR under one temporary folder, kept across rounds so
each start is a returning user's; DISPLAY; PATH; LANG=C.UTF-8 (en_US.UTF-8 is not generated on
minimal Debian); DBUS_SESSION_BUS_ADDRESS=disabled: (what the guide sets itself with no bus; with
no dbus-launch installed the peers' libdbus autolaunch fails anyway); no QT_QPA_PLATFORM; bytecode
written (no PYTHONDONTWRITEBYTECODE). Each program is started once first and left until its files
stop changing (the guide's header cache, search index and start page; the peers' settings), then
closed through its window (WM_DELETE_WINDOW) so that it saves its settings. Then BENCH_PEER_RUNS
rounds (default 9) start every program once each, in turn (the order rotated each round), end it
0.3 s after its window with SIGTERM to its whole process family (SIGKILL after 3 s), and start the
next only once every process of the last is gone and its window unmapped.

What the peers do at start, seen here (Debian 12, no network; strace -f -e connect):
- kiwix-desktop 2.3 opens its "Library" tab, no dialog, no network beyond localhost: it starts
  aria2c, its download manager, as a child (RPC on 127.0.0.1:42042, which kiwix polls); no setting
  turns that off. Its QtWebEngine zygotes and aria2c outlive a SIGTERM to kiwix alone: hence the
  whole family is ended, and this process collects the orphans (PR_SET_CHILD_SUBREAPER).
- zeal 0.6.1 opens its "Welcome" page, no dialog and no network (Debian's build writes
  check_for_update=false); it only listens on a local HTTP port.
- Qt Assistant (assistant-qt6, /usr/lib/qt6/bin) opens an empty window, no dialog or network; its
  first start writes its help collection (done by the warm-up start). Without libqt6sql6-sqlite
  (only recommended) it prints "QSQLITE driver not loaded" and exits with no window: "failed".
- QtWebEngine (kiwix, zeal) will not run as root with its sandbox on, so as root every program
  gets QTWEBENGINE_DISABLE_SANDBOX=1. No peer showed a splash screen; windows passed over (too
  small, a splash or popup type, another process's) are listed in the notes under the table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.xdesktop import MAP, Missing, Screen, desktop, end, family, now, read_line, require_tools, subreaper  # noqa: E402

RUNS = int(os.environ.get("BENCH_PEER_RUNS", "9"))
MIN_WIDTH, MIN_HEIGHT = 300, 200  # smaller mapped windows are tooltips, popups or splashes
WINDOW_TIMEOUT = 30.0  # seconds for a program's window to appear
LINGER = 0.3  # seconds a program runs after its window, before it is ended
PEERS = {"kiwix-desktop": ["kiwix-desktop"], "zeal": ["zeal"], "assistant": ["assistant"]}
PEER_PATHS = ["/usr/lib/qt6/bin"]  # Debian's assistant-qt6 puts `assistant` here, not on PATH

# Shared by both Qt programs: the wrapper passes a pipe's fd as argv[1]. From the event loop's
# start an application-wide event filter waits for the first Paint of a top-level widget (the main
# window, painted before its children). The children's Paint events follow in the same pass, then
# the backing store is flushed to the X server; the next event the event loop itself delivers (from
# the window system, or a posted call or timer, never one sent while painting, like ChildAdded)
# marks the frame done. It writes "paint-began painted" in CLOCK_MONOTONIC seconds. The zero timer
# makes sure such an event comes; the guide's own first-paint work (guide/ui/first_paint.py) is
# delivered after the stamp, never inside it.
PROBE = """
import os, sys, time
MARKS = [("python started", time.clock_gettime(time.CLOCK_MONOTONIC))]
fd = int(sys.argv.pop(1))

def mark(name):
    MARKS.append((name, time.clock_gettime(time.CLOCK_MONOTONIC)))

def install_probe():
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    Type = QEvent.Type
    loop_events = (Type.MetaCall, Type.Timer, Type.UpdateRequest, Type.DeferredDelete)

    class FirstFrame(QObject):
        began = None

        def eventFilter(self, watched, event):
            kind = event.type()
            if self.began is None:
                if kind == Type.Paint and watched.isWidgetType() and watched.isWindow():
                    self.began = time.clock_gettime(time.CLOCK_MONOTONIC)
                    self.timer.start(0)
            elif kind != Type.Paint and (event.spontaneous() or kind in loop_events):
                done = time.clock_gettime(time.CLOCK_MONOTONIC)
                QApplication.instance().removeEventFilter(self)
                marks = " ".join(f"{name.replace(' ', '_')}={at!r}" for name, at in MARKS)
                os.write(fd, f"{self.began!r} {done!r} {marks}\\n".encode())
                os.close(fd)
            return False

    probe, run = FirstFrame(), QApplication.exec

    def exec_(*_):  # app.exec() or QApplication.exec(): a static method
        probe.timer = QTimer(singleShot=True)
        QApplication.instance().installEventFilter(probe)
        return run()

    QApplication.exec = exec_
"""

BARE = (
    PROBE
    + """
install_probe()
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
mark("imports")
app = QApplication([])
mark("QApplication")
w = QMainWindow(); b = QTextBrowser(); b.setHtml(open(sys.argv[1]).read()); w.setCentralWidget(b)
w.resize(1280, 800)
mark("window built")
w.show()
mark("shown")
sys.exit(app.exec())
"""
)

# What `python main.py ARGS` does: main.py imports guide.cli and calls main() with sys.argv.
GUIDE = (
    PROBE
    + f"""
sys.argv[0] = {str(ROOT / "main.py")!r}
import gc
gc.disable()  # the guide imports Qt with the collector off (guide/cli.py)
from guide.ui import app as guide_app  # what main() imports next: Qt and the guide's modules
mark("imports")
def _marked(function, before, after):
    def call(*args, **kwargs):
        if before:
            mark(before)
        result = function(*args, **kwargs)
        mark(after)
        return result
    return call
guide_app.load_for_run = _marked(guide_app.load_for_run, "", "content loaded")
guide_app._build_window = _marked(guide_app._build_window, "QApplication", "window built")
guide_app.MainWindow.show = _marked(guide_app.MainWindow.show, "", "shown")
from guide.cli import main
install_probe()
gc.enable()
sys.exit(main())
"""
)


# The guide's first screen in plain PySide6, no guide code (benchmarks/first_screen.py): the floor.
FLOOR = (
    PROBE
    + f"""
install_probe()
import runpy
sys.argv = ["first_screen.py", *sys.argv[1:], "-"]
runpy.run_path({str(ROOT / "benchmarks" / "first_screen.py")!r}, run_name="__main__")
"""
)


class Program(NamedTuple):
    name: str
    argv: list[str]
    probed: bool  # reports "painted" through PROBE


# --- one start ------------------------------------------------------------------------------------


def environment(home: Path, display: str) -> dict[str, str]:
    """The one environment every program gets (see the module docstring)."""
    folders = {"XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache", "XDG_DATA_HOME": "data",
               "XDG_RUNTIME_DIR": "run"}  # fmt: skip
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "DISPLAY": display,
           "LANG": "C.UTF-8", "DBUS_SESSION_BUS_ADDRESS": "disabled:"}  # fmt: skip
    for name, folder in folders.items():
        (home / folder).mkdir(mode=0o700, exist_ok=True)
        env[name] = str(home / folder)
    if os.geteuid() == 0:  # Chromium (QtWebEngine) will not run as root with its sandbox on
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return env


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in folder.rglob("*"):
        try:
            stat = path.lstat()
        except OSError:
            continue
        found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def settle(screen: Screen, folder: Path, quiet: float = 1.5, longest: float = 60.0) -> None:
    """Wait until no file under `folder` has changed for `quiet` seconds (caches written)."""
    last, since, deadline = _files(folder), now(), now() + longest
    while now() - since < quiet and now() < deadline:
        screen.wait_for(lambda: False, 0.25)
        files = _files(folder)
        if files != last:
            last, since = files, now()


def _window(screen: Screen, process: subprocess.Popen, began: float, notes: list[str]) -> tuple[float, dict]:
    """Read map events until the program's own window is mapped: (seconds, its description)."""
    deadline = began + WINDOW_TIMEOUT
    while True:
        event = screen.next_event(min(deadline, now() + 0.25))
        if event is None:
            if process.poll() is not None:
                raise RuntimeError(f"exited with status {process.returncode} before showing a window")
            if now() > deadline:
                raise RuntimeError(f"no window within {WINDOW_TIMEOUT:.0f} s")
            continue
        read, kind, window = event
        if kind != MAP:
            continue
        info = screen.describe(window)
        why_not = ""
        if info["override_redirect"] or info["width"] < MIN_WIDTH or info["height"] < MIN_HEIGHT:
            why_not = "small or override-redirect"
        elif any(word in info["type"] for word in ("SPLASH", "TOOLTIP", "MENU", "NOTIFICATION")):
            why_not = "splash or popup"
        elif info["pid"] is not None and info["pid"] not in family(process.pid):
            why_not = f"another process's (pid {info['pid']})"
        if not why_not:
            if info["pid"] is None:
                notes.append("window without _NET_WM_PID, taken as the program's")
            return read - began, info
        notes.append(f"skipped a {info['width']}x{info['height']} {info['type'] or 'window'} ({why_not})")


def _painted(read_end: int, began: float) -> tuple[float, float, dict[str, float]] | None:
    """(paint began, painted, {mark: seconds}) from the start, as the probe reported them."""
    text = read_line(read_end, 15)
    if text is None:
        return None
    first, done, *marks = text.decode().split()
    return (
        float(first) - began,
        float(done) - began,
        {name.replace("_", " "): float(at) - began for name, at in (mark.split("=") for mark in marks)},
    )


def start(screen: Screen, program: Program, env: dict, home: Path, logs: Path, warm_up: bool = False) -> dict:
    """Start a program, time its window mapped (and painted), end it; {"mapped": s, ...}."""
    notes: list[str] = []
    if not screen.wait_for(screen.clear, 5):
        notes.append(f"{len(screen.mapped - screen.baseline)} windows still mapped from before")
    argv, fds, read_end = program.argv, (), None
    if program.probed:
        read_end, write_end = os.pipe()
        argv, fds = [*argv[:3], str(write_end), *argv[3:]], (write_end,)
    with open(logs / f"{program.name}.log", "ab") as log:
        began = now()
        process = subprocess.Popen(argv, env=env, cwd=ROOT, pass_fds=fds, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=log, start_new_session=True)  # fmt: skip
    if read_end is not None:
        os.close(fds[0])
    known: set[int] = set()
    try:
        mapped, window = _window(screen, process, began, notes)
        result = {"mapped": mapped, "window": window, "notes": notes}
        if read_end is not None:
            result["paint_began"], result["painted"], result["marks"] = _painted(read_end, began) or (None, None, {})
            if result["painted"] is None:
                notes.append("mapped, but no first paint reported within 15 s")
        known = family(process.pid)
        if warm_up:
            settle(screen, home)
            if window["client"] is not None:
                screen.ask_to_close(window["client"])
                screen.wait_for(lambda: not family(process.pid, known), 10)
        else:
            screen.wait_for(lambda: False, LINGER)
    finally:
        if read_end is not None:
            os.close(read_end)
        end(process, known)
    if not screen.wait_for(screen.clear, 5):
        notes.append("its window was still mapped 5 s after the program ended")
    return result


# --- the benchmark --------------------------------------------------------------------------------


def programs(folder: Path, control: bool) -> tuple[list[Program], list[str]]:
    """The programs to time, and the peers not installed."""
    from benchmarks.corpus import write_corpus
    from guide.packs.library import load_library
    from guide.reader.render import Renderer

    page = folder / "page.html"
    page.write_text(Renderer(load_library()).article_html("clonazepam", "en"), "utf-8")
    pack = write_corpus(folder / "pack", 5000)
    python = sys.executable
    floor = floor_files(folder)
    chosen = [
        Program("bare", [python, "-c", BARE, str(page)], True),
        Program("first screen, plain PySide6", [python, "-c", FLOOR, *floor], True),
        Program("guide", [python, "-c", GUIDE], True),
        Program("guide-5000", [python, "-c", GUIDE, "--content", str(pack)], True),
    ]
    if control:
        chosen.append(Program("guide, main.py unprobed", [python, str(ROOT / "main.py")], False))
    missing = []
    search_path = os.pathsep.join([os.environ.get("PATH", ""), *PEER_PATHS])
    for name, argv in PEERS.items():
        found = shutil.which(argv[0], path=search_path)
        if found:
            chosen.append(Program(name, [found, *argv[1:]], False))
        else:
            missing.append(name)
    return chosen, missing


def floor_files(folder: Path) -> list[str]:
    """first_screen.py's arguments: the guide's style sheet and page style (light), a page, the icons."""
    from guide.packs.library import load_library
    from guide.reader.render import Renderer
    from guide.themes import fill

    style = ROOT / "resources" / "style"
    files = [folder / "floor.qss", folder / "floor.css", folder / "floor.html"]
    files[0].write_text(fill((style / "guide.qss").read_text(), "light"))
    files[1].write_text(fill((style / "reader.css").read_text(), "light"))
    files[2].write_text(Renderer(load_library()).article_html("clonazepam", "en"))
    return [*map(str, files), str(ROOT / "resources" / "icons")]


def _figures(samples: list[float], bare: list[float]) -> dict:
    median = statistics.median(samples)
    return {"ms": median * 1000, "ratio": median / statistics.median(bare),
            "min_ms": min(samples) * 1000, "max_ms": max(samples) * 1000}  # fmt: skip


def _log_tail(logs: Path, name: str) -> str:
    path = logs / f"{name}.log"
    text = path.read_text("utf-8", "replace").strip() if path.exists() else ""
    return f"; its output ends: {text[-600:]}" if text else ""


def rounds(screen: Screen, chosen: list[Program], env: dict, home: Path, logs: Path, runs: int) -> dict:
    """Warm-up starts, then `runs` interleaved rounds: {name: {"mapped": [s], ..., "failed": why}}."""
    samples = {
        p.name: {"mapped": [], "painted": [], "paint_began": [], "marks": [], "notes": [], "failed": ""} for p in chosen
    }
    for number in range(-1, runs):  # -1: once each first, caches and settings written (a returning user)
        shift = max(number, 0) % len(chosen)
        for program in chosen[shift:] + chosen[:shift]:
            got = samples[program.name]
            if got["failed"]:
                continue
            try:
                result = start(screen, program, env, home, logs, warm_up=number < 0)
            except RuntimeError as error:
                when = "at the warm-up start" if number < 0 else f"in round {number + 1}"
                got["failed"] = f"failed {when}: {error}{_log_tail(logs, program.name)}"
                continue
            if number >= 0:
                for key in ("mapped", "painted", "paint_began"):
                    if result.get(key) is not None:
                        got[key].append(result[key])
                if result.get("marks"):
                    got["marks"].append(result["marks"] | {"mapped": result["mapped"], "painted": result["painted"]})
            got["window"] = result["window"]
            got["notes"] += [note for note in result["notes"] if note not in got["notes"]]
    return samples


PHASES = ("python started", "imports", "content loaded", "QApplication", "window built", "shown", "mapped", "painted")


def _phases(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median milliseconds of each step, from the mark before it (the start for the first)."""
    steps: dict[str, list[float]] = {}
    for marks in runs:
        previous = 0.0
        for name in PHASES:
            if name in marks:
                steps.setdefault(name, []).append((marks[name] - previous) * 1000)
                previous = marks[name]
    return {name: statistics.median(values) for name, values in steps.items()}


def phase_table(figures: dict) -> str:
    """Where each probed program's start goes, step by step (medians, so rows need not add up)."""
    shown = {n: g["phases_ms"] for n, g in figures["programs"].items() if "imports" in (g.get("phases_ms") or {})}
    lines = ["| step (ms, median) | " + " | ".join(shown) + " |", "| --- |" + " --- |" * len(shown)]
    labels = {"python started": "Python's own start (to the script's first line)",
              "imports": "imports (Qt; the guide's modules)",
              "content loaded": "loading the content", "QApplication": "QApplication (X connection, fonts)",
              "window built": "building the window", "shown": "show()", "mapped": "show() to the window mapped (X)",
              "painted": "mapped to the first frame painted"}  # fmt: skip
    for name in PHASES:
        cells = [f"{phases[name]:.0f}" if name in phases else "-" for phases in shown.values()]
        lines.append(f"| {labels[name]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _summary(got: dict, bare: dict) -> dict:
    if got["failed"]:
        return {"status": got["failed"], "notes": got["notes"]}
    window = {k: v for k, v in got["window"].items() if k not in ("client", "override_redirect")}
    return {
        "status": "measured",
        "mapped": _figures(got["mapped"], bare["mapped"]),
        "painted": _figures(got["painted"], bare["painted"]) if got["painted"] else None,
        "paint_began_ms": statistics.median(got["paint_began"]) * 1000 if got["paint_began"] else None,
        "samples_ms": {k: [round(s * 1000, 1) for s in got[k]] for k in ("mapped", "painted") if got[k]},
        "phases_ms": _phases(got["marks"]),
        "window": window,
        "notes": got["notes"],
    }


def measure(runs: int = RUNS, control: bool = False) -> dict:
    """Milliseconds from start to each program's window mapped (and painted, for bare and the guide).

    {"runs", "load" (1-minute load average before, after), "programs": {name: {"status",
    "mapped": {"ms", "ratio", "min_ms", "max_ms"}, "painted": the same or None, "paint_began_ms",
    "samples_ms", "window", "notes"}}}; a peer not installed or failing has its "status" only.
    Raises Missing when Xvfb, openbox or libX11 is missing, RuntimeError when bare or the guide fail.
    """
    require_tools()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="peers-") as tmp, subreaper():
        folder = Path(tmp)
        home = folder / "home"
        home.mkdir()
        chosen, missing = programs(folder, control)
        with desktop(environment(home, ""), folder) as (display, screen):
            samples = rounds(screen, chosen, environment(home, display), home, folder, runs)
    for name in ("bare", "guide", "guide-5000"):
        if samples[name]["failed"]:
            raise RuntimeError(f"{name}: {samples[name]['failed']}")
    figures = {p.name: _summary(samples[p.name], samples["bare"]) for p in chosen}
    figures |= {name: {"status": "not installed"} for name in missing}
    return {"runs": runs, "load": [load_before, os.getloadavg()[0]], "programs": figures}


def table(figures: dict) -> str:
    lines = [
        "| program | mapped (median) | ratio to bare | painted (median) | ratio to bare | mapped min-max | runs |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, got in figures["programs"].items():
        if got["status"] != "measured":
            lines.append(f"| {name} | {got['status']} | - | - | - | - | - |")
            continue
        mapped, painted = got["mapped"], got["painted"]
        shown = f"{painted['ms']:.0f} ms | {painted['ratio']:.2f}x" if painted else "- | -"
        runs = len(got["samples_ms"]["mapped"])
        lines.append(f"| {name} | {mapped['ms']:.0f} ms | {mapped['ratio']:.2f}x | {shown} | "
                     f"{mapped['min_ms']:.0f}-{mapped['max_ms']:.0f} ms | {runs} |")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--control", action="store_true", help="also time `python main.py` with no probe")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the display and programs are ended
    try:
        figures = measure(RUNS, control=args.control)
    except Missing as error:
        print(f"peers: cannot measure: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # the display and every program started are ended by now
        print("peers: interrupted", file=sys.stderr)
        return 130
    except RuntimeError as error:  # bare or the guide did not start; the display did not
        print(f"peers: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    from benchmarks.search_bench import machine

    print(f"Machine: {machine()}. Load average {figures['load'][0]:.2f} before, {figures['load'][1]:.2f} after.")
    print(f"Medians of {figures['runs']} interleaved rounds; start to the window mapped on Xvfb with openbox.\n")
    print(table(figures))
    print("\n" + phase_table(figures))
    for name, got in figures["programs"].items():
        for note in got.get("notes", []):
            print(f"- {name}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
