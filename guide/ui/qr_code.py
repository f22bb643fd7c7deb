"""A QR code drawn from segno's matrix: sharp at any size, no image files involved."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrCode(QWidget):
    """Shows `data` as a QR code with its quiet zone, dark modules on white."""

    def __init__(self, data: str, module_pixels: int = 4, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.matrix = [list(row) for row in segno.make(data, error="m").matrix_iter(border=4)]
        side = len(self.matrix) * module_pixels
        self._size = QSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("QR code for %1").replace("%1", data))

    def sizeHint(self) -> QSize:
        return self._size

    def minimumSizeHint(self) -> QSize:
        return self._size

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        count = len(self.matrix)
        module = max(1, min(self.width(), self.height()) // count)  # whole pixels: no seams
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.GlobalColor.black)
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRect(x * module, y * module, module, module))
        painter.end()
