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
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from guide.checklists.checklist import Checklist, read_checklist
from guide.files import (
    ARTICLE_LIMIT,
    ID_RE,
    ContentError,
    LineIndex,
    Problem,
    decode,
    leaves,
    open_regular,
    read_file,
    read_toml_lines,
    short_digest,
)
from guide.languages import codes, words
from guide.packs.folder_cache import cache_file, read_folder

BUNDLED_PACK = Path(__file__).parents[1] / "content"
# Python-Markdown's `meta` extension syntax, its own two patterns (a test keeps them equal);
# copied so that reading headers at start-up doesn't import markdown.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
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
            groups.setdefault(article.category or words(lang, "page")["other_topics"], []).append(article)
        return [
            (category, sorted(items, key=lambda a: a.title.casefold()))
            for category, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())
        ]


# Bump when read_article_header or the rows below change: headers cached by an older guide are
# then read again. The Article fields are part of it, so a new field can't be missed.
HEADER_VERSION = "1:" + ",".join(Article._fields)


def load_library(extra_packs: tuple[Path, ...] | list[Path] = (), cache_dir: Path | None = None) -> Library:
    """Load the bundled pack, then each extra pack laid over it in order.

    With `cache_dir`, the article headers are remembered there (see guide.packs.folder_cache): a
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
    """Lay `pack` over `library`; returns what identifies its article files (for the fingerprint).

    Nothing in a pack stops the rest from loading: a file or folder that can't be read, that
    is not a regular file, or that leads out of the pack is a Problem, and is skipped.
    """
    digests = []
    for lang in codes():
        folder = pack / lang / "articles"
        if (problem := _refused_folder(folder, pack)) is not None:
            library.problems.append(problem)
        else:
            articles, problems, digest = _read_headers(folder, lang, cache_dir, pack)
            library.articles.setdefault(lang, {}).update(articles)
            library.problems.extend(problems)
            digests.append(f"{os.path.abspath(folder)}\0{digest}")
        by_checklist_id = library.checklists.setdefault(lang, {})
        folder = pack / lang / "checklists"
        if (problem := _refused_folder(folder, pack)) is not None:
            library.problems.append(problem)
            continue
        listing = read_folder(folder, ".toml", lambda path: path)
        if listing.error:
            library.problems.append(Problem(folder, 1, f"cannot read folder: {listing.error}"))
        for _name, path in listing.entries:
            read = lambda path=path, lang=lang: read_checklist(path, lang)  # noqa: E731
            checklist, problems = _guarded(path, pack, read, (None, []))
            library.problems.extend(problems)
            if checklist is not None:
                by_checklist_id[checklist.id] = checklist
    synonyms_path = pack / "synonyms.toml"
    synonyms, problems = _guarded(synonyms_path, pack, lambda: read_synonyms(synonyms_path), ({}, []))
    library.problems.extend(problems)
    for word, meanings in synonyms.items():
        library.synonyms[word] = tuple(dict.fromkeys((*library.synonyms.get(word, ()), *meanings)))
    services_path = pack / "services.toml"
    services, problems = _guarded(services_path, pack, lambda: read_services(services_path), ([], []))
    library.problems.extend(problems)
    replaced = {service.id for service in services}
    library.services = [s for s in library.services if s.id not in replaced] + services
    helplines_path = pack / "helplines.toml"
    lines, problems = _guarded(helplines_path, pack, lambda: read_helplines(helplines_path), ([], []))
    library.problems.extend(problems)
    # A later pack's lines come first: a clinic's own number leads the panel.
    library.helplines = lines + [h for h in library.helplines if h.id not in {x.id for x in lines}]
    return digests


def _refused_folder(folder: Path, pack: Path) -> Problem | None:
    """Why a pack's folder is not read (it leads out of the pack, or is not a folder); None to read it."""
    try:
        found = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        return None if not os.path.islink(folder) else Problem(folder, 1, "a link to nothing: it is not read")
    except OSError as error:
        return Problem(folder, 1, f"cannot read folder: {error.strerror}")
    if (problem := leaves(folder, pack)) is not None:
        return problem
    if not stat.S_ISDIR(found.st_mode):
        return Problem(folder, 1, "not a folder: it is not read")
    return None


def _guarded(path: Path, pack: Path, read, nothing):
    """`read()` for a pack file that is there and inside the pack; else `nothing` with the Problem.

    A reader's own bug on some content is reported as a Problem with the file, never a crash at
    start-up (tests make such bugs loud: every hostile case has its own message).
    """
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return nothing
    except OSError as error:
        return nothing[0], [Problem(path, 1, f"cannot read file: {error.strerror}")]
    if (problem := leaves(path, pack)) is not None:
        return nothing[0], [problem]
    try:
        return read()
    except RecursionError:
        return nothing[0], [Problem(path, 1, "nested too deeply to read")]
    except Exception as error:
        return nothing[0], [Problem(path, 1, f"internal error while reading {path}: {type(error).__name__}: {error}")]


def _read_headers(
    folder: Path, lang: str, cache_dir: Path | None, pack: Path
) -> tuple[dict[str, Article], list[Problem], str]:
    """The articles of one folder by id, their problems in file order, and the folder's digest."""
    cache = cache_file(cache_dir / "headers", folder) if cache_dir is not None else None

    def row(path: Path) -> list:
        return _header_row(path, lang, pack)

    listing = read_folder(folder, ".md", row, cache, HEADER_VERSION)
    unlisted = [Problem(folder, 1, f"cannot read folder: {listing.error}")] if listing.error else []
    try:
        articles, problems = _from_rows(folder, lang, listing.entries)
    except (TypeError, ValueError, IndexError):  # a cached row that isn't one of ours: read them all
        listing = read_folder(folder, ".md", row, cache, HEADER_VERSION, False)
        articles, problems = _from_rows(folder, lang, listing.entries)
    return articles, unlisted + problems, listing.digest


def _header_row(path: Path, lang: str, pack: Path | None = None) -> list:
    """What read_article_header finds in a file, as a row of plain values (kept as JSON)."""
    try:
        if pack is not None and (outside := leaves(path, pack)) is not None:
            raise ContentError(outside)
        article, problems = read_article_header(path, lang)
    except ContentError as error:
        return [None, [[error.problem.line, error.problem.message, error.problem.severity]]]
    except Exception as error:
        return [None, [[1, f"internal error while reading {path}: {type(error).__name__}: {error}", "error"]]]
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
        with open_regular(path, ARTICLE_LIMIT) as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    return b"".join(chunks), number + 1
                chunks.append(raw)
    except OSError as error:
        raise ContentError(Problem(path, 1, f"cannot read file: {error.strerror}")) from error
    return b"".join(chunks), len(chunks) + 1


def _split_list(values: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _entries_of(data: dict, key: str, path: Path, lines: LineIndex, problems: list[Problem]) -> list[tuple[int, dict]]:
    """The `[[key]]` tables of a file with their index; a value of another shape is a Problem."""
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(path, lines.find(f"{key} ="), f"'{key}' must be tables written [[{key}]]"))
        return []
    tables = []
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            tables.append((index, entry))
        else:
            where = lines.find(f"{key} =")
            problems.append(
                Problem(path, where, f"{key} number {index + 1} is {entry!r:.40}, not a table written [[{key}]]")
            )
    return tables


def _words(value) -> str:
    """Text from a pack: a str as it is; numbers and dates (TOML keeps them) as written; else ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return str(value)
    return ""


def read_services(path: Path) -> tuple[list[Service], list[Problem]]:
    """Local services from a pack's services.toml; one without a usable phone is left out."""
    data, lines, problem = read_toml_lines(path)
    if problem:
        return [], [problem]
    services: list[Service] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    cursor = 1  # entries are found in file order: one pass over the lines for all of them
    for _index, entry in _entries_of(data, "service", path, lines, problems):
        service_id = _words(entry.get("id", ""))
        where = lines.find(f'"{service_id}"', start=cursor) if service_id else cursor
        cursor = where
        error = None
        texts = {
            lang: {k: _words(v) for k, v in entry[lang].items() if _words(v)}
            for lang in codes()
            if isinstance(entry.get(lang), dict)
        }
        texts.setdefault(DEFAULT_LANGUAGE, {}).update(
            {k: _words(entry[k]) for k in ("name", "address", "hours", "payment", "notes") if _words(entry.get(k))}
        )
        kind = entry.get("kind")
        languages = entry.get("languages", [])
        if not ID_RE.match(service_id):
            error = "needs an id of lower-case letters, digits and hyphens"
        elif service_id in seen:
            error = "the same id is used twice in this file"
            where = lines.find(f'"{service_id}"', occurrence=2)
        elif not isinstance(kind, str) or kind not in SERVICE_KINDS:
            error = f"kind '{_words(kind)}' is not one of {', '.join(SERVICE_KINDS)}"
            where = lines.find("kind", start=where)
        elif not texts[DEFAULT_LANGUAGE].get("name"):
            error = "needs a name (text in quotes)"
        elif not isinstance(entry.get("phone", ""), str) or not valid_number(entry.get("phone", "")):
            error = f"'{_words(entry.get('phone', ''))}' is not a valid phone number (in quotes, like \"217-555-0180\")"
            where = lines.find("phone", start=where)
        elif "last_checked" in entry and not isinstance(entry["last_checked"], date):
            error = "last_checked must be a date like 2026-11-26 (no quotes)"
        elif not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
            error = 'languages must be a list of language codes, like ["en", "es"]'
            where = lines.find("languages", start=where)
        if error:
            problems.append(Problem(path, where, f"service '{service_id}': {error}"))
            continue
        seen.add(service_id)
        services.append(
            Service(
                id=service_id,
                kind=kind,
                path=path,
                line=where,
                phone=entry["phone"],
                texts=texts,
                languages=tuple(languages),
                last_checked=entry.get("last_checked"),
            )
        )
    return services, problems


def read_synonyms(path: Path) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """`word = ["meaning", ...]` pairs; a `[section]` of them is read the same way."""
    data, lines, problem = read_toml_lines(path)
    if problem:
        return {}, [problem]
    synonyms: dict[str, tuple[str, ...]] = {}
    problems = []
    pairs = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    pairs += [(k, v) for table in data.values() if isinstance(table, dict) for k, v in table.items()]
    for word, meanings in pairs:
        if not isinstance(meanings, list) or not all(isinstance(m, str) and m.strip() for m in meanings):
            problems.append(Problem(path, lines.find(word), f"'{word}' needs a list of words, like [\"clonazepam\"]"))
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
    data, lines, problem = read_toml_lines(path)
    if problem:
        return [], [problem]
    helplines: list[Helpline] = []
    problems: list[Problem] = []
    cursor = 1  # entries are found in file order: one pass over the lines for all of them
    for _index, entry in _entries_of(data, "helpline", path, lines, problems):
        helpline_id = _words(entry.get("id", ""))
        where = lines.find(f'"{helpline_id}"', start=cursor) if helpline_id else cursor
        cursor = where
        if helpline_id in {h.id for h in helplines}:
            again = lines.find(f'"{helpline_id}"', occurrence=2)
            problems.append(Problem(path, again, f"help line '{helpline_id}': the same id is used twice"))
            continue

        def report(message: str, *needles: str, start: int = where, helpline_id: str = helpline_id) -> None:
            """A Problem at the line holding each of `needles` in turn, from the help line's id on."""
            for needle in needles:
                start = lines.after(needle, start)
            problems.append(Problem(path, start, f"help line '{helpline_id}': {message}"))

        try:
            helplines.append(_helpline(entry, report))
        except HelplineError as error:
            at = where
            for needle in error.needles:
                at = lines.after(needle, at)
            problems.append(Problem(path, at, f"help line '{helpline_id}': {error}"))
    return helplines, problems


class HelplineError(ValueError):
    """A help line that can't be used; `needles` lead from its id's line to the line at fault."""

    def __init__(self, message: str, *needles: str):
        super().__init__(message)
        self.needles = needles


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
    for lang, text in body.items():
        if lang not in codes():
            report(f"body for an unknown language '{lang}' (use {' or '.join(codes())})", *at)
        elif not isinstance(text, str) or not text.strip():
            report(f'the {lang} body must be words in quotes, like {lang} = "AYUDA"', *at)
        else:
            bodies[lang] = text.strip()
    return bodies


def _helpline(entry: dict, report) -> Helpline:
    if not ID_RE.match(_words(entry.get("id", ""))):
        raise HelplineError("needs an id of lower-case letters, digits and hyphens")
    raw_contacts = entry.get("contacts", [])
    if not isinstance(raw_contacts, list) or not all(isinstance(raw, dict) for raw in raw_contacts):
        raise HelplineError(
            'contacts must be a list like [{ kind = "call", number = "988" }]',
            "contacts",
        )
    contacts = []
    for raw in raw_contacts:
        kind = raw.get("kind", "")
        number = raw.get("number", "")
        if not isinstance(kind, str) or kind not in CONTACT_KINDS:
            raise HelplineError(f"contact kind '{_words(kind)}' is not one of {sorted(CONTACT_KINDS)}")
        if not isinstance(number, str):
            raise HelplineError(f'the number {number!r:.30} must be in quotes, like "988"', "contacts", "number")
        address = raw.get("address", "")
        if kind == "chat":
            if not address or not isinstance(address, str):
                raise HelplineError("a chat contact needs an address (in quotes)")
        elif not valid_number(number):
            raise HelplineError(f"'{number}' is not a valid phone number")
        contacts.append(
            Contact(
                kind=kind,
                number=number,
                address=_words(address),
                bodies=_bodies(raw, report),
                labels=_labels(raw, report),
            )
        )
    if not contacts:
        raise HelplineError("has no contacts: add at least one number to call or text")
    texts = {}
    for lang in codes():
        if isinstance(entry.get(lang), dict) and "name" in entry[lang] and not isinstance(entry[lang]["name"], str):
            raise HelplineError(f"the {lang} name must be text in quotes", f"[helpline.{lang}]", "name")
        if isinstance(entry.get(lang), dict) and _words(entry[lang].get("name")):
            raw_text = entry[lang]
            texts[lang] = HelplineText(
                name=_words(raw_text["name"]),
                description=_words(raw_text.get("description", "")),
                hours=_words(raw_text.get("hours", "")),
            )
    if DEFAULT_LANGUAGE not in texts:
        raise HelplineError(f"needs [helpline.{DEFAULT_LANGUAGE}] with a name (text in quotes)")
    flags = {}
    for flag in ("emergency", "crisis"):
        value = entry.get(flag, False)
        if not isinstance(value, bool):
            # "false" in quotes is text, and any text would read as true: above 911 it must not go.
            report(f"{flag} must be true or false, without quotes (it is taken as false)", f"{flag} =")
            value = False
        flags[flag] = value
    return Helpline(id=entry["id"], contacts=tuple(contacts), texts=texts, **flags)


def _labels(raw: dict, report) -> dict[str, str]:
    """A contact's own words: one per language, like label = { en = "Call us", es = "Llámenos" }."""
    label = raw.get("label", {})
    if isinstance(label, str) and label.strip():
        return {DEFAULT_LANGUAGE: label}
    if isinstance(label, dict) and all(k in codes() and isinstance(v, str) for k, v in label.items()):
        return dict(label)
    report('label must be words per language, like label = { en = "Call us", es = "Llámenos" }', "label")
    return {}


# 911 and 988 are kept on the panel even if every helplines.toml is broken or removed; their
# words are in every language's catalogue ([fallback_helplines]).
_FALLBACK_CONTACTS = {
    "emergency": ((Contact(kind="call", number="911"),), {"emergency": True, "crisis": True}),
    "988-lifeline": (
        (Contact(kind="call", number="988"), Contact(kind="text", number="988", bodies={"es": "AYUDA"})),
        {"crisis": True},
    ),
}


def fallback_helplines() -> tuple[Helpline, ...]:
    return tuple(
        Helpline(
            id=helpline_id,
            contacts=contacts,
            texts={code: HelplineText(**words(code, "fallback_helplines")[helpline_id]) for code in codes()},
            **flags,
        )
        for helpline_id, (contacts, flags) in _FALLBACK_CONTACTS.items()
    )


def _with_fallback_helplines(helplines: list[Helpline]) -> list[Helpline]:
    numbers = {c.number for h in helplines for c in h.contacts}
    missing = [h for h in fallback_helplines() if h.contacts[0].number not in numbers]
    emergency = [h for h in [*missing, *helplines] if h.emergency]
    return emergency + [h for h in [*missing, *helplines] if not h.emergency]
