"""What the X server and the window manager say about a window, and what a visitor can do to it.

Everything here asks the X server (xprop, xwininfo) or acts through it (xdotool), so a test
sees the screen a visitor sees, not what Qt believes about it.
"""

from __future__ import annotations

import re
import subprocess


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, timeout=10, check=True).stdout


def managed_windows() -> list[int]:
    """The top-level windows the window manager manages (_NET_CLIENT_LIST), in its order."""
    text = _run("xprop", "-root", "_NET_CLIENT_LIST")
    return [int(found, 16) for found in re.findall(r"0x[0-9a-f]+", text)]


def wm_state(window_id: int) -> str:
    """'Normal', 'Iconic' or 'Withdrawn', as the window manager set WM_STATE."""
    text = _run("xprop", "-id", str(window_id), "WM_STATE")
    found = re.search(r"window state: (\w+)", text)
    return found.group(1) if found else "Withdrawn"


def net_wm_state(window_id: int) -> set[str]:
    """The window manager's _NET_WM_STATE atoms for the window, e.g. {'_NET_WM_STATE_FULLSCREEN'}."""
    text = _run("xprop", "-id", str(window_id), "_NET_WM_STATE")
    return set(re.findall(r"_NET_WM_STATE_\w+", text))


def viewable(window_id: int) -> bool:
    """True when the window and all its parents are mapped: it can be seen on the screen."""
    return "Map State: IsViewable" in _run("xwininfo", "-id", str(window_id))


def geometry(window_id: int) -> tuple[int, int, int, int]:
    """x, y, width, height of the window on the screen, as the X server has it."""
    text = _run("xwininfo", "-id", str(window_id))
    values = {key: int(value) for key, value in re.findall(r"(Absolute upper-left [XY]|Width|Height):\s+(-?\d+)", text)}
    return values["Absolute upper-left X"], values["Absolute upper-left Y"], values["Width"], values["Height"]


def screen_size() -> tuple[int, int]:
    width, height = re.search(r"dimensions:\s+(\d+)x(\d+)", _run("xdpyinfo")).groups()
    return int(width), int(height)


def decorated(window_id: int) -> bool:
    """True when the window manager draws a frame (title bar, borders) around the window."""
    text = _run("xprop", "-id", str(window_id), "_NET_FRAME_EXTENTS")
    numbers = [int(n) for n in re.findall(r"\d+", text.split("=", 1)[-1])] if "=" in text else []
    return any(numbers)


def minimize(window_id: int) -> None:
    """Ask the window manager to iconify the window, as its minimise button does."""
    _run("xdotool", "windowminimize", str(window_id))


def key(keys: str) -> None:
    """Press keys on the X keyboard, e.g. 'super+d' (openbox: show the desktop)."""
    _run("xdotool", "key", keys)


def active_window() -> int:
    """The window the window manager says has the focus (_NET_ACTIVE_WINDOW), 0 for none."""
    found = re.search(r"0x[0-9a-f]+", _run("xprop", "-root", "_NET_ACTIVE_WINDOW"))
    return int(found.group(0), 16) if found else 0


def click(x: int, y: int) -> None:
    """Move the real pointer to (x, y) on the screen and press and release the left button there."""
    _run("xdotool", "mousemove", str(x), str(y), "click", "1")


def windows_of(pid: int) -> list[int]:
    """The managed top-level windows a process owns (_NET_WM_PID), e.g. the guide's own."""
    owned = []
    for window_id in managed_windows():
        try:
            found = re.search(r"= (\d+)", _run("xprop", "-id", str(window_id), "_NET_WM_PID"))
        except subprocess.CalledProcessError:
            continue  # gone since the list was read
        if found and int(found.group(1)) == pid:
            owned.append(window_id)
    return owned
