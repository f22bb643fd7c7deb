"""Checklists: loading, validation with lines, exact band edges, red flags, the summary."""

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.checklists.checklist import read_checklist, score
from guide.packs.library import load_library
from guide.printing.handout import checklist_handout

RED_FLAGS = {
    "clonazepam-signs": {"suicide-thoughts"},
    "withdrawal-warning-signs": {
        "seizure",
        "severe-confusion",
        "hallucinations",
        "suicide-thoughts",
    },
}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize("checklist_id", RED_FLAGS)
def test_bundled_checklists_load_with_their_red_flags(library, checklist_id):
    checklist = library.checklist(checklist_id)
    assert checklist is not None
    flagged = {item.id for item in checklist.items if item.red_flag}
    assert RED_FLAGS[checklist_id] <= flagged
    assert library.article(checklist.article) is not None


def test_tolerance_and_withdrawal_items_say_they_are_expected_with_prescribed_use(library):
    items = {item.id: item for item in library.checklist("clonazepam-signs").items}
    for item_id in ("needs-more", "unwell-missed-dose"):
        assert "prescribed use" in items[item_id].note
        assert "not a sign of misuse" in items[item_id].note


@pytest.mark.parametrize("checklist_id", RED_FLAGS)
def test_band_edges_are_exact(library, checklist_id):
    """Ticked one after another, in the order shown, the score is each item's points added up, and
    it lands in the one band whose edges hold it."""
    checklist = library.checklist(checklist_id)
    ticked, points = set(), 0
    for item in checklist.items:
        ticked.add(item.id)
        points += item.points
        result = score(checklist, ticked)
        assert result.score == points
        assert result.band.min <= points <= result.band.max
        assert [b for b in checklist.bands if b.min <= points <= b.max] == [result.band]


NOT_AS_PRESCRIBED = {"en": "not being used as prescribed", "es": "no se está usando como se recetó"}
USE_ITEMS = {"more-than-prescribed", "mixing", "someone-elses-pills"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_person_taking_clonazepam_as_prescribed_never_reads_that_it_is_not(library, lang):
    """Tolerance, withdrawal between doses and every change in body and mood (which have many
    causes) can all come with prescribed use: ticked together, the result must not say the
    medicine is not being used as prescribed. A use sign ticked, it may."""
    checklist = library.checklist("clonazepam-signs", lang)
    assert checklist.lang == lang
    as_prescribed = {item.id for item in checklist.items if item.id not in USE_ITEMS}
    result = score(checklist, as_prescribed)
    assert NOT_AS_PRESCRIBED[lang] not in result.band.message
    assert NOT_AS_PRESCRIBED[lang] not in " ".join(result.messages)
    assert NOT_AS_PRESCRIBED[lang] in score(checklist, as_prescribed | {"more-than-prescribed"}).band.message


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_use_sign_ticked_alone_says_what_it_means_whatever_the_band(library, lang):
    checklist = library.checklist("clonazepam-signs", lang)
    items = {item.id: item for item in checklist.items}
    for item_id in USE_ITEMS:
        result = score(checklist, {item_id})
        assert result.messages == (items[item_id].message,) and result.messages[0]
        assert result.score > score(checklist, {"anxiety"}).score  # it weighs more than a sign with many causes
    mixing = " ".join(score(checklist, {"mixing"}).messages)
    assert "911" in mixing and {"en": "naloxone", "es": "naloxona"}[lang] in mixing
    for item_id in ("needs-more", "unwell-missed-dose"):  # expected with prescribed use: no points
        assert score(checklist, {item_id}).score == 0
    assert "do not prove" not in " ".join(b.message for b in checklist.bands)


@pytest.mark.parametrize("checklist_id", RED_FLAGS)
def test_messages_inform_and_name_a_next_step_but_never_diagnose(library, checklist_id):
    for band in library.checklist(checklist_id).bands:
        text = band.message.lower()
        assert "you have a" not in text and "diagnos" not in text.replace("cannot diagnose", "")
        assert any(step in text for step in ("doctor", "prescriber", "1-800-662-4357", "911", "988"))


def test_a_red_flag_means_crisis_whatever_the_score(library):
    checklist = library.checklist("clonazepam-signs")
    result = score(checklist, {"suicide-thoughts"})
    assert result.crisis and result.score == 1
    assert not score(checklist, {"anxiety", "panic-attacks"}).crisis


GOOD = """
title = "T"
intro = "I"
[[groups]]
title = "G"
[[groups.items]]
id = "a"
text = "A"
[[groups.items]]
id = "b"
text = "B"
red_flag = true
[[bands]]
min = 0
max = 0
message = "none"
[[bands]]
min = 1
max = 2
message = "some"
"""


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace('title = "T"', 'title = "T'), 1, "not valid TOML"),
        (GOOD.replace("min = 1\nmax = 2", "min = 2\nmax = 2"), 16, "gap"),
        (GOOD.replace("min = 1\nmax = 2", "min = 0\nmax = 2"), 16, "overlap"),
        (GOOD.replace('id = "b"', 'id = "a"'), 9, "duplicate item id 'a'"),
        (GOOD.replace("max = 2", "max = 1"), 16, "cover every score from 0 to 2"),
        (GOOD.replace('id = "b"', 'id = "B b"'), 9, "item id 'B b'"),
        ('title = "T"\nintro = "I"\n', 1, "has no items"),
        (GOOD.replace('intro = "I"', ""), 1, "needs a intro"),
        (GOOD.replace('text = "B"', 'text = "B"\npoints = -1'), 9, "item 'b': points must be a whole number, 0"),
        (GOOD.replace('text = "B"', 'text = "B"\npoints = "two"'), 9, "points must be a whole number"),
        (GOOD.replace('text = "B"', 'text = "B"\nmessage = 3'), 9, "item 'b': message must be text"),
        (GOOD.replace('text = "B"', 'text = "B"\npoints = 2'), 17, "from 0 to 3 (every item's points"),
    ],
)
def test_malformed_checklists_are_problems_with_their_line(tmp_path, text, line, words):
    path = tmp_path / "broken.toml"
    path.write_text(text.lstrip("\n"))
    checklist, problems = read_checklist(path, "en")
    assert checklist is None
    (problem,) = problems
    assert words in problem.message
    assert (problem.path, problem.line) == (path, line)


def test_a_broken_checklist_leaves_the_rest_of_the_library_working(make_pack):
    pack = make_pack({"en/checklists/broken.toml": "title = 'x'\n", "en/checklists/good.toml": GOOD})
    library = load_library([pack])
    assert library.checklist("good") is not None and library.checklist("broken") is None
    assert [p.path.name for p in library.problems] == ["broken.toml"]


@st.composite
def checklists_as_toml(draw):
    count = draw(st.integers(min_value=1, max_value=12))
    flags = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    cuts = sorted(draw(st.sets(st.integers(min_value=1, max_value=count), max_size=count)))
    edges = [0, *cuts, count + 1]
    lines = ['title = "Generated"', 'intro = "Made by hypothesis"', "[[groups]]", 'title = "G"']
    for index, flag in enumerate(flags):
        lines += [
            "[[groups.items]]",
            f'id = "item-{index}"',
            f'text = "Item {index}"',
            f"red_flag = {str(flag).lower()}",
        ]
    for low, high in pairwise(edges):
        lines += ["[[bands]]", f"min = {low}", f"max = {high - 1}", f'message = "band {low}"']
    return "\n".join(lines) + "\n", count, flags


@settings(max_examples=60, deadline=None)
@given(checklists_as_toml(), st.data())
def test_generated_checklists_score_every_answer_into_one_band(tmp_path_factory, generated, data):
    text, count, flags = generated
    path = tmp_path_factory.mktemp("gen") / "generated.toml"
    path.write_text(text)
    checklist, problems = read_checklist(path, "en")
    assert problems == [] and checklist is not None
    ticked = data.draw(st.sets(st.sampled_from([f"item-{i}" for i in range(count)])))
    result = score(checklist, ticked | {"not-an-item"})
    assert result.score == len(ticked)
    assert result.band is not None and result.band.min <= result.score <= result.band.max
    assert result.crisis == any(flags[int(i.split("-")[1])] for i in ticked)


def test_points_weigh_items_and_a_ticked_items_message_follows_the_band(tmp_path):
    path = tmp_path / "weighed.toml"
    path.write_text(
        GOOD.replace('text = "A"', 'text = "A"\npoints = 0\nmessage = "A on its own means little."')
        .replace('text = "B"', 'text = "B"\npoints = 3')
        .replace("min = 1\nmax = 2", "min = 1\nmax = 3")
        .lstrip("\n")
    )
    checklist, problems = read_checklist(path, "en")
    assert problems == []
    assert score(checklist, {"a"}).score == 0 and score(checklist, {"a"}).band.message == "none"
    assert score(checklist, {"a"}).messages == ("A on its own means little.",)
    both = score(checklist, {"a", "b"})
    assert (both.score, both.band.message, both.crisis) == (3, "some", True)
    html = checklist_handout(checklist, {"a", "b"}, [], date(2026, 12, 3), "en").html
    assert html.index("some") < html.index("A on its own means little.") and "Score: 3 of 3" in html


def test_the_summary_holds_the_ticked_items_result_help_lines_and_date_only(library):
    checklist = library.checklist("clonazepam-signs")
    html = checklist_handout(checklist, {"anxiety", "blurred-vision"}, library.helplines, date(2026, 11, 26), "en").html
    assert "Feeling anxious, worried or on edge" in html and "Blurred vision" in html
    assert "Panic attacks" not in html
    assert "26 November 2026" in html and "Score: 2 of 20" in html
    assert "Call 911" in html and "Call 1-800-662-4357" in html
    assert "Please get help now" not in html
    crisis = checklist_handout(checklist, {"suicide-thoughts"}, library.helplines, date(2026, 11, 26), "en").html
    assert "Please get help now" in crisis and "988" in crisis
