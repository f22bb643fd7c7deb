"""Articles and the help page -> HTML for the reader.

Raw HTML in an article is escaped, never passed through; links to other articles are rewritten
to the internal `article:` scheme; every article ends with its review dates and sources.
Rendered pages are cached per (language, id): content doesn't change while the guide runs.
Only the page a start shows first is also kept on disk (see Renderer): what a visitor opens
changes no file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from guide import languages
from guide.files import ContentError, Problem, short_digest
from guide.packs.records import HOME_ID, Article, Library
from guide.reader.links import LinkKind
from guide.reader.markdown_html import markdown_to_html, prepare_converter
from guide.reader.markup import escape
from guide.reader.pages import format_date, help_page, labels, message_page

# Bump when the HTML this module makes changes: old cached pages are ignored. 2: only the start
# page is kept; the bump makes the first start of this version write it afresh, which clears the
# pages earlier versions kept for every page a visitor opened (and their times).
RENDER_VERSION = "2"


class Renderer:
    """Turns a Library's pages into HTML, once per page and language.

    With a `cache_dir`, the page a start shows first (`start_page`: language and article id) is
    also kept on disk, so the next start shows it with no markdown at all. A cached page is keyed
    by its file, the files of the articles its footer names, the page words and this module's
    version: any change to those renders it afresh (and clears any other page kept there).
    Every other page is rendered into memory only: a page a visitor opens never changes a file,
    so no file's time says when someone first read, for example, the crisis page.
    """

    def __init__(self, library: Library, cache_dir: Path | None = None, start_page: tuple[str, str] | None = None):
        self.library = library
        self.cache_dir = cache_dir
        self.start_page = start_page
        self._cache: dict[tuple[str, str], str] = {}

    def prepare(self) -> None:
        """Set up the markdown converter now (about 30 ms, 5 MiB), for a start that took its page
        from the disk: the first other page a visitor opens then doesn't wait for it. Call it
        once the first page is painted."""
        prepare_converter()

    def article_html(self, article_id: str, lang: str) -> str:
        key = (lang, article_id)
        if key not in self._cache:
            self._cache[key] = self._cached_render(article_id, lang)
        return self._cache[key]

    def _cached_render(self, article_id: str, lang: str) -> str:
        if self.cache_dir is None or (lang, article_id) != self.start_page:
            return self._render_article(article_id, lang)  # in memory only: see the class docstring
        article = self.library.article(article_id, lang)
        where = self._disk_path(article, lang) if article is not None else None
        if where is not None:
            path, key = where
            try:
                stored_key, _, html = path.read_text("utf-8").partition("\n")
                if stored_key == key:  # the file name is a digest of it: the key itself decides
                    return html
            except OSError:
                pass  # not cached yet (or unreadable): render it
        html = self._render_article(article_id, lang)
        if where is not None and "could not be opened" not in html:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_suffix(".tmp")
                temporary.write_text(f"{key}\n{html}", "utf-8")
                temporary.replace(path)
            except OSError:
                return html  # a full or read-only disk: the page is simply rendered again next time
            _clear_others(path)
        return html

    def _disk_path(self, article: Article, lang: str) -> tuple[Path, str] | None:
        """Where the article's rendered page is kept, and the key a cached copy must carry."""
        files = [article.path, *languages.catalogue_files(lang)]
        files += [other.path for rid in article.related if (other := self.library.article(rid, lang)) is not None]
        try:
            stamps = [f"{f}:{(s := f.stat()).st_mtime_ns}:{s.st_size}" for f in files]
        except OSError:
            return None
        key = "|".join([RENDER_VERSION, lang, *stamps])
        if "\n" in key:
            return None  # the key is the cached file's first line: a file name with a newline isn't cached
        return self.cache_dir / "pages" / f"{lang}-{article.id}-{short_digest(key.encode())}.html", key

    def _render_article(self, article_id: str, lang: str) -> str:
        words = labels(lang)
        article = self.library.article(article_id, lang)
        if article is None:
            if article_id == HOME_ID:
                return self._fallback_home(lang)
            return message_page(words["not_found_title"], words["not_found"].format(id=article_id))
        try:
            body, toc = markdown_to_html(article.read_body())
        except ContentError as error:
            self.library.problems.append(error.problem)
            return message_page(words["unreadable_title"], words["unreadable"])  # the file's path is for staff
        except RecursionError:  # nesting the bound above did not catch: a plain page, never a crash
            self.library.problems.append(Problem(article.path, article.body_line, "nested too deeply to show"))
            return message_page(words["unreadable_title"], words["unreadable"])
        parts = [f"<h1>{escape(article.title)}</h1>"]
        if article.summary:
            parts.append(f'<p class="summary">{escape(article.summary)}</p>')
        if toc and toc.count("<li>") >= 3 and article_id != HOME_ID:
            parts.append(f'<div class="toc"><p><b>{words["on_this_page"]}</b></p>{toc}</div>')
        parts.append(body)
        parts.append(self._footer(article, lang))
        return "\n".join(parts)

    def _footer(self, article: Article, lang: str) -> str:
        words = labels(lang)
        parts = ["<hr/>"]
        related = [(rid, self.library.article(rid, lang)) for rid in article.related]
        items = [
            f'<li><a href="article:{rid}">{escape(other.title)}</a></li>' for rid, other in related if other is not None
        ]
        if items:
            parts.append(f"<h2>{words['related']}</h2><ul>{''.join(items)}</ul>")
        dates = []
        if article.reviewed:
            dates.append(f"{words['reviewed']}: {format_date(article.reviewed, lang)}")
        if article.review_due:
            dates.append(f"{words['review_due']}: {format_date(article.review_due, lang)}")
        if dates:
            parts.append(f'<p class="review">{" &middot; ".join(dates)}</p>')
        if article.sources:
            sources = "".join(f"<li>{escape(source)}</li>" for source in article.sources)
            parts.append(f'<h3>{words["sources"]}</h3><ol class="sources">{sources}</ol>')
        return "\n".join(parts)

    def page_html(self, location, lang: str) -> str:
        """The reader's HTML for an article, or a message for a page that isn't there."""
        if location.kind is LinkKind.CHECKLIST:
            words = labels(lang)
            return message_page(words["not_found_title"], words["not_found"].format(id=location.target))
        return self.article_html(location.target, lang)

    def help_html(self, lang: str) -> str:
        key = (lang, "help:")
        if key not in self._cache:
            self._cache[key] = help_page(self.library.helplines, lang, locator=self.library.locator is not None)
        return self._cache[key]

    def _fallback_home(self, lang: str) -> str:
        """A home page made from the topics, for a pack that has no home.md."""
        words = labels(lang)
        parts = [f"<h1>{words['topics']}</h1>"]
        for category, articles in self.library.topics(lang):
            links = "".join(f'<li><a href="article:{a.id}">{escape(a.title)}</a></li>' for a in articles)
            parts.append(f"<h2>{escape(category)}</h2><ul>{links}</ul>")
        return "\n".join(parts)


def _clear_others(kept: Path) -> None:
    """Remove the pages folder's other files: start pages of other starts and files older versions kept."""
    try:
        others = [entry.path for entry in os.scandir(kept.parent) if entry.name != kept.name]
    except OSError:
        return
    for other in others:
        with contextlib.suppress(OSError):
            os.unlink(other)
