"""A QR code drawn from segno's matrix: sharp at any size, no image files involved."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


def qr_matrix(data: str) -> list[list[bool]]:
    """The modules of `data`'s QR code, with its four-module quiet zone."""
    return [[bool(dark) for dark in row] for row in segno.make(data, error="m").matrix_iter(border=4)]


def qr_image(data: str, size: int) -> QImage:
    """`data` as a black-on-white QR code at least `size` pixels wide, in whole-pixel modules."""
    matrix = qr_matrix(data)
    module = max(1, -(-size // len(matrix)))  # whole pixels, rounded up: at least `size` wide
    image = QImage(module * len(matrix), module * len(matrix), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module, y * module, module, module, Qt.GlobalColor.black)
    painter.end()
    return image


class QrCode(QWidget):
    """Shows `data` as a QR code with its quiet zone, dark modules on white."""

    def __init__(self, data: str, module_pixels: int = 4, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.matrix = qr_matrix(data)
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
