"""Articles and the help page -> HTML for the reader.

Raw HTML in an article is escaped, never passed through; links to other articles are rewritten
to the internal `article:` scheme; every article ends with its review dates and sources.
Rendered pages are cached per (language, id): content doesn't change while the guide runs.
Only the page a start shows first is also kept on disk (see Renderer): what a visitor opens
changes no file.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from datetime import date
from html import escape
from pathlib import Path

from guide import languages
from guide.checklists.checklist import Checklist, crisis_text, score
from guide.files import Problem, short_digest
from guide.packs.library import HOME_ID, Article, ContentError, Helpline, Library, Service
from guide.reader.links import LinkKind, classify, contact_uri, number_uri
from guide.reader.qr import qr_symbol


def labels(lang: str) -> dict[str, str]:
    """The page words in `lang` (English for any the language lacks): guide/catalogues."""
    return languages.words(lang, "page")


def format_date(day: date, lang: str) -> str:
    return languages.language(lang).format_date(day)


# Python-Markdown recurses once per level of a nested list or quote: 300 levels exhaust Python's
# stack, 1,000 take half a minute. Deeper than this, lines are shown at this depth (guide check
# reports them).
MAX_NESTING = 10
_MAX_INDENT = 4 * MAX_NESTING
_LEAD_RE = re.compile(r"^[ \t>]*")


def too_deep(line: str) -> bool:
    """Whether `line` is indented or quoted deeper than the page shows."""
    lead = _LEAD_RE.match(line).group()
    return len(lead.expandtabs(4).replace(">", "")) > _MAX_INDENT or lead.count(">") > MAX_NESTING


def _bounded(text: str) -> str:
    """The markdown with no line nested deeper than MAX_NESTING levels (indent and quotes)."""
    if not any(too_deep(line) for line in text.splitlines()):
        return text
    lines = []
    for line in text.splitlines():
        if too_deep(line):
            lead = _LEAD_RE.match(line).group()
            quotes = min(lead.count(">"), MAX_NESTING)
            indent = min(len(lead.expandtabs(4).replace(">", "")), _MAX_INDENT)
            line = "> " * quotes + " " * indent + line[len(lead) :]
        lines.append(line)
    return "\n".join(lines)


def markdown_to_html(text: str) -> tuple[str, str]:
    """Convert article markdown to (body HTML, table-of-contents HTML)."""
    md = _markdown()
    md.reset()
    body = md.convert(_bounded(text))
    return body, getattr(md, "toc", "")


@functools.cache
def _markdown():
    # Imported on first use: a page from the disk cache needs no markdown at start-up.
    import xml.etree.ElementTree as etree

    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class GuideLinks(Treeprocessor):
        """Rewrite `other.md` links to `article:other`, and give headings a Qt-visible anchor."""

        def run(self, root: etree.Element) -> None:
            for element in root.iter():
                if element.tag == "a" and "href" in element.attrib:
                    link = classify(element.get("href", ""))
                    if link.kind is LinkKind.ARTICLE:
                        element.set("href", link.url())
                elif element.tag in {"h2", "h3", "h4"} and element.get("id"):
                    # QTextBrowser.scrollToAnchor finds <a name>, not heading ids.
                    anchor = etree.Element("a", {"name": element.get("id")})
                    anchor.tail, element.text = element.text, None
                    element.insert(0, anchor)

    class GuideMarkdown(Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:
            # No raw HTML: without these two, "<script>" is just text and gets escaped.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(GuideLinks(md), "guide_links", 1)

    return markdown.Markdown(
        extensions=["tables", "sane_lists", "toc", GuideMarkdown()],
        extension_configs={"toc": {"toc_depth": "2-3"}},
    )


_ANCHOR_RE = re.compile(r'<a name="([^"]+)"')


def heading_anchors(markdown_text: str) -> set[str]:
    """The #anchors an article's headings get, for checking links to them."""
    return anchors_in(markdown_to_html(markdown_text)[0])


def anchors_in(body_html: str) -> set[str]:
    """The #anchors in a body markdown_to_html made (for a caller that has the HTML already)."""
    return set(_ANCHOR_RE.findall(body_html))


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
        _markdown()

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
            return _message_page(words["not_found_title"], words["not_found"].format(id=article_id))
        try:
            body, toc = markdown_to_html(article.read_body())
        except ContentError as error:
            self.library.problems.append(error.problem)
            return _message_page(words["unreadable_title"], words["unreadable"])  # the file's path is for staff
        except RecursionError:  # nesting the bound above did not catch: a plain page, never a crash
            self.library.problems.append(Problem(article.path, article.body_line, "nested too deeply to show"))
            return _message_page(words["unreadable_title"], words["unreadable"])
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
            return _message_page(words["not_found_title"], words["not_found"].format(id=location.target))
        return self.article_html(location.target, lang)

    def help_html(self, lang: str) -> str:
        key = (lang, "help:")
        if key not in self._cache:
            self._cache[key] = help_page(self.library.helplines, lang)
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


def contact_text(contact, lang: str) -> str:
    """How to use one contact, in words: 'Call 988', 'Text HOME to 741741', 'Envíe AYUDA por texto al 741741'."""
    if contact.label(lang):
        return contact.label(lang)
    words = labels(lang)
    if contact.kind == "text" and contact.body_for(lang):
        return words["text_body"].format(body=contact.body_for(lang), number=contact.number)
    return words[contact.kind].format(number=contact.number, address=contact.address)


def help_page(helplines: list[Helpline], lang: str) -> str:
    """Every help line in full, each with QR codes a visitor can scan to call or text it."""
    words = labels(lang)
    parts = [f"<h1>{words['help_title']}</h1>", f'<p class="summary">{words["help_intro"]}</p>']
    for helpline in helplines:
        text = helpline.text(lang)
        css = ' class="emergency"' if helpline.emergency else ""
        parts.append(f'<h2{css}><a name="line-{helpline.id}"></a>{escape(text.name)}</h2>')
        contacts = "".join(f"<li><b>{escape(contact_text(c, lang))}</b></li>" for c in helpline.contacts)
        parts.append(f"<ul>{contacts}</ul>")
        if text.description:
            parts.append(f"<p>{escape(text.description)}</p>")
        if text.hours:
            parts.append(f"<p>{escape(words['hours'].format(hours=text.hours))}</p>")
        scannable = [c for c in helpline.contacts if c.kind in {"call", "text"}]
        if scannable:
            cells = "".join(
                f'<td align="center">{qr_image(contact_uri(c, lang))}<br/>{escape(contact_text(c, lang))}</td>'
                for c in scannable
            )
            parts.append(f"<p>{words['scan']}</p><table><tr>{cells}</tr></table>")
    return "\n".join(parts)


def qr_image(data: str) -> str:
    """An <img> the reader fills with `data`'s QR code (drawn by Reader.loadResource at exactly
    this size, so no module is blurred by scaling)."""
    side = qr_symbol(data).side
    return f'<img src="qr:{escape(data, quote=True)}" width="{side}" height="{side}" />'


def _pairs(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in text.split("|"))


def services_page(services: list[Service], lang: str, today: date) -> str:
    """ "Find help nearby": the pack's local services grouped by kind, each with its QR code."""
    words = labels(lang)
    parts = [f"<h1>{words['nearby_title']}</h1>"]
    if not services:
        return "\n".join([*parts, f"<p>{words['nearby_none']}</p>"])
    parts.append(f'<p class="summary">{words["nearby_intro"]}</p>')
    kinds, names = _pairs(words["kinds"]), _pairs(words["language_names"])
    for kind, heading in kinds.items():
        group = [s for s in services if s.kind == kind]
        if not group:
            continue
        parts.append(f"<h2>{escape(heading)}</h2>")
        for service in sorted(group, key=lambda s: s.text("name", lang).casefold()):
            parts.append(f'<h3><a name="service-{service.id}"></a>{escape(service.text("name", lang))}</h3>')
            rows = [(words["phone"], f"<b>{escape(service.phone)}</b>")]
            for key, label in (
                ("address", "address"),
                ("hours", "hours_label"),
                ("payment", "payment"),
                ("notes", "notes"),
            ):
                if service.text(key, lang):
                    rows.append((words[label], escape(service.text(key, lang))))
            if service.languages:
                rows.append(
                    (
                        words["languages"],
                        ", ".join(names.get(code, code) for code in service.languages),
                    )
                )
            table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
            code = qr_image(number_uri("call", service.phone))
            parts.append(f"<table><tr><td>{code}</td><td><table>{table}</table></td></tr></table>")
            if service.last_checked:
                shown = format_date(service.last_checked, lang)
                if (today - service.last_checked).days > 365:
                    parts.append(f'<p class="stale"><b>{escape(words["stale"].format(date=shown))}</b></p>')
                else:
                    parts.append(f'<p class="review">{escape(words["checked"].format(date=shown))}</p>')
    return "\n".join(parts)


def problems_page(problems: list[Problem], lang: str) -> str:
    """The staff page: every problem `guide check` finds, by file."""
    words = labels(lang)
    errors = sum(p.severity == "error" for p in problems)
    parts = [f"<h1>{words['problems_title']}</h1>"]
    if not problems:
        return "\n".join([*parts, f"<p>{words['problems_none']}</p>"])
    parts.append(f"<p>{words['problems_intro'].format(errors=errors, warnings=len(problems) - errors)}</p>")
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(str(problem.path), []).append(problem)
    for path, found in by_file.items():
        items = "".join(f"<li><b>{p.line}</b>: {p.severity}: {escape(p.message)}</li>" for p in found)
        parts.append(f"<h3>{escape(path)}</h3><ul>{items}</ul>")
    return "\n".join(parts)


def _message_page(title: str, message: str) -> str:
    return f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"


def checklist_summary_html(
    checklist: Checklist, ticked: set[str], helplines: list[Helpline], today: date, lang: str
) -> str:
    """A page to print or save: the answers, the result and the help lines; nothing personal."""
    words = languages.words(lang, "summary")
    result = score(checklist, ticked)
    parts = [
        f"<h1>{escape(checklist.title)}</h1>",
        f"<p>{words['date']}: {format_date(today, lang)}</p>",
    ]
    if result.crisis:
        crisis = crisis_text(lang)
        parts.append(f"<h2>{escape(crisis['title'])}</h2>")
        parts.append("".join(f"<p><b>{escape(line)}</b></p>" for line in crisis["lines"]))
    parts.append(f"<h2>{words['ticked']}</h2>")
    chosen = [item for item in checklist.items if item.id in ticked]
    if chosen:
        parts.append("<ul>" + "".join(f"<li>{escape(item.text)}</li>" for item in chosen) + "</ul>")
    else:
        parts.append(f"<p>{words['none']}</p>")
    parts.append(f"<h2>{words['result']}</h2>")
    parts.append(f"<p>{words['score'].format(score=result.score, total=len(checklist.items))}</p>")
    if result.band:
        parts.append(f"<p>{escape(result.band.message)}</p>")
    parts.append(f"<h2>{words['help']}</h2><ul>")
    for helpline in helplines:
        ways = ", ".join(contact_text(c, lang) for c in helpline.contacts)
        parts.append(f"<li><b>{escape(helpline.text(lang).name)}</b>: {escape(ways)}</li>")
    parts.append(f"</ul><p><i>{words['footer']}</i></p>")
    return "\n".join(parts)
