"""Kiosk mode: lockdown, the idle reset, "I'm finished", and the staff exit.

Attached to a MainWindow; the window itself only refuses to close and knows how to reset.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Signal
from PySide6.QtWidgets import QApplication, QWidget

from guide.config import KioskConfig
from guide.kiosk.rules import IdleTiming, PinGate, TapCounter
from guide.startup import pin_lockout_path
from guide.ui.kiosk.admin_pin_pad import AdminPinPad
from guide.ui.kiosk.idle_warning import IdleWarning
from guide.ui.kiosk.idle_watcher import IdleWatcher
from guide.ui.kiosk.kiosk_screen import KioskScreen

BLOCKED_EVENTS = frozenset(
    {
        QEvent.Type.ContextMenu,  # no copy/paste or "open link" menus anywhere
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,  # no files dropped in
    }
)


class KioskMode(QObject):
    """Everything that makes the window safe to leave in a waiting room. What it asks of the
    window (the idle reset, "I'm finished", the staff exit) is wired in guide/ui/wiring.py."""

    unlocked = Signal()  # staff entered the right PIN

    def __init__(self, window, settings: KioskConfig, idle_seconds: int | None = None):
        super().__init__(window)
        self.window = window
        self.screen = KioskScreen(window)  # full screen, and back at once if ever sent away
        idle = idle_seconds if idle_seconds is not None else settings.idle_seconds
        self.idle = IdleWatcher(IdleTiming.make(idle, settings.warning_seconds), self)
        self.warning = IdleWarning(window)
        self.idle.warning.connect(self.show_warning)
        self.idle.warningCancelled.connect(self.warning.hide)
        self.warning.stillHere.connect(self.idle.note_input)
        self.gate = None
        if settings.admin_pin_sha256:
            # Written only by a staff-exit try: the lock-out outlives a restart (docs/KIOSK.md).
            self.gate = PinGate(settings.admin_pin_sha256, state_path=pin_lockout_path())
        self._taps = TapCounter()
        if self.gate is None:
            sys.stderr.write(
                "guide: kiosk mode has no admin PIN, so staff can't exit on screen; "
                "set one with 'guide kiosk set-pin'\n"
            )
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in BLOCKED_EVENTS and isinstance(watched, QWidget):
            event.ignore()
            return True
        return False

    def show_warning(self, seconds: int) -> None:
        # The help panel stays uncovered: help is one glance away even now.
        panel = self.window.help_panel
        left = panel.mapTo(self.window, QPoint(0, 0)).x()
        first = not self.warning.isVisible()
        self.warning.show_countdown(seconds, QRect(0, 0, left, self.window.height()))
        if first:  # a visitor listening to the page hears the warning instead
            self.window.speak_now([self.warning.title.text(), self.warning.countdown.text()])

    def on_title_tapped(self) -> None:
        if self._taps.tap():
            self.open_pin_pad()

    def open_pin_pad(self) -> AdminPinPad | None:
        if self.gate is None:
            return None
        pad = AdminPinPad(self.gate, self.window)
        pad.unlocked.connect(self.unlocked)
        return self.window.dialogs.show(pad)

    def stop(self) -> None:
        self.screen.stop()
        self.idle.stop()
        QApplication.instance().removeEventFilter(self)
