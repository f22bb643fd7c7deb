"""Find in page (Ctrl+F): a field, next and previous, and how many matches there are."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """Asks the reader to find; shows "3 of 12" or "Not found"."""

    findRequested = Signal(str, bool, bool)  # text, backwards, from the top of the page
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        # As a word is typed, its first match in the page: each key went on from the last match.
        self.field.textChanged.connect(self.find_from_top)
        self.field.returnPressed.connect(self.find_next)
        self.field.installEventFilter(self)
        layout.addWidget(self.field, 1)
        self.previous_button = QPushButton(self)
        self.previous_button.setObjectName("findPreviousButton")
        self.previous_button.clicked.connect(self.find_previous)
        layout.addWidget(self.previous_button)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("findNextButton")
        self.next_button.clicked.connect(self.find_next)
        layout.addWidget(self.next_button)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(90)
        layout.addWidget(self.count_label)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("findCloseButton")
        self.close_button.clicked.connect(self.close_bar)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in this page"))
        self.field.setAccessibleName(self.tr("Find in this page"))
        self.previous_button.setText(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous match"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.field.clear()
        self.hide()
        self.closed.emit()

    def find_from_top(self) -> None:
        self.findRequested.emit(self.field.text(), False, True)

    def find_next(self) -> None:
        self.findRequested.emit(self.field.text(), False, False)

    def find_previous(self) -> None:
        self.findRequested.emit(self.field.text(), True, False)

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text():
            self.count_label.clear()
        elif total == 0:
            self.count_label.setText(self.tr("Not found"))
        else:
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(current)).replace("%2", str(total)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape in the field closes the bar (the line edit would otherwise swallow it).
        if watched is self.field and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shift+F3 (or the platform's own) is "find previous".
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.find_previous()
        else:
            super().keyPressEvent(event)
