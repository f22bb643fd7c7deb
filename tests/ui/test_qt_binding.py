"""The Qt binding itself: a guard against a PySide6 release that corrupts reference counts.

PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a method that
returns nothing; after some thousands of calls None's count reached zero and the process
aborted ("Fatal Python error: none_dealloc"). A kiosk makes such calls all day.
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem


def test_void_methods_keep_none_alive(qapp):
    tree = QTreeWidget()
    item = QTreeWidgetItem(tree, ["x"])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setData(0, Qt.ItemDataRole.UserRole, "x")
        label.setText("x")
    assert sys.getrefcount(None) - before > -100, "this PySide6 leaks references to None"
