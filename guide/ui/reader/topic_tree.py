"""The sidebar's topic tree: articles grouped by category.

A category's articles are put in the tree when it is first opened, so a pack of thousands of
articles costs a few dozen rows at start, not thousands. A short list starts fully open, as it
always has; a long one starts with its categories closed, except the one holding the page
being read.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from guide.checklists.checklist import Checklist
from guide.packs.records import Article

ADDRESS_ROLE = Qt.ItemDataRole.UserRole
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
URGENT_ROLE = Qt.ItemDataRole.UserRole + 2
# Articles; with more than this the categories start closed (a screenful of headings to choose
# from, instead of a list to scroll through and thousands of rows to build).
OPEN_ALL_UP_TO = 200


def viewport_width(view: QAbstractScrollArea) -> int:
    """`view.viewport().width()` without asking for the viewport: PySide6's first viewport()
    call in a process costs 14-20 ms (it sets up the Python type of every widget class the
    viewport might be), which the tree's row heights paid before the first frame."""
    bar = view.verticalScrollBar()
    return view.maximumViewportSize().width() - (bar.width() if bar.isVisibleTo(view) else 0)


class UrgentRowDelegate(QStyledItemDelegate):
    """An urgent row ("Overdose: what to do now") is never cut short: in a narrow sidebar (800x600,
    a large zoom) it is as tall as its words wrapped at the sidebar's width. Other rows keep one
    line, as before."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not index.data(URGENT_ROLE):
            return size
        view = self.parent()
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        room = max(1, viewport_width(view) - view.indentation() - 2 * margin)
        metrics = QtGui.QFontMetrics(shown.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRect(0, 0, room, 100_000), flags, shown.text).height()
        return QSize(size.width(), max(size.height(), height + size.height() - metrics.height()))


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
        self.setItemDelegate(UrgentRowDelegate(self))
        self._urgent_width = -1  # the width the urgent rows were laid out for
        self._items: dict[str, QTreeWidgetItem] = {}  # address -> the item showing it, once made
        self._unfilled: dict[str, tuple[QTreeWidgetItem, list[Article]]] = {}  # category -> its group, articles
        self._category_of: dict[str, str] = {}  # article address -> its category
        self.itemClicked.connect(self._on_item_chosen)
        self.itemActivated.connect(self._on_item_chosen)
        self.itemExpanded.connect(self._on_item_expanded)

    def set_topics(
        self,
        topics: list[tuple[str, list[Article]]],
        checklists: list[Checklist],
        pages: list[tuple[str, str]] = (),
        staff_pages: list[tuple[str, str]] = (),
        urgent_pages: list[tuple[str, str]] = (),
    ) -> None:
        """Urgent pages first ("Overdose: what to do now", in bold and whole: what a frightened visitor
        looks for), then pages like "Find help nearby", checklists, articles by category, and
        last any staff pages (out of a visitor's way)."""
        self.clear()
        self._items, self._unfilled, self._category_of = {}, {}, {}
        for address, title in urgent_pages:
            item = self._add(self, title, address)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setData(0, URGENT_ROLE, True)
        for address, title in pages:
            self._add(self, title, address)
        if checklists:
            group = self._group(self.tr("Check the signs"))
            for checklist in checklists:
                self._add(group, checklist.title, f"checklist:{checklist.id}")
            group.setExpanded(True)
        for category, articles in topics:
            group = self._group(category)
            group.setData(0, CATEGORY_ROLE, category)
            group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self._unfilled[category] = (group, articles)
            self._category_of.update(dict.fromkeys((f"article:{article.id}" for article in articles), category))
        for address, title in staff_pages:
            self._add(self, title, address)
        if len(self._category_of) <= OPEN_ALL_UP_TO:
            self._fill_all()
            self.expandAll()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_urgent_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # zoom, theme
            self._urgent_width = -1
            self._fit_urgent_rows()

    def _fit_urgent_rows(self) -> None:
        """Ask again how tall the urgent rows are when the sidebar's width (or font) changes."""
        width = viewport_width(self)
        if width == self._urgent_width or not self.topLevelItemCount():
            return
        self._urgent_width = width
        first = self.topLevelItem(0)
        if first.data(0, URGENT_ROLE):
            self.scheduleDelayedItemsLayout()

    def select_location(self, address: str) -> None:
        """Mark the page being shown, opening its category; nothing when it is not in the tree."""
        self.clearSelection()
        item = self._items.get(address)
        if item is None and address in self._category_of:
            self._fill(self._category_of[address])
            item = self._items.get(address)
        if item is None:
            return
        parent = item.parent()
        if parent is not None and not parent.isExpanded():
            parent.setExpanded(True)
        self.setCurrentItem(item)

    def location_items(self) -> dict[str, QTreeWidgetItem]:
        """The tree's pages by address (article:<id>, checklist:<id>), in tree order.

        Makes the items of categories not opened yet (they stay closed): for tests and tools.
        """
        self._fill_all()
        return {item.data(0, ADDRESS_ROLE): item for item in self._page_items()}

    def _page_items(self):
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top.data(0, ADDRESS_ROLE):
                yield top
            for child in range(top.childCount()):
                yield top.child(child)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self, [title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return group

    def _add(self, parent: QTreeWidget | QTreeWidgetItem, title: str, address: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [title])
        item.setData(0, ADDRESS_ROLE, address)
        self._items[address] = item
        return item

    def _fill(self, category: str) -> None:
        """Put a category's articles under it (once), in one insertion."""
        if category not in self._unfilled:
            return
        group, articles = self._unfilled.pop(category)
        children = []
        for article in articles:
            address = f"article:{article.id}"
            item = QTreeWidgetItem([article.title])
            item.setData(0, ADDRESS_ROLE, address)
            item.setToolTip(0, QtGui.Qt.convertFromPlainText(article.summary))  # a tooltip reads HTML
            self._items[address] = item
            children.append(item)
        group.addChildren(children)

    def _fill_all(self) -> None:
        for category in list(self._unfilled):
            self._fill(category)

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        category = item.data(0, CATEGORY_ROLE)
        if category is not None:
            self._fill(category)

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        address = item.data(0, ADDRESS_ROLE)
        if address:
            self.locationChosen.emit(address)
        else:
            item.setExpanded(not item.isExpanded())
