"""Content packs -> a Library of articles and help lines, with a Problem for every broken file.

Loading never raises for bad content: a file that can't be used becomes a Problem naming the
file and line, and everything else still loads. Only article headers are read here; bodies are
read when an article is first shown (see `Article.read_body`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from guide.checklist import Checklist, read_checklist
from guide.files import ID_RE, ContentError, Problem, decode, line_of, read_toml, short_digest
from guide.folder_cache import cache_file, read_folder

BUNDLED_PACK = Path(__file__).with_name("content")
# Python-Markdown's `meta` extension syntax, its own two patterns (a test keeps them equal);
# copied so that reading headers at start-up doesn't import markdown.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
LANGUAGES = ("en", "es")
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

    def read_body(self) -> str:
        """The markdown after the header; raises ContentError for unreadable files."""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise ContentError(Problem(self.path, 1, f"cannot read file: {error.strerror}")) from error
        text = decode(data, self.path)
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

    def topics(self, lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, list[Article]]]:
        """Articles grouped by category, for the sidebar; the home page stands apart."""
        groups: dict[str, list[Article]] = {}
        for article_id in self.article_ids(lang):
            article = self.article(article_id, lang)
            if article is None or article_id == HOME_ID:
                continue
            groups.setdefault(article.category or "Other", []).append(article)
        return [
            (category, sorted(items, key=lambda a: a.title.casefold()))
            for category, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())
        ]


# Bump when read_article_header or the rows below change: headers cached by an older guide are
# then read again. The Article fields are part of it, so a new field can't be missed.
HEADER_VERSION = "1:" + ",".join(Article._fields)


def load_library(extra_packs: tuple[Path, ...] | list[Path] = (), cache_dir: Path | None = None) -> Library:
    """Load the bundled pack, then each extra pack laid over it in order.

    With `cache_dir`, the article headers are remembered there (see guide.folder_cache): a
    start with unchanged packs opens no article file, and the Library is the same either way.
    """
    packs = (BUNDLED_PACK, *extra_packs)
    library = Library(packs=tuple(packs))
    digests = []
    with _collector_paused():
        for pack in packs:
            digests += _load_pack(Path(pack), library, cache_dir)
    library.helplines = _with_fallback_helplines(library.helplines)
    if cache_dir is not None:
        library.fingerprint = short_digest("\n".join(digests).encode("utf-8", "surrogateescape"))
    return library


@contextlib.contextmanager
def _collector_paused():
    """No garbage collection while the headers are made: they are tens of thousands of small
    objects that live as long as the guide, and the collector would scan them (and everything
    imported before) again and again as they are made: about 10 ms of CPU time of a warm start
    with 5,000 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_pack(pack: Path, library: Library, cache_dir: Path | None = None) -> list[str]:
    """Lay `pack` over `library`; returns what identifies its article files (for the fingerprint)."""
    digests = []
    for lang in LANGUAGES:
        folder = pack / lang / "articles"
        articles, problems, digest = _read_headers(folder, lang, cache_dir)
        library.articles.setdefault(lang, {}).update(articles)
        library.problems.extend(problems)
        digests.append(f"{os.path.abspath(folder)}\0{digest}")
        by_checklist_id = library.checklists.setdefault(lang, {})
        for path in sorted((pack / lang / "checklists").glob("*.toml")):
            checklist, problems = read_checklist(path, lang)
            library.problems.extend(problems)
            if checklist is not None:
                by_checklist_id[checklist.id] = checklist
    synonyms_path = pack / "synonyms.toml"
    if synonyms_path.is_file():
        synonyms, problems = read_synonyms(synonyms_path)
        library.problems.extend(problems)
        for word, meanings in synonyms.items():
            library.synonyms[word] = tuple(dict.fromkeys((*library.synonyms.get(word, ()), *meanings)))
    services_path = pack / "services.toml"
    if services_path.is_file():
        services, problems = read_services(services_path)
        library.problems.extend(problems)
        replaced = {service.id for service in services}
        library.services = [s for s in library.services if s.id not in replaced] + services
    helplines_path = pack / "helplines.toml"
    if helplines_path.is_file():
        lines, problems = read_helplines(helplines_path)
        library.problems.extend(problems)
        # A later pack's lines come first: a clinic's own number leads the panel.
        library.helplines = lines + [h for h in library.helplines if h.id not in {x.id for x in lines}]
    return digests


def _read_headers(folder: Path, lang: str, cache_dir: Path | None) -> tuple[dict[str, Article], list[Problem], str]:
    """The articles of one folder by id, their problems in file order, and the folder's digest."""
    cache = cache_file(cache_dir / "headers", folder) if cache_dir is not None else None
    listing = read_folder(folder, ".md", lambda path: _header_row(path, lang), cache, HEADER_VERSION)
    try:
        return (*_from_rows(folder, lang, listing.entries), listing.digest)
    except (TypeError, ValueError, IndexError):  # a cached row that isn't one of ours: read them all
        listing = read_folder(folder, ".md", lambda path: _header_row(path, lang), cache, HEADER_VERSION, False)
        return (*_from_rows(folder, lang, listing.entries), listing.digest)


def _header_row(path: Path, lang: str) -> list:
    """What read_article_header finds in a file, as a row of plain values (kept as JSON)."""
    try:
        article, problems = read_article_header(path, lang)
    except ContentError as error:
        return [None, [[error.problem.line, error.problem.message, error.problem.severity]]]
    reviewed, due = article.reviewed, article.review_due
    return [
        [
            article.id,
            article.title,
            article.summary,
            article.category,
            list(article.keywords),
            reviewed.isoformat() if reviewed else None,
            due.isoformat() if due else None,
            list(article.sources),
            article.checklist,
            list(article.related),
            article.body_line,
        ],
        [[p.line, p.message, p.severity] for p in problems],
    ]


def _from_rows(folder: Path, lang: str, rows: list[tuple[str, list]]) -> tuple[dict[str, Article], list[Problem]]:
    """The Articles and Problems the rows stand for, as read_article_header gave them."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    to_date = date.fromisoformat
    for name, (fields, found) in rows:
        path = folder / name
        if found:
            problems += [Problem(path, line, message, severity) for line, message, severity in found]
        if fields is None:
            continue
        (article_id, title, summary, category, keywords, reviewed, due, sources, checklist, related, body_line) = fields
        # Positional, in the order of Article's fields: a quarter faster than by keyword.
        articles[article_id] = Article(
            article_id,
            lang,
            path,
            title,
            summary,
            category,
            tuple(keywords),
            to_date(reviewed) if reviewed else None,
            to_date(due) if due else None,
            tuple(sources),
            checklist,
            tuple(related),
            body_line,
        )
    return articles, problems


def read_article_header(path: Path, lang: str) -> tuple[Article, list[Problem]]:
    """Read just the metadata header of an article file (Python-Markdown `meta` syntax).

    Raises ContentError when the article can't be shown at all; returns the smaller
    problems (a malformed date) beside the article.
    """
    article_id = path.stem
    if not ID_RE.match(article_id):
        raise ContentError(
            Problem(
                path,
                1,
                f"invalid article id '{article_id}': use lower-case letters, digits and hyphens in the file name",
            )
        )
    header_bytes, body_line = _read_header_bytes(path)
    text = decode(header_bytes, path)
    meta: dict[str, list[str]] = {}
    lines_of: dict[str, int] = {}
    key = None
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= body_line:
            break
        if (match := META_RE.match(line)) is not None:
            key = match.group("key").lower()
            lines_of[key] = number
            meta.setdefault(key, []).append(match.group("value").strip())
        elif key is not None and (more := META_MORE_RE.match(line)) is not None:
            meta[key].append(more.group("value").strip())
        else:
            body_line = number  # the meta extension ends the header at the first other line
            break
    title = " ".join(meta.get("title", [])).strip()
    if not title:
        raise ContentError(Problem(path, 1, "no Title: an article starts with 'Title: ...'"))
    problems: list[Problem] = []
    dates = {}
    for date_key in ("reviewed", "review-due"):
        raw = " ".join(meta.get(date_key, [])).strip()
        try:
            dates[date_key] = date.fromisoformat(raw) if raw else None
        except ValueError:
            dates[date_key] = None
            problems.append(
                Problem(
                    path,
                    lines_of[date_key],
                    f"{date_key.capitalize()}: '{raw}' is not a date like 2026-11-26",
                )
            )
    article = Article(
        id=article_id,
        lang=lang,
        path=path,
        title=title,
        summary=" ".join(meta.get("summary", [])),
        category=" ".join(meta.get("category", [])),
        keywords=_split_list(meta.get("keywords", [])),
        reviewed=dates["reviewed"],
        review_due=dates["review-due"],
        sources=tuple(s for s in meta.get("sources", []) if s),
        checklist=" ".join(meta.get("checklist", [])),
        related=_split_list(meta.get("related", [])),
        body_line=body_line,
    )
    return article, problems


def _read_header_bytes(path: Path) -> tuple[bytes, int]:
    """The bytes up to the first blank line, and the line number the body starts on."""
    chunks = []
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    return b"".join(chunks), number + 1
                chunks.append(raw)
    except OSError as error:
        raise ContentError(Problem(path, 1, f"cannot read file: {error.strerror}")) from error
    return b"".join(chunks), len(chunks) + 1


def _split_list(values: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def read_services(path: Path) -> tuple[list[Service], list[Problem]]:
    """Local services from a pack's services.toml; one without a usable phone is left out."""
    data, problem = read_toml(path)
    if problem:
        return [], [problem]
    services: list[Service] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in data.get("service", []):
        service_id = str(entry.get("id", ""))
        where = line_of(path, f'"{service_id}"') if service_id else 1
        error = None
        texts = {
            lang: {k: str(v) for k, v in entry[lang].items()} for lang in LANGUAGES if isinstance(entry.get(lang), dict)
        }
        texts.setdefault(DEFAULT_LANGUAGE, {}).update(
            {k: str(entry[k]) for k in ("name", "address", "hours", "payment", "notes") if k in entry}
        )
        if not ID_RE.match(service_id):
            error = "needs an id of lower-case letters, digits and hyphens"
        elif service_id in seen:
            error = "the same id is used twice in this file"
            where = line_of(path, f'"{service_id}"', occurrence=2)
            where = line_of(path, f'"{service_id}"', occurrence=2)
        elif entry.get("kind") not in SERVICE_KINDS:
            error = f"kind '{entry.get('kind', '')}' is not one of {', '.join(SERVICE_KINDS)}"
        elif not texts[DEFAULT_LANGUAGE].get("name"):
            error = "needs a name"
        elif not valid_number(str(entry.get("phone", ""))):
            error = f"'{entry.get('phone', '')}' is not a valid phone number"
        elif "last_checked" in entry and not isinstance(entry["last_checked"], date):
            error = "last_checked must be a date like 2026-11-26 (no quotes)"
        if error:
            problems.append(Problem(path, where, f"service '{service_id}': {error}"))
            continue
        seen.add(service_id)
        services.append(
            Service(
                id=service_id,
                kind=entry["kind"],
                path=path,
                line=where,
                phone=str(entry["phone"]),
                texts=texts,
                languages=tuple(entry.get("languages", ())),
                last_checked=entry.get("last_checked"),
            )
        )
    return services, problems


def read_synonyms(path: Path) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """`word = ["meaning", ...]` pairs; a `[section]` of them is read the same way."""
    data, problem = read_toml(path)
    if problem:
        return {}, [problem]
    synonyms: dict[str, tuple[str, ...]] = {}
    problems = []
    pairs = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    pairs += [(k, v) for table in data.values() if isinstance(table, dict) for k, v in table.items()]
    for word, meanings in pairs:
        if not isinstance(meanings, list) or not all(isinstance(m, str) and m.strip() for m in meanings):
            problems.append(
                Problem(
                    path,
                    line_of(path, word),
                    f"'{word}' needs a list of words, like [\"clonazepam\"]",
                )
            )
            continue
        synonyms[word.strip().lower()] = tuple(m.strip().lower() for m in meanings)
    return synonyms, problems


PHONE_RE = re.compile(r"^\d(?:[\d-]*\d)?$")
CONTACT_KINDS = {"call", "text", "tty", "chat"}


def valid_number(number: str) -> bool:
    """A dialable US number: 911-style N11 codes and 988, 5-6 digit text short codes, or a
    10- or 11-digit phone number, written with digits and hyphens."""
    digits = number.replace("-", "")
    if not PHONE_RE.match(number):
        return False
    if len(digits) == 3:
        return digits in SHORT_NUMBERS
    return len(digits) in {5, 6, 10, 11}


SHORT_NUMBERS = {"211", "311", "411", "511", "611", "711", "811", "911", "988"}


def read_helplines(path: Path) -> tuple[list[Helpline], list[Problem]]:
    """Help lines from a pack's helplines.toml; a line without a usable number is left out."""
    data, problem = read_toml(path)
    if problem:
        return [], [problem]
    helplines: list[Helpline] = []
    problems: list[Problem] = []
    for entry in data.get("helpline", []):
        helpline_id = str(entry.get("id", ""))
        where = line_of(path, f'"{helpline_id}"') if helpline_id else 1
        if helpline_id in {h.id for h in helplines}:
            again = line_of(path, f'"{helpline_id}"', occurrence=2)
            problems.append(Problem(path, again, f"help line '{helpline_id}': the same id is used twice"))
            continue

        def report(message: str, *needles: str, start: int = where, helpline_id: str = helpline_id) -> None:
            """A Problem at the line holding each of `needles` in turn, from the help line's id on."""
            for needle in needles:
                start = _line_from(path, start, needle)
            problems.append(Problem(path, start, f"help line '{helpline_id}': {message}"))

        try:
            helplines.append(_helpline(entry, report))
        except ValueError as error:
            problems.append(Problem(path, where, f"help line '{helpline_id}': {error}"))
    return helplines, problems


def _line_from(path: Path, start: int, needle: str) -> int:
    """The first line at or after `start` holding `needle` (`start` when there is none)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    return next((n for n in range(start, len(lines) + 1) if needle in lines[n - 1]), start)


def _bodies(raw: dict, report) -> dict[str, str]:
    """A text contact's `body`: words for every language, or a table of them per language.

    A bad value is reported and left out, not the whole line: its number is still help.
    """
    if "body" not in raw:
        return {}
    body = raw["body"]
    at = (f'"{raw.get("number", "")}"', "body")  # the contact's line, then its body
    if raw.get("kind") != "text":
        report(f"only a text contact can have a body (this one is '{raw.get('kind')}')", *at)
        return {}
    if isinstance(body, str):
        if not body.strip():
            report('the body is empty: leave it out, or give the words to send, like body = "HOME"', *at)
            return {}
        return {DEFAULT_LANGUAGE: body.strip()}
    if not isinstance(body, dict):
        report(
            'the body must be words in quotes, or one per language: body = { en = "HOME", es = "AYUDA" }',
            *at,
        )
        return {}
    bodies = {}
    for lang, words in body.items():
        if lang not in LANGUAGES:
            report(f"body for an unknown language '{lang}' (use {' or '.join(LANGUAGES)})", *at)
        elif not isinstance(words, str) or not words.strip():
            report(f'the {lang} body must be words in quotes, like {lang} = "AYUDA"', *at)
        else:
            bodies[lang] = words.strip()
    return bodies


def _helpline(entry: dict, report) -> Helpline:
    if not ID_RE.match(str(entry.get("id", ""))):
        raise ValueError("needs an id of lower-case letters, digits and hyphens")
    contacts = []
    for raw in entry.get("contacts", []):
        kind = raw.get("kind", "")
        if kind not in CONTACT_KINDS:
            raise ValueError(f"contact kind '{kind}' is not one of {sorted(CONTACT_KINDS)}")
        number = str(raw.get("number", ""))
        if kind == "chat":
            if not raw.get("address"):
                raise ValueError("a chat contact needs an address")
        elif not valid_number(number):
            raise ValueError(f"'{number}' is not a valid phone number")
        contacts.append(
            Contact(
                kind=kind,
                number=number,
                address=str(raw.get("address", "")),
                bodies=_bodies(raw, report),
                labels=dict(raw.get("label", {})),
            )
        )
    if not contacts:
        raise ValueError("has no contacts: add at least one number to call or text")
    texts = {}
    for lang in LANGUAGES:
        if isinstance(entry.get(lang), dict) and entry[lang].get("name"):
            raw_text = entry[lang]
            texts[lang] = HelplineText(
                name=str(raw_text["name"]),
                description=str(raw_text.get("description", "")),
                hours=str(raw_text.get("hours", "")),
            )
    if DEFAULT_LANGUAGE not in texts:
        raise ValueError(f"needs [helpline.{DEFAULT_LANGUAGE}] with a name")
    return Helpline(
        id=entry["id"],
        contacts=tuple(contacts),
        texts=texts,
        emergency=bool(entry.get("emergency", False)),
        crisis=bool(entry.get("crisis", False)),
    )


# 911 and 988 are kept on the panel even if every helplines.toml is broken or removed.
FALLBACK_HELPLINES = (
    Helpline(
        id="emergency",
        contacts=(Contact(kind="call", number="911"),),
        texts={
            "en": HelplineText("Emergency", "Danger right now, an overdose or a seizure.", "24/7"),
            "es": HelplineText("Emergencias", "Peligro inmediato, sobredosis o convulsiones.", "24/7"),
        },
        emergency=True,
        crisis=True,
    ),
    Helpline(
        id="988-lifeline",
        contacts=(Contact(kind="call", number="988"), Contact(kind="text", number="988", bodies={"es": "AYUDA"})),
        texts={
            "en": HelplineText("988 Suicide & Crisis Lifeline", "Free and private.", "24/7"),
            "es": HelplineText("988 Línea de Prevención del Suicidio y Crisis", "Gratis y confidencial.", "24/7"),
        },
        crisis=True,
    ),
)


def _with_fallback_helplines(helplines: list[Helpline]) -> list[Helpline]:
    numbers = {c.number for h in helplines for c in h.contacts}
    missing = [h for h in FALLBACK_HELPLINES if h.contacts[0].number not in numbers]
    emergency = [h for h in [*missing, *helplines] if h.emergency]
    return emergency + [h for h in [*missing, *helplines] if not h.emergency]
