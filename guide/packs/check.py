"""The content linter behind `guide check`: every check a clinic needs before going live.

Loading (guide/packs/library.py) reports what can't be used at all; this adds what is wrong with what
loaded: missing metadata, dead links, raw HTML, refused schemes, empty placeholders, a list
intro with no list, stigmatizing words, missing translations, missing images, bad numbers,
an overdose page that never names naloxone.
Each finding is a Problem with the file and line, like a compiler's.
"""

from __future__ import annotations

import functools
import html
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from guide.files import ARTICLE_LIMIT, ContentError, Problem, decode, leaves, line_of, read_file, read_toml
from guide.help.overflow import PANEL_LIMIT, always_whole
from guide.languages import codes
from guide.locator.check import check_locator
from guide.packs.helplines import read_helplines
from guide.packs.library import BUNDLED_PACK
from guide.packs.readability import MIN_FERNANDEZ_HUERTA, reading_level
from guide.packs.records import DEFAULT_LANGUAGE, Article, Library
from guide.reader.links import LinkKind, classify
from guide.reader.markdown_html import MAX_NESTING, anchors_in, heading_anchors, markdown_to_html, too_deep
from guide.reader.pictures import language_folder, picture_problem, picture_refusal

REQUIRED_META = ("summary", "category", "reviewed", "review-due", "sources")
MIN_SOURCES = 2

# The target may hold one level of balanced parentheses, as markdown allows: alert(1).
LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
RAW_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>")
# "Call for free at to discuss", "call us at  to talk", "text us on .": a word that wants a
# number, then "at"/"on" with no number after it (punctuation or a small word instead).
PLACEHOLDER_RE = re.compile(
    r"\b(call|text|phone|dial|reach|contact)\b[^.\n]{0,40}?\b(at|on)\b[ \t]*"
    r"(?=[.,;:!?)]|$|(to|and|or|for|if|when|with)\b)",
    re.IGNORECASE,
)
# A number cut short ("1-800-", "800-555-") or left as a template ("XXX-XXX-XXXX", "{{phone}}").
UNFINISHED_NUMBER_RE = re.compile(r"\b\d{1,3}(?:-\d{3})?-(?=[\s.,;:!?)]|$)")
TEMPLATE_RE = re.compile(
    r"\{\{.*?\}\}|\[(?:phone|number|insert[^\]]*|tbd|todo)\]|\bXXX-XXX-XXXX\b|\bTBD\b",
    re.IGNORECASE,
)
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# What the rendered page links to and shows: every way markdown makes one (inline, reference
# style, autolinks), read from the HTML the reader would get.
HREF_RE = re.compile(r'<a href="([^"]*)"')
SRC_RE = re.compile(r'<img [^>]*src="([^"]*)"')
AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
HEADER_KEY_RE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):")
SPACE_RE = re.compile(r"\s")


def check_library(library: Library, today: date | None = None, workers: int = 1) -> list[Problem]:
    """Everything wrong in the library's packs, loading problems first, sorted by file/line.

    With `workers` > 1 the articles are checked in that many forked processes (`guide check` on
    a big pack); the list is the same, as it is sorted. Never from a process running Qt.
    """
    today = today or date.today()
    problems = list(library.problems)
    terms = stigma_terms(library.packs, problems)
    articles = [article for lang in codes() for article in library.articles.get(lang, {}).values()]
    problems += _check_articles(articles, library, terms, today, workers)
    for lang in codes():
        for checklist in library.checklists.get(lang, {}).values():
            if checklist.article and library.article(checklist.article, lang) is None:
                where = line_of(checklist.path, "article =")
                problems.append(Problem(checklist.path, where, f"article: no article '{checklist.article}'"))
    for article_id, article in library.articles.get(DEFAULT_LANGUAGE, {}).items():
        for lang in codes():
            if lang != DEFAULT_LANGUAGE and article_id not in library.articles.get(lang, {}):
                problems.append(
                    Problem(
                        article.path,
                        1,
                        f"no {lang} translation of '{article_id}' (expected {lang}/articles/{article_id}.md)",
                        "warning",
                    )
                )
    problems += _check_services_dates(library, today)
    problems += _check_help_panel(library)
    problems += check_locator(library, today)
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


PARALLEL_FROM = 400  # articles: below this, starting processes costs more than it saves
_CHUNK = 100  # articles a worker takes at a time
_work: tuple = ()  # (articles, library, terms, today): what the forked workers inherit


def _check_articles(articles: list[Article], library: Library, terms, today: date, workers: int) -> list[Problem]:
    global _work
    _work = (articles, library, terms, today)
    try:
        starts = range(0, len(articles), _CHUNK)
        if workers > 1 and len(articles) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
            sys.stdout.flush()  # a forked worker must not print again what the parent has not printed yet
            sys.stderr.flush()
            try:
                with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                    return [problem for chunk in pool.map(_check_chunk, starts) for problem in chunk]
            except (OSError, BrokenProcessPool):
                pass  # no processes to be had (or one was killed): check them all here instead
        return [problem for start in starts for problem in _check_chunk(start)]
    finally:
        _work = ()


def _check_chunk(start: int) -> list[Problem]:
    """Articles start to start + _CHUNK of _work (in a worker: the copy it was forked with)."""
    articles, library, terms, today = _work
    problems = []
    for article in articles[start : start + _CHUNK]:
        problems += guarded(article.path, lambda article=article: check_article(article, library, terms, today))
    return problems


def guarded(path: Path, check) -> list[Problem]:
    """`check()`, or its own bug reported as a Problem with the file it was checking."""
    try:
        return check()
    except Exception as error:
        return [Problem(path, 1, f"internal error while checking {path}: {type(error).__name__}: {error}")]


def check_article(article: Article, library: Library, terms: dict[str, str], today: date) -> list[Problem]:
    problems: list[Problem] = []
    path = article.path
    try:
        text = decode(read_file(path, ARTICLE_LIMIT), path)
    except ContentError as error:
        return [error.problem]  # invalid UTF-8 in the body: loading read only the header
    lines = text.splitlines()
    header = {
        m.group(1).lower(): n
        for n, line in enumerate(lines[: article.body_line - 1], 1)
        if (m := HEADER_KEY_RE.match(line))
    }
    for key in REQUIRED_META:
        if key not in header:
            problems.append(Problem(path, 1, f"no {key.capitalize()}: every article needs one"))
    if "sources" in header and len(article.sources) < MIN_SOURCES:
        problems.append(
            Problem(
                path,
                header["sources"],
                f"Sources: at least {MIN_SOURCES} are needed, "
                "from public-health bodies (FDA, SAMHSA, NIDA, CDC, DEA, NIH, WHO)",
                "warning",
            )
        )
    if article.review_due and article.review_due < today:
        problems.append(
            Problem(
                path,
                header.get("review-due", 1),
                f"review was due on {article.review_due.isoformat()}",
                "warning",
            )
        )
    if article.reviewed and article.review_due and article.review_due <= article.reviewed:
        problems.append(Problem(path, header.get("review-due", 1), "Review-due must come after Reviewed"))
    for related in article.related:
        if not library.has_article(related):
            problems.append(Problem(path, header.get("related", 1), f"Related: no article '{related}'"))
    if article.checklist and library.checklist(article.checklist, article.lang) is None:
        problems.append(Problem(path, header.get("checklist", 1), f"Checklist: no checklist '{article.checklist}'"))
    body = lines[article.body_line - 1 :]
    body_text = "\n".join(body)
    score, easy = reading_level(body_text, article.lang)
    if not easy:
        aim = (
            "grade 8 or below"
            if article.lang != "es"
            else f"a Fernández-Huerta score of {MIN_FERNANDEZ_HUERTA:.0f} or more"
        )
        figure = f"grade {score:.1f}" if article.lang != "es" else f"Fernández-Huerta {score:.0f}"
        problems.append(
            Problem(
                path,
                article.body_line,
                f"hard to read ({figure}); aim for {aim}: shorter sentences and shorter words",
                "warning",
            )
        )
    problems += _check_overdose_names_naloxone(article, body)
    in_code = False
    rendered, _toc = markdown_to_html(body_text)  # once: the page's links, pictures and own headings
    own_anchors = anchors_in(rendered)
    problems += _check_rendered(article, body, rendered)
    patterns = _term_patterns(tuple(terms.items()))
    for offset, line in enumerate(body):
        number = article.body_line + offset
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        problems += _check_line(line, number, article, library, own_anchors, patterns)
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#"):
            following = next((body[n] for n in range(offset + 1, len(body)) if body[n].strip()), "")
            if not LIST_ITEM_RE.match(following) and not following.lstrip().startswith("|"):
                problems.append(Problem(path, number, "this line introduces a list, but no list follows it"))
    return problems


@functools.lru_cache(maxsize=8)
def _term_patterns(terms: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, re.Pattern], ...]:
    """(word, better words, the word as a whole word) for each stigma term, compiled once."""
    return tuple((term, better, re.compile(rf"\b{re.escape(term)}\b")) for term, better in terms)


def _check_line(line, number, article, library, own_anchors, terms) -> list[Problem]:
    """One body line outside code. Each regex runs only on a line holding the text it needs
    ("](" for a link, "<" for a tag, "-" for a cut-off number, the word itself for a stigma term):
    the findings are exactly those of running them all."""
    path = article.path
    problems = []
    has_link = "](" in line  # LINK_RE needs it
    for bang, _text, target in LINK_RE.findall(line) if has_link else ():
        if bang:
            # A refused one is reported once, from the rendered page (_check_rendered).
            folder = language_folder(path)
            if not picture_refusal(target, folder) and (problem := picture_problem(target, folder, path, number)):
                problems.append(problem)
            continue
        link = classify(target)
        if link.kind is LinkKind.BLOCKED:
            problems.append(
                Problem(
                    path,
                    number,
                    f"link '{target}' can't be opened in the guide "
                    "(use other-id.md, checklist:id, help: or a web address)",
                )
            )
        elif link.kind is LinkKind.ARTICLE:
            other = library.article(link.target, article.lang)
            if other is None:
                problems.append(Problem(path, number, f"link to a missing article '{link.target}'"))
            elif link.anchor and link.anchor not in _anchors_of(other):
                problems.append(
                    Problem(
                        path,
                        number,
                        f"link to a missing heading '#{link.anchor}' in '{link.target}'",
                    )
                )
        elif link.kind is LinkKind.CHECKLIST and library.checklist(link.target, article.lang) is None:
            problems.append(Problem(path, number, f"link to a missing checklist '{link.target}'"))
        elif link.kind is LinkKind.ANCHOR and link.anchor not in own_anchors:
            problems.append(Problem(path, number, f"link to a missing heading '#{link.anchor}'"))
    without_links = LINK_RE.sub(lambda m: m.group(2), line) if has_link else line
    # Without a backtick in the line there is none in without_links (made of the line's own text).
    if "`" not in line and "<" in without_links and RAW_HTML_RE.search(without_links):
        problems.append(Problem(path, number, "raw HTML is not allowed: it is shown as text; use markdown"))
    gap = PLACEHOLDER_RE.search(without_links) or ("-" in without_links and UNFINISHED_NUMBER_RE.search(without_links))
    if gap or TEMPLATE_RE.search(without_links):
        problems.append(Problem(path, number, "a placeholder or a gap where a number or name should be"))
    lowered = without_links.lower()
    for term, better, pattern in terms:
        if term in lowered and pattern.search(lowered):
            problems.append(Problem(path, number, f"'{term}' can hurt; say '{better}' instead", "warning"))
    return problems


def _check_rendered(article: Article, body: list[str], rendered: str) -> list[Problem]:
    """What the page would link to or show, however the markdown wrote it: reference-style links,
    autolinks, a tab in a target, pictures from outside the pack, lists nested too deep.
    `rendered` is markdown_to_html of the body lines joined by newlines."""
    path = article.path
    problems = []
    squeezed: list[str] = []  # the body lines without white space, made only for a target to report

    def line_of_target(target: str) -> int:
        if not squeezed:
            squeezed.extend(SPACE_RE.sub("", line) for line in body)
        needle = SPACE_RE.sub("", target)[:40]
        found = next((n for n, line in enumerate(squeezed) if needle and needle in line), 0)
        return article.body_line + found

    targets = [html.unescape(t) for t in HREF_RE.findall(rendered)]
    targets += [t for line in body if "<" in line for t in AUTOLINK_RE.findall(line)]
    for target in dict.fromkeys(targets):
        if classify(target).kind is LinkKind.BLOCKED:
            problems.append(
                Problem(
                    path,
                    line_of_target(target),
                    f"link '{target}' can't be opened in the guide "
                    "(use other-id.md, checklist:id, help: or a web address)",
                )
            )
    for source in dict.fromkeys(html.unescape(t) for t in SRC_RE.findall(rendered)):
        if reason := picture_refusal(source, language_folder(path)):
            problems.append(Problem(path, line_of_target(source), f"image '{source}' is not shown: {reason}"))
    deep = next((n for n, line in enumerate(body) if too_deep(line)), None)
    if deep is not None:
        problems.append(
            Problem(
                path,
                article.body_line + deep,
                f"lists or quotes nested more than {MAX_NESTING} levels deep: the page shows them "
                f"only {MAX_NESTING} deep; make the list flatter",
            )
        )
    return problems


# DESIGN.md, non-negotiable 3: a page about overdose names naloxone (and 911).
OVERDOSE_WORDS = {"en": ("overdos", "naloxone"), "es": ("sobredosis", "naloxona")}


def _check_overdose_names_naloxone(article: Article, body: list[str]) -> list[Problem]:
    """A warning at the first line that speaks of an overdose, when the page never names naloxone."""
    overdose, naloxone = OVERDOSE_WORDS.get(article.lang, OVERDOSE_WORDS[DEFAULT_LANGUAGE])
    lowered = [line.lower() for line in body]
    first = next((n for n, line in enumerate(lowered) if overdose in line), None)
    if first is None or any(naloxone in line for line in lowered):
        return []
    return [
        Problem(
            article.path,
            article.body_line + first,
            f"this page talks about an overdose but never names {naloxone}: say that {naloxone} "
            "reverses an opioid overdose, and to call 911 even after giving it",
            "warning",
        )
    ]


_anchor_cache: dict[Path, set[str]] = {}


def _anchors_of(article: Article) -> set[str]:
    if article.path not in _anchor_cache:
        try:
            _anchor_cache[article.path] = heading_anchors(article.read_body())
        except Exception:
            _anchor_cache[article.path] = set()
    return _anchor_cache[article.path]


def readability_table(library: Library) -> list[tuple[str, str, str, float]]:
    """(language, id, title, figure) for every article: FK grade (en) or Fernández-Huerta (es)."""
    rows = []
    for lang in codes():
        for article_id in sorted(library.articles.get(lang, {})):
            article = library.articles[lang][article_id]
            try:
                rows.append((lang, article_id, article.title, reading_level(article.read_body(), lang)[0]))
            except ContentError:
                continue
    return rows


def stigma_terms(packs: tuple[Path, ...], problems: list[Problem]) -> dict[str, str]:
    """Words that hurt, with the person-first words to use: `<pack>/terms.toml`, merged."""
    terms: dict[str, str] = {}
    for pack in packs:
        path = Path(pack) / "terms.toml"
        if not os.path.lexists(path):
            continue
        if (outside := leaves(path, Path(pack))) is not None:
            problems.append(outside)
            continue
        data, problem = read_toml(path)
        if problem:
            problems.append(problem)
            continue
        for table in (data, *(v for v in data.values() if isinstance(v, dict))):
            terms.update({k.lower(): v for k, v in table.items() if isinstance(v, str)})
    return terms


def _check_services_dates(library: Library, today: date) -> list[Problem]:
    problems = []
    for service in library.services:
        if service.last_checked and (today - service.last_checked).days > 365:
            problems.append(
                Problem(
                    service.path,
                    service.line,
                    f"service '{service.id}' was last checked on {service.last_checked.isoformat()}: check it again",
                    "warning",
                )
            )
    return problems


def _check_help_panel(library: Library) -> list[Problem]:
    """More help lines than the panel holds at 800x600: said at the first line of each pack adding some."""
    lines = library.helplines
    if len(lines) <= PANEL_LIMIT:
        return []
    hidden = [h.id for h in reversed(lines) if not always_whole(h)][: len(lines) - PANEL_LIMIT][::-1]
    files = [p / "helplines.toml" for p in library.packs if p != BUNDLED_PACK and (p / "helplines.toml").is_file()]
    problems = []
    for path in files or [BUNDLED_PACK / "helplines.toml"]:
        ids = [h.id for h in read_helplines(path)[0]]
        message = (
            f"{len(lines)} help lines in all, more than the {PANEL_LIMIT} the help panel holds at 800x600 "
            f"in Spanish: on a screen that small, {', '.join(repr(i) for i in hidden)} show only on the "
            "help page (see 'Help lines' in docs/CONTENT.md)"
        )
        problems.append(Problem(path, line_of(path, f'"{ids[0]}"') if ids else 1, message, "warning"))
    return problems


def count_pack_files(packs: list[Path]) -> int:
    """How many content files the packs hold (articles, checklists and the pack's TOML files)."""
    count = 0
    for pack in packs:
        for lang in codes():
            for folder, suffix in (("articles", ".md"), ("checklists", ".toml")):
                try:
                    with os.scandir(Path(pack) / lang / folder) as entries:
                        count += sum(entry.name.endswith(suffix) for entry in entries)
                except OSError:
                    pass
        names = ("helplines.toml", "services.toml", "synonyms.toml", "terms.toml", "locator.json.gz")
        count += sum(os.path.lexists(Path(pack) / name) for name in names)
    return count


def bundled_is_default(packs: list[Path]) -> list[Path]:
    """`guide check` with no folder checks the bundled pack."""
    return packs or [BUNDLED_PACK]
