"""The sidebar's topic tree: articles grouped by category."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from guide.library import Article

ARTICLE_ROLE = Qt.ItemDataRole.UserRole


class TopicTree(QTreeWidget):
    """Categories with their articles; one click or Enter opens an article."""

    articleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("topicTree")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.itemClicked.connect(self._on_item_chosen)
        self.itemActivated.connect(self._on_item_chosen)

    def set_topics(self, topics: list[tuple[str, list[Article]]]) -> None:
        self.clear()
        for category, articles in topics:
            group = QTreeWidgetItem(self, [category])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for article in articles:
                item = QTreeWidgetItem(group, [article.title])
                item.setData(0, ARTICLE_ROLE, article.id)
                item.setToolTip(0, article.summary)
        self.expandAll()

    def select_article(self, article_id: str | None) -> None:
        """Mark the article being read, or nothing when the reader shows another page."""
        self.clearSelection()
        for item in self._article_items():
            if item.data(0, ARTICLE_ROLE) == article_id:
                self.setCurrentItem(item)
                return

    def article_items(self) -> dict[str, QTreeWidgetItem]:
        """The tree's articles by id, for tests and accessibility checks."""
        return {item.data(0, ARTICLE_ROLE): item for item in self._article_items()}

    def _article_items(self):
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            for child in range(group.childCount()):
                yield group.child(child)

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id:
            self.articleChosen.emit(article_id)
        else:
            item.setExpanded(not item.isExpanded())
