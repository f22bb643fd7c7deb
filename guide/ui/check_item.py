"""A checklist item: a check box whose whole row, not just its box and words, takes a tap."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox


class CheckItem(QCheckBox):
    """Touch screens need big targets; a short label must not mean a small one."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)
