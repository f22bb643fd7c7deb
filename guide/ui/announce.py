"""Tell screen readers about something that just appeared and matters now."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget) -> None:
    """An Alert event: screen readers speak the widget's accessible name and description."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
