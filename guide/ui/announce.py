"""Tell screen readers about something that just appeared and matters now."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def announce(widget: QWidget) -> None:
    """An Alert event: screen readers speak the widget's accessible name and description."""
    # Imported here: QAccessible's many enums cost a few milliseconds, and only an alert needs them.
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
