"""Checklists: loading, validation with lines, exact band edges, red flags, the summary."""

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.checklists.checklist import read_checklist, score
from guide.packs.library import load_library
from guide.reader.pages import checklist_summary_html

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
    checklist = library.checklist(checklist_id)
    ids = [item.id for item in checklist.items]
    for band in checklist.bands:
        assert score(checklist, set(ids[: band.min])).band == band
        assert score(checklist, set(ids[: band.max])).band == band
        if band.min > 0:
            assert score(checklist, set(ids[: band.min - 1])).band != band


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


def test_the_summary_holds_the_ticked_items_result_help_lines_and_date_only(library):
    checklist = library.checklist("clonazepam-signs")
    html = checklist_summary_html(checklist, {"anxiety", "blurred-vision"}, library.helplines, date(2026, 11, 26), "en")
    assert "Feeling anxious, worried or on edge" in html and "Blurred vision" in html
    assert "Panic attacks" not in html
    assert "26 November 2026" in html and "2 of 16 signs" in html
    assert "Call 911" in html and "Call 1-800-662-4357" in html
    assert "Please get help now" not in html
    crisis = checklist_summary_html(checklist, {"suicide-thoughts"}, library.helplines, date(2026, 11, 26), "en")
    assert "Please get help now" in crisis and "988" in crisis
