"""Search results in the sidebar: each article's title with a snippet, matched words in bold."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from guide.search import Results

ID_ROLE = Qt.ItemDataRole.UserRole


class SearchResults(QListWidget):
    """A list a visitor can click or walk with the arrow keys; Enter or a click opens."""

    articleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemClicked.connect(self._on_chosen)
        self.itemActivated.connect(self._on_chosen)

    def show_message(self, text: str) -> None:
        """A line in place of results: getting ready, or nothing found."""
        self.clear()
        item = QListWidgetItem(text, self)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable

    def show_results(self, results: Results, showing_for: str, nothing: str) -> None:
        self.clear()
        if results.corrected:
            note = QListWidgetItem(showing_for.replace("%1", results.corrected), self)
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = note.font()
            font.setItalic(True)
            note.setFont(font)
            note.setData(Qt.ItemDataRole.AccessibleTextRole, note.text())
        if not results.hits:
            self.show_message(nothing)
            return
        for hit in results.hits:
            item = QListWidgetItem(self)
            item.setData(ID_ROLE, hit.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.title)
            label = QLabel(f"<b>{escape(hit.title)}</b><br/>{hit.snippet_html}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            label.setObjectName(f"result-{hit.id}")
            self.setItemWidget(item, label)
        self._fit_rows()
        self.setCurrentRow(self.count() - len(results.hits))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        # A wrapped label's height depends on the width it gets: ask for that width's height.
        width = self.viewport().width()
        for row in range(self.count()):
            label = self.itemWidget(self.item(row))
            if label is not None:
                self.item(row).setSizeHint(QSize(width, label.heightForWidth(width)))

    def titles(self) -> list[str]:
        """The result titles a visitor sees, top to bottom."""
        return [
            self.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
            for i in range(self.count())
            if self.item(i).data(ID_ROLE)
        ]

    def messages(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count()) if not self.item(i).data(ID_ROLE)]

    def first_id(self) -> str | None:
        current = self.currentItem()
        if current is not None and current.data(ID_ROLE):
            return current.data(ID_ROLE)
        return next(
            (self.item(i).data(ID_ROLE) for i in range(self.count()) if self.item(i).data(ID_ROLE)),
            None,
        )

    def _on_chosen(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.articleChosen.emit(item.data(ID_ROLE))
