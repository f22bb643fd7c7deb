"""Search as a visitor types it, and find in page."""

import pytest
from helpers import article
from PySide6.QtCore import Qt, QTimer

from guide.testing import Guide
from guide.ui.app import create_window


@pytest.fixture
def ready(window, qtbot):
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    return window


def type_in(qtbot, window, text):
    box = window.navigation.search_box
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(window.search_settled, timeout=5_000)  # the results come from the search thread
    return window.search_results


def test_typing_shows_results_while_typing_with_the_best_first(ready, qtbot):
    results = type_in(qtbot, ready, "klonopin")
    assert results.isVisible() and not ready.topic_tree.isVisible()
    assert results.titles()[0] == "Clonazepam (Klonopin)"


def test_enter_opens_the_first_result_with_the_words_marked(ready, qtbot):
    type_in(qtbot, ready, "benzo withdrawl")
    qtbot.keyClick(ready.navigation.search_box, Qt.Key.Key_Return)
    assert ready.current_location().target == "withdrawal-and-detox"
    marked = {s.cursor.selectedText().lower() for s in ready.reader.extraSelections()}
    assert {"withdrawal", "benzodiazepine"} <= marked


def test_a_click_on_a_result_opens_it(ready, qtbot):
    results = type_in(qtbot, ready, "seizure")
    row = results.item(1)  # not the first: a click, not Enter, chooses it
    qtbot.waitUntil(lambda: results.visualItemRect(row).isValid())  # drawn, so it can be clicked
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(row).center())
    assert ready.current_location().target == row.data(Qt.ItemDataRole.UserRole)
    assert ready.current_location().target != results.item(0).data(Qt.ItemDataRole.UserRole)


def test_a_misspelling_says_what_it_showed_instead(ready, qtbot):
    results = type_in(qtbot, ready, "klonpin ")
    assert results.messages() == ["Showing results for klonopin"]
    assert results.titles()[0] == "Clonazepam (Klonopin)"


def test_nothing_found_says_so_and_points_to_the_topics(ready, qtbot):
    results = type_in(qtbot, ready, "zzzqqq")
    assert results.titles() == [] and "No pages found" in results.messages()[0]


def test_escape_clears_the_search_and_shows_the_topics_again(ready, qtbot):
    type_in(qtbot, ready, "detox")
    qtbot.keyClick(ready.navigation.search_box, Qt.Key.Key_Escape)
    assert ready.navigation.search_box.text() == "" and ready.session.search_text == ""
    assert ready.topic_tree.isVisible()


@pytest.mark.parametrize("text", ['"', "NEAR(", "benzo -", "((", "*", "col:x"])
def test_query_syntax_in_the_box_is_harmless(ready, qtbot, text):
    type_in(qtbot, ready, text)
    assert ready.search_results.isVisible()


def test_each_keystroke_that_finds_something_runs_one_query(ready, qtbot):
    index = ready.search.index
    for letter in "klonopin":
        before = index.queries_run
        qtbot.keyClick(ready.navigation.search_box, letter)
        qtbot.waitUntil(ready.search_settled, timeout=5_000)
        assert index.queries_run - before <= 2  # one, and a second only to offer a correction
    before = index.queries_run
    qtbot.keyClick(ready.navigation.search_box, Qt.Key.Key_Space)
    qtbot.waitUntil(ready.search_settled, timeout=5_000)
    assert index.queries_run - before == 1 and ready.search_results.titles()


def test_search_text_lives_in_the_session_and_a_reset_clears_it(ready, qtbot):
    type_in(qtbot, ready, "detox")
    assert ready.session.search_text == "detox"
    ready.reset_session()
    assert ready.navigation.search_box.text() == "" and ready.topic_tree.isVisible()


def test_the_ui_stays_responsive_while_a_large_index_builds(qtbot, make_pack, tmp_path):
    files = {
        f"en/articles/a{i}.md": article(f"Article {i}", body=f"word{i} " + "filler text " * 40) for i in range(5000)
    }
    pack = make_pack(files)
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    window = create_window(["--content", str(pack)])
    qtbot.addWidget(window)
    timer.start()
    assert not window.search_ready()
    assert "ready" in window.navigation.search_box.placeholderText()
    qtbot.keyClicks(window.navigation.search_box, "word4321")
    assert "Getting search ready..." in window.search_results.messages()
    qtbot.waitUntil(window.search_ready, timeout=60_000)
    timer.stop()
    qtbot.waitUntil(window.search_settled, timeout=5_000)
    assert len(ticks) >= 5  # the event loop kept running during the build
    assert window.search_results.titles() == ["Article 4321"]  # the waiting query ran when ready
    assert window.navigation.search_box.placeholderText() == "Search the guide"


def test_ctrl_f_finds_in_the_page_with_a_count(window, qtbot):
    window.open_article("withdrawal-and-detox")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(object, "findBar")
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "seizure")
    count = window.findChild(object, "findCount").text()
    assert count.startswith("1 of ") and int(count.split()[-1]) >= 2
    assert window.reader.textCursor().selectedText().lower() == "seizure"
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert window.findChild(object, "findCount").text().startswith("2 of ")
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert window.findChild(object, "findCount").text().startswith("1 of ")
    bar.field.clear()
    qtbot.keyClicks(bar.field, "zzzz")
    assert window.findChild(object, "findCount").text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_results_wrap_again_when_the_sidebar_gets_narrower(ready, qtbot):
    results = type_in(qtbot, ready, "benzo")
    first = results.item(0)
    qtbot.waitUntil(lambda: results.visualItemRect(first).isValid())
    wide = results.visualItemRect(first)
    total = sum(ready.splitter.sizes())
    ready.splitter.setSizes([160, total - 160])
    qtbot.waitUntil(lambda: results.visualItemRect(first).width() < wide.width())
    narrow = results.visualItemRect(first)
    assert narrow.width() <= results.viewport().width()  # the row fits: nothing cut off at the side
    assert narrow.height() > wide.height()  # the same words on more lines


@pytest.mark.parametrize(
    ("language", "question", "note", "first"),
    [
        (
            "en",
            "what do I do if my son took too many pills ",
            "No page has all of these words.",
            "Overdose: what",
        ),
        ("es", "qué hago si mi hijo tomó demasiadas pastillas ", "Ninguna página tiene todas", "Sobredosis: qué"),
    ],
)
def test_a_question_typed_in_full_finds_pages_and_says_how(window_factory, qtbot, language, question, note, first):
    """Every word had to be in one page: a question asked as a person asks it found nothing."""
    window = window_factory("--lang", language)
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    Guide(window, qtbot).type(window.navigation.search_box, question)
    qtbot.waitUntil(window.search_settled, timeout=5_000)
    results = window.search_results
    assert results.messages()[0].startswith(note)
    assert results.titles() and results.titles()[0].startswith(first)
    qtbot.keyClick(window.navigation.search_box, Qt.Key.Key_Return)  # the first page opens, words marked
    marked = {s.cursor.selectedText().lower() for s in window.reader.extraSelections()}
    assert marked and not marked & {"what", "do", "if", "my", "qué", "si", "mi"}
