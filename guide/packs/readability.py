"""Reading level, offline: Flesch-Kincaid grade for English, Fernández-Huerta for Spanish.

The guide aims at US grade 6 to 8. Syllables are counted by rule (vowel groups, with the
usual English and Spanish exceptions), which lands within about half a grade of dictionary
counts on ordinary prose; that is enough to catch a page written too hard.
"""

from __future__ import annotations

import functools
import re
import unicodedata

MAX_GRADE = 8.0  # English: Flesch-Kincaid grade at most this
MIN_FERNANDEZ_HUERTA = 60.0  # Spanish: 60-70 reads "normal" (about grade 8-9); higher is easier

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", re.UNICODE)  # "don't" is one word, with either apostrophe


_MARKER = re.compile(r"^(#+|[-*+]|\d+[.)])\s+")  # a heading's or a list item's mark
_MARKUP = str.maketrans(dict.fromkeys("*_`|>", " "))  # emphasis, code, table and quote marks


def prose(markdown_text: str) -> list[str]:
    """The sentences of an article body: headings, lists and table rows each count as one."""
    sentences: list[str] = []
    for raw in markdown_text.splitlines():
        line = (_LINK.sub(r"\1", raw) if "](" in raw else raw).strip()  # a link needs "]("
        line = _MARKER.sub("", line)
        line = line.translate(_MARKUP).strip()
        if not line or set(line) <= set("-: "):
            continue
        parts = [p.strip() for p in _SENTENCE_END.split(line) if p.strip()]
        sentences += parts or [line]
    return [s for s in sentences if _WORD.search(s)]


_NOT_LETTER = re.compile(r"[^a-z]")
_SILENT_END = re.compile(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")
_VOWELS = re.compile(r"[aeiouy]{1,2}")


@functools.lru_cache(maxsize=65536)  # a pack says the same few thousand words again and again
def syllables_en(word: str) -> int:
    word = _NOT_LETTER.sub("", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = _SILENT_END.sub("", word)
    word = word.removeprefix("y")
    return max(1, len(_VOWELS.findall(word)))


_STRONG = set("aeoáéóíú")  # a strong (or accented weak) vowel starts a new syllable after another


_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")  # the silent u of que, qui, gue, gui


@functools.lru_cache(maxsize=65536)
def syllables_es(word: str) -> int:
    word = word.lower()
    word = _SILENT_U.sub("", word)
    count, previous = 0, ""
    for letter in word:
        is_vowel = letter in "aeiouáéíóúü" or (letter == "y" and not previous)
        if is_vowel and (not previous or (letter in _STRONG and previous in _STRONG)):
            count += 1
        previous = letter if is_vowel else ""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        count += 1  # "muy" no, but a final y after a consonant is a vowel
    return max(1, count)


def _words(sentences: list[str]) -> list[str]:
    return [w for s in sentences for w in _WORD.findall(s)]


def flesch_kincaid_grade(markdown_text: str) -> float:
    """US school grade needed to read the text (English)."""
    sentences = prose(markdown_text)
    words = _words(sentences)
    if not words:
        return 0.0
    syllables = sum(syllables_en(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


def fernandez_huerta(markdown_text: str) -> float:
    """Ease of reading Spanish: 0 (very hard) to 100 (very easy); 70-80 is fairly easy."""
    sentences = prose(markdown_text)
    words = _words(sentences)
    if not words:
        return 100.0
    syllables = sum(syllables_es(unicodedata.normalize("NFC", w)) for w in words)
    # The corrected formula (as textstat and most tools use it): 1.02 times words per
    # sentence, where the 1959 paper's misprint had sentences per 100 words.
    return 206.84 - 60 * syllables / len(words) - 1.02 * len(words) / len(sentences)


def reading_level(markdown_text: str, lang: str) -> tuple[float, bool]:
    """(the figure for `lang`, whether it is easy enough for this guide)."""
    if lang == "es":
        score = fernandez_huerta(markdown_text)
        return score, score >= MIN_FERNANDEZ_HUERTA
    grade = flesch_kincaid_grade(markdown_text)
    return grade, grade <= MAX_GRADE
