"""The visit: each thing a visitor does, turned into what the window shows. Qt-free.

The Navigator owns the Session (everything one visitor did), and with the Library, the
Renderer and the feedback store it decides what each action leads to: a Page to show, the
search sidebar, a checklist's result, the feedback row. The window shows those values and hands
every event back in a line (guide/ui/main_window.py); tests drive a Navigator with no display
(tests/core/test_navigator.py).

A reset replaces the Session, so nothing a visitor did survives it by being forgotten in a list
of things to clear; the window then shows a new visit's values in every view, shown or hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from guide.checklists.checklist import Checklist, Result, score
from guide.feedback.store import FeedbackStore, helpline_numbers
from guide.files import Problem
from guide.packs.records import HOME_ID, Library
from guide.printing.offer import printer_problem
from guide.reader.links import Link, LinkKind, classify
from guide.reader.pages import labels, problems_page, services_page
from guide.reader.pictures import language_folder
from guide.reader.render import Renderer
from guide.search.sidebar import PENDING, Pending, Searcher, SearchView, SidebarState, sidebar_view
from guide.session import FeedbackState, Session

if TYPE_CHECKING:
    from guide.config import Config
    from guide.locator.page import LocatorView
    from guide.printing.handout import Handout
    from guide.search.index import Results


@dataclass(frozen=True)
class FeedbackView:
    """The "Was this page helpful?" row of an article."""

    helpful: bool | None = None
    comment_sent: bool = False
    draft: str = ""
    kept: bool = True  # False once the store knows the answer could not be kept


@dataclass(frozen=True)
class Page:
    """What the page area, the window title, the help panel and the toolbar show."""

    location: Link
    html: str = ""  # "" for a checklist: the checklist view shows it
    title: str = ""  # an article's or a checklist's; the guide's own pages are named by the window
    anchor: str = ""
    scroll: int = 0
    highlight: str = ""  # a search's words, marked in the page
    pictures: Path | None = None  # where the article's pictures are (guide/reader/pictures.py)
    checklist: Checklist | None = None
    locator: LocatorView | None = None  # "Find treatment near you": the locator page shows it
    ticked: frozenset[str] = frozenset()
    result: Result | None = None
    feedback: FeedbackView | None = None  # None: no feedback row on this page
    can_go_back: bool = False
    can_go_forward: bool = False

    @property
    def kind(self) -> LinkKind:
        return LinkKind.CHECKLIST if self.checklist is not None else self.location.kind

    @property
    def crisis(self) -> bool:
        return self.result is not None and self.result.crisis


@dataclass(frozen=True)
class Zoom:
    percent: int
    can_zoom_in: bool
    can_zoom_out: bool


class Followed(Enum):
    """What following an address leads to, besides a new page."""

    PAGE = "page"
    ANCHOR = "anchor"  # a place on the page shown
    EXTERNAL = "external"  # a web address or a number: shown as a QR code, never opened
    REFUSED = "refused"


@dataclass(frozen=True)
class Follow:
    leads_to: Followed
    page: Page | None = None
    target: str = ""  # the anchor, or the external address


@dataclass(frozen=True)
class Topics:
    """The topic tree's contents; the window names the guide's own entries in its language."""

    topics: list = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    services: bool = False  # "Find help nearby"
    staff: bool = False  # "For staff: content problems" (never on a kiosk)
    urgent: list = field(default_factory=list)  # articles marked Urgent, first of all


class Navigator:
    """One visit at a time: the Session, and the rules that turn what a visitor does into views."""

    def __init__(
        self,
        library: Library,
        config: Config,
        language: str,
        *,
        kiosk: bool = False,
        renderer: Renderer | None = None,
        feedback: FeedbackStore | None = None,
        searcher: Searcher | None = None,
        printers: Callable[[], Collection[str]] = tuple,
        today: Callable[[], date] = date.today,
        start_article: str = "",
    ):
        self.library, self.config, self.kiosk = library, config, kiosk
        self.renderer = renderer or Renderer(library)
        self.feedback, self.searcher = feedback, searcher
        self._printers, self._today = printers, today
        self.start_language = language
        self.session = Session(language=language)
        if start_article:  # the first page shown is the one asked for; Back still leads home
            self.session.history.visit(Link(LinkKind.ARTICLE, start_article))

    # Going places

    @property
    def location(self) -> Link:
        return self.session.history.current.location

    def page(self) -> Page:
        """The page the session is on, as the window shows it."""
        visit, history, language = self.session.history.current, self.session.history, self.session.language
        location = visit.location
        common = {"location": location, "can_go_back": history.can_go_back, "can_go_forward": history.can_go_forward}
        checklist = self.library.checklist(location.target, language) if location.kind is LinkKind.CHECKLIST else None
        if checklist is not None:
            ticked = frozenset(self.session.ticked(checklist.id))
            result = score(checklist, ticked)
            return Page(title=checklist.title, checklist=checklist, ticked=ticked, result=result, **common)
        if location.kind is LinkKind.LOCATOR:
            return Page(locator=self.locator_view(), **common)
        pictures, title = None, ""
        if location.kind is LinkKind.HELP:
            html = self.renderer.help_html(language)
        elif location.kind is LinkKind.SERVICES:
            html = services_page(self.library.services, language, self._today())
        elif location.kind is LinkKind.PROBLEMS:
            html = problems_page(self.content_problems(), language)
        else:
            html = self.renderer.page_html(location, language)
            article = self.library.article(location.target, language)
            title, pictures = (article.title, language_folder(article.path)) if article else ("", None)
        return Page(html=html, title=title, anchor=location.anchor, scroll=visit.scroll, highlight=visit.highlight,
                    pictures=pictures, feedback=self.feedback_view(), **common)  # fmt: skip

    def go(self, link: Link, scroll: int = 0, highlight: str = "") -> Page:
        """Go to `link`; `scroll` is how far down the page being left was read."""
        self.session.history.current.scroll = scroll
        self.session.history.visit(link).highlight = highlight
        return self.page()

    def open_article(self, article_id: str, anchor: str = "", scroll: int = 0) -> Page:
        return self.go(Link(LinkKind.ARTICLE, article_id, anchor), scroll)

    def open_search_result(self, article_id: str, scroll: int = 0) -> Page:
        """An article from the results, with the searched words marked in it."""
        results = self._search(self.session.search_text)
        words = () if results is None or results is PENDING else results.words
        if words:
            from guide.search.index import highlight_pattern  # loaded with the index by now

            return self.go(Link(LinkKind.ARTICLE, article_id), scroll, highlight_pattern(words))
        return self.go(Link(LinkKind.ARTICLE, article_id), scroll)

    def back(self, scroll: int = 0) -> Page:
        self.session.history.current.scroll = scroll
        self.session.history.back()
        return self.page()

    def forward(self, scroll: int = 0) -> Page:
        self.session.history.current.scroll = scroll
        self.session.history.forward()
        return self.page()

    def follow(self, address: str, scroll: int = 0) -> Follow:
        """A link followed on a page, in the topics or on the help panel: the link policy decides."""
        link = classify(address)
        if link.kind is LinkKind.ANCHOR:
            return Follow(Followed.ANCHOR, target=link.anchor)
        if link.kind is LinkKind.EXTERNAL:
            return Follow(Followed.EXTERNAL, target=link.target)
        if link.kind is LinkKind.BLOCKED or (link.kind is LinkKind.PROBLEMS and self.kiosk):
            return Follow(Followed.REFUSED)
        return Follow(Followed.PAGE, self.go(link, scroll))

    # Find treatment near you

    def locator_view(self) -> LocatorView:
        session = self.session
        if not session.locator_zip and self.config.locator.clinic_zip:
            session.locator_zip = self.config.locator.clinic_zip  # "near this clinic" until a visitor types
        filters = frozenset(session.locator_filters)
        directory = self._directory()
        from guide.locator.page import locator_view  # only for a pack with SAMHSA's directory, not at start-up

        return locator_view(
            directory, session.locator_zip, filters, session.language, self._today(), session.locator_choosing
        )

    def choose_locator_filters(self, choosing: bool) -> Page:
        """Open the toggles (`choosing`), or fold them into one line to see the programs."""
        self.session.locator_choosing = choosing
        return self.page()

    def locate(self, zip_code: str) -> Page:
        """The locator page for a ZIP code the visitor typed (kept in the Session only)."""
        self.session.locator_zip = zip_code
        return self.page()

    def set_locator_filter(self, name: str, on: bool) -> Page:
        (self.session.locator_filters.add if on else self.session.locator_filters.discard)(name)
        return self.page()

    def _directory(self):
        from guide.locator.store import load_directory  # the directory is read when first asked for

        return load_directory(self.library)

    def topics(self) -> Topics:
        language = self.session.language
        checklists = [self.library.checklist(cid, language) for cid in self.library.checklist_ids(language)]
        return Topics(
            self.library.topics(language),
            checklists,
            bool(self.library.services),
            not self.kiosk,
            self.library.urgent(language),
        )

    # Search and find

    def search(self, text: str) -> SearchView:
        if text != self.session.search_text:
            self.session.open_first_result = False  # typing after Enter: the Enter was for other words
        self.session.search_text = text
        return self.search_view()

    def search_view(self) -> SearchView:
        text = self.session.search_text
        return sidebar_view(text, self._search(text) if text.strip() else None)

    def submit_search(self) -> bool:
        """Enter in the search box: True when its words' results are known, so the first opens
        now; while they are still being searched, it opens when they come (`search_found`)."""
        view = self.search_view()
        self.session.open_first_result = view.state is SidebarState.SEARCHING
        return view.has_hits

    def search_found(self) -> tuple[SearchView, bool]:
        """The searcher has results: the sidebar's view, and whether an Enter pressed while they
        were coming should open the first result now."""
        view = self.search_view()
        if view.state is SidebarState.SEARCHING:  # results for words no longer in the box
            return view, False
        open_first = self.session.open_first_result and view.has_hits
        self.session.open_first_result = False
        return view, open_first

    def _search(self, text: str) -> Results | Pending | None:
        return self.searcher.search(text, self.session.language) if self.searcher is not None and text else None

    def find(self, text: str) -> str:
        self.session.find_text = text
        return text

    # Checklists

    def tick(self, item_id: str, ticked: bool) -> Page:
        """Tick or untick an item of the open checklist; the page with its new result."""
        self.session.set_answer(self.location.target, item_id, ticked)
        return self.page()

    # Printing

    def handout(self) -> Handout:
        """The page shown, as a handout to print or save as PDF (guide/printing/handout.py): an
        article, the help lines, the services, a checklist's summary, the locator's programs."""
        from guide.printing import handout as paper

        page, language, helplines = self.page(), self.session.language, self.library.helplines
        if page.checklist is not None:
            ticked = self.session.ticked(page.checklist.id)
            return paper.checklist_handout(page.checklist, ticked, helplines, self._today(), language)
        if page.locator is not None:
            return paper.locator_handout(page.locator, helplines, language)
        titles = labels(language)
        kind = page.location.kind
        if kind is LinkKind.HELP:
            return paper.help_handout(helplines, language)
        if kind is LinkKind.SERVICES:
            return paper.handout(page.html, titles["nearby_title"], helplines, language)
        if kind is LinkKind.PROBLEMS:
            return paper.handout(page.html, titles["problems_title"], [], language, with_helplines=False)
        return paper.handout(page.html, page.title, helplines, language)

    # Feedback

    def feedback_view(self) -> FeedbackView | None:
        """The feedback row of the page shown: only on an article (not Home, not the guide's pages)."""
        location = self.location
        if location.kind is not LinkKind.ARTICLE or location.target == HOME_ID:
            return None
        if not self.library.has_article(location.target):
            return None
        state = self._feedback_state()
        kept = state.answer is None or state.answer.outcome.state != "lost"
        return FeedbackView(state.helpful, state.comment_sent, state.draft, kept)

    def answer(self, helpful: bool) -> FeedbackView | None:
        """One answer per article per visit; it reaches the disk at the end of the visit."""
        state = self._feedback_state()
        if state.helpful is None:
            state.helpful = helpful
            if self.feedback is not None:
                state.answer = self.feedback.add(self.location.target, self.session.language, helpful)
        return self.feedback_view()

    def comment(self, text: str) -> FeedbackView | None:
        """Send a comment with the answer; raises RefusedComment when it could identify someone."""
        state = self._feedback_state()
        if self.feedback is not None and state.answer is not None:
            # The national help lines and the pack's own may be quoted (guide/feedback/identifying.py).
            self.feedback.add_comment(state.answer, text, helpline_numbers(self.library.helplines))
        state.comment_sent, state.draft = True, ""
        return self.feedback_view()

    def draft(self, text: str) -> None:
        self._feedback_state().draft = text

    def write_feedback(self) -> FeedbackView | None:
        """Write the answers waiting (the end of a visit, a coarse timer, the exit); never raises."""
        if self.feedback is not None:
            self.feedback.retry()
        return self.feedback_view()

    def feedback_waiting(self) -> bool:
        return self.feedback is not None and self.feedback.waiting()

    def _feedback_state(self) -> FeedbackState:
        return self.session.feedback_for(self.location.target)

    # How the page looks

    def zoom_in(self) -> Zoom:
        self.session.zoom_in()
        return self.zoom()

    def zoom_out(self) -> Zoom:
        self.session.zoom_out()
        return self.zoom()

    def zoom_reset(self) -> Zoom:
        self.session.zoom_reset()
        return self.zoom()

    def zoom(self) -> Zoom:
        return Zoom(self.session.zoom, self.session.can_zoom_in, self.session.can_zoom_out)

    def set_theme(self, name: str) -> str:
        self.session.theme = name
        return self.theme()

    def theme(self) -> str:
        """The theme to show: the visitor's choice, else the configured one."""
        return self.session.theme or self.config.display.theme

    def keep_place(self, scroll: int) -> None:
        """How far down the page on screen is read, as the window now shows it (Back returns there)."""
        self.session.history.current.scroll = scroll

    def set_language(self, language: str) -> None:
        """The interface and the content in `language`; the page and the answers are kept (the
        window then shows every view again, the page with them)."""
        self.session.language = language

    # The end of a visit

    def reset(self) -> None:
        """Forget the visitor: the answers waiting are written, and a new Session starts at Home
        (the window then makes every view again and shows `page()`)."""
        self.write_feedback()
        self.session = Session(language=self.start_language)
        if self.library.locator is not None:
            from guide.locator.store import forget_searches

            forget_searches()  # the last ZIP code's order of facilities: the visitor's, not the library's

    # The staff page

    def content_problems(self) -> list[Problem]:
        from guide.packs.check import check_library  # the linter only for the staff page, not at start-up

        printer = printer_problem(self.config.path, self.config.kiosk.printer, self.printers())
        feedback = self.feedback.problem() if self.feedback is not None else None
        found = [Problem(self.feedback.path, 1, f"feedback not saved: {feedback}")] if feedback else []
        return [*found, *([printer] if printer else []), *check_library(self.library)]

    def printers(self) -> Collection[str]:
        """The printers this computer has (PrintDesk asks only when the config names one)."""
        return self._printers()
