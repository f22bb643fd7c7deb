"""Search results in the sidebar: each article's title with a snippet, matched words in bold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from guide.ui.search.item_roles import ID_ROLE, SNIPPET_ROLE

if TYPE_CHECKING:
    from guide.search.index import Results


class SearchResults(QListWidget):
    """A list a visitor can click or walk with the arrow keys; Enter or a click opens."""

    articleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Rows are painted by a delegate (set on the first search: its QtGui and QStyle classes
        # aren't needed for the first page); word-wrapped heights vary, so no uniform row heights.
        self._delegate = None
        self._sized_width = -1  # the viewport width the rows were last sized for
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        # The font is set here, not in the style sheet: a style-sheet rule on this list sent every
        # repaint through the slower style-sheet path (6 ms a keystroke instead of 2).
        font = self.font()
        font.setPointSizeF(10)
        self.setFont(font)
        # Not LayoutMode.Batched: it saved 1-2 ms a keystroke, but rows then ignored clicks.
        self.itemClicked.connect(self._on_chosen)
        self.itemActivated.connect(self._on_chosen)

    def show_message(self, text: str) -> None:
        """A line in place of results: getting ready, or nothing found."""
        self._prepare()
        self.clear()
        item = QListWidgetItem(text, self)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable

    def show_results(self, results: Results, showing_for: str, nothing: str, cut: str, some: str) -> None:
        """The hits, after a note for each thing the visitor should know: the query was cut
        (`cut`), other words were searched (`showing_for`, with %1), or no page has every word
        and these have some of them (`some`)."""
        self._prepare()
        self.clear()
        if results.cut:
            self._note(cut)
        if results.corrected:
            self._note(showing_for.replace("%1", results.corrected))
        if results.some_words and results.hits:
            self._note(some)
        if not results.hits:
            item = QListWidgetItem(nothing, self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            return
        for hit in results.hits:
            item = QListWidgetItem(hit.title, self)
            item.setData(ID_ROLE, hit.id)
            item.setData(SNIPPET_ROLE, (hit.snippet, hit.marks))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.title)
            item.setToolTip(QtGui.Qt.convertFromPlainText(hit.title))  # a tooltip reads HTML
        self._size_rows()
        self.setCurrentRow(self.count() - len(results.hits))

    def _note(self, text: str) -> None:
        note = QListWidgetItem(text, self)
        note.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
        font = note.font()
        font.setItalic(True)
        note.setFont(font)
        note.setData(Qt.ItemDataRole.AccessibleTextRole, text)

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

    def viewportEvent(self, event: QEvent) -> bool:
        # A narrower or wider list (a scroll bar appearing, the splitter moved) wraps rows anew.
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._sized_width:
            self._size_rows()
        return super().viewportEvent(event)

    def _size_rows(self) -> None:
        width, font = self.viewport().width(), self.font()
        self._sized_width = width
        for row in range(self.count()):
            item = self.item(row)
            snippet = item.data(SNIPPET_ROLE)
            if snippet is not None:
                item.setSizeHint(self._delegate.row_size(item.text(), *snippet, width, font))

    def _prepare(self) -> None:
        if self._delegate is None:
            from guide.ui.search.result_delegate import ResultDelegate

            self._delegate = ResultDelegate(self)
            self.setItemDelegate(self._delegate)

    def _on_chosen(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.articleChosen.emit(item.data(ID_ROLE))
