"""The search results alone: titles best first, notes that say what was searched, and a click
or Enter that opens a result (and nothing else)."""

import pytest
from PySide6.QtCore import Qt

from guide.search.index import Hit, Results

WORDS = {
    "showing_for": "Showing results for %1",
    "nothing": "Nothing found",
    "cut": "Only the first words were searched",
}
WORDS["some"] = "No page has every word; these have some"


def show(results_list, results):
    results_list.show_results(results, WORDS["showing_for"], WORDS["nothing"], WORDS["cut"], WORDS["some"])


def hits(*ids: str) -> tuple[Hit, ...]:
    return tuple(Hit(i, "en", f"About {i}", f"Words about {i} here.", ((6, len(i)),)) for i in ids)


def click(qtbot, results_list, row: int):
    rect = results_list.visualItemRect(results_list.item(row))
    qtbot.mouseClick(results_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_titles_are_listed_best_first_and_the_best_is_current(search_results):
    show(search_results, Results(hits("detox", "sleep", "clonazepam"), words=("detox",)))
    assert search_results.titles() == ["About detox", "About sleep", "About clonazepam"]
    assert search_results.messages() == [] and search_results.first_id() == "detox"
    assert search_results.currentRow() == 0


@pytest.mark.parametrize(
    ("results", "notes"),
    [
        (Results(hits("detox"), corrected="detox"), ["Showing results for detox"]),
        (Results(hits("detox"), cut=True), [WORDS["cut"]]),
        (Results(hits("detox"), some_words=True), [WORDS["some"]]),
        (Results((), cut=True), [WORDS["cut"], "Nothing found"]),
    ],
)
def test_notes_above_the_results_say_what_was_searched(search_results, results, notes):
    show(search_results, results)
    assert search_results.messages() == notes
    assert search_results.titles() == [h.title for h in results.hits]
    if results.hits:
        assert search_results.currentItem().text() == results.hits[0].title  # the first result, not a note


def test_a_click_or_enter_on_a_result_opens_it(search_results, qtbot):
    show(search_results, Results(hits("detox", "sleep"), corrected="detox"))
    with qtbot.waitSignal(search_results.articleChosen, timeout=1000) as clicked:
        click(qtbot, search_results, 2)  # row 0 is the note
    assert clicked.args == ["sleep"]
    search_results.setFocus()
    search_results.setCurrentRow(1)
    with qtbot.waitSignal(search_results.articleChosen, timeout=1000) as entered:
        qtbot.keyClick(search_results, Qt.Key.Key_Return)
    assert entered.args == ["detox"]


def test_a_click_on_a_note_or_on_nothing_found_opens_nothing(search_results, qtbot):
    chosen = []
    search_results.articleChosen.connect(chosen.append)
    show(search_results, Results(hits("detox"), corrected="detox"))
    click(qtbot, search_results, 0)
    show(search_results, Results(()))
    click(qtbot, search_results, 0)
    assert chosen == [] and search_results.messages() == ["Nothing found"]


def test_a_message_stands_in_for_the_results(search_results):
    show(search_results, Results(hits("detox")))
    search_results.show_message("Getting search ready...")
    assert search_results.titles() == [] and search_results.messages() == ["Getting search ready..."]
    assert search_results.first_id() is None
