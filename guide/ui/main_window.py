"""The main window: builds the widgets, wires them together, and shows the Session.

It holds no logic of its own: the link policy, the history and the rendering are the core's;
each slot hands off to them in a line or two, then shows the result.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide.checklist import Result, score
from guide.config import Config
from guide.feedback import FeedbackStore, RefusedComment, helpline_numbers
from guide.files import Problem
from guide.library import Library
from guide.links import Link, LinkKind, classify
from guide.printing import print_offer, printer_problem
from guide.query import MAX_QUERY_WORDS
from guide.render import Renderer, checklist_summary_html, problems_page, services_page
from guide.session import Session
from guide.themes import THEMES
from guide.ui.dialog_host import DialogHost
from guide.ui.feedback_panel import FeedbackPanel
from guide.ui.help_panel import HelpPanel
from guide.ui.kinetic import set_kinetic_scrolling
from guide.ui.navigation_bar import NavigationBar
from guide.ui.reader import Reader
from guide.ui.reading_splitter import ReadingSplitter
from guide.ui.search_service import SearchService
from guide.ui.theme import ThemeApplier
from guide.ui.topic_tree import TopicTree
from guide.ui.translations import Translations

if TYPE_CHECKING:
    from guide.ui.checklist_printer import ChecklistPrinter
    from guide.ui.checklist_view import ChecklistView
    from guide.ui.find_bar import FindBar
    from guide.ui.search_results import SearchResults


class MainWindow(QMainWindow):
    """Toolbar on top; topics, the reader and the help panel side by side below it."""

    sessionReset = Signal()
    firstPainted = Signal()  # the first page is on screen and the work waiting for it has begun

    MINIMUM_SIZE = (800, 600)

    def __init__(
        self,
        library: Library,
        config: Config,
        language: str,
        kiosk: bool = False,
        cache_dir: Path | None = None,
        idle_seconds: int | None = None,
        feedback: FeedbackStore | None = None,
        parent: QWidget | None = None,
        start_article: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setProperty("kiosk", kiosk)  # before the style sheet: its kiosk rules key on it
        self.setWindowIcon(QIcon(":/icons/phone.svg"))
        self.setMinimumSize(*self.MINIMUM_SIZE)
        self.library = library
        self.config = config
        self.kiosk = kiosk
        self.renderer = Renderer(library, cache_dir)
        self._start_language = language
        self.session = Session(language=language)
        # Before any widget exists: each one reads its words through tr() as it is built.
        self.translations = Translations(self)
        self.translations.apply(language)

        self.navigation = NavigationBar(language, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navigation)
        self.topic_tree = TopicTree(self)
        self.sidebar = QStackedWidget(self)
        self.sidebar.addWidget(self.topic_tree)
        self.search = SearchService(library, cache_dir, self)
        self.reader = Reader(self)
        self.feedback = feedback
        self.feedback_panel = FeedbackPanel(self)
        # Answers reach the disk at the end of a visit, or on this coarse timer while any wait (feedback.py).
        self._feedback_timer = QTimer(self, objectName="feedbackTimer", singleShot=True, interval=10 * 60 * 1000)
        self.reader_page = reader_page = QWidget(self)
        self._reader_layout = reader_layout = QVBoxLayout(reader_page)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.setSpacing(0)
        reader_layout.addWidget(self.reader, 1)
        reader_layout.addWidget(self.feedback_panel)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(reader_page)
        # Not on the first screen: built just after the first paint, or when first needed.
        self._search_results: SearchResults | None = None
        self._find_bar: FindBar | None = None
        self._checklist_view: ChecklistView | None = None
        self._printer: ChecklistPrinter | None = None
        self._installed: list[str] | None = None  # the printers this computer has, asked once
        self.help_panel = HelpPanel(library.helplines, language, self)
        self.splitter = ReadingSplitter(self.sidebar, self.pages, self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.help_panel, 0)
        self.setCentralWidget(central)
        # The guide's dialogs open inside the window, never as windows of their own (dialog_host.py).
        self.dialogs = DialogHost(self, self.splitter, self.help_panel)

        central.setObjectName("centralWidget")
        self._regions = [self.navigation.search_box, self.sidebar, self.pages, self.help_panel]
        self._set_focus_order()
        self._name_regions()
        self.theme = ThemeApplier(self)
        self._connect_signals()
        self._show_theme(show_page=False)
        self._show_topics()
        if start_article:  # the first page shown is the one asked for; Back still leads home
            self.session.history.visit(Link(LinkKind.ARTICLE, start_article))
        self._show_session()
        # Work the first page doesn't need waits until it is painted (see _on_first_paint).
        self._started = False
        self.installEventFilter(self)
        self._exit_allowed = not kiosk
        self.kiosk_mode = None
        if kiosk:
            from guide.ui.kiosk_mode import KioskMode  # its event filters only where they are used

            self.kiosk_mode = KioskMode(self, config.kiosk, idle_seconds)

    def _connect_signals(self) -> None:
        self.navigation.homeRequested.connect(self.go_home)
        self.navigation.backRequested.connect(self.go_back)
        self.navigation.forwardRequested.connect(self.go_forward)
        self.navigation.zoomInRequested.connect(self.on_zoom_in)
        self.navigation.zoomOutRequested.connect(self.on_zoom_out)
        self.navigation.zoomResetRequested.connect(self.on_zoom_reset)
        self.topic_tree.locationChosen.connect(self.on_address_requested)
        self.reader.linkRequested.connect(self.on_link_requested)
        self.help_panel.moreHelpRequested.connect(self.open_help)
        self.help_panel.helplineChosen.connect(lambda line: self._go(Link(LinkKind.HELP, anchor=f"line-{line}")))
        search_box = self.navigation.search_box
        search_box.textChanged.connect(self.on_search_text_changed)
        search_box.returnPressed.connect(self.on_search_submitted)
        self.navigation.searchDownPressed.connect(lambda: self.search_results.setFocus())
        self.search.ready.connect(self.on_search_ready)
        self.search.failed.connect(self.on_search_failed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.open_find_bar)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, lambda: self.focus_region(+1))
        QShortcut(QKeySequence("Shift+F6"), self, lambda: self.focus_region(-1))
        self.navigation.languageChosen.connect(self.set_language)
        self.navigation.themeChosen.connect(self.set_theme)
        hints = QGuiApplication.styleHints()
        if hints is not None:  # "system" follows the desktop when it changes
            hints.colorSchemeChanged.connect(lambda _scheme: self._show_theme())
        self.feedback_panel.answered.connect(self.on_feedback_answered)
        self.feedback_panel.commentSent.connect(self.on_feedback_comment)
        self.feedback_panel.draftChanged.connect(lambda text: setattr(self._feedback_state(), "draft", text))
        self._feedback_timer.timeout.connect(self.write_feedback)
        QApplication.instance().aboutToQuit.connect(self.write_feedback)
        self._arm_feedback_timer()  # answers a failing disk kept from the last run

    # The parts not on the first screen, built on first use (or just after the first paint)

    @property
    def search_results(self) -> SearchResults:
        if self._search_results is None:
            from guide.ui.search_results import SearchResults

            self._search_results = SearchResults(self)
            self._search_results.articleChosen.connect(self.open_search_result)
            self.sidebar.addWidget(self._search_results)
            self._name_regions()
            self._set_focus_order()
        return self._search_results

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from guide.ui.find_bar import FindBar

            self._find_bar = FindBar(self)
            self._find_bar.findRequested.connect(self.on_find_requested)
            self._reader_layout.addWidget(self._find_bar)
        return self._find_bar

    @property
    def checklist_view(self) -> ChecklistView:
        if self._checklist_view is None:
            from guide.ui.checklist_view import ChecklistView

            view = self._checklist_view = ChecklistView(self)
            # In kiosk mode the summary goes to the clinic's printer if it is installed, or isn't
            # offered: no dialogs.
            view.set_print_offer(print_offer(self.kiosk, self.config.kiosk.printer, self._installed_printers()))
            view.answerToggled.connect(self.on_answer_toggled)
            view.articleRequested.connect(self.open_article)
            view.printRequested.connect(self.on_print_requested)
            self.sessionReset.connect(lambda: view.show_print_failed(False))  # not the next visitor's
            view.set_zoom(self.session.zoom)
            self.pages.addWidget(view)
            self._name_regions()
        return self._checklist_view

    # The automation contract (docs/TESTING.md): what testers and the kiosk call.

    def open_article(self, article_id: str, anchor: str = "") -> None:
        self._go(Link(LinkKind.ARTICLE, article_id, anchor))

    def open_search_result(self, article_id: str) -> None:
        """Open an article from the results, with the searched words marked in it."""
        from guide.search import highlight_pattern  # loaded by the search worker by now

        results = self.search.search(self.session.search_text, self.session.language)
        words = results.words if results is not None else ()
        self._go(Link(LinkKind.ARTICLE, article_id), highlight=highlight_pattern(words))

    def search_ready(self) -> bool:
        return self.search.is_ready

    def open_checklist(self, checklist_id: str) -> None:
        self._go(Link(LinkKind.CHECKLIST, checklist_id))

    def open_help(self) -> None:
        self._go(Link(LinkKind.HELP))

    def go_home(self) -> None:
        self.open_article("home")

    def go_back(self) -> None:
        self._close_dialogs()
        self._remember_scroll()
        self.session.history.back()
        self._show_session()

    def go_forward(self) -> None:
        self._close_dialogs()
        self._remember_scroll()
        self.session.history.forward()
        self._show_session()

    def reset_session(self) -> None:
        """Forget the visitor: a new Session, and every widget shown again from it."""
        self._close_dialogs()
        self.write_feedback()  # the end of the visit
        self.session = Session(language=self._start_language)
        if self._find_bar is not None:
            self._find_bar.close_bar()
        self._show_theme()
        self._show_language()
        self.sessionReset.emit()

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()  # a link's QR code, the print dialog, the staff keypad

    def focus_region(self, step: int) -> QWidget:
        """F6 / Shift+F6: the search box, the topics, the page, the help panel, round again."""
        current = QApplication.focusWidget()
        index = next(
            (i for i, r in enumerate(self._regions) if current and (current is r or r.isAncestorOf(current))), -1
        )
        region = self._regions[(index + step) % len(self._regions)]
        target = region if region.focusPolicy() != Qt.FocusPolicy.NoFocus else region.nextInFocusChain()
        if region is self.sidebar:
            target = self.sidebar.currentWidget()
        elif region is self.pages:
            target = (
                self.reader
                if self.pages.currentWidget() is not self.checklist_view
                else self.checklist_view.first_item()
            )
        elif region is self.help_panel:
            target = self.help_panel.first_entry()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return target

    def _name_regions(self) -> None:
        """What a screen reader calls each part of the window."""
        self.topic_tree.setAccessibleName(self.tr("Topics"))
        if self._search_results is not None:
            self._search_results.setAccessibleName(self.tr("Search results"))
        self.reader.setAccessibleName(self.tr("Page"))
        if self._checklist_view is not None:
            self._checklist_view.setAccessibleName(self.tr("Checklist"))
            self._checklist_view.scroll_area.setAccessibleName(self.tr("Checklist"))
        self.feedback_panel.setAccessibleName(self.tr("Was this page helpful?"))

    def _set_focus_order(self) -> None:
        """Tab walks the toolbar, then the topics, then the page, then the help lines."""
        results = [self._search_results] if self._search_results is not None else []
        chain = [*self.navigation.focus_chain(), self.topic_tree, *results, self.reader,
                 self.feedback_panel.yes, self.feedback_panel.no, *self.help_panel.focus_chain()]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_theme(self, name: str) -> None:
        """Light, dark, high contrast, or "system" (follow the desktop); a reset goes back."""
        self.session.theme = name
        self._show_theme()

    def _show_theme(self, show_page: bool = True) -> None:
        name = self.session.theme or self.config.display.theme
        used = self.theme.apply(name)
        self.navigation.set_theme(name, THEMES[used]["text"])
        if show_page:
            self._show_session()

    def set_language(self, language: str) -> None:
        """Switch the interface and the content to `language`, keeping the page and the answers."""
        if language == self.session.language:
            return
        self.session.language = language
        self._close_dialogs()  # its words were the other language's
        self._show_language()

    def _show_language(self) -> None:
        """Every word on screen again, in the Session's language."""
        language = self.session.language
        self.translations.apply(language)
        self.navigation.set_language(language)
        if self._find_bar is not None:
            self._find_bar.retranslate()
        self.feedback_panel.retranslate()
        if self._checklist_view is not None:
            self._checklist_view.retranslate()
        self.help_panel.set_language(language)
        self._name_regions()
        self._show_topics()
        self._show_session()
        self._show_search()

    def admin_exit(self) -> None:
        """Staff entered the right PIN: the kiosk may close."""
        self._exit_allowed = True
        if self.kiosk_mode is not None:
            self.kiosk_mode.stop()
        self.close()
        QApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window's first UpdateRequest paints it; what waits for that runs just after.
        if watched is self and event.type() == QEvent.Type.UpdateRequest:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._on_first_paint)
        elif watched is self and event.type() == QEvent.Type.Show:
            # In case a platform paints without an UpdateRequest reaching the window: a second at most.
            QTimer.singleShot(1000, self, self._on_first_paint)
        return False

    @property
    def started(self) -> bool:
        """True once the first page is painted and what waits for that has run."""
        return self._started

    def _on_first_paint(self) -> None:
        """What a visitor needs a moment after the first page, never before it is on screen."""
        if self._started:
            return
        self._started = True
        try:
            # The search index is built on a worker thread.
            self.search.start()
            # The widgets not on the first screen, so they are there (and findable) from now on.
            self.search_results, self.find_bar, self.checklist_view  # noqa: B018 (built on first access)
            # The first call handing a QWidget back to Python (viewport()) costs about 10 ms, as
            # PySide6 sets up every widget class it might be; kinetic scrolling can wait for it.
            set_kinetic_scrolling(
                [self.reader.viewport(), self.topic_tree.viewport(), self.search_results.viewport(),
                 self.checklist_view.scroll_area.viewport()],
                mouse=self.kiosk, enabled=not self.config.display.reduce_motion,
            )  # fmt: skip
        finally:
            self.firstPainted.emit()  # whatever failed above, start-up is over (app.py listens)

    def closeEvent(self, event: QCloseEvent) -> None:
        # In kiosk mode Alt+F4, the window manager and close() all land here: only staff exit.
        if self._exit_allowed:
            self.write_feedback()
            if self.kiosk_mode is not None:
                self.kiosk_mode.stop()
            super().closeEvent(event)
        else:
            event.ignore()

    def current_location(self) -> Link:
        return self.session.history.current.location

    # Slots

    def on_link_requested(self, url: QUrl) -> None:
        self.on_address_requested(url.toString())

    def on_address_requested(self, address: str) -> None:
        link = classify(address)
        if link.kind is LinkKind.ANCHOR:
            self.reader.scrollToAnchor(link.anchor)
        elif link.kind is LinkKind.EXTERNAL:
            self.show_external_link(link.target)
        elif link.kind is LinkKind.BLOCKED or (link.kind is LinkKind.PROBLEMS and self.kiosk):
            self.statusBar().showMessage(self.tr("That link can't be opened in the guide."), 8000)
        else:
            self._go(link)

    def show_external_link(self, address: str) -> QDialog:
        # Imported on first use: the QR code library isn't needed to show the first page.
        from guide.ui.external_link_dialog import ExternalLinkDialog

        return self.dialogs.show(ExternalLinkDialog(address, self))

    def on_search_text_changed(self, text: str) -> None:
        self.session.search_text = text
        self._show_search()

    def on_search_submitted(self) -> None:
        article_id = self.search_results.first_id()
        if article_id and self.session.search_text.strip():
            self.open_search_result(article_id)

    def on_search_ready(self) -> None:
        self.navigation.set_search_ready(True)
        self._show_search()

    def on_search_failed(self, _why: str) -> None:
        self.navigation.search_box.setEnabled(False)
        self.navigation.search_box.setPlaceholderText(self.tr("Search is not available; use the topics"))

    def open_find_bar(self) -> None:
        if self.pages.currentWidget() is not self.checklist_view:
            self.find_bar.open_bar()

    def on_find_requested(self, text: str, backwards: bool) -> None:
        self.session.find_text = text
        current, total = self.reader.find_text(text, backwards)
        self.find_bar.show_count(current, total)

    def on_feedback_answered(self, helpful: bool) -> None:
        state, article_id = self._feedback_state(), self.current_location().target
        if state.helpful is None:  # one answer per article per visit
            state.helpful = helpful
            if self.feedback is not None:
                state.answer = self.feedback.add(article_id, self.session.language, helpful)
                self._arm_feedback_timer()
        self._show_feedback()

    def on_feedback_comment(self, text: str) -> None:
        state = self._feedback_state()
        try:
            if self.feedback is not None and state.answer is not None:
                self.feedback.add_comment(state.answer, text, helpline_numbers(self.library.helplines))
        except RefusedComment as refusal:
            self.feedback_panel.refuse(refusal.kinds)
            return
        state.comment_sent, state.draft = True, ""
        self._arm_feedback_timer()
        self._show_feedback()

    def write_feedback(self) -> None:
        """Write the answers waiting (the end of a visit, the coarse timer, the exit); never raises."""
        if self.feedback is not None:
            self.feedback.retry()
            self._arm_feedback_timer()
            self._show_feedback()  # a page still open says whether its answer was kept

    def _arm_feedback_timer(self) -> None:
        if self.feedback is not None and self.feedback.waiting():
            if not self._feedback_timer.isActive():
                self._feedback_timer.start()
        else:
            self._feedback_timer.stop()  # nothing waits: no timer while idle

    def _feedback_state(self):
        return self.session.feedback_for(self.current_location().target)

    def _show_feedback(self) -> None:
        location = self.current_location()
        is_article = (
            location.kind is LinkKind.ARTICLE
            and location.target != "home"
            and self.library.has_article(location.target)
        )
        self.feedback_panel.setVisible(is_article)
        if is_article:
            state = self._feedback_state()
            kept = state.answer is None or state.answer.outcome.state != "lost"
            self.feedback_panel.show_state(state.helpful, state.comment_sent, state.draft, kept)

    def on_answer_toggled(self, item_id: str, ticked: bool) -> None:
        checklist_id = self.current_location().target
        self.session.set_answer(checklist_id, item_id, ticked)
        self._show_result(checklist_id)

    def on_print_requested(self) -> None:
        html, title = self._summary()
        self.checklist_view.show_print_failed(False)
        self._checklist_printer().print_html(html, title)

    def save_checklist_pdf(self, path: str) -> bool:
        """Write the open checklist's summary to a PDF file (what "save as PDF" does)."""
        return self._checklist_printer().write_pdf(*self._summary(), path)

    def _checklist_printer(self) -> ChecklistPrinter:
        if self._printer is None:
            from guide.ui.checklist_printer import ChecklistPrinter  # QtPrintSupport only when printing

            self._printer = ChecklistPrinter(self.config.kiosk.printer if self.kiosk else "", self)
            self._printer.failed.connect(lambda: self.checklist_view.show_print_failed(True))
        return self._printer

    def _installed_printers(self) -> list[str]:
        """Asked only when the config names a printer (the kiosk's button, the staff page)."""
        if not self.config.kiosk.printer:
            return []
        if self._installed is None:
            from guide.ui.checklist_printer import installed_printers

            self._installed = installed_printers()
        return self._installed

    def _summary(self) -> tuple[str, str]:
        """The open checklist's summary page, and its title (the PDF's Title)."""
        checklist_id = self.current_location().target
        checklist = self.library.checklist(checklist_id, self.session.language)
        html = checklist_summary_html(
            checklist,
            self.session.ticked(checklist_id),
            self.library.helplines,
            date.today(),
            self.session.language,
        )
        return html, checklist.title

    def on_zoom_in(self) -> None:
        self.session.zoom_in()
        self._show_zoom()

    def on_zoom_out(self) -> None:
        self.session.zoom_out()
        self._show_zoom()

    def on_zoom_reset(self) -> None:
        self.session.zoom_reset()
        self._show_zoom()

    # Showing the session

    def _go(self, link: Link, highlight: str = "") -> None:
        self._close_dialogs()  # going somewhere (a help line, Home, a search result) leaves a dialog behind
        self._remember_scroll()
        self.session.history.visit(link).highlight = highlight
        self._show_session()

    def _remember_scroll(self) -> None:
        self.session.history.current.scroll = self.reader.scroll_position()

    def _show_session(self) -> None:
        visit = self.session.history.current
        location = visit.location
        language = self.session.language
        checklist, crisis = None, False
        if location.kind is LinkKind.CHECKLIST:
            checklist = self.library.checklist(location.target, language)
        if checklist is not None:
            title, result = checklist.title, self._result(checklist.id)
            crisis = result.crisis
            self.checklist_view.show_checklist(checklist, self.session.ticked(checklist.id), result, language)
            self.pages.setCurrentWidget(self.checklist_view)
        else:
            if location.kind is LinkKind.HELP:
                html, title = self.renderer.help_html(language), self.tr("Get help now")
            elif location.kind is LinkKind.SERVICES:
                html, title = (
                    services_page(self.library.services, language, date.today()),
                    self.tr("Find help nearby"),
                )
            elif location.kind is LinkKind.PROBLEMS:
                html, title = (
                    problems_page(self._content_problems(), language),
                    self.tr("Content problems"),
                )
            else:
                html = self.renderer.page_html(location, language)
                article = self.library.article(location.target, language)
                title = article.title if article else ""
            self.reader.show_page(html, location.anchor, visit.scroll)
            self.reader.highlight(visit.highlight, scroll_to_first=not visit.scroll and not location.anchor)
            self.pages.setCurrentWidget(self.reader_page)
        self.help_panel.set_crisis(crisis)
        self._show_feedback()
        self.topic_tree.select_location(location.url())
        history = self.session.history
        self.navigation.set_history_state(history.can_go_back, history.can_go_forward)
        self.setWindowTitle(f"{title} - {self.tr('Recovery Guide')}" if title else self.tr("Recovery Guide"))
        self._show_zoom()

    def _result(self, checklist_id: str) -> Result:
        checklist = self.library.checklist(checklist_id, self.session.language)
        return score(checklist, self.session.ticked(checklist_id))

    def _show_result(self, checklist_id: str) -> None:
        result = self._result(checklist_id)
        self.checklist_view.show_result(result, self.session.language)
        self.help_panel.set_crisis(result.crisis)

    def _content_problems(self):
        from guide.check import check_library  # the linter only for the staff page, not at start-up

        problems = check_library(self.library)
        printer = printer_problem(self.config.path, self.config.kiosk.printer, self._installed_printers())
        feedback = self.feedback.problem() if self.feedback is not None else None
        found = [Problem(self.feedback.path, 0, f"feedback not saved: {feedback}")] if feedback else []
        return [*found, *([printer] if printer else []), *problems]

    def _show_topics(self) -> None:
        language = self.session.language
        checklists = [self.library.checklist(cid, language) for cid in self.library.checklist_ids(language)]
        pages = [("services:", self.tr("Find help nearby"))] if self.library.services else []
        # Staff only, last in the list, and never on a kiosk where visitors are.
        staff = [] if self.kiosk else [("problems:", self.tr("For staff: content problems"))]
        self.topic_tree.set_topics(self.library.topics(language), checklists, pages, staff)

    def _show_search(self) -> None:
        """The search box and sidebar as the session has them: topics, or results."""
        text = self.session.search_text
        box = self.navigation.search_box
        if box.text() != text:
            box.blockSignals(True)
            box.setText(text)
            box.blockSignals(False)
        if not text.strip():
            self.sidebar.setCurrentWidget(self.topic_tree)
            return
        self.sidebar.setCurrentWidget(self.search_results)
        results = self.search.search(text, self.session.language)
        if results is None:
            self.search_results.show_message(self.tr("Getting search ready..."))
        elif results.too_short:
            self.search_results.show_message(self.tr("Keep typing..."))
        else:
            self.search_results.show_results(
                results,
                self.tr("Showing results for %1"),
                self.tr("No pages found. Try other words, or look through the topics."),
                self.tr("Only the first %n words are searched.", "", MAX_QUERY_WORDS),
            )
        if not self.session.find_text and self.find_bar.isVisible():
            self.find_bar.close_bar()

    def _show_zoom(self) -> None:
        self.reader.set_zoom(self.session.zoom)
        if self._checklist_view is not None:
            self._checklist_view.set_zoom(self.session.zoom)
        self.navigation.set_zoom_state(self.session.can_zoom_in, self.session.can_zoom_out)

    def createPopupMenu(self) -> QMenu | None:
        # The default menu would let anyone hide the toolbar; there is nothing to toggle.
        return None
