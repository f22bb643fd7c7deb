"""Loading content packs: good files load, broken ones become Problems with file and line."""

from datetime import date

import pytest
from helpers import article

from guide.files import ContentError
from guide.packs import headers as headers_module
from guide.packs import library as library_module
from guide.packs.helplines import valid_number
from guide.packs.library import load_library

FOUR = ("clonazepam", "benzodiazepines", "withdrawal-and-detox", "treatment-options")


def test_bundled_pack_loads_cleanly_with_the_four_articles_and_a_home_page():
    library = load_library()
    assert library.problems == []
    for article_id in (*FOUR, "home"):
        found = library.article(article_id)
        assert found is not None, article_id
        assert found.title and found.summary and found.category
        assert len(found.sources) >= 2
        assert found.reviewed and found.review_due and found.review_due > found.reviewed


def test_topics_group_articles_by_category_and_leave_out_home():
    topics = dict(load_library().topics())
    ids = {a.id for articles in topics.values() for a in articles}
    assert set(FOUR) <= ids
    assert "home" not in ids
    assert {a.id for a in topics["Medicines"]} >= {"clonazepam", "benzodiazepines"}


def test_broken_files_become_problems_and_good_ones_still_load(make_pack):
    pack = make_pack(
        {
            "en/articles/good.md": article("Good page"),
            "en/articles/no-title.md": "Summary: no title here\n\nBody.\n",
            "en/articles/Bad_Name.md": article("Bad id"),
            "en/articles/bad-bytes.md": b"Title: ok\nSummary: caf\xe9 \xff\n\nBody\n",
            "en/articles/bad-date.md": article("Dated", reviewed="2026-13-45"),
            "helplines.toml": '[[helpline]]\nid = "x"\ncontacts = [\n',
        }
    )
    library = load_library([pack])
    found = {(p.path.name, p.line): p.message for p in library.problems}
    assert library.article("good").title == "Good page"
    assert library.article("bad-date").title == "Dated"  # a bad date is reported, the page stays
    assert "no Title" in found[("no-title.md", 1)]
    assert "invalid article id 'Bad_Name'" in found[("Bad_Name.md", 1)]
    assert "UTF-8" in found[("bad-bytes.md", 2)]
    assert "not a date" in found[("bad-date.md", 2)]
    assert any(name == "helplines.toml" and "TOML" in msg for (name, _), msg in found.items())
    for missing in ("no-title", "bad-bytes"):
        assert library.article(missing) is None


def test_an_unreadable_body_is_reported_when_the_article_is_opened(make_pack):
    pack = make_pack({"en/articles/half.md": b"Title: Half\n\nGood line\nbad \xff byte\n"})
    loaded = load_library([pack]).article("half")
    with pytest.raises(ContentError) as raised:
        loaded.read_body()
    assert raised.value.problem.line == 4


def test_a_pack_replaces_same_id_adds_new_ids_and_puts_its_help_lines_first(make_pack):
    pack = make_pack(
        {
            "en/articles/clonazepam.md": article("Clinic clonazepam page"),
            "en/articles/clinic-hours.md": article("Our hours", category="Our clinic"),
            "helplines.toml": """
            [[helpline]]
            id = "front-desk"
            contacts = [{ kind = "call", number = "555-123-4567" }]
            [helpline.en]
            name = "Our front desk"
        """,
        }
    )
    library = load_library([pack])
    assert library.article("clonazepam").title == "Clinic clonazepam page"
    assert library.article("clinic-hours").title == "Our hours"
    assert library.article("benzodiazepines") is not None
    ids = [h.id for h in library.helplines]
    assert ids[0] == "emergency"  # emergency lines always lead
    assert ids[1] == "front-desk"
    assert "988-lifeline" in ids


def test_a_help_line_without_a_valid_number_is_left_out_with_a_problem(make_pack):
    pack = make_pack(
        {
            "helplines.toml": """
            [[helpline]]
            id = "good"
            contacts = [{ kind = "call", number = "1-800-555-0100" }]
            [helpline.en]
            name = "Good line"

            [[helpline]]
            id = "gap"
            contacts = [{ kind = "call", number = "" }]
            [helpline.en]
            name = "Call us at  to talk"
        """,
        }
    )
    library = load_library([pack])
    assert "good" in [h.id for h in library.helplines]
    assert "gap" not in [h.id for h in library.helplines]
    (problem,) = library.problems
    assert problem.line == 8 and "not a valid phone number" in problem.message


def test_911_and_988_stay_even_when_no_pack_has_help_lines(make_pack, monkeypatch):
    monkeypatch.setattr(library_module, "BUNDLED_PACK", make_pack({"en/articles/a.md": article()}))
    numbers = {c.number for h in load_library().helplines for c in h.contacts}
    assert {"911", "988"} <= numbers


@pytest.mark.parametrize("number", ["911", "988", "741741", "1-800-662-4357", "8006624357"])
def test_valid_numbers(number):
    assert valid_number(number)


@pytest.mark.parametrize("number", ["", "12", "555", "123", "1-800-", "call 911", "1-800-662-43571", "--"])
def test_invalid_numbers(number):
    assert not valid_number(number)


def test_dates_are_read_as_dates():
    assert load_library().article("clonazepam").reviewed == date(2026, 11, 26)


def test_headers_are_read_with_python_markdowns_own_meta_syntax():
    from markdown.extensions import meta

    from guide.packs import headers

    assert headers.META_RE.pattern == meta.META_RE.pattern
    assert headers.META_MORE_RE.pattern == meta.META_MORE_RE.pattern


# The header cache: a start with unchanged packs opens no article file, and sees every change.

MIXED = {
    "en/articles/good.md": article("Good page", summary="Short.", category="Ours", keywords="a, b"),
    "en/articles/full.md": article(
        "Full", reviewed="2026-01-02", review_due="2027-01-02", related="good", checklist="signs"
    ),
    "en/articles/no-title.md": "Summary: no title here\n\nBody.\n",
    "en/articles/Bad_Name.md": article("Bad id"),
    "en/articles/bad-bytes.md": b"Title: ok\nSummary: caf\xe9 \xff\n\nBody\n",
    "en/articles/bad-date.md": article("Dated", reviewed="2026-13-45"),
    "es/articles/good.md": article("Buena página", summary="Corta, con acentos: ñ á."),
}


@pytest.fixture
def headers_read(monkeypatch):
    """The article files whose header was read, by name."""
    read = []
    original = headers_module.read_article_header

    def counting(path, lang):
        read.append(path.name)
        return original(path, lang)

    monkeypatch.setattr(headers_module, "read_article_header", counting)
    return read


def test_a_cached_load_is_the_same_library_with_the_same_problems(make_pack, tmp_path, settle, headers_read):
    pack = make_pack(MIXED)
    settle()
    plain = load_library([pack])
    headers_read.clear()
    cold = load_library([pack], tmp_path / "cache")
    assert len(headers_read) == len(MIXED) + len(list(library_module.BUNDLED_PACK.glob("*/articles/*.md")))
    headers_read.clear()
    warm = load_library([pack], tmp_path / "cache")
    assert headers_read == []  # not one article file opened
    for loaded in (cold, warm):
        assert loaded.articles == plain.articles
        assert list(loaded.articles["en"]) == list(plain.articles["en"])  # in the same order
        assert loaded.problems == plain.problems  # each with its file and line
    assert warm.article("full").reviewed == date(2026, 1, 2) and warm.article("full").related == ("good",)
    assert warm.article("good", "es").summary == "Corta, con acentos: ñ á."
    assert {(p.path.name, p.line) for p in warm.problems} >= {("bad-bytes.md", 2), ("bad-date.md", 2)}


def test_edited_added_removed_and_renamed_articles_are_seen_through_the_cache(make_pack, tmp_path, settle):
    pack = make_pack({"en/articles/one.md": article("One"), "en/articles/two.md": article("Two")})
    settle()
    cache = tmp_path / "cache"
    first = load_library([pack], cache)
    one = pack / "en/articles/one.md"
    one.write_text(article("Uno"))  # the same size, in place
    (pack / "en/articles/two.md").rename(pack / "en/articles/deux.md")
    (pack / "en/articles/three.md").write_text(article("Three", reviewed="soon"))
    library = load_library([pack], cache)
    assert library.article("one").title == "Uno"
    assert library.article("two") is None and library.article("deux").title == "Two"
    assert library.article("three").title == "Three"
    assert [(p.path.name, p.line) for p in library.problems] == [("three.md", 2)]
    assert library.fingerprint != first.fingerprint
    (pack / "en/articles/three.md").unlink()
    again = load_library([pack], cache)
    assert again.article("three") is None and again.problems == []


def test_the_fingerprint_stays_while_nothing_changes(make_pack, tmp_path, settle):
    pack = make_pack({"en/articles/one.md": article("One")})
    settle()
    first = load_library([pack], tmp_path / "cache").fingerprint
    assert first and load_library([pack], tmp_path / "cache").fingerprint == first
    assert load_library([pack], tmp_path / "other cache").fingerprint == first
    assert load_library([], tmp_path / "cache").fingerprint != first
    assert load_library([pack]).fingerprint == ""  # no cache: the files were not even stat'ed


def test_a_damaged_header_cache_is_read_again_and_never_a_problem(make_pack, tmp_path, settle, headers_read):
    import json
    import zlib

    pack = make_pack({"en/articles/one.md": article("One"), "en/articles/two.md": article("Two")})
    settle()
    cache = tmp_path / "cache"
    plain = load_library([pack])
    load_library([pack], cache)
    for damaged in (cache / "headers").glob("*.json"):
        data = json.loads(damaged.read_bytes().partition(b"\n")[2])
        for row in data["files"]:
            row[5] = [["not", "an", "article"], "nor problems"]  # the right shape around, wrong inside
        text = json.dumps(data).encode()
        damaged.write_bytes(b"%08x\n" % zlib.crc32(text) + text)
    headers_read.clear()
    library = load_library([pack], cache)
    assert library.articles == plain.articles and library.problems == []
    assert "one.md" in headers_read
    headers_read.clear()
    assert load_library([pack], cache).articles == plain.articles and headers_read == []  # mended


def test_a_read_only_cache_still_loads(make_pack, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("in the way")
    pack = make_pack({"en/articles/one.md": article("One")})
    library = load_library([pack], blocker / "cache")
    assert library.article("one").title == "One" and library.problems == []


def test_help_lines_and_their_contacts_can_be_kept_in_sets():
    # A pack's own tests may collect them; their words in each language don't make two lines differ.
    lines = load_library().helplines
    assert len({*lines, *lines}) == len(lines)
    assert {contact for line in lines for contact in line.contacts}


def test_an_urgent_article_comes_first_read_fresh_or_from_the_cache(make_pack, tmp_path):
    pack = make_pack(
        {
            "en/articles/zz-someone-may-be-overdosing.md": article("Zz: someone may be overdosing", urgent="yes"),
            "en/articles/calm.md": article("A calm page", urgent="no"),
            "en/articles/odd.md": article("An odd page", urgent="maybe"),
        }
    )
    for _start in ("fresh", "from the cache"):
        library = load_library([pack], cache_dir=tmp_path / "cache")
        ours = [a.id for a in library.urgent("en") if a.id != "overdose-and-naloxone"]  # (the bundled one)
        assert ours == ["zz-someone-may-be-overdosing"]
        spanish = [a.id for a in library.urgent("es") if a.id != "overdose-and-naloxone"]
        assert spanish == ["zz-someone-may-be-overdosing"]  # English stands in
        (odd,) = [p for p in library.problems if p.path.name == "odd.md"]
        assert (odd.line, odd.message) == (2, "Urgent: 'maybe' must be yes or no")
