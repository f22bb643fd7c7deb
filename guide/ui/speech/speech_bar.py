"""The bar under the page while it is read aloud: pause or resume, slower, faster, stop."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class SpeechBar(QFrame):
    """Shown while reading; its buttons say what they do in words (a touch kiosk has no tooltips)."""

    pauseToggled = Signal(bool)  # True: pause, False: go on
    rateStepped = Signal(int)  # -1 slower, +1 faster
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("speechBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.status = QLabel(self)
        self.status.setObjectName("speechStatus")
        layout.addWidget(self.status, 1)
        self.pause_button = self._button("speechPauseButton", layout)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.pauseToggled)
        self.pause_button.toggled.connect(lambda _on: self.retranslate())
        self.slower_button = self._button("speechSlowerButton", layout)
        self.slower_button.clicked.connect(lambda: self.rateStepped.emit(-1))
        self.faster_button = self._button("speechFasterButton", layout)
        self.faster_button.clicked.connect(lambda: self.rateStepped.emit(1))
        self.stop_button = self._button("speechStopButton", layout)
        self.stop_button.clicked.connect(self.stopRequested)
        self.retranslate()
        self.hide()

    def _button(self, name: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    def retranslate(self) -> None:
        paused = self.pause_button.isChecked()
        self.status.setText(self.tr("Paused") if paused else self.tr("Reading aloud"))
        self.pause_button.setText(self.tr("Go on") if paused else self.tr("Pause"))
        self.slower_button.setText(self.tr("Slower"))
        self.faster_button.setText(self.tr("Faster"))
        self.stop_button.setText(self.tr("Stop"))

    def show_rate(self, rate: float) -> None:
        """-1 (slowest) to 1 (fastest): a button that can go no further is off."""
        self.slower_button.setEnabled(rate > -1.0)
        self.faster_button.setEnabled(rate < 1.0)

    def show_reading(self, reading: bool) -> None:
        if not reading:
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.blockSignals(False)
            self.retranslate()
        self.setVisible(reading)
