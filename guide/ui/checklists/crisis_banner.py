"""The crisis banner: 988 and 911 and what to do now, shown the moment a red flag is ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from guide.checklists.checklist import crisis_text
from guide.ui.announce import announce


class CrisisBanner(QFrame):
    """A red box above everything else in the checklist view; its words come from the core."""

    announced = Signal()  # after screen readers were told (an accessibility Alert)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crisisBanner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        self._title = QLabel(self)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setObjectName("crisisTitle")
        self._title.setWordWrap(True)
        layout.addWidget(self._title)
        self._lines = [QLabel(self) for _ in crisis_text("en")["lines"]]
        for label in self._lines:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setProperty("role", "crisisLine")
            layout.addWidget(label)
        self.set_language("en")
        self.hide()

    def set_language(self, language: str) -> None:
        words = crisis_text(language)
        self._title.setText(words["title"])
        for label, line in zip(self._lines, words["lines"], strict=True):
            label.setText(line)
        self.setAccessibleName(words["title"])
        self.setAccessibleDescription(" ".join(words["lines"]))

    def setVisible(self, visible: bool) -> None:
        appearing = visible and not self.isVisible()
        super().setVisible(visible)
        if appearing:
            announce(self)
            self.announced.emit()

    def text(self) -> str:
        """Everything the banner says, as a visitor reads it."""
        return "\n".join([self._title.text(), *(label.text() for label in self._lines)])
