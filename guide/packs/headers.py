"""An article file's header (Python-Markdown `meta` syntax) to an Article, and to the plain
rows guide.packs.folder_cache keeps between runs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from guide.files import ARTICLE_LIMIT, ID_RE, ContentError, Problem, decode, leaves, open_regular
from guide.packs.folder_cache import cache_file, read_folder
from guide.packs.records import Article

# Python-Markdown's `meta` extension syntax, its own two patterns (a test keeps them equal);
# copied so that reading headers at start-up doesn't import markdown.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")

# Bump when read_article_header or the rows below change: headers cached by an older guide are
# then read again. The Article fields are part of it, so a new field can't be missed.
HEADER_VERSION = "1:" + ",".join(Article._fields)


def read_headers(
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
            article.urgent,
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
        (
            article_id,
            title,
            summary,
            category,
            keywords,
            reviewed,
            due,
            sources,
            checklist,
            related,
            body_line,
            urgent,
        ) = fields
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
            urgent,
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
    urgent = " ".join(meta.get("urgent", [])).strip().lower()
    if urgent not in ("", "yes", "no"):
        problems.append(Problem(path, lines_of["urgent"], f"Urgent: '{urgent}' must be yes or no", "warning"))
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
        urgent=urgent == "yes",
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
