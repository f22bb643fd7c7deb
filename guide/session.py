"""Session: everything one visitor has done, and nothing else.

A reset replaces the whole object, so nothing a visitor did can survive it by being forgotten
in a list of things to clear.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guide.packs.records import DEFAULT_LANGUAGE, HOME_ID
from guide.reader.links import Link, LinkKind

ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
DEFAULT_ZOOM = 100
HOME = Link(LinkKind.ARTICLE, HOME_ID)
MAX_HISTORY = 200


@dataclass
class Visit:
    """A place in the history, with how far down the visitor had scrolled."""

    location: Link
    scroll: int = 0
    highlight: str = ""  # a search's words, marked in the page when it was opened from results


@dataclass
class History:
    """Back/forward over visited places, like a browser's."""

    visits: list[Visit] = field(default_factory=lambda: [Visit(HOME)])
    index: int = 0

    @property
    def current(self) -> Visit:
        return self.visits[self.index]

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        return self.index < len(self.visits) - 1

    def visit(self, location: Link) -> Visit:
        """Go to `location`; what was ahead is dropped. Going where one already is does nothing."""
        if location == self.current.location:
            return self.current
        del self.visits[self.index + 1 :]
        self.visits.append(Visit(location))
        if len(self.visits) > MAX_HISTORY:  # a kiosk left on one session all day: keep the last 200
            del self.visits[0]
        self.index = len(self.visits) - 1
        return self.current

    def back(self) -> Visit:
        if self.can_go_back:
            self.index -= 1
        return self.current

    def forward(self) -> Visit:
        if self.can_go_forward:
            self.index += 1
        return self.current


@dataclass
class FeedbackState:
    """One answer per article per visit: helpful or not, the comment draft, whether it was sent."""

    helpful: bool | None = None
    draft: str = ""
    comment_sent: bool = False
    answer: object = None  # the store's record of it, to attach the comment to


@dataclass
class Session:
    """One visitor's state: history, scroll, zoom, language, answers, search and find text."""

    language: str = DEFAULT_LANGUAGE
    zoom: int = DEFAULT_ZOOM
    history: History = field(default_factory=History)
    answers: dict[str, set[str]] = field(default_factory=dict)  # checklist id -> ticked item ids
    search_text: str = ""
    open_first_result: bool = False  # Enter was pressed in the search box before its results came
    find_text: str = ""
    theme: str = ""  # "" means the configured theme
    feedback: dict[str, FeedbackState] = field(default_factory=dict)  # article id -> answer
    locator_zip: str = ""  # the ZIP code typed on "Find treatment near you": never written anywhere
    locator_filters: set[str] = field(default_factory=set)  # its toggles that are on
    locator_choosing: bool = False  # the toggles are open (else one row says which are on)
    speech_rate: float = 0.0  # read aloud: -1 (slower) to 1 (faster)

    def feedback_for(self, article_id: str) -> FeedbackState:
        return self.feedback.setdefault(article_id, FeedbackState())

    def ticked(self, checklist_id: str) -> set[str]:
        return self.answers.setdefault(checklist_id, set())

    def set_answer(self, checklist_id: str, item_id: str, ticked: bool) -> None:
        answers = self.ticked(checklist_id)
        if ticked:
            answers.add(item_id)
        else:
            answers.discard(item_id)

    def zoom_in(self) -> int:
        self.zoom = next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1])
        return self.zoom

    def zoom_out(self) -> int:
        self.zoom = next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0])
        return self.zoom

    def zoom_reset(self) -> int:
        self.zoom = DEFAULT_ZOOM
        return self.zoom

    @property
    def can_zoom_in(self) -> bool:
        return self.zoom < ZOOM_STEPS[-1]

    @property
    def can_zoom_out(self) -> bool:
        return self.zoom > ZOOM_STEPS[0]
