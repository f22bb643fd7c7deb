"""Work the first page doesn't need waits until the window has painted it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Calls `then` once, just after `window`'s first paint (a second after it is shown at the latest)."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self._window, self._then, self.done = window, then, False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window's first UpdateRequest paints it; what waits for that runs just after.
        if event.type() == QEvent.Type.UpdateRequest:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        elif event.type() == QEvent.Type.Show:
            # In case a platform paints without an UpdateRequest reaching the window: a second at most.
            QTimer.singleShot(1000, self, self._run)
        return False

    def _run(self) -> None:
        if not self.done:
            self.done = True
            self._then()
