"""What a visitor sees instead of a web page: the address, and a QR code to scan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.reader.links import display_address
from guide.ui.reader.qr_code import QrCode


class ExternalLinkDialog(QDialog):
    """Explains that the guide stays offline and shows where the link leads."""

    def __init__(self, address: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("externalLinkDialog")
        self.setWindowTitle(self.tr("A link outside the guide"))
        self.address = address
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "This link leads outside the guide. The guide works offline and does not "
                "open it. To visit it, scan the code with your phone or type the address "
                "on your own device."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        shown = QLabel(display_address(address), self)
        shown.setObjectName("externalAddress")
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setWordWrap(True)
        layout.addWidget(shown)
        self.qr_code = QrCode(address, parent=self)
        layout.addWidget(self.qr_code, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
