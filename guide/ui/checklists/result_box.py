"""The checklist's result: a box as tall as the longest result the checklist can give."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget


class ResultBox(QLabel):
    """A word-wrapped label that keeps room for every text it may show, so a tick that changes
    the result never changes the box's height (and nothing below or above it moves)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._possible: list[str] = []

    def set_possible_texts(self, texts: list[str]) -> None:
        """Every text this box may be given while the current checklist is shown."""
        self._possible = list(texts)
        self.updateGeometry()

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right() - 2 * self.margin()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        metrics = self.fontMetrics()
        tallest = max(
            (metrics.boundingRect(QRect(0, 0, max(1, inner), 100000), flags, text).height() for text in self._possible),
            default=0,
        )
        extra = margins.top() + margins.bottom() + 2 * self.margin()
        return max(super().heightForWidth(width), tallest + extra)
