"""An article's markdown to HTML: no raw HTML, links through guide.reader.links, headings with
anchors the reader can scroll to, and nesting bounded so no page can exhaust the stack."""

from __future__ import annotations

import functools
import re

from guide.reader.links import LinkKind, classify

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


def prepare_converter() -> None:
    """Make the converter now rather than on the first page (it imports markdown: about 30 ms)."""
    _markdown()


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
