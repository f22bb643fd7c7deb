"""QR codes on screen: the pictures on the help and services pages and the link dialog's code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from guide.reader.qr import qr_symbol


def qr_image(data: str) -> QImage:
    """`data`'s QR code, black on white with its quiet zone, in the whole-pixel modules guide.reader.qr chose."""
    symbol = qr_symbol(data)
    image = QImage(symbol.side, symbol.side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    size = symbol.module_pixels
    for y, row in enumerate(symbol.modules):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * size, y * size, size, size, Qt.GlobalColor.black)
    painter.end()
    return image


class QrCode(QWidget):
    """Shows `data` as a QR code, at exactly its picture's size so no module is scaled."""

    def __init__(self, data: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self._image = qr_image(data)
        self.setFixedSize(self._image.size())  # one module is always the same whole pixels
        self.setAccessibleName(self.tr("QR code for %1").replace("%1", data))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
