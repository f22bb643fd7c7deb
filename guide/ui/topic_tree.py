"""The sidebar's topic tree: articles grouped by category."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from guide.checklist import Checklist
from guide.library import Article

ADDRESS_ROLE = Qt.ItemDataRole.UserRole


class TopicTree(QTreeWidget):
    """Categories with their articles; one click or Enter opens an article."""

    locationChosen = Signal(str)  # an address for the link policy: article:<id>, checklist:<id>

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

    def set_topics(
        self,
        topics: list[tuple[str, list[Article]]],
        checklists: list[Checklist],
        pages: list[tuple[str, str]] = (),
        staff_pages: list[tuple[str, str]] = (),
    ) -> None:
        """Pages like "Find help nearby" first, then checklists, articles by category, and last
        any staff pages (out of a visitor's way)."""
        self.clear()
        for address, title in pages:
            item = QTreeWidgetItem(self, [title])
            item.setData(0, ADDRESS_ROLE, address)
        if checklists:
            group = QTreeWidgetItem(self, [self.tr("Check the signs")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for checklist in checklists:
                item = QTreeWidgetItem(group, [checklist.title])
                item.setData(0, ADDRESS_ROLE, f"checklist:{checklist.id}")
        for category, articles in topics:
            group = QTreeWidgetItem(self, [category])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for article in articles:
                item = QTreeWidgetItem(group, [article.title])
                item.setData(0, ADDRESS_ROLE, f"article:{article.id}")
                item.setToolTip(0, article.summary)
        for address, title in staff_pages:
            item = QTreeWidgetItem(self, [title])
            item.setData(0, ADDRESS_ROLE, address)
        self.expandAll()

    def select_location(self, address: str) -> None:
        """Mark the page being shown, or nothing when it is not in the tree."""
        self.clearSelection()
        for item in self._page_items():
            if item.data(0, ADDRESS_ROLE) == address:
                self.setCurrentItem(item)
                return

    def location_items(self) -> dict[str, QTreeWidgetItem]:
        """The tree's pages by address (article:<id>, checklist:<id>)."""
        return {item.data(0, ADDRESS_ROLE): item for item in self._page_items()}

    def _page_items(self):
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top.data(0, ADDRESS_ROLE):
                yield top
            for child in range(top.childCount()):
                yield top.child(child)

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        address = item.data(0, ADDRESS_ROLE)
        if address:
            self.locationChosen.emit(address)
        else:
            item.setExpanded(not item.isExpanded())
