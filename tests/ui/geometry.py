"""Geometry checks for words a visitor must see whole, from the real widgets' layout.

Each check lays the label's text out again itself (QFontMetrics, QTextLayout) at the width the
label really has, so it does not trust the size the widget asked for or was given. Each one
returns a list of problems in words ([] when all is well), to assert on and to read.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# A phone number as the guide shows it, with plain or non-breaking hyphens and spaces.
NUMBER_RE = re.compile(r"\+?\(?\d+\)?(?:[ \-\u2011\u00a0]\(?\d+\)?)+|\b\d{3,}\b")


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    """`widget`'s rectangle in `ancestor`'s coordinates."""
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def readable(text: str) -> str:
    return text.replace("\u2011", "-").replace("\u00a0", " ")


def wrapped_lines(label: QLabel) -> list[str]:
    """The lines `label`'s text breaks into at its real width, laid out by QTextLayout."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap if label.wordWrap() else QTextOption.WrapMode.NoWrap)
    layout = QTextLayout(label.text(), label.font())
    layout.setTextOption(option)
    lines = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def label_problems(label: QLabel) -> list[str]:
    """A label's words cut off by its own height or width, or a phone number broken in two."""
    problems = []
    text, room = label.text(), label.contentsRect()
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = QFontMetrics(label.font()).boundingRect(QRect(0, 0, room.width(), 100_000), flags, text)
    if needed.height() > room.height() or needed.width() > room.width():
        problems.append(
            f"{readable(text)!r} needs {needed.width()}x{needed.height()} px, has {room.width()}x{room.height()}"
        )
    lines = wrapped_lines(label)
    for match in NUMBER_RE.finditer(text):
        if not any(match.group() in line for line in lines):
            problems.append(f"{readable(match.group())!r} is broken across lines: {[readable(x) for x in lines]}")
    return problems


def button_problems(button: QAbstractButton) -> list[str]:
    """A button whose one line of text is wider than the button."""
    width = QFontMetrics(button.font()).horizontalAdvance(button.text())
    if width > button.contentsRect().width() - 8:
        return [f"button {button.text()!r} needs {width} px of text, is {button.contentsRect().width()} px wide"]
    return []


def layout_problems(widgets: list[QWidget], container: QWidget) -> list[str]:
    """Widgets outside `container`, or overlapping one another (each is checked as placed)."""
    problems = []
    bounds = container.rect()
    rects = [(w, rect_in(w, container)) for w in widgets]
    for widget, rect in rects:
        if not bounds.contains(rect):
            problems.append(f"{_name(widget)} at {_xywh(rect)} is not inside {_xywh(bounds)}")
    for index, (first, one) in enumerate(rects):
        for second, other in rects[index + 1 :]:
            if one.intersects(other):
                problems.append(f"{_name(first)} {_xywh(one)} overlaps {_name(second)} {_xywh(other)}")
    return problems


def words_problems(labels: list[QLabel], container: QWidget, buttons: list[QAbstractButton] = ()) -> list[str]:
    """Every problem above for labels (and buttons) that must be whole inside `container`."""
    problems = [p for label in labels for p in label_problems(label)]
    problems += [p for button in buttons for p in button_problems(button)]
    return problems + layout_problems([*labels, *buttons], container)


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else widget.objectName()
    return repr(readable(text))


def _xywh(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}x{rect.height()})"
