"""How much of what a visitor types is searched: a bound on the query, so no text can freeze.

FTS5's cost grows faster than the number of words (each word is a group of synonyms, ANDed with
the others, and each unknown word is looked up for a spelling correction): measured on the
bundled pack, 12 words cost at most 13 ms (random unknown words), 24 words 29 ms, 48 words 100 ms,
and "a " x 400 took 7 s. 12 words is a long question ("what happens if I stop taking my
clonazepam all at once") and stays within a frame; 200 characters hold 12 long words. Kept out of
guide.search so the search box can apply the limit before SQLite is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class BoundedQuery:
    text: str  # what is searched
    cut: bool  # True when words were left out: the visitor is told so


def bound_query(text: str) -> BoundedQuery:
    """`text` cut to at most MAX_QUERY_CHARS characters and MAX_QUERY_WORDS whole words."""
    cut = len(text) > MAX_QUERY_CHARS
    if cut:
        split_word = _WORD_RE.match(text, MAX_QUERY_CHARS) is not None
        text = text[:MAX_QUERY_CHARS]
        if split_word:  # the cut fell inside a word: leave that word out, not half of it
            text = re.sub(r"\w+$", "", text)
    words = list(_WORD_RE.finditer(text))
    if len(words) > MAX_QUERY_WORDS:
        cut = True
        text = text[: words[MAX_QUERY_WORDS - 1].end()]
    if cut:
        text = text.rstrip() + " "  # a cut query's last word is whole: not matched as a prefix
    return BoundedQuery(text, cut)
