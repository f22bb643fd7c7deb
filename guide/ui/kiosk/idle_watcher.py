"""Notices any input anywhere in the guide, and says when to warn and when to start over."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from guide.kiosk.rules import IdleTiming

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.Gesture,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter with one single-shot timer and no polling.

    Input only records the time; the timer, when it fires, looks at how long it has been.
    While the warning shows it fires once a second for the countdown; after a reset it sleeps
    until the next touch, so an untouched kiosk uses no CPU.
    """

    warning = Signal(int)  # seconds left before the reset
    warningCancelled = Signal()
    expired = Signal()

    def __init__(self, timing: IdleTiming, parent: QObject | None = None):
        super().__init__(parent)
        self.timing = timing
        self._last_input = time.monotonic()
        self._warning = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        QApplication.instance().installEventFilter(self)
        self._arm(timing.warn_after)

    @property
    def warning_shown(self) -> bool:
        return self._warning

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False

    def note_input(self) -> None:
        self._last_input = time.monotonic()
        if self._warning:
            self._warning = False
            self.warningCancelled.emit()
            self._arm(self.timing.warn_after)
        elif not self._timer.isActive():
            self._arm(self.timing.warn_after)

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def _arm(self, seconds: float) -> None:
        self._timer.start(max(1, int(seconds * 1000)))

    def _on_timeout(self) -> None:
        idle_for = time.monotonic() - self._last_input
        if idle_for >= self.timing.idle_seconds:
            self._warning = False
            self.expired.emit()  # and sleep until someone touches the screen again
        elif idle_for >= self.timing.warn_after:
            self._warning = True
            left = self.timing.idle_seconds - idle_for
            self.warning.emit(self.timing.countdown(idle_for))
            self._arm(min(1.0, left))
        else:
            self._arm(self.timing.warn_after - idle_for)
