"""What "Read aloud" says for a page, sentence by sentence. Qt-free.

The window gives the page's HTML (what the reader shows) or a checklist; this module decides
what is read and how: the title, the summary, headings, paragraphs and list items, in order;
not the "On this page" contents, the QR codes' captions, or the footer after the article's end
(Related, review dates, sources). Each sentence is an Utterance: the words as the page shows
them (so the window can mark them) and the words the voice is given, where a help line's
number is spoken digit by digit ("9 8 8": "nine eight eight", never "nine hundred
eighty-eight"; "1-800-662-4357": "1, 8 0 0, 6 6 2, 4 3 5 7").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

# A phone number as people write it, with separators: always spoken digit by digit.
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d{3}\)?[ \-.]\d{3}[ \-.]\d{4}(?![\w])|(?<![\w.])1-\d{3}-\d{3}-\d{4}(?![\w])")
# A sentence ends at . ! ? (or a colon before a list) followed by space and a capital, a digit,
# or Spanish's opening ¿ ¡.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[¿¡\"(A-ZÁÉÍÓÚÑÜ0-9])")
_SPACE = re.compile(r"\s+")

READ = {"h1": "title", "h2": "heading", "h3": "heading", "h4": "heading", "p": "paragraph", "li": "item"}


@dataclass(frozen=True)
class Utterance:
    shown: str  # the words as the page shows them: what the window marks while they are read
    spoken: str  # what the voice is given
    role: str  # title, summary, heading, paragraph, item, or a checklist's: question, result


def digit_by_digit(number: str) -> str:
    """ "988" -> "9 8 8"; "1-800-662-4357" -> "1, 8 0 0, 6 6 2, 4 3 5 7" (a pause between groups)."""
    groups = [group for group in re.split(r"\D+", number) if group]
    return ", ".join(" ".join(group) for group in groups)


def spoken(text: str, numbers: Iterable[str] = ()) -> str:
    """`text` as a voice should say it: phone numbers, and the help lines' own `numbers` (988,
    911, 741741), digit by digit; other numbers (a year, "2 to 3 minutes") as numbers."""
    text = _PHONE.sub(lambda m: digit_by_digit(m.group()), text)
    short = sorted({n for n in numbers if n.isdigit()}, key=len, reverse=True)
    if short:
        pattern = re.compile(r"(?<![\w.\-])(" + "|".join(map(re.escape, short)) + r")(?![\w\-]|\.\w)")
        text = pattern.sub(lambda m: digit_by_digit(m.group()), text)
    return text


def sentences(text: str) -> list[str]:
    text = _SPACE.sub(" ", text).strip()
    return [part for part in _SENTENCE_END.split(text) if part] if text else []


def utterances(blocks: Iterable[tuple[str, str]], numbers: Iterable[str] = ()) -> list[Utterance]:
    """(role, text) blocks -> one Utterance per sentence, in order."""
    numbers = tuple(numbers)
    return [Utterance(part, spoken(part, numbers), role) for role, text in blocks for part in sentences(text)]


def html_script(html: str, numbers: Iterable[str] = ()) -> list[Utterance]:
    """What the page in `html` (as the reader shows it) says, in reading order."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return utterances(parser.blocks, numbers)


def checklist_script(
    title: str, intro: str, groups, result: str, numbers: Iterable[str] = (), crisis: tuple[str, ...] = ()
) -> list[Utterance]:
    """A checklist: the crisis banner's words first when it is shown (`crisis`), then its title
    and intro, each group's heading and its items, then the result. `groups` is
    [(heading, [item text, ...]), ...]."""
    blocks = [("crisis", line) for line in crisis]
    blocks += [("title", title), ("summary", intro)]
    for heading, items in groups:
        blocks.append(("heading", heading))
        blocks += [("item", item) for item in items]
    blocks.append(("result", result))
    return utterances(blocks, numbers)


class _Blocks(HTMLParser):
    """The readable blocks of the guide's own HTML (guide/reader/render.py, pages.py)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[tuple[str, str]] = []  # (tag, role) of the blocks being read, innermost last
        self._words: list[list[str]] = []
        self._skip = 0  # inside what is not read (the contents box, a table of QR codes)
        self._ended = False  # past the article's end (<hr/>): Related, review dates, sources

    def handle_starttag(self, tag, attrs):
        if self._ended:
            return
        attributes = dict(attrs)
        if tag == "hr":
            self._flush_all()
            self._ended = True
            return
        if self._skip or (tag == "div" and "toc" in (attributes.get("class") or "")) or tag in ("table", "style"):
            self._skip += tag in ("div", "table", "style")
            return
        if tag in READ:
            role = "summary" if tag == "p" and attributes.get("class") == "summary" else READ[tag]
            if self._open and tag == "li":
                self._flush()  # a list inside an item: the item's own words first
            self._open.append((tag, role))
            self._words.append([])
        elif tag == "br" and self._words:
            self._words[-1].append(" ")

    def handle_endtag(self, tag):
        if self._ended:
            return
        if self._skip:
            self._skip -= tag in ("div", "table", "style")
            return
        if self._open and self._open[-1][0] == tag:
            tag, role = self._open.pop()
            words = "".join(self._words.pop())
            if words.strip():
                self.blocks.append((role, words))

    def handle_data(self, data):
        if not self._skip and not self._ended and self._words:
            self._words[-1].append(data)

    def _flush(self) -> None:
        if self._open and self._words and "".join(self._words[-1]).strip():
            self.blocks.append((self._open[-1][1], "".join(self._words[-1])))
            self._words[-1] = []

    def _flush_all(self) -> None:
        while self._open:
            _tag, role = self._open.pop()
            words = "".join(self._words.pop())
            if words.strip():
                self.blocks.append((role, words))
