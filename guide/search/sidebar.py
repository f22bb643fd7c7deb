"""What the search sidebar shows for the words typed, whoever answers them. Qt-free, and free
of SQLite: the navigator imports it at start-up, long before the index is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from guide.search.index import Results


class Pending:
    """A searcher's answer while the words are being searched on its own thread: the results
    come a moment later (the window then asks again), and the sidebar keeps what it shows."""

    def __repr__(self) -> str:
        return "PENDING"


PENDING = Pending()


class Searcher(Protocol):
    """What answers a search: the window's SearchService, or a core SearchIndex in tests.
    None: the index is still being built."""

    def search(self, text: str, language: str) -> Results | Pending | None: ...


class SidebarState(Enum):
    TOPICS = "topics"
    WAITING = "waiting"  # the index is still being built
    SEARCHING = "searching"  # the results for these words are coming: the sidebar stays as it is
    TOO_SHORT = "too short"
    RESULTS = "results"


@dataclass(frozen=True)
class SearchView:
    text: str
    state: SidebarState
    results: Results | None = None

    @property
    def has_hits(self) -> bool:
        """Results with at least one page, so Enter has a first one to open."""
        return self.state is SidebarState.RESULTS and bool(self.results.hits)


def sidebar_view(text: str, results: Results | Pending | None) -> SearchView:
    """The sidebar for `text` and what the searcher answered for it."""
    if not text.strip():
        return SearchView(text, SidebarState.TOPICS)
    if results is None:
        return SearchView(text, SidebarState.WAITING)
    if results is PENDING:
        return SearchView(text, SidebarState.SEARCHING)
    return SearchView(text, SidebarState.TOO_SHORT if results.too_short else SidebarState.RESULTS, results)
