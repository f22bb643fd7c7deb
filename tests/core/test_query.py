"""The bound on what is searched: no text a visitor types or pastes makes a long query."""

import re

import pytest

from guide.search.index import WORD_RE
from guide.search.query import MAX_QUERY_CHARS, MAX_QUERY_WORDS, bound_query


@pytest.mark.parametrize(
    "text",
    ["a " * 400, "a " * 800, "x" * 10_000, "withdrawal " * 1000, "é" * 300, " ".join(str(n) for n in range(5000))],
)
def test_any_text_is_cut_to_the_word_and_character_limits(text):
    bounded = bound_query(text)
    assert bounded.cut
    assert len(bounded.text) <= MAX_QUERY_CHARS + 1  # the space that ends a cut query
    assert len(WORD_RE.findall(bounded.text)) <= MAX_QUERY_WORDS


def test_a_short_question_is_searched_as_typed():
    text = "what happens if I stop taking clonazepam all at once"
    assert bound_query(text).text == text
    assert not bound_query(text).cut


def test_the_cut_keeps_the_first_words_whole():
    text = " ".join(f"word{n}" for n in range(40))
    bounded = bound_query(text)
    assert WORD_RE.findall(bounded.text) == [f"word{n}" for n in range(MAX_QUERY_WORDS)]
    assert bounded.text.endswith(" ")  # its last word is whole: not matched as a word being typed


def test_a_cut_inside_a_word_leaves_that_word_out():
    text = "benzodiazepine " * 10 + "x" * 100  # 150 characters, then a word the cut splits
    bounded = bound_query(text)
    assert re.findall(r"\w+", bounded.text) == ["benzodiazepine"] * 10


def test_the_index_searches_at_most_the_limit(make_pack, monkeypatch):
    from guide.packs.library import load_library
    from guide.search.index import SearchIndex, build_index

    searched = []
    query = SearchIndex._query
    monkeypatch.setattr(
        SearchIndex, "_query", lambda self, words, *rest: searched.append(words) or query(self, words, *rest)
    )
    index = build_index(load_library([make_pack({})]))
    results = index.search("a " * 400)
    assert results.cut
    assert searched and max(len(words) for words in searched) == MAX_QUERY_WORDS
