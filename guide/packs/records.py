"""What a content pack holds, as values: articles, help lines, local services, the Library.

Reading them is elsewhere in guide/packs/: headers.py (articles), helplines.py, services.py,
synonyms.py, and library.py, which lays packs over each other in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from guide.checklists.checklist import Checklist
from guide.files import ARTICLE_LIMIT, Problem, decode, read_file
from guide.languages import words

DEFAULT_LANGUAGE = "en"
HOME_ID = "home"


class Article(NamedTuple):
    """An article's metadata; the body stays on disk until it is shown."""

    id: str
    lang: str
    path: Path
    title: str
    summary: str = ""
    category: str = ""
    keywords: tuple[str, ...] = ()
    reviewed: date | None = None
    review_due: date | None = None
    sources: tuple[str, ...] = ()
    checklist: str = ""
    related: tuple[str, ...] = ()
    body_line: int = 1
    urgent: bool = False  # `Urgent: yes`: first in the topics, above everything

    def read_body(self) -> str:
        """The markdown after the header; raises ContentError for unreadable files."""
        text = decode(read_file(self.path, ARTICLE_LIMIT), self.path)
        return "".join(text.splitlines(keepends=True)[self.body_line - 1 :])


@dataclass(frozen=True)
class Contact:
    """One way to reach a help line: call, text, TTY or chat."""

    kind: str
    number: str = ""
    address: str = ""
    bodies: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # lang -> message to text
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # lang -> own words

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get(DEFAULT_LANGUAGE, "")

    def body_for(self, lang: str) -> str:
        """The message a text line wants in `lang` (AYUDA for Spanish), else the English one, else ""."""
        return self.bodies.get(lang) or self.bodies.get(DEFAULT_LANGUAGE, "")


class HelplineText(NamedTuple):
    name: str
    description: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Helpline:
    """A help line with its ways of contact and its words in each language."""

    id: str
    contacts: tuple[Contact, ...]
    texts: dict[str, HelplineText] = field(compare=False, hash=False)
    emergency: bool = False
    crisis: bool = False

    def text(self, lang: str) -> HelplineText:
        return self.texts.get(lang) or self.texts[DEFAULT_LANGUAGE]


SERVICE_KINDS = ("crisis-walk-in", "detox", "inpatient", "outpatient", "support-group")


@dataclass(frozen=True)
class Service:
    """A local service a clinic lists on its "Find help nearby" page."""

    id: str
    kind: str
    path: Path
    line: int
    phone: str
    texts: dict[str, dict[str, str]] = field(compare=False, hash=False)  # lang -> name, address...
    languages: tuple[str, ...] = ()
    last_checked: date | None = None

    def text(self, key: str, lang: str) -> str:
        return self.texts.get(lang, {}).get(key) or self.texts.get(DEFAULT_LANGUAGE, {}).get(key, "")


@dataclass
class Library:
    """Everything the guide shows, merged from its content packs in order."""

    packs: tuple[Path, ...] = ()
    articles: dict[str, dict[str, Article]] = field(default_factory=dict)
    checklists: dict[str, dict[str, Checklist]] = field(default_factory=dict)
    helplines: list[Helpline] = field(default_factory=list)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> what it means
    services: list[Service] = field(default_factory=list)
    locator: Path | None = None  # the last pack's locator.json.gz, read when first asked for (guide/locator/)
    problems: list[Problem] = field(default_factory=list)
    # Changes whenever an article file of any pack is added, removed, renamed or changed: what
    # an on-disk search index is keyed by. "" when loaded without a cache (files not stat'ed).
    fingerprint: str = field(default="", compare=False)

    def article(self, article_id: str, lang: str = DEFAULT_LANGUAGE) -> Article | None:
        """The article in `lang`, falling back to English when it has no translation."""
        found = self.articles.get(lang, {}).get(article_id)
        return found or self.articles.get(DEFAULT_LANGUAGE, {}).get(article_id)

    def checklist(self, checklist_id: str, lang: str = DEFAULT_LANGUAGE) -> Checklist | None:
        """The checklist in `lang`, falling back to English when it has no translation."""
        found = self.checklists.get(lang, {}).get(checklist_id)
        return found or self.checklists.get(DEFAULT_LANGUAGE, {}).get(checklist_id)

    def checklist_ids(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        ids = set(self.checklists.get(DEFAULT_LANGUAGE, {})) | set(self.checklists.get(lang, {}))
        return sorted(ids)

    def has_article(self, article_id: str) -> bool:
        return any(article_id in by_id for by_id in self.articles.values())

    def article_ids(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        ids = set(self.articles.get(DEFAULT_LANGUAGE, {})) | set(self.articles.get(lang, {}))
        return sorted(ids)

    def urgent(self, lang: str = DEFAULT_LANGUAGE) -> list[Article]:
        """The articles marked `Urgent: yes` (what to do in an emergency), by title."""
        found = (self.article(article_id, lang) for article_id in self.article_ids(lang))
        return sorted((a for a in found if a is not None and a.urgent), key=lambda a: a.title.casefold())

    def topics(self, lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, list[Article]]]:
        """Articles grouped by category, for the sidebar; the home page stands apart."""
        groups: dict[str, list[Article]] = {}
        for article_id in self.article_ids(lang):
            article = self.article(article_id, lang)
            if article is None or article_id == HOME_ID:
                continue
            groups.setdefault(article.category or words(lang, "page")["other_topics"], []).append(article)
        return [
            (category, sorted(items, key=lambda a: a.title.casefold()))
            for category, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())
        ]
