"""Word-wrapped text laid out with QTextLayout: the check items and the search result rows."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextLayout, QTextOption


def wrap(layout: QTextLayout, width: float) -> float:
    """Break `layout` into lines of `width` (at word boundaries, inside a word too long for one
    line), one under the other; returns the height of the lines."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return height
