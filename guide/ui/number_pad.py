"""An on-screen number pad for a touch kiosk with no keyboard: ten digits and two keys of its
owner's choosing. The locator's ZIP code (Backspace, Go) and the staff PIN (Clear, OK) use it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


class NumberPad(QWidget):
    """Twelve keys: 1-9, then `left`, 0, `right` (by default "back" and "enter"). `keyPressed` gives
    a digit or the name of the key; each key is named `<prefix>-<key>` for testers. The keys never
    take the focus, so the field being typed into keeps it."""

    keyPressed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        prefix: str = "pad",
        left: str = "back",
        right: str = "enter",
        key_size: tuple[int, int] = (56, 56),
    ):
        super().__init__(parent)
        self.setObjectName("numberPad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.left, self.right = left, right
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate((*DIGITS, left, "0", right)):
            button = QPushButton(key if key.isdigit() else "", self)
            button.setObjectName(f"{prefix}-{key}")
            button.setMinimumSize(*key_size)
            if prefix == "pad":
                button.setFixedSize(*key_size)  # the ZIP pad sits at the left of a page, keys its own size
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.keyPressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        for key, button in self.keys.items():
            if key.isdigit():
                button.setAccessibleName(key)
        if (left, right) == ("back", "enter"):
            self.retranslate()

    def set_key(self, key: str, text: str, name: str = "") -> None:
        """The words on one of the two keys that are not digits, and what a screen reader says."""
        self.keys[key].setText(text)
        self.keys[key].setAccessibleName(name or text)

    def retranslate(self) -> None:
        """The locator's words: ⌫ (Delete) and Go (Find)."""
        self.set_key("back", "⌫", self.tr("Delete"))
        self.set_key("enter", self.tr("Go"), self.tr("Find"))
