"""The real-display tests: a real X server with a real window manager, driven with xdotool.

`tests/real_display.py` (run by `make test`) starts Xvfb and openbox and runs these with
QT_QPA_PLATFORM=xcb; tests marked `no_window_manager` run on a second Xvfb with no window manager.
What a window looks like on screen is read from the X server (xprop, xwininfo), never from Qt.
"""

from __future__ import annotations

import os

import pytest

from guide.testing import open_window

if os.environ.get("GUIDE_REAL_DISPLAY") != "1":
    raise pytest.UsageError("tests/display needs a real X display: run them with `python tests/real_display.py`")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "no_window_manager: runs on an X server with no window manager")


@pytest.fixture
def window_factory(qtbot):
    """Build a shown main window from command-line style arguments, as tests/ui does."""
    made = []

    def make(*args: str, size: tuple[int, int] = (1000, 700)):
        window = open_window(qtbot, args, size)
        made.append(window)
        return window

    yield make
    for window in made:
        window.admin_exit() if window.kiosk else window.close()


@pytest.fixture
def kiosk(window_factory, pin_config):
    return window_factory("--kiosk", "--config", str(pin_config))
