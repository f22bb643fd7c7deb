"""Dialogs shown inside the main window, over a dimmed backdrop, never as windows of their own.

A window manager gives every top-level dialog a title bar, a window menu and a minimise button.
On a kiosk, minimising the guide's own link dialog hid the full-screen window and left the
desktop (a terminal, a browser) in reach. So the guide's dialogs are child widgets: the window
manager never sees them, and they come and go with the main window. The toolbar ("I'm finished",
Home, Back) and the help panel stay uncovered and usable while one is open; the main window
closes a dialog when the visitor goes somewhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QVBoxLayout, QWidget


class DialogBackdrop(QWidget):
    """Dims what lies under a dialog and takes the taps meant for it; shows the dialog on a card
    with its title (there is no title bar to show it)."""

    MAX_WIDTH = 560  # a line of the explanation a frightened visitor can take in at once

    def __init__(self, parent: QWidget, dialog: QDialog):
        super().__init__(parent)
        self.setObjectName("dialogBackdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)  # taps stop here, on the dimming
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = QFrame(self)
        self.card.setObjectName("dialogCard")
        self.card.setMaximumWidth(self.MAX_WIDTH)
        self.card.setStyleSheet(
            "QLabel { font-size: 13pt; } QLabel#dialogTitle { font-size: 16pt; font-weight: bold; }"
        )
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(24, 20, 24, 16)
        inner.setSpacing(8)
        self.title = QLabel(dialog.windowTitle(), self.card)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("dialogTitle")
        self.title.setWordWrap(True)
        inner.addWidget(self.title)
        dialog.setParent(self.card, Qt.WindowType.Widget)  # a child widget: no window of its own
        dialog.layout().setContentsMargins(0, 0, 0, 0)
        inner.addWidget(dialog)
        self.card.setAccessibleName(dialog.windowTitle())
        layout.addWidget(self.card)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 120))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
        painter.drawRoundedRect(self.card.geometry().adjusted(-2, -2, 1, 1), 6, 6)
        painter.end()


class DialogHost(QObject):
    """Opens dialogs inside `window`, over `covered` (the topics and the page), up to `uncovered`
    (the help panel). While one is open, what it covers is disabled: no Tab into it, no taps."""

    def __init__(self, window: QWidget, covered: QWidget, uncovered: QWidget, parent: QObject | None = None):
        super().__init__(parent or window)
        self._window = window
        self._covered = covered
        self._uncovered = uncovered
        self._open: list[tuple[QDialog, DialogBackdrop]] = []

    def show(self, dialog: QDialog) -> QDialog:
        """Show `dialog` inside the window; it goes (and is deleted) when it is finished."""
        backdrop = DialogBackdrop(self._window, dialog)
        backdrop.card.setMaximumWidth(min(DialogBackdrop.MAX_WIDTH, max(320, self._area().width() - 32)))
        dialog.finished.connect(lambda _result: self._close(dialog))
        if not self._open:
            self._window.installEventFilter(self)
            self._covered.setEnabled(False)
        self._open.append((dialog, backdrop))
        backdrop.setGeometry(self._area())
        backdrop.show()
        backdrop.raise_()
        dialog.show()
        dialog.setFocus(Qt.FocusReason.PopupFocusReason)
        if not dialog.focusWidget():
            dialog.focusNextChild()
        return dialog

    def dialogs(self) -> list[QDialog]:
        """The dialogs open now, the newest last."""
        return [dialog for dialog, _backdrop in self._open]

    def _area(self) -> QRect:
        top_left = self._covered.mapTo(self._window, QPoint(0, 0))
        right = self._uncovered.mapTo(self._window, QPoint(0, 0)).x()
        return QRect(top_left, QPoint(right - 1, top_left.y() + self._covered.height() - 1))

    def _close(self, dialog: QDialog) -> None:
        for pair in list(self._open):
            if pair[0] is dialog:
                self._open.remove(pair)
                pair[1].hide()
                pair[1].deleteLater()  # the dialog with it: it is on the backdrop's card
        if not self._open:
            self._window.removeEventFilter(self)
            self._covered.setEnabled(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            for _dialog, backdrop in self._open:
                backdrop.setGeometry(self._area())
        return False
