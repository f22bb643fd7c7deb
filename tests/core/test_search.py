"""Search: ranking, synonyms, accents, typos, hostile query text, and the on-disk cache."""

import os
import re

import pytest
from helpers import article
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.packs.library import load_library
from guide.search import index as search_module
from guide.search.index import build_index, fingerprint, highlight_pattern


@pytest.fixture(scope="module")
def index():
    return build_index(load_library())


def test_klonopin_puts_the_clonazepam_article_first(index):
    assert index.search("klonopin").hits[0].id == "clonazepam"


def test_street_names_and_misspellings_go_through_the_synonyms(index):
    assert index.search("benzo withdrawl").hits[0].id == "withdrawal-and-detox"
    assert index.search("k-pins").hits[0].id == "clonazepam"


def test_the_word_being_typed_matches_as_a_prefix(index):
    assert index.search("clon").hits[0].id == "clonazepam"
    finished = index.search("clon ")  # a space ends the word: "clon" is looked for whole, and no page has it
    assert (finished.hits, finished.corrected, finished.too_short) == ((), "", False)
    assert index.search("clonazepam ").hits[0].id == "clonazepam"


def test_a_title_hit_outranks_a_body_hit(make_pack):
    pack = make_pack(
        {
            "en/articles/in-body.md": article("Something else", body="Gardening " * 3 + "and more words."),
            "en/articles/in-title.md": article("Gardening", body="Unrelated words here."),
        }
    )
    hits = build_index(load_library([pack])).search("gardening").hits
    assert [h.id for h in hits][:2] == ["in-title", "in-body"]


def test_accents_do_not_matter(make_pack):
    pack = make_pack({"es/articles/adiccion.md": article("Sobre la adicción", body="La adicción tiene tratamiento.")})
    index = build_index(load_library([pack]))
    assert "adiccion" in [h.id for h in index.search("adiccion", "es").hits]
    assert "adiccion" in [h.id for h in index.search("ADICCIÓN", "es").hits]


def test_spanish_visitors_get_the_spanish_article(index):
    hit = index.search("convulsiones", "es").hits[0]
    assert (hit.id, hit.lang) == ("withdrawal-and-detox", "es")
    assert "<b>convulsiones</b>" in hit.snippet_html


def test_a_misspelling_offers_a_correction(index):
    results = index.search("klonpin")
    assert results.corrected == "klonopin"
    assert results.hits[0].id == "clonazepam"


def test_nothing_found_is_an_empty_result_not_an_error(index):
    assert index.search("zzzzqqqq").hits == ()
    assert index.search("   ").hits == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"withdrawal', "withdrawal"),
        ("benzo*", "benzo"),
        ("-benzo", "benzo"),
        ("benzo -", "benzo"),
        ("NEAR(a b)", "near a b"),
        ("a NEAR b", "a near b"),
        ("AND", "and"),
        ("OR OR", "or or"),
        ("NOT benzo", "not benzo"),
        ("clonazepam NOT", "clonazepam not"),
        ("col:benzo", "col benzo"),
        ("title:benzo", "title benzo"),
        ("{title}: klonopin", "title klonopin"),
        ("klonopin^", "klonopin"),
        ("k-pins", "k pins"),
    ],
)
def test_query_syntax_typed_by_a_visitor_is_searched_as_the_words_in_it(index, text, words):
    """FTS5's operators are words and its signs are spaces: what is found is what the words find."""
    results = index.search(text)
    assert results.hits  # each of these words is in the bundled pages
    assert results == index.search(words)


@pytest.mark.parametrize(
    ("text", "too_short"),
    [('"', False), ("*", False), ("((", False), ("^", False), ("'", False), ("a)", True), ("{x}", True)],
)
def test_query_syntax_with_no_word_in_it_finds_nothing(index, text, too_short):
    assert index.search(text) == search_module.Results((), too_short=too_short)


def test_query_syntax_around_a_word_still_finds_it(index):
    assert index.search('"benzo*').hits[0].id in {
        "benzodiazepines",
        "withdrawal-and-detox",
        "clonazepam",
    }
    assert index.search("(clonazepam").hits[0].id == "clonazepam"


def _as_words(text: str) -> str:
    """`text` with every sign that is not part of a word made a space; its end as typed (in a
    word or not), which decides whether the last word is matched as a prefix."""
    plain = re.sub(r"[^\w\s]", " ", text)
    return plain if text[-1:].isspace() else plain.rstrip()


# What a visitor might type that means something to FTS5 or SQL, between words the pages hold.
_SYNTAX = st.sampled_from(
    ['"', "'", "*", "(", ")", "-", "+", ":", "^", "{", "}", "[", "]", ",", ".", ";", "--", "/*", "*/", "\\"]
)
_WORDS = st.sampled_from(["klonopin", "benzo", "withdrawal", "seizures", "NEAR", "AND", "OR", "NOT", "near", "docs"])
_SPACES = st.sampled_from([" ", "  ", "\t", "\n", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_SYNTAX, _WORDS, _SPACES, st.text(max_size=3)), max_size=10).map("".join))
def test_any_text_is_searched_as_its_words(index, text):
    assert index.search(text) == index.search(_as_words(text))
    assert index.search(text, "es") == index.search(_as_words(text), "es")


def test_snippets_escape_article_text(make_pack):
    pack = make_pack({"en/articles/x.md": article("Odd", body="a <b>fake</b> & tomato")})
    hit = build_index(load_library([pack])).search("tomato").hits[0]
    assert "<b>fake" not in hit.snippet_html and "&lt;b" in hit.snippet_html and "&amp;" in hit.snippet_html
    assert "<b>tomato</b>" in hit.snippet_html


def test_highlight_pattern_matches_with_and_without_accents():
    import re

    pattern = re.compile(highlight_pattern(["adiccion"]), re.IGNORECASE)
    assert pattern.search("la Adicción") and pattern.search("adiccion")


def test_a_large_pack_is_cached_on_disk_and_rebuilt_when_a_file_changes(make_pack, tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "LARGE_PACK", 3)
    pack = make_pack({f"en/articles/a{i}.md": article(f"Article {i}", body=f"word{i}") for i in range(5)})
    cache = tmp_path / "cache"
    first = build_index(load_library([pack]), cache)
    files = list(cache.glob("search-*.sqlite"))
    assert len(files) == 1 and first.search("word3").hits[0].id == "a3"
    again = build_index(load_library([pack]), cache)
    assert list(cache.glob("search-*.sqlite")) == files and again.search("word3").hits[0].id == "a3"
    changed = pack / "en/articles/a3.md"
    changed.write_text(article("Article 3", body="completely different"))
    os.utime(changed, ns=(1, 1))
    rebuilt = build_index(load_library([pack]), cache)
    assert "a3" not in [h.id for h in rebuilt.search("word3").hits]
    assert rebuilt.search("different").hits[0].id == "a3"
    assert len(list(cache.glob("search-*.sqlite"))) == 1 and list(cache.glob("search-*.sqlite")) != files


def test_a_library_loaded_with_a_cache_keys_the_index_without_walking_the_packs(
    make_pack, tmp_path, monkeypatch, settle
):
    monkeypatch.setattr(search_module, "LARGE_PACK", 3)
    monkeypatch.setattr(search_module, "fingerprint", lambda packs: pytest.fail("walked every file of the packs"))
    filled = []
    original_fill = search_module._fill
    monkeypatch.setattr(search_module, "_fill", lambda *args: filled.append(1) or original_fill(*args))
    pack = make_pack({f"en/articles/a{i}.md": article(f"Article {i}", body=f"word{i}") for i in range(5)})
    settle()
    cache = tmp_path / "cache"
    assert build_index(load_library([pack], cache), cache).search("word3").hits[0].id == "a3"
    assert build_index(load_library([pack], cache), cache).search("word3").hits[0].id == "a3"
    assert len(filled) == 1  # the second start opened the index the first one built
    changed = pack / "en/articles/a3.md"
    changed.write_text(article("Article 3", body="completely different"))
    rebuilt = build_index(load_library([pack], cache), cache)
    assert rebuilt.search("different").hits[0].id == "a3" and len(filled) == 2
    assert len(list(cache.glob("search-*.sqlite"))) == 1


def test_a_corrupt_cache_is_rebuilt(make_pack, tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "LARGE_PACK", 1)
    pack = make_pack({f"en/articles/a{i}.md": article(f"Article {i}") for i in range(3)})
    library = load_library([pack])
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"search-{fingerprint(library.packs)}.sqlite").write_bytes(b"not a database")
    assert build_index(library, cache).search("article").hits


def test_an_unwritable_cache_falls_back_to_memory(make_pack, tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "LARGE_PACK", 1)
    pack = make_pack({f"en/articles/a{i}.md": article(f"Article {i}") for i in range(3)})
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert build_index(load_library([pack]), blocker / "cache").search("article").hits


def test_a_broken_synonyms_file_is_a_problem(make_pack):
    pack = make_pack({"synonyms.toml": 'good = ["fine"]\nbad = "not a list"\n'})
    library = load_library([pack])
    assert library.synonyms["good"] == ("fine",)
    (problem,) = library.problems
    assert problem.line == 2 and "needs a list" in problem.message


def test_a_single_letter_asks_for_more_and_a_short_last_word_waits(index):
    assert index.search("b").too_short and index.search("b").hits == ()
    assert index.search("be").hits
    assert [h.id for h in index.search("klonopin w").hits] == [h.id for h in index.search("klonopin").hits]
    with_word = index.search("klonopin with")  # MIN_PREFIX letters or more: the word being typed is searched
    assert "with" in with_word.words and with_word.titles() != index.search("klonopin").titles()


def test_a_question_asked_in_full_finds_the_pages_with_its_rare_words(make_pack):
    """Every word had to be in one page, so a question typed as a person asks it found nothing."""
    pack = make_pack(
        {
            "en/articles/naloxone.md": article(
                "Naloxone", body="Naloxone reverses an opioid overdose. Give it to a neighbour."
            ),
            "en/articles/other.md": article("Other things", body="What to do if you want to talk to someone."),
            "es/articles/naloxone.md": article(
                "La naloxona", body="La naloxona revierte una sobredosis de opioides. Désela a un vecino."
            ),
            "es/articles/other.md": article("Otras cosas", body="Qué hacer si quiere hablar con alguien."),
        }
    )
    index = build_index(load_library([pack]))
    english = index.search("what do I do if my neighbour needs naloxone")  # no bundled page has every word
    assert english.some_words and english.hits[0].id == "naloxone"
    assert "other" not in [h.id for h in english.hits]  # it has only the question's small words
    spanish = index.search("qué hago si mi vecino necesita naloxona", "es")
    assert spanish.some_words and spanish.hits[0].id == "naloxone" and spanish.hits[0].lang == "es"
    every = index.search("naloxone reverses")  # a page with every word: only pages with all of them
    assert not every.some_words and [h.id for h in every.hits] == ["naloxone"]


def test_a_short_word_is_never_taken_for_a_misspelling(index):
    """ "my" was "corrected" to "muy" and "do" to "dos" (the vocabulary leaves out short words)."""
    assert index.search("do klonpin").corrected == "do klonopin"
    assert index.search("my klonpin").corrected == "my klonopin"


def test_a_snippet_reads_as_one_line_of_words(make_pack):
    """A heading and the line after it ran together in a result ("symptomsMany people"), and a
    list item kept its dash ("withdrawal.- Anxiety")."""
    body = "Intro words.\n\n## Common symptoms\n\nMany people notice some.\n\n- Anxiety that comes back\n- Poor sleep"
    pack = make_pack({"en/articles/signs.md": article("Signs", body=body)})
    (hit,) = [h for h in build_index(load_library([pack])).search("anxiety").hits if h.id == "signs"]
    assert "symptoms Many people notice some. Anxiety that comes back Poor sleep" in hit.snippet
    assert "\n" not in hit.snippet and "- " not in hit.snippet
