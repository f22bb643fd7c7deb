"""The kiosk window stays full screen, on top and active, whatever the window manager is asked.

A visitor can reach the window manager without the guide: a key it binds (openbox: Super+D shows
the desktop, Ctrl+Alt+arrows change desktops), a minimise request, or a program that grabs the
focus. Any of those left the desktop, with its terminal and browser, in reach. So whenever the
window is minimised, hidden, moved off full screen or loses the focus, it is put back at once,
and with no window manager at all it sizes itself to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

# What makes the window leave the screen, or shows it has: each brings a check at once.
WATCHED = frozenset(
    {
        QEvent.Type.WindowStateChange,
        QEvent.Type.Hide,
        QEvent.Type.Show,
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.WindowDeactivate,
    }
)
# Platforms with no screen a visitor sees (screenshots, tests): nothing there to keep full screen.
NO_SCREEN = frozenset({"offscreen", "minimal"})


class KioskScreen(QObject):
    """Keeps `window` full screen, frameless, raised and active until `stop()`."""

    # If the window manager turns down a request for the focus (a focus-stealing guard, after a
    # key it took itself), the window is mapped again: every window manager shows a new window.
    ESCALATE_MS = 250

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._active = QGuiApplication.platformName() not in NO_SCREEN
        self._exposed_once = False  # "not exposed" means sent away only after it has been seen
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        if not self._active:
            return
        window.setWindowState(Qt.WindowState.WindowFullScreen)  # taken up when the window is shown
        # One check per burst of events, in the next turn of the event loop: no polling.
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.restore)
        self._escalate = QTimer(self)
        self._escalate.setSingleShot(True)
        self._escalate.setInterval(self.ESCALATE_MS)
        self._escalate.timeout.connect(self._map_again_if_not_back)
        window.installEventFilter(self)
        window.winId()  # its QWindow exists from here on: watch whether the screen shows it
        window.windowHandle().installEventFilter(self)
        QGuiApplication.instance().applicationStateChanged.connect(self._check.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in WATCHED:
            self._check.start()
        elif event.type() == QEvent.Type.Expose and watched is self._window.windowHandle():
            self._exposed_once = self._exposed_once or watched.isExposed()
            self._check.start()
        return False

    def restore(self) -> None:
        """Put the window back on the whole screen, on top, with the focus, if it is not there."""
        window = self._window
        if not self._active or window.testAttribute(Qt.WidgetAttribute.WA_WState_Hidden):
            return  # not shown yet (or closed by staff): showing it is not the kiosk's to do
        handle = window.windowHandle()
        sent_away = window.isMinimized() or (self._exposed_once and handle is not None and not handle.isExposed())
        if sent_away:
            self._map_again()
            return
        if window.windowState() != Qt.WindowState.WindowFullScreen:
            # Asked again, not mapped again: as a window is first mapped, the window manager's
            # state can lag the request for a moment, and a remap then was a visible flicker.
            window.setWindowState(Qt.WindowState.WindowFullScreen)
            self._escalate.start()  # still not full screen by then: mapped again
            return
        screen = (window.screen() or QGuiApplication.primaryScreen()).geometry()
        if window.geometry() != screen:
            window.setGeometry(screen)  # with no window manager, nobody else makes it full screen
        if QApplication.activePopupWidget() is None and not window.isActiveWindow():
            window.raise_()
            window.activateWindow()  # the window manager shows it again (leaving "show desktop")
            self._escalate.start()

    def _map_again(self) -> None:
        """Unmap and map the window: minimised, hidden by "show desktop" or on another desktop,
        a window manager puts a newly mapped window on the current screen, with the focus."""
        window = self._window
        self._exposed_once = False
        window.hide()
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.show()
        window.raise_()
        window.activateWindow()

    def _map_again_if_not_back(self) -> None:
        window = self._window
        if not self._active or QApplication.activePopupWidget() is not None:
            return
        if not window.isActiveWindow() or window.windowState() != Qt.WindowState.WindowFullScreen:
            self._map_again()

    @property
    def settled(self) -> bool:
        """Full screen and active, with no check or remap still to come (for tests and tools)."""
        window = self._window
        return (
            window.windowState() == Qt.WindowState.WindowFullScreen
            and window.isActiveWindow()
            and not self._check.isActive()
            and not self._escalate.isActive()
        )

    def stop(self) -> None:
        """Staff are closing the kiosk: let the window go."""
        if self._active:
            self._active = False
            self._check.stop()
            self._escalate.stop()
            self._window.removeEventFilter(self)
            if self._window.windowHandle() is not None:
                self._window.windowHandle().removeEventFilter(self)
            QGuiApplication.instance().applicationStateChanged.disconnect(self._check.start)
