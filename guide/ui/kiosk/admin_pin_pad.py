"""The staff exit: an on-screen keypad that asks for the admin PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.kiosk.rules import PinGate
from guide.ui.number_pad import NumberPad


class AdminPinPad(QDialog):
    """Digits, Clear and OK; the right PIN emits `unlocked`, every third wrong one locks it, longer each time."""

    unlocked = Signal()

    def __init__(self, gate: PinGate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adminPinPad")
        self.setWindowTitle(self.tr("Staff exit"))
        self._gate = gate
        self._digits = ""
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self.tr("Enter the staff PIN"), self)
        self.prompt.setObjectName("pinPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.prompt)
        self.display = QLabel(self)
        self.display.setObjectName("pinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.display)
        # The same pad as the locator's ZIP code (guide/ui/number_pad.py), with Clear and OK.
        self.pad = NumberPad(self, prefix="pin", left="clear", right="ok", key_size=(64, 56))
        self.pad.set_key("clear", self.tr("Clear"))
        self.pad.set_key("ok", self.tr("OK"))
        self.pad.keyPressed.connect(self.press)
        self.buttons: dict[str, QPushButton] = self.pad.keys
        layout.addWidget(self.pad)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("pinCancel")
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        # Only while locked: counts the minute down on the prompt, then stops.
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_lock)
        self._show_lock()

    def keyPressEvent(self, event) -> None:
        """Staff with a keyboard type the PIN: digits, Backspace clears, Enter is OK (the keys on
        screen never take the focus, as on the locator's pad)."""
        text, key = event.text(), event.key()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.press("clear")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        else:
            super().keyPressEvent(event)

    def press(self, key: str) -> None:
        if self._gate.locked_for():
            return
        if key == "clear":
            self._digits = ""
        elif key == "ok":
            self._submit()
            return
        elif len(self._digits) < 12:
            self._digits += key
        self.display.setText("•" * len(self._digits))

    def _submit(self) -> None:
        digits, self._digits = self._digits, ""
        self.display.clear()
        if self._gate.attempt(digits):
            self.unlocked.emit()
            self.accept()
            return
        self.prompt.setText(self.tr("That PIN is not right. Try again."))
        self._show_lock()

    def _show_lock(self) -> None:
        seconds = self._gate.locked_for()
        for button in self.buttons.values():
            button.setEnabled(not seconds)
        if seconds > 120:  # the longer locks (5 minutes to an hour) in minutes, rounded up
            self.prompt.setText(self.tr("Too many wrong tries. Wait %n minute(s).", "", -(-seconds // 60)))
            self._lock_timer.start()
        elif seconds:
            self.prompt.setText(self.tr("Too many wrong tries. Wait %n second(s).", "", seconds))
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.prompt.setText(self.tr("Enter the staff PIN"))
