"""Kinetic scrolling: the page and the lists glide under a finger (and, on a kiosk, a mouse drag)."""

from __future__ import annotations

from PySide6.QtWidgets import QScroller, QWidget


def set_kinetic_scrolling(viewports: list[QWidget], mouse: bool, enabled: bool = True) -> None:
    """Touch always glides; a mouse drag too on a kiosk (where text isn't selected).

    With `enabled` false (the config's display.reduce_motion), nothing moves by itself.
    """
    for viewport in viewports:
        QScroller.ungrabGesture(viewport)
        if not enabled:
            continue
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        if mouse:
            QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
