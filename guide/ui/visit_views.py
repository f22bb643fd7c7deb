"""The views a visitor fills, made again for each visitor, and how the window shows a visit.

The toolbar and everything below it (the topics, the search results, the reader and its find
bar, the page's foot with the feedback row and "Print", a checklist, the help panel, the
splitter between them, the dialog host) belong to one visit: a reset deletes them and builds
them anew (`start_new_visit`), exactly as a new window builds them, hidden views included, so
nothing a visitor typed, ticked, scrolled, selected or dragged can outlive the visit by being
forgotten in a list of things to clear (the toolbar's icons are made once a run and shared);
an open menu or tooltip goes with its widget.
The clipboard the guide owns, the idle warning's words and the status bar (a refused link's
message) go too.
tests/ui/test_reset_equals_new_window.py compares a reset window with a new one, widget by widget.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from guide.navigator import FeedbackView, Page, Zoom
from guide.reader.links import LinkKind
from guide.search.query import MAX_QUERY_WORDS
from guide.search.sidebar import SearchView, SidebarState
from guide.themes import THEMES
from guide.ui.dialog_host import DialogHost
from guide.ui.feedback.feedback_panel import FeedbackPanel
from guide.ui.help.help_panel import HelpPanel
from guide.ui.navigation_bar import NavigationBar
from guide.ui.printing.page_footer import PageFooter
from guide.ui.reader.reader import Reader
from guide.ui.reader.reading_splitter import ReadingSplitter
from guide.ui.reader.topic_tree import TopicTree
from guide.ui.regions import name_regions, set_focus_order
from guide.ui.wiring import wire_checklist_view, wire_find_bar, wire_locator_page, wire_search_results, wire_views

if TYPE_CHECKING:
    from guide.ui.checklists.checklist_view import ChecklistView
    from guide.ui.locator.locator_page import LocatorPage
    from guide.ui.reader.find_bar import FindBar
    from guide.ui.search.search_results import SearchResults


class LateParts:
    """The views not on the first screen: built just after the first paint, or when first needed."""

    def __init__(self, window):
        self.window = window
        self.search_results: SearchResults | None = None
        self.find_bar: FindBar | None = None
        self.checklist_view: ChecklistView | None = None
        self.locator_page: LocatorPage | None = None  # made when first opened: most visits never do

    def build_all(self) -> None:
        self.get_search_results(), self.get_find_bar(), self.get_checklist_view()

    def get_search_results(self) -> SearchResults:
        if self.search_results is None:
            from guide.ui.search.search_results import SearchResults

            self.search_results = SearchResults(self.window.central)
            wire_search_results(self.window, self.search_results)
            self.window.sidebar.addWidget(self.search_results)
            name_regions(self.window)
            set_focus_order(self.window)
        return self.search_results

    def get_find_bar(self) -> FindBar:
        if self.find_bar is None:
            from guide.ui.reader.find_bar import FindBar

            self.find_bar = FindBar(self.window.central)
            wire_find_bar(self.window, self.find_bar)
            self.window.reader_layout.addWidget(self.find_bar)
        return self.find_bar

    def get_checklist_view(self) -> ChecklistView:
        if self.checklist_view is None:
            from guide.ui.checklists.checklist_view import ChecklistView

            window = self.window
            view = self.checklist_view = ChecklistView(window.central)
            view.set_print_offer(window.prints.offer())
            wire_checklist_view(window, view)
            view.set_zoom(window.session.zoom)
            window.pages.addWidget(view)
            name_regions(window)
        return self.checklist_view

    def get_locator_page(self) -> LocatorPage:
        if self.locator_page is None:
            from guide.ui.locator.locator_page import LocatorPage

            window = self.window
            page = self.locator_page = LocatorPage(window.kiosk, window.central)
            wire_locator_page(window, page)
            page.set_zoom(window.session.zoom)
            window.pages.addWidget(page)
            if window.started:  # else the first paint gives the kinetic scrolling every viewport
                window.set_kinetic_scrolling()
        return self.locator_page


class VisitViews:
    """The MainWindow's half that builds the visit's views and shows the Navigator's values."""

    _shown_location = None  # the page's Link the views last showed: a different one closes the find bar
    _shown_page = None  # the Page shown: what "Read aloud" reads

    @property
    def search_results(self) -> SearchResults:
        return self.late.get_search_results()

    @property
    def find_bar(self) -> FindBar:
        return self.late.get_find_bar()

    @property
    def checklist_view(self) -> ChecklistView:
        return self.late.get_checklist_view()

    @property
    def locator_page(self) -> LocatorPage:
        return self.late.get_locator_page()

    def build_views(self) -> None:
        """The toolbar and everything below it, as a new window has them (the old ones go)."""
        for old in (self.centralWidget(), self.findChild(NavigationBar)):
            if old is not None:  # out of the window at once (no findChild finds it), deleted soon
                old.hide()
                old.setParent(None)
                old.deleteLater()
        self.navigation = NavigationBar(self.session.language, self, kiosk=self.kiosk)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navigation)
        if self.search.is_ready:  # a new toolbar says what the search service already said
            self.show_search_ready()
        elif self.search.error:
            self.show_search_failed(self.search.error)
        self.central = central = QWidget(self)
        central.setObjectName("centralWidget")
        self.topic_tree = TopicTree(central)
        self.sidebar = QStackedWidget(central)
        self.sidebar.addWidget(self.topic_tree)
        self.reader = Reader(central)
        self.feedback_panel = FeedbackPanel(central)
        self.reader_page = QWidget(central)
        self.reader_layout = QVBoxLayout(self.reader_page)
        self.reader_layout.setContentsMargins(0, 0, 0, 0)
        self.reader_layout.setSpacing(0)
        self.reader_layout.addWidget(self.reader, 1)
        self.pages = QStackedWidget(central)
        self.pages.addWidget(self.reader_page)
        # The page, and under it the feedback row and "Print" (page_footer.py).
        self.page_area = QWidget(central)
        self.page_area.setObjectName("pageArea")
        page_layout = QVBoxLayout(self.page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.pages, 1)
        self.page_footer = PageFooter(self.feedback_panel, self.page_area)
        self.page_footer.set_offer(self.prints.offer(ask=False))  # asked after the first paint
        page_layout.addWidget(self.page_footer)
        self.help_panel = HelpPanel(
            self.library.helplines, self.session.language, central, locator=self.library.locator is not None
        )
        self.splitter = ReadingSplitter(self.sidebar, self.page_area, central)
        from guide.ui.speech.speech_bar import SpeechBar

        self.speech_bar = SpeechBar(central)  # under the topics and the page, never under the help panel
        reading = QVBoxLayout()
        reading.setContentsMargins(0, 0, 0, 0)
        reading.setSpacing(0)
        reading.addWidget(self.splitter, 1)
        reading.addWidget(self.speech_bar)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(reading, 1)
        layout.addWidget(self.help_panel, 0)
        self.setCentralWidget(central)
        # The guide's dialogs open inside the window, never as windows of their own (dialog_host.py).
        self.dialogs = DialogHost(self, self.splitter, self.help_panel, parent=central)
        self.late = LateParts(self)
        set_focus_order(self)
        name_regions(self)

    def start_new_visit(self) -> None:
        """After a reset: new views, made in the order a new window makes them (MainWindow.__init__,
        then its first paint), and the screen as a new window has it."""
        self.read_aloud.forget()  # the last visitor's page stops being read, and is forgotten
        if self.kiosk_mode is not None:  # first: hiding it later would hand its focus to the new views
            self.kiosk_mode.warning.forget()
        if self.findChild(QStatusBar) is not None:  # made by a refused link's message; a new window has none
            self.setStatusBar(None)
        # What the visitor cut or copied in the guide; on a kiosk whatever is there (it is the
        # only program), and on a platform with no other programs (offscreen: its clipboard is ours).
        clipboard, alone = QGuiApplication.clipboard(), QGuiApplication.platformName() in ("offscreen", "minimal")
        if self.kiosk or alone or clipboard.ownsClipboard():
            clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection() and (self.kiosk or clipboard.ownsSelection()):  # X11's selected text
            clipboard.clear(QClipboard.Mode.Selection)
        self.translations.apply(self.session.language)  # before the views: each reads its words as it is built
        self.build_views()
        wire_views(self)
        self.reader.set_colours(self.theme.reader_css, *self.theme.mark_colours())
        self.show_theme(show_page=False)
        self.show_visit()
        if self.started:
            self.late.build_all()
            self.set_kinetic_scrolling()
        self.central.show()  # now, not from a queued call: there when the reset returns
        self.navigation.focus_chain()[0].setFocus()  # where a new window's focus starts (Home)
        # Ended by a tap on the old toolbar's "I'm finished": X11 takes the focus from the window
        # once that button is gone, after this returns; it comes back to Home then.
        QTimer.singleShot(0, self, self._focus_home_if_lost)

    def _focus_home_if_lost(self) -> None:
        # QApplication's, not self.focusWidget(): in PySide6 6.11 that one keeps every widget it
        # returns alive after Qt deletes it (benchmarks/memory_probe.py reset).
        if QApplication.focusWidget() is None:
            self.navigation.focus_chain()[0].setFocus()

    def show_theme(self, show_page: bool = True) -> None:
        name = self.navigator.theme()
        used = self.theme.apply(name)
        self.navigation.set_theme(name, THEMES[used]["text"])
        self.page_footer.set_icon_colour(THEMES[used]["text"])
        if show_page:
            self.show_page(self.navigator.page())

    def after_first_paint(self) -> None:
        """What a visitor needs a moment after the first page, never before it is on screen."""
        try:
            self.search.start()  # the search index is built on a worker thread
            self.late.build_all()  # the widgets not on the first screen: there (and findable) from now on
            self.set_kinetic_scrolling()
            self.page_footer.set_offer(self.prints.offer())  # the kiosk's printer, looked for now
            self.page_footer.show_page(printable=self._shown_page is not None and self._shown_page.checklist is None)
            self.read_aloud.prepare()  # QtTextToSpeech and its engine: after the first screen, not before
            self.show_read_aloud()
        finally:
            self.firstPainted.emit()  # whatever failed above, start-up is over (app.py listens)

    def set_kinetic_scrolling(self) -> None:
        # The first call handing a QWidget back to Python (viewport()) costs about 10 ms, as
        # PySide6 sets up every widget class it might be; so it waits for the first paint.
        if self.kinetic is None:  # the window's one KineticScrolling (kinetic.py)
            from guide.ui.kinetic import KineticScrolling

            self.kinetic = KineticScrolling(self, mouse=self.kiosk, glide=not self.config.display.reduce_motion)
        self.kinetic.watch(self.scrolled_viewports())

    def scrolled_viewports(self) -> list[QWidget]:
        viewports = [self.reader.viewport(), self.topic_tree.viewport(), self.search_results.viewport(),
                     self.checklist_view.scroll_area.viewport()]  # fmt: skip
        if self.late.locator_page is not None:
            viewports.append(self.late.locator_page.scroll_area.viewport())
        return viewports

    def show_visit(self) -> None:
        self.show_topics()
        self.show_page(self.navigator.page())
        self.show_search(self.navigator.search_view())

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """The reader at the same share of its page after what is done inside (the page in
        another language, or with another theme's fonts, is longer or shorter)."""
        bar = self.reader.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        yield
        if share and self.pages.currentWidget() is self.reader_page:
            bar.setValue(round(share * bar.maximum()))
            self.navigator.keep_place(bar.value())

    def show_page(self, page: Page) -> None:
        """The page area, the help panel, the toolbar and the title, as `page` has them."""
        find_bar = self.late.find_bar
        if find_bar is not None and find_bar.isVisible() and page.location != self._shown_location:
            find_bar.close_bar()  # its word and count were the last page's
        if page.location != self._shown_location:
            self.read_aloud.stop()  # a new page: the last one's words stop
        self._shown_location = page.location
        self._shown_page = page
        language = self.session.language
        if page.checklist is not None:
            self.checklist_view.show_checklist(page.checklist, set(page.ticked), page.result, language)
            self.pages.setCurrentWidget(self.checklist_view)
        elif page.locator is not None:
            self.locator_page.show_view(page.locator, language)
            self.pages.setCurrentWidget(self.locator_page)
        else:
            self.reader.show_page(page.html, page.anchor, page.scroll, page.pictures)
            self.reader.highlight(page.highlight, scroll_to_first=not page.scroll and not page.anchor)
            self.pages.setCurrentWidget(self.reader_page)
        self.help_panel.set_crisis(page.crisis)
        self.page_footer.show_page(printable=page.checklist is None)  # a checklist prints its summary
        self.show_feedback(page.feedback)
        self.topic_tree.select_location(page.location.url())
        self.navigation.set_history_state(page.can_go_back, page.can_go_forward)
        self.setWindowTitle(self.page_title(page))
        self.show_zoom(self.navigator.zoom())
        self.show_read_aloud()

    def page_title(self, page: Page) -> str:
        translate = QCoreApplication.translate
        named = {
            LinkKind.HELP: translate("MainWindow", "Get help now"),
            LinkKind.SERVICES: translate("MainWindow", "Find help nearby"),
            LinkKind.LOCATOR: translate("MainWindow", "Find treatment near you"),
            LinkKind.PROBLEMS: translate("MainWindow", "Content problems"),
        }
        title, guide = named.get(page.kind, page.title), translate("MainWindow", "Recovery Guide")
        return f"{title} - {guide}" if title and title != guide else guide  # Home is the guide's name, once

    def show_feedback(self, view: FeedbackView | None) -> None:
        """The feedback row; and the coarse timer runs while any answer waits to be written."""
        self.feedback_timer.arm(self.navigator.feedback_waiting())
        self.page_footer.show_feedback(view is not None)
        if view is not None:
            self.feedback_panel.show_state(view.helpful, view.comment_sent, view.draft, view.kept)

    def show_result(self, page: Page) -> None:
        """A tick's new result, and the help panel's crisis lines if a red flag is ticked."""
        banner_was_shown = self.checklist_view.crisis_banner.isVisible()
        self.checklist_view.show_result(page.result, self.session.language)
        self.help_panel.set_crisis(page.crisis)
        if page.crisis and not banner_was_shown:
            self.speak_now(self.crisis_words())  # a red flag, heard at once by a visitor listening

    def show_external_link(self, address: str) -> QDialog:
        from guide.ui.reader.external_link_dialog import ExternalLinkDialog  # segno only when a link needs it

        return self.dialogs.show(ExternalLinkDialog(address, self))

    def show_search_ready(self) -> None:
        self.navigation.set_search_ready(True)
        self.show_search(self.navigator.search_view())

    def show_search_failed(self, _why: str) -> None:
        self.navigation.search_box.setEnabled(False)
        placeholder = QCoreApplication.translate("MainWindow", "Search is not available; use the topics")
        self.navigation.search_box.setPlaceholderText(placeholder)

    def show_topics(self) -> None:
        topics = self.navigator.topics()
        services = QCoreApplication.translate("MainWindow", "Find help nearby")
        pages = [("services:", services)] if topics.services else []
        # Staff only, last in the list, and never on a kiosk where visitors are.
        problems = QCoreApplication.translate("MainWindow", "For staff: content problems")
        staff = [("problems:", problems)] if topics.staff else []
        urgent = [(f"article:{article.id}", article.title) for article in topics.urgent]
        self.topic_tree.set_topics(topics.topics, topics.checklists, pages, staff, urgent)

    def show_search(self, view: SearchView) -> None:
        """The search box and sidebar as the session has them: topics, or results."""
        box = self.navigation.search_box
        if box.text() != view.text:
            box.blockSignals(True)
            box.setText(view.text)
            box.blockSignals(False)
        if view.state is SidebarState.TOPICS:
            self.sidebar.setCurrentWidget(self.topic_tree)
            return
        if view.state is SidebarState.SEARCHING:
            return  # the results come in a moment (search_service.py): until then the sidebar stays
        self.sidebar.setCurrentWidget(self.search_results)
        if view.state is SidebarState.WAITING:
            self.search_results.show_message(QCoreApplication.translate("MainWindow", "Getting search ready..."))
        elif view.state is SidebarState.TOO_SHORT:
            self.search_results.show_message(QCoreApplication.translate("MainWindow", "Keep typing..."))
        else:
            self.search_results.show_results(
                view.results,
                QCoreApplication.translate("MainWindow", "Showing results for %1"),
                QCoreApplication.translate(
                    "MainWindow", "No pages found. Try other words, or look through the topics."
                ),
                self.cut_words(MAX_QUERY_WORDS),
                QCoreApplication.translate(
                    "MainWindow", "No page has all of these words. These pages have some of them:"
                ),
            )
        if not self.session.find_text and self.find_bar.isVisible():
            self.find_bar.close_bar()

    def show_zoom(self, zoom: Zoom) -> None:
        self.reader.set_zoom(zoom.percent)
        if self.late.checklist_view is not None:
            self.late.checklist_view.set_zoom(zoom.percent)
        if self.late.locator_page is not None:
            self.late.locator_page.set_zoom(zoom.percent)
        self.navigation.set_zoom_state(zoom.can_zoom_in, zoom.can_zoom_out)

    def show_language(self) -> None:
        """Every word on screen again, in the Session's language."""
        language = self.session.language
        self.translations.apply(language)
        self.navigation.set_language(language)
        if self.late.find_bar is not None:
            self.late.find_bar.retranslate()
        self.feedback_panel.retranslate()
        self.page_footer.retranslate()
        if self.late.checklist_view is not None:
            self.late.checklist_view.retranslate()
        if self.late.locator_page is not None:
            self.late.locator_page.retranslate()
        self.speech_bar.retranslate()
        self.help_panel.set_language(language)
        name_regions(self)
        self.show_visit()
        if self.late.find_bar is not None and self.late.find_bar.isVisible():
            self.late.find_bar.find_from_top()  # counted again, in the page and words now shown
