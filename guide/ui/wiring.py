"""Every signal of the window, connected here and only here.

The toolbar, the search service, the shortcuts and kiosk mode live as long as the window and are
wired once (`wire_window`); the views a visit fills are made again for each visitor and wired
each time they are made (`wire_views`, and the late parts as they are built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from guide.reader.links import Link, LinkKind
from guide.ui.regions import focus_region

if TYPE_CHECKING:
    from guide.ui.checklists.checklist_view import ChecklistView
    from guide.ui.locator.locator_page import LocatorPage
    from guide.ui.main_window import MainWindow
    from guide.ui.reader.find_bar import FindBar
    from guide.ui.search.search_results import SearchResults


def wire_window(window: MainWindow) -> None:
    window.search.ready.connect(window.show_search_ready)
    window.search.failed.connect(window.show_search_failed)
    window.search.found.connect(window.on_search_found)
    window.prints.failed.connect(lambda: window.show_printed(False))
    window.prints.printed.connect(lambda: window.show_printed(True))
    QShortcut(QKeySequence.StandardKey.Print, window, window.print_page)
    QShortcut(QKeySequence.StandardKey.Find, window, window.open_find_bar)
    QShortcut(QKeySequence(Qt.Key.Key_F6), window, lambda: focus_region(window, +1))
    QShortcut(QKeySequence("Shift+F6"), window, lambda: focus_region(window, -1))
    hints = QGuiApplication.styleHints()
    if hints is not None:  # "system" follows the desktop when it changes
        hints.colorSchemeChanged.connect(lambda _scheme: window.show_theme())
    window.feedback_timer.timeout.connect(window.write_feedback)
    QApplication.instance().aboutToQuit.connect(window.write_feedback)
    kiosk = window.kiosk_mode
    if kiosk is not None:  # the idle timeout ends a visit; so do "I'm finished" and staff (reset_session)
        kiosk.idle.expired.connect(window.reset_session)
        kiosk.unlocked.connect(window.admin_exit)
        if kiosk.gate is not None:  # the staff exit: five taps on the title (wire_views), or a chord
            QShortcut(QKeySequence("Ctrl+Alt+Shift+Q"), window, kiosk.open_pin_pad)
    wire_views(window)


def wire_toolbar(window: MainWindow) -> None:
    navigation, search_box = window.navigation, window.navigation.search_box
    navigation.homeRequested.connect(window.go_home)
    navigation.backRequested.connect(window.go_back)
    navigation.forwardRequested.connect(window.go_forward)
    navigation.zoomInRequested.connect(window.on_zoom_in)
    navigation.readAloudRequested.connect(window.on_read_aloud)
    window.speech_bar.pauseToggled.connect(window.on_speech_paused)
    window.speech_bar.rateStepped.connect(window.on_speech_rate)
    window.speech_bar.stopRequested.connect(window.read_aloud.stop)
    navigation.zoomOutRequested.connect(window.on_zoom_out)
    navigation.zoomResetRequested.connect(window.on_zoom_reset)
    navigation.languageChosen.connect(window.set_language)
    navigation.themeChosen.connect(window.set_theme)
    navigation.searchDownPressed.connect(lambda: window.search_results.setFocus())
    search_box.textChanged.connect(window.on_search_text_changed)
    search_box.returnPressed.connect(window.on_search_submitted)
    kiosk = window.kiosk_mode
    if kiosk is not None:
        navigation.finishedRequested.connect(window.reset_session)
        if kiosk.gate is not None:
            navigation.titleTapped.connect(kiosk.on_title_tapped)


def wire_views(window: MainWindow) -> None:
    """The views of one visit (made again for each visitor): connected as they are made."""
    wire_toolbar(window)
    window.topic_tree.locationChosen.connect(window.on_address_requested)
    window.reader.linkRequested.connect(window.on_link_requested)
    window.help_panel.moreHelpRequested.connect(window.open_help)
    window.help_panel.locatorRequested.connect(window.open_locator)
    window.help_panel.helplineChosen.connect(lambda line: window.go(Link(LinkKind.HELP, anchor=f"line-{line}")))
    window.page_footer.printRequested.connect(window.print_page)
    panel = window.feedback_panel
    panel.answered.connect(window.on_feedback_answered)
    panel.commentSent.connect(window.on_feedback_comment)
    # A lambda, not the navigator's bound method: PySide6 keeps 110 bytes for each connection to
    # a method of an object that is no QObject, for good (one a reset).
    panel.draftChanged.connect(lambda text: window.navigator.draft(text))


def wire_search_results(window: MainWindow, results: SearchResults) -> None:
    results.articleChosen.connect(window.open_search_result)


def wire_find_bar(window: MainWindow, bar: FindBar) -> None:
    bar.findRequested.connect(window.on_find_requested)


def wire_locator_page(window: MainWindow, page: LocatorPage) -> None:
    page.zipEntered.connect(window.on_zip_entered)
    page.filterToggled.connect(window.on_locator_filter)
    page.choosingToggled.connect(window.on_choose_locator_filters)


def wire_checklist_view(window: MainWindow, view: ChecklistView) -> None:
    view.answerToggled.connect(window.on_answer_toggled)
    view.articleRequested.connect(window.open_article)
    view.printRequested.connect(window.print_page)
