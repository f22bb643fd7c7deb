"""A checklist item: a check box whose words wrap to its width and whose whole row takes a tap."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QTextLayout
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from guide.ui.text_wrap import wrap

_ROW_PADDING = 6  # above and below wrapped words, so lines don't touch the next row


class CheckItem(QCheckBox):
    """Touch screens need big targets; a short label must not mean a small one, nor a long one a
    row wider than the view (QCheckBox itself never wraps its text)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        words = self._text_rect(QRect(0, 0, width, self.minimumHeight()))
        return max(self.minimumHeight(), self._layout(words.width()).boundingRect().height() + 2 * _ROW_PADDING)

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.text()) + self._text_offset()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # Narrow as a few letters: a word too long for the view breaks rather than widen the list.
        width = self._text_offset() + 4 * self.fontMetrics().averageCharWidth()
        return QSize(width, self.minimumHeight())

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the style draws the box, the border and the focus; the words are wrapped here
        painter = QPainter(self)
        self.style().drawControl(QStyle.ControlElement.CE_CheckBox, option, painter, self)
        words = self._text_rect(self.rect())
        layout = self._layout(words.width())
        top = words.top() + (words.height() - layout.boundingRect().height()) / 2
        painter.setPen(self.palette().color(self.foregroundRole()))
        layout.draw(painter, QPointF(words.left(), top))
        painter.end()

    def _text_offset(self) -> int:
        return self._text_rect(QRect(0, 0, 1000, 100)).left()

    def _text_rect(self, rect: QRect) -> QRect:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = rect
        contents = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        return QRect(contents.left(), rect.top(), max(1, rect.right() - contents.left() + 1), rect.height())

    def _layout(self, width: int) -> QTextLayout:
        layout = QTextLayout(self.text(), self.font())
        wrap(layout, width)
        return layout
