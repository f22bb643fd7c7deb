"""A snapshot of everything a window's widgets hold, shown or hidden, to compare two windows.

Every QWidget under the window is read: every property its class declares to Qt (text, checked,
enabled, visible, current index, value, geometry, tooltip, ...), plus what Qt keeps outside
properties: a line edit's undo and redo, a text view's text, cursor, selection and marks, an
item view's rows with their check state, expansion and selection, a splitter's sizes, a status
bar's message, every action's state, and which widget would have the focus. A widget added to
the guide tomorrow is covered without editing this file: it is found by walking the tree.

Widgets are named by their path of objectNames (class name where there is none) with an index
among siblings of the same name, so the same widget in two windows gets the same key.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStatusBar,
    QTextEdit,
    QWidget,
)

# Properties that say where the window sits on the screen or whether it is the active window:
# two windows differ there however equal their contents are.
SKIPPED = {"isActiveWindow", "focus", "windowFilePath", "winId"}
TOP_LEVEL_SKIPPED = {"geometry", "pos", "frameGeometry", "frameSize", "normalGeometry", "x", "y", "rect"}
# Where a hidden widget would sit: Qt lays hidden parts out (a toolbar's overflow button, a scroll
# area's empty scroll bar corner) whenever their parent happened to be laid out, so these carry
# when a window was laid out, not what a visitor did. A visible widget's geometry is compared,
# and so is every hidden widget's state (text, checks, values, scroll positions, selection).
HIDDEN_GEOMETRY = {"geometry", "pos", "frameGeometry", "frameSize", "frameRect", "normalGeometry", "x", "y",
                   "rect", "size", "width", "height", "childrenRect", "childrenRegion", "sizeHint",
                   "minimumSizeHint", "maximumSize", "maximumHeight", "maximumWidth"}  # fmt: skip


def _name(obj: QObject) -> str:
    return obj.objectName() or type(obj).__name__


def keys(root: QObject, objects: list[QObject]) -> dict[QObject, str]:
    """A stable key for each object: its path from `root`, with indexes among same-named siblings."""
    named: dict[QObject, str] = {root: _name(root)}

    def walk(parent: QObject, path: str) -> None:
        seen: Counter[str] = Counter()
        for child in parent.children():
            name = _name(child)
            key = f"{path}/{name}[{seen[name]}]"
            seen[name] += 1
            named[child] = key
            walk(child, key)

    walk(root, _name(root))
    return {obj: named[obj] for obj in objects if obj in named}


def plain(value):
    """A comparable, readable form of a property's value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(plain(v) for v in value)
    if isinstance(value, QPalette):
        roles = (QPalette.ColorRole.Window, QPalette.ColorRole.WindowText, QPalette.ColorRole.Base,
                 QPalette.ColorRole.Text, QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.Highlight, QPalette.ColorRole.Link)  # fmt: skip
        return tuple(value.color(role).name() for role in roles)
    if isinstance(value, QColor):
        return value.name(QColor.NameFormat.HexArgb)
    if isinstance(value, QFont):
        return value.toString()
    if isinstance(value, QIcon):
        return _icon(value)
    if isinstance(value, QPixmap):
        return _image_digest(value)
    if hasattr(value, "toString") and not isinstance(value, QObject):
        try:
            return f"{type(value).__name__}:{value.toString()}"
        except TypeError:
            pass
    if hasattr(value, "shape") and callable(value.shape):  # QCursor
        return f"cursor:{value.shape()}"
    if type(value).__name__ == "QSizePolicy":
        return (value.horizontalPolicy(), value.verticalPolicy(), value.horizontalStretch(), value.verticalStretch())
    if type(value).__name__ == "QRegion":
        return repr(value.boundingRect())
    if hasattr(value, "value") and hasattr(value, "name") and type(value).__module__ == "enum":
        return str(value)
    return repr(value) if "0x" not in repr(value) else type(value).__name__


def _image_digest(pixmap: QPixmap) -> str:
    image = pixmap.toImage()
    return hashlib.sha1(bytes(image.constBits())).hexdigest()[:12] if not image.isNull() else "null"


def _icon(icon: QIcon) -> str:
    return "no icon" if icon.isNull() else _image_digest(icon.pixmap(16, 16))


def _properties(widget: QWidget, top_level: bool) -> dict[str, object]:
    meta = widget.metaObject()
    found = {}
    skipped = SKIPPED | (TOP_LEVEL_SKIPPED if top_level else set()) | (set() if widget.isVisible() else HIDDEN_GEOMETRY)
    for i in range(meta.propertyCount()):
        prop = meta.property(i)
        name = prop.name()
        if name in skipped or not prop.isReadable():
            continue
        try:
            found[name] = plain(widget.property(name))
        except RuntimeError:  # a type PySide6 can't hand to Python: compared by its type only
            found[name] = f"<{prop.typeName()}>"
    for name in widget.dynamicPropertyNames():
        name = bytes(name).decode()
        if name.startswith(("_PySide", "_q_")):  # PySide6's and Qt's own bookkeeping (the font a style
            continue  # sheet set: compared as the widget's font)
        try:
            found[f"dynamic:{name}"] = plain(widget.property(name))
        except RuntimeError:  # Qt's own (a tool button's private data): compared by name only
            found[f"dynamic:{name}"] = "<not readable>"
    return found


def _model_rows(view: QAbstractItemView) -> list[tuple]:
    model: QAbstractItemModel | None = view.model()
    rows: list[tuple] = []
    if model is None:
        return rows
    selection = view.selectionModel()

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            expanded = view.isExpanded(index) if hasattr(view, "isExpanded") else None
            data = [plain(index.data(role)) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole,
                                                         Qt.ItemDataRole.ToolTipRole)]  # fmt: skip
            rows.append((depth, *data, expanded, selection.isSelected(index) if selection is not None else None))
            if model.rowCount(index) > 0:
                walk(index, depth + 1)

    walk(QModelIndex(), 0)
    current = view.currentIndex()
    rows.append(("current", current.row(), current.column(), plain(current.data())))
    return rows


def _text_state(edit: QTextEdit | QPlainTextEdit) -> dict[str, object]:
    document, cursor = edit.document(), edit.textCursor()
    return {
        "text": edit.toPlainText(),
        "undo": document.isUndoAvailable(),
        "redo": document.isRedoAvailable(),
        "cursor": (cursor.position(), cursor.anchor(), cursor.selectedText()),
        "marks": tuple((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in edit.extraSelections()),
    }


def widget_state(widget: QWidget, top_level: bool = False) -> dict[str, object]:
    state = _properties(widget, top_level)
    if isinstance(widget, QLineEdit):
        state["undo"], state["redo"] = widget.isUndoAvailable(), widget.isRedoAvailable()
        state["selected"] = widget.selectedText()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        state.update(_text_state(widget))
    if isinstance(widget, QAbstractItemView):
        state["rows"] = tuple(_model_rows(widget))
    if isinstance(widget, QSplitter):
        state["sizes"] = tuple(widget.sizes())
    if isinstance(widget, QStatusBar):
        state["message"] = widget.currentMessage()
    return state


def snapshot(window: QWidget) -> dict[str, dict[str, object]]:
    """{widget or action key: {what: value}} for the window and everything in it."""
    widgets = [window, *window.findChildren(QWidget)]
    actions = window.findChildren(QAction)
    named = keys(window, [*widgets, *actions])
    shot = {named[w]: widget_state(w, top_level=w is window) for w in widgets if w in named}
    for action in actions:
        if action in named:
            shot[named[action]] = {
                "text": action.text(), "checked": action.isChecked(), "enabled": action.isEnabled(),
                "visible": action.isVisible(), "tooltip": action.toolTip(), "icon": _icon(action.icon()),
            }  # fmt: skip
    focus = window.focusWidget()
    shot["(window)"] = {"focus widget": named.get(focus, repr(focus)) if focus is not None else None}
    return shot


def differences(left: dict, right: dict) -> list[str]:
    """Each difference between two snapshots, named by widget key and property."""
    found = []
    for key in sorted(set(left) | set(right)):
        if key not in left or key not in right:
            found.append(f"{key}: only in the {'reset' if key in left else 'new'} window")
            continue
        for what in sorted(set(left[key]) | set(right[key])):
            a, b = left[key].get(what, "<none>"), right[key].get(what, "<none>")
            if a != b and isinstance(a, tuple) and isinstance(b, tuple):  # rows: the first that differs
                at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
                seen = (a[at] if at < len(a) else "<end>", b[at] if at < len(b) else "<end>")
                found.append(f"{key} {what}[{at}]: reset {str(seen[0])[:160]!r} != new {str(seen[1])[:160]!r}")
            elif a != b:
                found.append(f"{key} {what}: reset {str(a)[:160]!r} != new {str(b)[:160]!r}")
    return found
