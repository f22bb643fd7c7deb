"""The "Are you still there?" overlay, with a countdown and a large button."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.ui.announce import announce


class IdleWarning(QFrame):
    """Covers the window but the help panel; any touch (or the button) keeps the session."""

    stillHere = Signal()
    announced = Signal()  # after screen readers were told (an accessibility Alert)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QFrame(self)
        box.setObjectName("idleWarningBox")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(36, 28, 36, 28)
        inner.setSpacing(16)
        self.title = QLabel(box)
        self.title.setObjectName("idleWarningTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.title)
        self.countdown = QLabel(box)
        self.countdown.setObjectName("idleCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.countdown)
        self.button = QPushButton(box)
        self.button.setObjectName("stillHereButton")
        self.button.clicked.connect(self.stillHere)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(box)
        self.hide()

    def forget(self) -> None:
        """Hidden, with no words, as it was made: its words were in the last visitor's language."""
        self.hide()
        for label in (self.title, self.countdown, self.button):
            label.setText("")
        self.setAccessibleName("")
        self.setAccessibleDescription("")

    def show_countdown(self, seconds: int, area: QRect) -> None:
        """Show (or update) the warning over `area`: everything but the help panel."""
        self.title.setText(self.tr("Are you still there?"))
        if seconds == 1:
            text = self.tr("To keep what you looked at private, the guide will start over in 1 second.")
        else:
            text = self.tr("To keep what you looked at private, the guide will start over in %1 seconds.")
        self.countdown.setText(text.replace("%1", str(seconds)))
        self.button.setText(self.tr("I'm still here"))
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.countdown.text())
        self.setGeometry(area)
        self.raise_()
        if not self.isVisible():
            self.show()
            announce(self)
            self.announced.emit()
