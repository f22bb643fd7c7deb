"""The staff exit: an on-screen keypad that asks for the admin PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.kiosk.rules import PinGate


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
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            text = {"clear": self.tr("Clear"), "ok": self.tr("OK")}.get(key, key)
            button = QPushButton(text, self)
            button.setObjectName(f"pin-{key}")
            button.setMinimumSize(64, 56)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        layout.addLayout(grid)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("pinCancel")
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        # Only while locked: counts the minute down on the prompt, then stops.
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_lock)
        self._show_lock()

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
