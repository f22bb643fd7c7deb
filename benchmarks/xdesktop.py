"""An X desktop for benchmarks/peers.py: Xvfb with openbox, one libX11 connection (ctypes, no new
dependency) that reads the root window's map events, and the process families started on it.

Polling the server with xdotool every few milliseconds made new clients abort with "could not
connect to display"; reading MapNotify events on one connection asks nothing of the server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class Missing(RuntimeError):
    """The benchmark cannot run here (no Xvfb, openbox or libX11)."""


# --- X: one connection to the server, reading the root window's events -------------------------

MAP, _UNMAP, _DESTROY = 19, 18, 17  # X event types
_SUBSTRUCTURE_NOTIFY, _PROPERTY_CHANGE = 1 << 19, 1 << 22
_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class _Event(ctypes.Structure):  # the start XMapEvent, XUnmapEvent and XDestroyWindowEvent share
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong)]  # fmt: skip


class _AnyEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("x", _Event), ("pad", ctypes.c_long * 24)]


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]  # fmt: skip


class _Attributes(ctypes.Structure):  # XWindowAttributes
    _fields_ = [
        *((name, ctypes.c_int) for name in ("x", "y", "width", "height", "border_width", "depth")),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
        *((name, ctypes.c_int) for name in ("bit_gravity", "win_gravity", "backing_store")),
        ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
        *((name, ctypes.c_long) for name in ("all_event_masks", "your_event_mask", "do_not_propagate_mask")),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]  # fmt: skip


def read_line(fd: int, seconds: float) -> bytes | None:
    """One line from the pipe `fd` within `seconds`, or None (closed, or nothing in time)."""
    text, deadline = b"", now() + seconds
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - now()))
        chunk = os.read(fd, 256) if ready else b""
        if not chunk:
            return None
        text += chunk
    return text


def now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


class Screen:
    """An X connection watching the root window: which top-level windows are mapped, and when."""

    def __init__(self, display: str):
        x = self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetAtomName.restype = ctypes.c_void_p
        x.XGetAtomName.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x.XSetErrorHandler.restype = ctypes.c_void_p
        self._ignore = _ERROR_HANDLER(lambda display, error: 0)  # a window gone meanwhile is no error
        self._previous = x.XSetErrorHandler(self._ignore)
        self.display = x.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot connect to X display {display}")
        self.root = x.XDefaultRootWindow(ctypes.c_void_p(self.display))
        x.XSelectInput(ctypes.c_void_p(self.display), ctypes.c_ulong(self.root),
                       ctypes.c_long(_SUBSTRUCTURE_NOTIFY | _PROPERTY_CHANGE))  # fmt: skip
        x.XFlush(ctypes.c_void_p(self.display))
        self.fd = x.XConnectionNumber(ctypes.c_void_p(self.display))
        self.mapped: set[int] = set()  # top-level windows mapped now
        self.baseline: set[int] = set()  # those of the desktop itself (openbox's)
        self._event = _AnyEvent()

    def close(self) -> None:
        if self.display:
            self.x.XCloseDisplay(ctypes.c_void_p(self.display))
            self.display = None
        self.x.XSetErrorHandler(ctypes.c_void_p(self._previous))

    def _call(self, function: str, *args):
        return getattr(self.x, function)(ctypes.c_void_p(self.display), *args)

    def next_event(self, deadline: float) -> tuple[float, int, int] | None:
        """(time read, type, window) of the next event on the root window, or None at the deadline."""
        while True:
            if self._call("XPending"):
                self._call("XNextEvent", ctypes.byref(self._event))
                read = now()
                kind, window = self._event.type, self._event.x.window
                if kind == MAP:
                    self.mapped.add(window)
                elif kind in (_UNMAP, _DESTROY):
                    self.mapped.discard(window)
                return read, kind, window
            left = deadline - now()
            if left <= 0:
                return None
            select.select([self.fd], [], [], left)

    def clear(self) -> bool:
        """No program's window is mapped."""
        return self.mapped <= self.baseline

    def wait_for(self, test, seconds: float, step: float = 0.05) -> bool:
        """Read events until test() holds: checked after each event, and every `step` seconds."""
        deadline = now() + seconds
        while not test():
            if now() >= deadline:
                return False
            self.next_event(min(deadline, now() + step))
        return True

    def atom(self, name: str) -> int:
        return self._call("XInternAtom", name.encode(), 0)

    def atom_name(self, atom: int) -> str:
        pointer = self._call("XGetAtomName", ctypes.c_ulong(atom))
        if not pointer:
            return "?"
        try:
            return ctypes.string_at(pointer).decode()
        finally:
            self.x.XFree(ctypes.c_void_p(pointer))

    def property(self, window: int, name: str) -> list[int] | bytes | None:
        """A window property: a list for 32-bit ones, bytes for 8-bit ones; None when not set."""
        kind, fmt, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        returned = [ctypes.byref(value) for value in (kind, fmt, count, after, data)]
        request = [ctypes.c_ulong(window), ctypes.c_ulong(self.atom(name)), ctypes.c_long(0), ctypes.c_long(4096)]
        status = self._call("XGetWindowProperty", *request, 0, ctypes.c_ulong(0), *returned)  # 0: any type
        if status != 0 or not data:
            return None
        try:
            if fmt.value == 32:  # Xlib hands 32-bit items over as C longs
                return list(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[: count.value])
            return ctypes.string_at(data, count.value * fmt.value // 8)
        finally:
            self.x.XFree(data)

    def size(self, window: int) -> tuple[int, int, bool] | None:
        """(width, height, override-redirect) of a window; None when it is gone."""
        attributes = _Attributes()
        if not self._call("XGetWindowAttributes", ctypes.c_ulong(window), ctypes.byref(attributes)):
            return None
        return attributes.width, attributes.height, bool(attributes.override_redirect)

    def children(self, window: int) -> list[int]:
        root, parent, count = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_uint()
        found = ctypes.POINTER(ctypes.c_ulong)()
        if not self._call("XQueryTree", ctypes.c_ulong(window), ctypes.byref(root), ctypes.byref(parent),
                          ctypes.byref(found), ctypes.byref(count)):  # fmt: skip
            return []
        try:
            return list(found[: count.value])
        finally:
            if found:
                self.x.XFree(found)

    def client(self, frame: int) -> int | None:
        """The application's window in (or being) a top-level window: the one with _NET_WM_PID."""
        level = [frame]
        for _depth in range(4):
            for window in level:
                if self.property(window, "_NET_WM_PID"):
                    return window
            level = [child for window in level for child in self.children(window)]
        return None

    def describe(self, frame: int) -> dict:
        """Size, client, pid, type and title of a mapped top-level window."""
        size = self.size(frame) or (0, 0, False)
        client = self.client(frame)
        info = {"width": size[0], "height": size[1], "override_redirect": size[2], "pid": None, "type": "",
                "title": ""}  # fmt: skip
        if client is not None:
            pid = self.property(client, "_NET_WM_PID")
            info["pid"] = pid[0] if pid else None
            types = self.property(client, "_NET_WM_WINDOW_TYPE") or []
            info["type"] = ",".join(self.atom_name(t).removeprefix("_NET_WM_WINDOW_TYPE_") for t in types)
            title = self.property(client, "_NET_WM_NAME") or self.property(client, "WM_NAME") or b""
            info["title"] = title.decode("utf-8", "replace") if isinstance(title, bytes) else ""
            client_size = self.size(client)
            if client_size:
                info["client_size"] = f"{client_size[0]}x{client_size[1]}"
        info["client"] = client
        return info

    def ask_to_close(self, window: int) -> None:
        """What a click on the title bar's close button sends: WM_DELETE_WINDOW."""
        message = _ClientMessage(type=33, window=window, message_type=self.atom("WM_PROTOCOLS"), format=32)
        message.data[0], message.data[1] = self.atom("WM_DELETE_WINDOW"), 0  # 0: CurrentTime
        self._call("XSendEvent", ctypes.c_ulong(window), 0, ctypes.c_long(0), ctypes.byref(message))
        self._call("XFlush")


# --- processes ------------------------------------------------------------------------------------


def _processes() -> dict[int, tuple[str, int, int]]:
    """pid: (state, parent, process group) of every process."""
    table = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            table[int(entry.name)] = (fields[0], int(fields[1]), int(fields[2]))
    return table


def family(leader: int, known: set[int] = frozenset()) -> set[int]:
    """The living processes started by `leader`: its group (it leads a session) and descendants."""
    table = _processes()
    members = {pid for pid, (_, _, group) in table.items() if group == leader} | {leader}
    members |= {pid for pid in known if pid in table}
    grown = True
    while grown:
        more = {pid for pid, (_, parent, _) in table.items() if parent in members} - members
        members |= more
        grown = bool(more)
    return {pid for pid in members if pid in table and table[pid][0] not in "ZX"}


def _reap() -> None:
    """Collect the exit status of orphans this process adopted (it is their subreaper)."""
    for pid, (state, parent, _) in _processes().items():
        if state == "Z" and parent == os.getpid():
            with suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)


def end(process: subprocess.Popen, known: set[int] = frozenset()) -> None:
    """SIGTERM to the program and every process it started; SIGKILL to those left after 3 s."""
    members = family(process.pid, known)
    for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
        for pid in members:
            with suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = now() + grace
        while now() < deadline:
            process.poll()
            _reap()
            members = family(process.pid, members)
            if not members:
                break
            time.sleep(0.02)
        if not members:
            break
    process.wait(5)
    _reap()


@contextmanager
def subreaper() -> Iterator[None]:
    """Orphaned grandchildren (QtWebEngine's, aria2c) become this process's to collect, not init's."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    try:
        yield
    finally:
        libc.prctl(36, 0, 0, 0, 0)


# --- the display --------------------------------------------------------------------------------


def _start_xvfb(log) -> tuple[subprocess.Popen, str]:
    """Xvfb on the first free display; returns once it accepts connections (it says which display)."""
    read_end, write_end = os.pipe()
    try:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        os.close(write_end)
        number = read_line(read_end, 15)
        if number is None:
            end(server)
            raise RuntimeError("Xvfb did not start (no display number from -displayfd)")
    finally:
        os.close(read_end)
    return server, f":{number.decode().strip()}"


def require_tools() -> None:
    for tool, package in (("Xvfb", "xvfb"), ("openbox", "openbox")):
        if shutil.which(tool) is None:
            raise Missing(f"{tool} is not installed (Debian: apt-get install {package})")
    if ctypes.util.find_library("X11") is None:
        raise Missing("libX11 is not installed (Debian: libx11-6)")


@contextmanager
def desktop(env: dict, log_folder: Path) -> Iterator[tuple[str, Screen]]:
    """Xvfb with openbox, and a connection watching it; all ended on the way out."""
    started: list[subprocess.Popen] = []
    screen = None
    with open(log_folder / "desktop.log", "ab") as log:
        server, display = _start_xvfb(log)
        started.append(server)
        try:
            screen = Screen(display)
            wm = subprocess.Popen(["openbox"], env=dict(env, DISPLAY=display), stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=log, start_new_session=True)  # fmt: skip
            started.append(wm)
            if not screen.wait_for(lambda: screen.property(screen.root, "_NET_SUPPORTING_WM_CHECK"), 10):
                raise RuntimeError("openbox did not take the display within 10 s")
            screen.wait_for(lambda: False, 0.5)  # let it finish what it does at start
            screen.baseline = set(screen.mapped)
            yield display, screen
        finally:
            if screen is not None:
                screen.close()
            for process in reversed(started):
                end(process)
