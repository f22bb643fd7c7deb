#!/usr/bin/env python3
"""Run the real-display tests (tests/display/) on a real X server, with and without a window manager.

`make test` runs this after the offscreen suite. It starts Xvfb at a kiosk's screen size, then:

1. openbox on it, with its default settings (the window manager a small kiosk is likely to have),
   and runs `pytest tests/display -m "not no_window_manager"` on that display;
2. a second Xvfb with no window manager at all, and runs the tests marked `no_window_manager`.

Where Xvfb, openbox, xdotool, xprop or Qt's X11 libraries are missing, it says what to install:
on CI (CI set in the environment) that fails the run; elsewhere the real-display tests are skipped
with that message and the offscreen suite alone has run.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1024x768x24"  # a common kiosk screen; the tests size windows within it
# The program each test tool comes from, and the Debian package that has it.
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils", "strace": "strace"}
# What Qt's xcb platform plugin needs beyond a bare system (Debian package names).
QT_XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 "
    "libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-dejavu-core"
)
START_SECONDS = 20


def missing_tools() -> list[str]:
    return sorted({package for tool, package in TOOLS.items() if shutil.which(tool) is None})


@contextlib.contextmanager
def x_server() -> Iterator[str]:
    """A fresh Xvfb; yields its DISPLAY once it accepts connections."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        # Xvfb writes its display number to the pipe when it is ready for clients.
        ready, _, _ = select.select([read_end], [], [], START_SECONDS)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


@contextlib.contextmanager
def window_manager(display: str, home: Path) -> Iterator[None]:
    """openbox with its default settings on `display`, once it manages windows."""
    fifo = home / "openbox-ready"
    os.mkfifo(fifo)
    environment = {**os.environ, "DISPLAY": display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    manager = subprocess.Popen(
        ["openbox", "--sm-disable", "--startup", f"sh -c 'echo ready > {fifo}'"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # openbox runs its --startup command once it has taken over the screen.
        descriptor = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            ready, _, _ = select.select([descriptor], [], [], START_SECONDS)
            if not ready or not os.read(descriptor, 16):
                raise RuntimeError("openbox did not start")
        finally:
            os.close(descriptor)
        yield
    finally:
        manager.terminate()
        manager.wait(10)


def qt_can_open(display: str) -> str:
    """'' when Qt's xcb platform plugin opens `display`, else what it said."""
    probe = subprocess.run(
        [sys.executable, "-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication(['probe'])"],
        env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return "" if probe.returncode == 0 else (probe.stderr.strip().splitlines() or ["failed"])[0]


def pytest(display: str, marker: str, arguments: list[str]) -> int:
    environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "GUIDE_REAL_DISPLAY": "1"}
    command = [sys.executable, "-m", "pytest", "tests/display", "-m", marker, *arguments]
    code = subprocess.call(command, cwd=ROOT, env=environment)
    return 0 if code == 5 else code  # 5: nothing carried that marker


def fail_or_skip(message: str) -> int:
    if os.environ.get("CI"):
        print(f"real-display tests: error: {message}", file=sys.stderr)
        return 1
    print(f"real-display tests skipped: {message}", file=sys.stderr)
    return 0


def main(arguments: list[str]) -> int:
    missing = missing_tools()
    if missing:
        return fail_or_skip(f"missing programs; install them with: apt-get install {' '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="guide-x-") as folder:
        home = Path(folder)
        with x_server() as display:
            why = qt_can_open(display)
            if why:
                return fail_or_skip(f"Qt cannot open an X display ({why}); apt-get install {QT_XCB_PACKAGES}")
            with window_manager(display, home):
                managed = pytest(display, "not no_window_manager", arguments)
        with x_server() as display:
            bare = pytest(display, "no_window_manager", arguments)
    return managed or bare


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
