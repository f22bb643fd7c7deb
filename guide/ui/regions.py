"""The window's regions: F6 walks them, Tab walks their controls, a screen reader names them."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget


def focus_region(window, step: int) -> QWidget:
    """F6 / Shift+F6: the search box, the topics, the page, the help panel, round again."""
    regions = [window.navigation.search_box, window.sidebar, window.pages, window.help_panel]
    current = QApplication.focusWidget()
    index = next((i for i, r in enumerate(regions) if current and (current is r or r.isAncestorOf(current))), -1)
    region = regions[(index + step) % len(regions)]
    target = region if region.focusPolicy() != Qt.FocusPolicy.NoFocus else region.nextInFocusChain()
    if region is window.sidebar:
        target = window.sidebar.currentWidget()
    elif region is window.pages:
        checklist = window.pages.currentWidget() is window.checklist_view
        target = window.checklist_view.first_item() if checklist else window.reader
    elif region is window.help_panel:
        target = window.help_panel.first_entry()
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return target


def set_focus_order(window) -> None:
    """Tab walks the toolbar, then the topics, then the page, then the help lines."""
    results = [window.late.search_results] if window.late.search_results is not None else []
    feedback = window.feedback_panel
    chain = [*window.navigation.focus_chain(), window.topic_tree, *results, window.reader,
             feedback.yes, feedback.no, window.page_footer.print_button, *window.help_panel.focus_chain()]  # fmt: skip
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def name_regions(window) -> None:
    """What a screen reader calls each part of the window (again after a language switch)."""
    window.topic_tree.setAccessibleName(QCoreApplication.translate("MainWindow", "Topics"))
    if window.late.search_results is not None:
        window.late.search_results.setAccessibleName(QCoreApplication.translate("MainWindow", "Search results"))
    window.reader.setAccessibleName(QCoreApplication.translate("MainWindow", "Page"))
    if window.late.checklist_view is not None:
        window.late.checklist_view.setAccessibleName(QCoreApplication.translate("MainWindow", "Checklist"))
        window.late.checklist_view.scroll_area.setAccessibleName(QCoreApplication.translate("MainWindow", "Checklist"))
    window.feedback_panel.setAccessibleName(QCoreApplication.translate("MainWindow", "Was this page helpful?"))
