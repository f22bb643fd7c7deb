"""A kiosk under a real window manager: full screen, no way to the desktop, nothing to minimise."""

import os
import subprocess

import pytest
import xwindows as x
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

SECOND = 1000  # ms: "back on screen within a second"


def on_screen_full(window_id: int) -> bool:
    """What a visitor sees: the window mapped, not iconified, and covering the whole screen."""
    try:
        return _on_screen_full(window_id)
    except subprocess.CalledProcessError:
        return False  # no such window (any more)


def _on_screen_full(window_id: int) -> bool:
    return (
        x.viewable(window_id)
        and x.wm_state(window_id) == "Normal"
        and x.geometry(window_id) == (0, 0, *x.screen_size())
    )


def test_the_kiosk_fills_the_screen_with_no_frame(kiosk, qtbot):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    assert "_NET_WM_STATE_FULLSCREEN" in x.net_wm_state(window_id)
    assert not x.decorated(window_id)
    assert x.windows_of(os.getpid()) == [window_id]


class LeaveWatch(QObject):
    """Notes whether the window left the screen (minimised, or no longer exposed): proof the window
    manager did act, however quickly the kiosk came back."""

    def __init__(self, window):
        super().__init__(window)
        self.left = False
        self._window = window
        window.installEventFilter(self)
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, watched, event):
        minimised = event.type() == QEvent.Type.WindowStateChange and self._window.isMinimized()
        hidden = event.type() == QEvent.Type.Expose and not watched.isExposed()
        self.left = self.left or minimised or hidden
        return False


def test_a_minimised_kiosk_comes_back_at_once(kiosk, qtbot):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    watch = LeaveWatch(kiosk)
    x.minimize(window_id)
    qtbot.waitUntil(lambda: watch.left, timeout=SECOND)
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=SECOND)
    assert "_NET_WM_STATE_FULLSCREEN" in x.net_wm_state(window_id)


def test_show_desktop_does_not_reveal_the_desktop(kiosk, qtbot):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    x.key("super+d")  # openbox's default binding: ToggleShowDesktop
    qtbot.waitUntil(lambda: on_screen_full(window_id) and x.active_window() == window_id, timeout=SECOND)


def test_another_desktop_does_not_take_the_kiosk_away(kiosk, qtbot):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    x.key("ctrl+alt+Right")  # openbox's default binding: the next virtual desktop
    qtbot.waitUntil(lambda: on_screen_full(window_id) and x.active_window() == window_id, timeout=SECOND)


def _open_link_dialog(kiosk):
    return kiosk.show_external_link("https://findtreatment.gov/")


def _open_pin_pad(kiosk):
    return kiosk.kiosk_mode.open_pin_pad()


@pytest.mark.parametrize("opener", [_open_link_dialog, _open_pin_pad], ids=["link dialog", "staff PIN pad"])
def test_what_a_visitor_opens_stays_inside_the_kiosk(kiosk, qtbot, opener):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    shown = opener(kiosk)
    qtbot.waitUntil(shown.isVisible, timeout=SECOND)
    QApplication.processEvents()
    # No second top-level window: nothing with a title bar, a window menu or a minimise button.
    assert x.windows_of(os.getpid()) == [window_id]
    assert not shown.isWindow()
    # Whatever the window manager is asked to do, the kiosk, and what was open in it, come back.
    x.minimize(window_id)
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=SECOND)
    x.key("super+d")
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=SECOND)
    assert shown.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_kiosk_toolbar_fits_a_1024x768_screen(window_factory, pin_config, qtbot, language):
    kiosk = window_factory("--kiosk", "--config", str(pin_config), "--lang", language)
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: on_screen_full(window_id), timeout=5 * SECOND)
    assert x.screen_size() == (1024, 768)
    bar = kiosk.navigation
    bar.set_read_aloud(True, False)  # a kiosk with voices for both languages: the fullest toolbar
    qtbot.waitUntil(lambda: bar.width() == 1024, timeout=SECOND)
    qtbot.waitUntil(bar.findChild(QWidget, "readAloudButton").isVisible, timeout=SECOND)
    extension = bar.findChild(object, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible(), "toolbar items were pushed into the » menu"
    shown = [w for w in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if w.isVisible()]
    names = {w.objectName() for w in shown}
    assert {"homeButton", "backButton", "searchBox", "readAloudButton", "languageBox", "finishedButton"} <= names
    for child in shown:
        where = child.geometry()
        assert bar.rect().contains(where), f"{child.objectName()} falls off the toolbar"
        # Each button and box gets the width its words need ("I'm finished", "Español"), not less.
        if child.objectName() != "searchBox":
            need = child.sizeHint().width()
            assert where.width() >= need, f"{child.objectName()} is clipped: {where.width()} < {need}"


@pytest.mark.no_window_manager
def test_with_no_window_manager_the_kiosk_still_fills_the_screen(kiosk, qtbot):
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: x.viewable(window_id), timeout=5 * SECOND)
    qtbot.waitUntil(lambda: x.geometry(window_id) == (0, 0, *x.screen_size()), timeout=SECOND)
    panel = kiosk.help_panel
    right = panel.mapToGlobal(panel.rect().bottomRight())
    assert right.x() < x.screen_size()[0] and right.y() < x.screen_size()[1]
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen


def test_the_guide_started_as_a_kiosk_comes_back_when_minimised(pin_config, qtbot, tmp_path):
    """The real program, as `guide --kiosk` starts it on a kiosk, not a window built in the test."""
    import sys
    from pathlib import Path

    home = {name: str(tmp_path / name) for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")}
    main = Path(__file__).resolve().parents[2] / "main.py"
    guide = subprocess.Popen(
        [sys.executable, str(main), "--kiosk", "--config", str(pin_config)],
        env={**os.environ, **home},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # The guide's window once it is on screen (a window may come and go while Qt starts).
        shown = []
        qtbot.waitUntil(
            lambda: bool(shown.extend(w for w in x.windows_of(guide.pid) if on_screen_full(w)) or shown),
            timeout=15 * SECOND,
        )
        window_id = shown[0]
        # Nothing else of the guide's is managed (waited on: it may map itself again as it starts).
        qtbot.waitUntil(lambda: x.windows_of(guide.pid) == [window_id], timeout=5 * SECOND)
        assert not x.decorated(window_id)
        x.minimize(window_id)  # it may be back before xprop could see it go: only the end state is checked
        qtbot.waitUntil(lambda: on_screen_full(window_id) and x.active_window() == window_id, timeout=SECOND)
        assert guide.poll() is None
    finally:
        guide.kill()
        _out, errors = guide.communicate(timeout=10)
    assert b"Traceback" not in errors


class MapCount(QObject):
    """Counts the times a window is hidden (unmapped) and shown (mapped) again."""

    def __init__(self):
        super().__init__()
        self.hidden = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            self.hidden += watched.objectName() == "mainWindow"
        return False


def test_a_kiosk_starts_without_a_flicker(window_factory, pin_config, qtbot):
    """Starting, the kiosk was unmapped and mapped again (the window manager's full-screen state
    lagged the request for a moment): a visible flicker, and a second polish that dropped the
    theme's link colour from the palette."""
    count = MapCount()
    QApplication.instance().installEventFilter(count)
    try:
        kiosk = window_factory("--kiosk", "--config", str(pin_config))
        qtbot.waitUntil(lambda: on_screen_full(int(kiosk.winId())) and kiosk.kiosk_mode.screen.settled,
                        timeout=5 * SECOND)  # fmt: skip
    finally:
        QApplication.instance().removeEventFilter(count)
    assert count.hidden == 0
