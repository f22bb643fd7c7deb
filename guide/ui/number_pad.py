"""An on-screen number pad for a touch kiosk with no keyboard: digits, Backspace and Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "enter")


class NumberPad(QWidget):
    """Twelve 56x56 keys; `keyPressed` gives a digit, "back" or "enter". The keys never take the
    focus, so the field being typed into keeps it."""

    keyPressed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("numberPad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key if key.isdigit() else "", self)
            button.setObjectName(f"pad-{key}")
            button.setFixedSize(56, 56)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.keyPressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.retranslate()

    def retranslate(self) -> None:
        self.keys["back"].setText("⌫")
        self.keys["back"].setAccessibleName(self.tr("Delete"))
        self.keys["enter"].setText(self.tr("Go"))
        self.keys["enter"].setAccessibleName(self.tr("Find"))
        for key, button in self.keys.items():
            if key.isdigit():
                button.setAccessibleName(key)
