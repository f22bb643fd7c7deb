"""The topic list beside the reader: the reader gets the room when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class ReadingSplitter(QSplitter):
    """Sidebar and reader side by side; the sidebar never takes more than its share."""

    SIDEBAR_WIDTH, SIDEBAR_MIN, SIDEBAR_SHARE = 250, 170, 0.3

    def __init__(self, sidebar: QWidget, reader: QWidget, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.addWidget(sidebar)
        self.addWidget(reader)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([self.SIDEBAR_WIDTH, 600])
        self._dragged = False  # until the visitor drags it, the sidebar's width follows the window's
        self.splitterMoved.connect(self._on_dragged)

    def _on_dragged(self, _position: int, _index: int) -> None:
        self._dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        sidebar, reader = self.sizes()
        widest = max(self.SIDEBAR_MIN, int((sidebar + reader) * self.SIDEBAR_SHARE))
        # Not dragged: its width for this window size, whatever sizes the window went through
        # (a kiosk made at one size and shown full screen gets what a new one at that size gets).
        wanted = min(self.SIDEBAR_WIDTH, widest) if not self._dragged else min(sidebar, widest)
        if wanted != sidebar:
            self.setSizes([wanted, sidebar + reader - wanted])
