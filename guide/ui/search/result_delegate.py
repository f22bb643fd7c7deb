"""Paints a search result row (bold title, snippet with matched words in bold) without widgets.

Rows are laid out with QTextLayout: plain text plus bold ranges. A widget per row cost 0.6 ms
each to create, and a QTextDocument per row parsed HTML on every keystroke (5 ms for ten).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from guide.ui.search.item_roles import SNIPPET_ROLE
from guide.ui.text_wrap import wrap

PADDING = 6


class ResultDelegate(QStyledItemDelegate):
    """Lays each row out once per width and keeps it for painting.

    It has no sizeHint(): the list sets each row's size once (row_size) when it fills or its
    width changes. The view asks for sizes dozens of times a keystroke, and each call into
    Python cost more than painting the rows.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layouts: dict[tuple, tuple[QTextLayout, int]] = {}

    def row_size(self, title: str, snippet: str, marks, width: int, font: QFont) -> QSize:
        """The size of a result's row in a list `width` pixels wide."""
        _layout, height = self._layout_for(title, snippet, marks, width, font)
        return QSize(width, height + 2 * PADDING)

    def _layout(self, index, width: int, font: QFont) -> tuple[QTextLayout, int]:
        snippet, marks = index.data(SNIPPET_ROLE)
        return self._layout_for(index.data(Qt.ItemDataRole.DisplayRole), snippet, marks, width, font)

    def _layout_for(self, title: str, snippet: str, marks, width: int, font: QFont) -> tuple[QTextLayout, int]:
        key = (title, snippet, marks, width)
        if key not in self._layouts:
            if len(self._layouts) > 200:
                self._layouts.clear()  # old results; a new search makes new rows anyway
            self._layouts[key] = _lay_out(title, snippet, marks, max(40, width - 2 * PADDING), font)
        return self._layouts[key]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.data(SNIPPET_ROLE) is None:
            super().paint(painter, option, index)
            return
        # The theme's palette: selection and text pairs are checked for contrast with the theme.
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(
            option.rect, palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        layout, _height = self._layout(index, self._width(option), option.font)
        layout.draw(painter, QPointF(option.rect.left() + PADDING, option.rect.top() + PADDING))
        painter.restore()

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        return option.widget.viewport().width() if option.widget else option.rect.width()


def _lay_out(title: str, snippet: str, marks, width: int, font: QFont) -> tuple[QTextLayout, int]:
    text = f"{title}\u2028{snippet}"  # a line break that keeps one paragraph
    layout = QTextLayout(text, font)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, length in [(0, len(title)), *((len(title) + 1 + s, n) for s, n in marks)]:
        bold_range = QTextLayout.FormatRange()
        bold_range.start, bold_range.length, bold_range.format = start, length, bold
        ranges.append(bold_range)
    layout.setFormats(ranges)
    return layout, int(wrap(layout, width) + 0.999)
