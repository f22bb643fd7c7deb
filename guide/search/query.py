"""How much of what a visitor types is searched: a bound on the query, so no text can freeze.

FTS5's cost grows faster than the number of words (each word is a group of synonyms, ANDed with
the others, and each unknown word is looked up for a spelling correction): measured on the
bundled pack, 12 words cost at most 13 ms (random unknown words), 24 words 29 ms, 48 words 100 ms,
and "a " x 400 took 7 s. 12 words is a long question ("what happens if I stop taking my
clonazepam all at once") and stays within a frame; 200 characters hold 12 long words. Kept out of
guide.search.index so the search box can apply the limit before SQLite is loaded.
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


# The small words of a question, folded as the index folds them (lower case, no accents). When
# no page holds every word typed, the pages with some of them are searched without these: they
# are in nearly every page. A language not listed here is searched with all its words.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about all am an and any are as at be been but by can could did do does doing for from
        had has have he her him his how i if in into is it its just me my no not of on or our she
        should so than that the their them then there they this to too us was we were what when
        where which who why will with would you your""".split()  # noqa: SIM905 (a word list reads best as words)
    ),
    "es": frozenset(
        """a al algo como con cual cuando de del donde el ella ellos en era es esta este esto estoy
        fue ha hace hacer hago hay la las le les lo los me mi mis muy no nos o para pero por porque puedo que
        quien se ser si sin sobre soy su sus te tengo tiene tu un una uno unos y ya yo""".split()  # noqa: SIM905
    ),
}
