"""Search: an SQLite FTS5 index over a Library, queried as the visitor types.

Whatever a visitor types is taken as words, never as FTS5 syntax, so quotes, `*`, `NEAR`, `-`
or a stray parenthesis can't raise. Words are expanded with the pack's synonyms (brand and
street names, common misspellings); the last word matches as a prefix; accents don't matter
("adiccion" finds "adicción"). When nothing matches, the closest known words are tried and
the visitor is told ("Showing results for ...").
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from guide.files import ContentError, hasher, short_digest
from guide.languages import codes
from guide.packs.records import DEFAULT_LANGUAGE, HOME_ID, Library
from guide.search.query import STOP_WORDS, bound_query

SCHEMA_VERSION = 3  # 3: bodies on one line, without list marks (snippets)
# bm25 weights, one per column: id, lang (unindexed), audience, title, summary, keywords, body.
# Snippets come from the body (column 6): the keywords are a list, not something to read.
WEIGHTS = (0.0, 0.0, 0.0, 10.0, 4.0, 6.0, 1.0)
BODY_COLUMN = 6
LARGE_PACK = 300  # articles; above this the index is cached on disk between runs
RESULT_LIMIT = 10  # what the sidebar shows at once; each row costs ~0.5 ms to query, lay out and paint
SHORT_WORD = 3  # a word this short is never taken for a misspelling of another
SHORT_PREFIX = 4  # a word being typed shorter than this is looked for in titles, not bodies
MIN_PREFIX = 3  # a word being typed shorter than this doesn't widen a query of other words
WORD_RE = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\x02", "\x03"

_LIST_MARK = re.compile(r"^[ \t]*(?:[-+*]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_MARKDOWN_NOISE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[#*_`>|~]+|^-{3,}$", re.MULTILINE)


def fold(text: str) -> str:
    """Lower case without accents: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_text(markdown_text: str) -> str:
    """Article markdown as the words a visitor reads (link text kept, syntax and list marks
    dropped), on one line: a snippet is drawn as one run of text, where a line break between a
    heading and the next line showed as nothing ("symptomsMany people")."""
    text = _MARKDOWN_NOISE.sub(lambda m: m.group(1) or " ", markdown_text)
    return " ".join(_LIST_MARK.sub(" ", text).split())


@dataclass(frozen=True)
class Hit:
    id: str
    lang: str
    title: str
    snippet: str  # plain text around the matches
    marks: tuple[tuple[int, int], ...] = ()  # (start, length) of each matched word in `snippet`

    @property
    def snippet_html(self) -> str:
        """The snippet with the matched words in <b>, everything else escaped."""
        parts, at = [], 0
        for start, length in self.marks:
            parts += [
                escape(self.snippet[at:start]),
                "<b>",
                escape(self.snippet[start : start + length]),
                "</b>",
            ]
            at = start + length
        return "".join([*parts, escape(self.snippet[at:])])


@dataclass(frozen=True)
class Results:
    hits: tuple[Hit, ...]
    too_short: bool = False  # a single letter so far: the visitor should keep typing
    corrected: str = ""  # the query actually searched when the typed one found nothing
    words: tuple[str, ...] = ()  # the words to highlight in the article
    cut: bool = False  # the text was too long: only its first MAX_QUERY_WORDS words were searched
    some_words: bool = False  # no page had every word: these pages have some of them, best first

    def titles(self) -> list[str]:
        return [hit.title for hit in self.hits]


@dataclass
class SearchIndex:
    """An FTS5 index plus what querying it needs: synonyms and the index's own words."""

    connection: sqlite3.Connection
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    queries_run: int = 0  # for the regression guard: one FTS5 query per keystroke
    _vocabulary: list[str] | None = None

    def search(self, text: str, lang: str = DEFAULT_LANGUAGE) -> Results:
        """The articles matching `text`, best first, in `lang` where translated.

        Only the first MAX_QUERY_WORDS words are searched (guide/search/query.py): the cost grows
        steeply with the number of words, and the search runs as the visitor types."""
        bounded = bound_query(text)
        text, cut = bounded.text, bounded.cut
        words = [fold(w) for w in WORD_RE.findall(text)]
        prefix_last = bool(words) and not text[-1:].isspace()
        if prefix_last and len(words[-1]) < MIN_PREFIX and len(words) > 1:
            # "benzodiazepine w": every word starting with w matches; wait for the word to grow
            # and show the earlier words' results meanwhile.
            words, prefix_last = words[:-1], False
        if not words or (prefix_last and len(words) == 1 and len(words[0]) < 2):
            return Results((), too_short=bool(words), cut=cut)  # one letter: nothing useful yet
        hits = self._query(words, prefix_last, lang)
        if hits:
            return Results(hits, words=tuple(self._expanded(words)), cut=cut)
        corrected = self._corrected(words, lang)
        if corrected and corrected != words:
            hits = self._query(corrected, False, lang)
            if hits:
                expanded = tuple(self._expanded(corrected))
                return Results(hits, corrected=" ".join(corrected), words=expanded, cut=cut)
        if len(words) > 1:
            # A question typed as a person asks it ("what do I do if my son took too many pills")
            # is rarely all in one page: then the pages with any of its words, ranked by BM25,
            # which weighs a rare word ("pills") far above a common one ("do").
            # A close word for a misspelt one is searched beside it, not in its place.
            terms = [fix for word, fix in zip(words, corrected, strict=True) if fix != word] + words
            terms = self._telling(terms, prefix_last, lang)
            hits = self._query(terms, prefix_last, lang, every_word=False)
            if hits:
                return Results(hits, words=tuple(self._expanded(terms)), cut=cut, some_words=True)
        return Results((), cut=cut)

    def _expanded(self, words: list[str]) -> list[str]:
        out = []
        for word in words:
            out.append(word)
            out.extend(self.synonyms.get(word, ()))
        return out

    def match_expression(self, words: list[str], prefix_last: bool, every_word: bool = True) -> str:
        """An FTS5 MATCH expression made only of quoted words: nothing typed is syntax. Each
        word is a group with its synonyms; the groups are ANDed, or ORed when not `every_word`."""
        groups = []
        for index, word in enumerate(words):
            typing = prefix_last and index == len(words) - 1
            term = f'"{word}"' + ("*" if typing else "")
            if typing and len(word) < SHORT_PREFIX:
                # "be*" means hundreds of words in every body; in titles it is a useful hint.
                term = "{title summary keywords} : " + term
            alternatives = [term]
            for synonym in self.synonyms.get(word, ()):
                alternatives.append('"' + " ".join(WORD_RE.findall(synonym)) + '"')
            groups.append("(" + " OR ".join(alternatives) + ")")
        return (" AND " if every_word else " OR ").join(groups)

    def _query(self, words: list[str], prefix_last: bool, lang: str, every_word: bool = True) -> tuple[Hit, ...]:
        self.queries_run += 1
        weights = ", ".join(str(w) for w in WEIGHTS)
        # The audience filter is part of the MATCH, so FTS5 answers it from its own index; a
        # filter on an unindexed column would read every matching row (measured: 15 ms of 25).
        expression = f'audience : "{lang}" AND ({self.match_expression(words, prefix_last, every_word)})'
        rows = self.connection.execute(
            f"""SELECT id, lang, title,
                       snippet(docs, {BODY_COLUMN}, '{MARK_START}', '{MARK_END}', '…', 16)
                FROM docs WHERE docs MATCH ?
                ORDER BY bm25(docs, {weights}) LIMIT ?""",
            (expression, RESULT_LIMIT),
        ).fetchall()
        return tuple(Hit(i, row_lang, title, *_unmark(snippet)) for i, row_lang, title, snippet in rows)

    def _telling(self, words: list[str], prefix_last: bool, lang: str) -> list[str]:
        """`words` without the small words of a question ("what", "do", "if"; "qué", "si"): in
        nearly every page, enough of them outranked the one page with the question's rare word.
        The word being typed stays; so do all, if all are small words."""
        small = STOP_WORDS.get(lang, frozenset())
        last = len(words) - 1
        kept = [w for i, w in enumerate(words) if (prefix_last and i == last) or w not in small]
        return kept or words

    def _corrected(self, words: list[str], lang: str) -> list[str]:
        if self._vocabulary is None:
            terms = self.connection.execute("SELECT term FROM vocabulary").fetchall()
            self._vocabulary = sorted({t for (t,) in terms if len(t) > 2} | set(self.synonyms))
        corrected = []
        for word in words:
            import difflib  # only when a word isn't in the index

            # A short word is kept as typed: "my" is no misspelling of "muy", nor "do" of "dos";
            # so is a question's small word: "qué hago" is no misspelling of "pago".
            if len(word) <= SHORT_WORD or word in self._vocabulary or word in STOP_WORDS.get(lang, ()):
                corrected.append(word)
                continue
            close = difflib.get_close_matches(word, self._vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else word)
        return corrected


def _unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """FTS5's marked snippet as plain text and the (start, length) of each marked word."""
    text, marks, at = [], [], 0
    for index, piece in enumerate(snippet.split(MARK_START)):
        if index == 0:
            text.append(piece)
            at += len(piece)
            continue
        marked, _, rest = piece.partition(MARK_END)
        marks.append((at, len(marked)))
        text += [marked, rest]
        at += len(marked) + len(rest)
    return "".join(text).rstrip("\n"), tuple(marks)  # trailing only: marks stay in place


def highlight_pattern(words: tuple[str, ...] | list[str]) -> str:
    """A regular expression finding `words` at word starts, with or without accents."""
    variants = {
        "a": "aáàâä",
        "e": "eéèêë",
        "i": "iíìîï",
        "o": "oóòôö",
        "u": "uúùûü",
        "n": "nñ",
        "c": "cç",
    }
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        letters = "".join(f"[{variants[c]}]" if c in variants else re.escape(c) for c in word)
        parts.append(letters)
    return r"\b(?:" + "|".join(parts) + ")" if parts else ""


def fingerprint(packs: tuple[Path, ...]) -> str:
    """Changes whenever any file in the packs is added, removed or changed."""
    digest = hasher()
    digest.update(f"schema {SCHEMA_VERSION}".encode())
    for pack in packs:
        for folder, _dirs, files in sorted(os.walk(pack)):
            for name in sorted(files):
                path = Path(folder, name)
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _key(library_fingerprint: str) -> str:
    """The index's key from the Library's fingerprint (its article files): the index holds
    nothing else from the packs (synonyms are applied when searching)."""
    return short_digest(f"schema {SCHEMA_VERSION}\0{library_fingerprint}".encode())


def _create(connection: sqlite3.Connection) -> None:
    connection.executescript(
        """
        CREATE VIRTUAL TABLE docs USING fts5(
            id UNINDEXED, lang UNINDEXED, audience, title, summary, keywords, body,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        CREATE VIRTUAL TABLE vocabulary USING fts5vocab(docs, 'row');
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        """
    )


def _fill(connection: sqlite3.Connection, library: Library, fingerprint_text: str) -> None:
    rows = []
    for lang in codes():
        for article in library.articles.get(lang, {}).values():
            if article.id == HOME_ID:
                continue  # a hub that mentions everything: it would top every search
            # Who sees this article: its own language, plus every language it isn't translated to.
            audience = " ".join(
                other
                for other in codes()
                if other == lang or (lang == DEFAULT_LANGUAGE and article.id not in library.articles.get(other, {}))
            )
            try:
                body = plain_text(article.read_body())
            except ContentError:
                body = ""  # already a Problem when the article is opened; its title still counts
            rows.append(
                (
                    article.id,
                    lang,
                    audience,
                    article.title,
                    article.summary,
                    " ".join(article.keywords),
                    body,
                )
            )
    with connection:
        connection.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint_text,))


def build_index(library: Library, cache_dir: Path | None = None) -> SearchIndex:
    """The index for `library`: in memory, or for a large pack from (or into) `cache_dir`."""
    synonyms = {fold(k): tuple(fold(v) for v in values) for k, values in library.synonyms.items()}
    article_count = sum(len(by_id) for by_id in library.articles.values())
    if cache_dir is None or article_count <= LARGE_PACK:
        return SearchIndex(_in_memory(library, ""), synonyms)
    # The library's fingerprint comes free with a warm start; walking the packs costs ~40 ms of
    # this thread's time (and of the GUI thread's, through the GIL) for 5,000 articles.
    key = _key(library.fingerprint) if library.fingerprint else fingerprint(library.packs)
    path = cache_dir / f"search-{key}.sqlite"
    connection = _open_cached(path, key)
    if connection is None:
        connection = _build_cached(path, library, key)
    return SearchIndex(connection, synonyms)


def _open_cached(path: Path, key: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        (stored,) = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if stored == key:
            return connection
        connection.close()
    except (sqlite3.Error, TypeError):
        pass  # a broken cache is simply rebuilt
    return None


def _build_cached(path: Path, library: Library, key: str) -> sqlite3.Connection:
    """Build into a temporary file and move it into place; on a full or read-only disk, memory."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("search-*.sqlite"):
            old.unlink(missing_ok=True)  # an index for files that have since changed
        connection = sqlite3.connect(temporary, check_same_thread=False)
        _create(connection)
        _fill(connection, library, key)
        connection.close()
        os.replace(temporary, path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return _in_memory(library, key)


def _in_memory(library: Library, key: str) -> sqlite3.Connection:
    # check_same_thread=False: built on a worker thread, then only ever used by the GUI thread.
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _create(connection)
    _fill(connection, library, key)
    return connection
