"""The main window: shows what the Navigator decides, and hands each event back to it in a line.

The visit's rules (where a link leads, what a tick or an answer does, what a reset forgets) are
the Navigator's (guide/navigator.py, Qt-free); signals are connected in guide/ui/wiring.py; the
views a visitor fills are made again for each visitor (guide/ui/visit_views.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QWidget

from guide.config import Config
from guide.feedback.store import FeedbackStore, RefusedComment, helpline_numbers
from guide.navigator import Followed, Navigator
from guide.packs.records import Library
from guide.printing.offer import PrintOffer
from guide.reader.links import Link, LinkKind
from guide.reader.render import Renderer
from guide.session import Session
from guide.ui.feedback.feedback_clock import FeedbackClock
from guide.ui.first_paint import FirstPaint
from guide.ui.printing.print_desk import PrintDesk
from guide.ui.regions import focus_region
from guide.ui.search.search_service import SearchService
from guide.ui.theme import ThemeApplier
from guide.ui.translations import Translations
from guide.ui.visit_views import VisitViews
from guide.ui.wiring import wire_window

if TYPE_CHECKING:
    from guide.ui.kinetic import KineticScrolling


class MainWindow(VisitViews, QMainWindow):
    """Toolbar on top; topics, the reader and the help panel side by side below it."""

    sessionReset = Signal()
    firstPainted = Signal()  # the first page is on screen and the work waiting for it has begun

    MINIMUM_SIZE = (800, 600)

    def __init__(self, library: Library, config: Config, language: str, kiosk: bool = False,
                 cache_dir: Path | None = None, idle_seconds: int | None = None,
                 feedback: FeedbackStore | None = None, parent: QWidget | None = None,
                 start_article: str = ""):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setProperty("kiosk", kiosk)  # before the style sheet: its kiosk rules key on it
        self.setWindowIcon(QIcon(":/icons/phone.svg"))
        self.setMinimumSize(*self.MINIMUM_SIZE)
        self.library, self.config, self.kiosk = library, config, kiosk
        # The start page is the one page kept on disk: what a visitor opens changes no file (guide/reader/render.py).
        self.renderer = Renderer(library, cache_dir, start_page=(language, start_article or "home"))
        self.search = SearchService(library, cache_dir, self)
        self.prints = PrintDesk(config, kiosk, self)
        self.navigator = Navigator(library, config, language, kiosk=kiosk, renderer=self.renderer,
                                   feedback=feedback, searcher=self.search, printers=self.prints.installed,
                                   start_article=start_article)  # fmt: skip
        # Before any widget exists: each one reads its words through tr() as it is built.
        self.translations = Translations(self)
        self.translations.apply(language)
        self.feedback_timer = FeedbackClock(self)
        self.theme = ThemeApplier(self)
        # Made once, after the first paint: each visit's views hand it their viewports
        # (set_kinetic_scrolling). Its module makes Qt's event and scroller enums: 10-20 ms.
        self.kinetic: KineticScrolling | None = None
        from guide.ui.speech.read_aloud import ReadAloud  # QtTextToSpeech loads when first asked

        self.read_aloud = ReadAloud(config.speech.engine, self)
        self.read_aloud.readingChanged.connect(lambda _reading: self.show_read_aloud())
        self.read_aloud.sentenceStarted.connect(self.on_sentence_started)
        self._exit_allowed = not kiosk
        self.build_views()
        self.kiosk_mode = None
        if kiosk:
            from guide.ui.kiosk.kiosk_mode import KioskMode  # its event filters only where they are used

            self.kiosk_mode = KioskMode(self, config.kiosk, idle_seconds)
        wire_window(self)
        self.show_theme(show_page=False)
        self.show_visit()  # and the feedback timer, for answers a failing disk kept from the last run
        self._first_paint = FirstPaint(self, self.after_first_paint)  # what the first page doesn't need waits

    @property
    def session(self) -> Session:
        return self.navigator.session

    @property
    def feedback(self) -> FeedbackStore | None:
        return self.navigator.feedback

    @feedback.setter
    def feedback(self, store: FeedbackStore | None) -> None:  # a tester's own store (docs/TESTING.md)
        self.navigator.feedback = store

    # The automation contract (docs/TESTING.md): what testers and the kiosk call.

    def open_article(self, article_id: str, anchor: str = "") -> None:
        self.go(Link(LinkKind.ARTICLE, article_id, anchor))

    def open_search_result(self, article_id: str) -> None:
        self._close_dialogs()
        self.show_page(self.navigator.open_search_result(article_id, self.reader.scroll_position()))

    def search_ready(self) -> bool:
        return self.search.is_ready

    def open_checklist(self, checklist_id: str) -> None:
        self.go(Link(LinkKind.CHECKLIST, checklist_id))

    def open_locator(self, zip_code: str | None = None) -> None:
        """ "Find treatment near you", for `zip_code` when given (else the one the visit has)."""
        self.go(Link(LinkKind.LOCATOR))
        if zip_code is not None:
            self.on_zip_entered(zip_code)

    def open_help(self) -> None:
        self.go(Link(LinkKind.HELP))

    def go_home(self) -> None:
        self.open_article("home")

    def go_back(self) -> None:
        self._close_dialogs()
        self.show_page(self.navigator.back(self.reader.scroll_position()))

    def go_forward(self) -> None:
        self._close_dialogs()
        self.show_page(self.navigator.forward(self.reader.scroll_position()))

    def go(self, link: Link) -> None:
        self._close_dialogs()  # going somewhere (a help line, Home, a search result) leaves a dialog behind
        self.show_page(self.navigator.go(link, self.reader.scroll_position()))

    def reset_session(self) -> None:
        """Forget the visitor: a new Session, and every view made again from it (visit_views.py)."""
        self._close_dialogs()
        self.navigator.reset()  # writes the visit's answers first
        self.search.forget()  # the search thread's last words and results were the visitor's too
        self.start_new_visit()
        self.sessionReset.emit()

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()  # a link's QR code, the print dialog, the staff keypad

    def focus_region(self, step: int) -> QWidget:
        return focus_region(self, step)

    def set_theme(self, name: str) -> None:
        """Light, dark, high contrast, or "system" (follow the desktop); a reset goes back."""
        with self.keeping_place():
            self.navigator.set_theme(name)
            self.show_theme()

    def set_language(self, language: str) -> None:
        """Switch the interface and the content to `language`, keeping the page, the place in it
        and the answers."""
        if language != self.session.language:
            self._close_dialogs()  # its words were the other language's
            self.read_aloud.stop()  # a voice for the other language, and the page's other words
            with self.keeping_place():
                self.navigator.set_language(language)
                self.show_language()

    def admin_exit(self) -> None:
        """Staff entered the right PIN: the kiosk may close."""
        self._exit_allowed = True
        if self.kiosk_mode is not None:
            self.kiosk_mode.stop()
        self.close()
        QApplication.quit()

    @property
    def started(self) -> bool:
        """True once the first page is painted and what waits for that has run."""
        return self._first_paint.done

    def closeEvent(self, event: QCloseEvent) -> None:
        # In kiosk mode Alt+F4, the window manager and close() all land here: only staff exit.
        if not self._exit_allowed:
            return event.ignore()
        self.write_feedback()
        if self.kiosk_mode is not None:
            self.kiosk_mode.stop()
        self.translations.give_back()  # also when it was never shown (no Hide comes then)
        super().closeEvent(event)

    def current_location(self) -> Link:
        return self.navigator.location

    # Slots: each hands the event to the navigator and shows what it returns

    def on_link_requested(self, url: QUrl) -> None:
        self.on_address_requested(url.toString())

    def on_address_requested(self, address: str) -> None:
        followed = self.navigator.follow(address, self.reader.scroll_position())
        if followed.leads_to is Followed.PAGE:
            self._close_dialogs()
            self.show_page(followed.page)
        elif followed.leads_to is Followed.ANCHOR:
            self.reader.scrollToAnchor(followed.target)
        elif followed.leads_to is Followed.EXTERNAL:
            self.show_external_link(followed.target)
        else:
            self.statusBar().showMessage(self.tr("That link can't be opened in the guide."), 8000)

    def on_search_text_changed(self, text: str) -> None:
        self.show_search(self.navigator.search(text))

    def on_search_found(self) -> None:
        view, open_first = self.navigator.search_found()
        self.show_search(view)
        if open_first:
            self.on_search_submitted()

    def on_search_submitted(self) -> None:
        """Enter: the first result opens, now, or when the results for the box's words come."""
        if self.navigator.submit_search():
            article_id = self.search_results.first_id()  # the row chosen with the arrows, else the first
            if article_id:
                self.open_search_result(article_id)

    def search_settled(self) -> bool:
        """The sidebar shows the results for the words in the search box (for testers: typing
        returns before they come, as search runs on its own thread)."""
        return self.search.settled() or not self.session.search_text.strip()

    def open_find_bar(self) -> None:
        if self.pages.currentWidget() is not self.checklist_view:
            self.find_bar.open_bar()

    def on_find_requested(self, text: str, backwards: bool, from_top: bool) -> None:
        self.find_bar.show_count(*self.reader.find_text(self.navigator.find(text), backwards, from_top))

    def on_feedback_answered(self, helpful: bool) -> None:
        self.show_feedback(self.navigator.answer(helpful))

    def on_feedback_comment(self, text: str) -> None:
        try:
            self.show_feedback(self.navigator.comment(text))
        except RefusedComment as refusal:
            self.feedback_panel.refuse(refusal.kinds)

    def write_feedback(self) -> None:
        """Write the answers waiting (the end of a visit, the coarse timer, the exit); never raises."""
        self.show_feedback(self.navigator.write_feedback())  # a page still open says whether it was kept

    def on_zip_entered(self, zip_code: str) -> None:
        self.show_page(self.navigator.locate(zip_code))

    def on_locator_filter(self, name: str, on: bool) -> None:
        self.show_page(self.navigator.set_locator_filter(name, on))

    def on_choose_locator_filters(self, choosing: bool) -> None:
        self.show_page(self.navigator.choose_locator_filters(choosing))

    def on_answer_toggled(self, item_id: str, ticked: bool) -> None:
        self.show_result(self.navigator.tick(item_id, ticked))

    def print_page(self) -> None:
        """Print the page shown as a handout (a checklist: its summary): through the print dialog
        on a desktop, straight to the clinic's printer on a kiosk, and not at all on a kiosk
        without one (Ctrl+P does nothing there, as there is no button)."""
        if self.prints.offer() is PrintOffer.NONE or self._shown_page is None:
            return
        self.show_printed(None)
        self.prints.print_handout(self.navigator.handout(), self._shown_page.pictures)

    def show_printed(self, printed: bool | None) -> None:
        """Beside the button pressed: nothing yet (None), it went to the kiosk's printer, or it failed."""
        checklist = self.late.checklist_view is not None and self.pages.currentWidget() is self.checklist_view
        if checklist:
            self.checklist_view.show_print_failed(printed is False)
        elif printed is None:
            self.page_footer.message.hide()
        elif self.kiosk or not printed:  # the desktop's own dialog already said it printed
            self.page_footer.show_printed(printed)

    def save_page_pdf(self, path: str) -> bool:
        """Write the page shown, as its handout, to a PDF file at `path` (what "save as PDF" does)."""
        pictures = self._shown_page.pictures if self._shown_page is not None else None
        return self.prints.write_pdf(self.navigator.handout(), path, pictures)

    def save_checklist_pdf(self, path: str) -> bool:
        """Write the open checklist's summary to a PDF file (save_page_pdf on a checklist)."""
        return self.save_page_pdf(path)

    def on_read_aloud(self) -> None:
        """Read the page aloud from the top, or stop when it is being read."""
        if self.read_aloud.reading:
            self.read_aloud.stop()
        else:
            self.read_aloud.read(self.speech_script(), self.session.language, self.session.speech_rate)
        self.show_read_aloud()

    def on_speech_paused(self, paused: bool) -> None:
        self.read_aloud.pause() if paused else self.read_aloud.resume()

    def on_speech_rate(self, step: int) -> None:
        """Slower or faster, a quarter at a time, -1 to 1: the visit's, forgotten at the reset."""
        rate = min(1.0, max(-1.0, self.session.speech_rate + 0.25 * step))
        self.session.speech_rate = rate
        self.read_aloud.set_rate(rate)
        self.speech_bar.show_rate(rate)

    def speech_script(self) -> list:
        """What the page shown says, sentence by sentence (guide/speech/script.py)."""
        from guide.speech.script import checklist_script, html_script

        page = self._shown_page
        numbers = helpline_numbers(self.library.helplines)
        if page is None:
            return []
        if page.locator is not None:
            from guide.printing.handout import locator_html

            zip_code = {page.locator.zip_code.strip()} - {""}  # a ZIP code digit by digit, like a number to dial
            return html_script(locator_html(page.locator, self.session.language, codes=False), numbers | zip_code)
        if page.checklist is not None:
            view = self.checklist_view
            groups = [(group.title, [item.text for item in group.items]) for group in page.checklist.groups]
            crisis = self.crisis_words() if view.crisis_banner.isVisible() else ()
            return checklist_script(
                page.checklist.title, page.checklist.intro, groups, view.result_label.text(), numbers, crisis
            )
        return html_script(page.html, numbers)

    def crisis_words(self) -> tuple[str, ...]:
        from guide.checklists.checklist import crisis_text

        words = crisis_text(self.session.language)
        return (words["title"], *words["lines"])

    def speak_now(self, lines) -> None:
        """Read `lines` at once, in place of the page (the crisis banner as it appears, the idle
        warning): only while the visitor is listening, so nothing speaks unasked."""
        from guide.speech.script import utterances

        if not self.read_aloud.reading:
            return
        script = utterances([("crisis", line) for line in lines], helpline_numbers(self.library.helplines))
        self.read_aloud.read(script, self.session.language, self.session.speech_rate)
        self.show_read_aloud()

    def on_sentence_started(self, index: int) -> None:
        if self.pages.currentWidget() is self.reader_page:
            self.reader.mark_spoken(self.read_aloud.script[index].shown, first=index == 0)

    def show_read_aloud(self) -> None:
        self.navigation.set_read_aloud(self.read_aloud.can_read(self.session.language), self.read_aloud.reading)
        self.speech_bar.show_reading(self.read_aloud.reading)
        self.speech_bar.show_rate(self.session.speech_rate)
        if not self.read_aloud.reading:
            self.reader.mark_spoken("")

    def on_zoom_in(self) -> None:
        self.show_zoom(self.navigator.zoom_in())

    def on_zoom_out(self) -> None:
        self.show_zoom(self.navigator.zoom_out())

    def on_zoom_reset(self) -> None:
        self.show_zoom(self.navigator.zoom_reset())

    def cut_words(self, words: int) -> str:  # here: lupdate finds a plural only in self.tr()
        return self.tr("Only the first %n words are searched.", "", words)

    def createPopupMenu(self) -> QMenu | None:
        # The default menu would let anyone hide the toolbar; there is nothing to toggle.
        return None
