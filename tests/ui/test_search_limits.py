"""A visitor can't freeze the window from the search box: what is searched is bounded."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from guide.kiosk.rules import MIN_ITERATIONS, hash_pin
from guide.search.index import SearchIndex
from guide.search.query import MAX_QUERY_CHARS, MAX_QUERY_WORDS


@pytest.fixture
def searched(monkeypatch):
    """The words of every query handed to SQLite."""
    seen = []
    query = SearchIndex._query

    def spy(self, words, *rest):
        seen.append(list(words))
        return query(self, words, *rest)

    monkeypatch.setattr(SearchIndex, "_query", spy)
    return seen


def ready(window, qtbot):
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    return window


def paste(qtbot, box, text):
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, box.window())


def settle(qtbot, window):
    """The results for the box's words shown: they come from the search thread."""
    qtbot.waitUntil(window.search_settled, timeout=5_000)


def notes(window):
    results = window.search_results
    return [
        results.item(i).text() for i in range(results.count()) if not results.item(i).data(Qt.ItemDataRole.UserRole)
    ]


@pytest.mark.parametrize(
    "text", ["a " * 400, "a " * 800, "help me " * 1250], ids=["400-words", "800-words", "10000-chars"]
)
def test_a_huge_paste_searches_a_bounded_query_and_says_so(window, qtbot, searched, text):
    ready(window, qtbot)
    box = window.navigation.search_box
    paste(qtbot, box, text)
    assert box.text() == text[:MAX_QUERY_CHARS]
    assert searched and max(len(words) for words in searched) <= MAX_QUERY_WORDS
    assert f"Only the first {MAX_QUERY_WORDS} words are searched." in notes(window)


def test_one_endless_word_is_cut_by_the_box(window, qtbot, searched):
    ready(window, qtbot)
    box = window.navigation.search_box
    paste(qtbot, box, "x" * 10_000)
    assert box.text() == "x" * MAX_QUERY_CHARS
    assert max(len(words) for words in searched) <= 1


def test_typing_past_the_limit_searches_only_the_first_words_and_says_so(window, qtbot, searched):
    ready(window, qtbot)
    qtbot.keyClicks(window.navigation.search_box, "benzo " * 20)
    settle(qtbot, window)
    assert max(len(words) for words in searched) == MAX_QUERY_WORDS
    assert window.search_results.titles()  # the first words still find pages
    assert f"Only the first {MAX_QUERY_WORDS} words are searched." in notes(window)


def test_a_short_search_has_no_note(window, qtbot):
    ready(window, qtbot)
    qtbot.keyClicks(window.navigation.search_box, "klonopin")
    settle(qtbot, window)
    assert window.search_results.titles() and notes(window) == []


def test_the_note_is_in_spanish(window_factory, qtbot):
    window = ready(window_factory("--lang", "es"), qtbot)
    paste(qtbot, window.navigation.search_box, "a " * 400)
    assert f"Solo se buscan las primeras {MAX_QUERY_WORDS} palabras." in notes(window)


def test_a_whole_article_copied_and_pasted_in_the_kiosk_is_cut_by_the_box(window_factory, qtbot, tmp_path, searched):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nenabled = true\nadmin_pin_sha256 = "{hash_pin("2468", iterations=MIN_ITERATIONS)}"\n')
    kiosk = ready(window_factory("--kiosk", "--config", str(config)), qtbot)
    kiosk.open_article("clonazepam")
    qtbot.keyClick(kiosk.reader, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(kiosk.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert len(copied) > 10 * MAX_QUERY_CHARS  # the whole article was copied
    box = kiosk.navigation.search_box
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, kiosk)
    assert box.text() == copied[:MAX_QUERY_CHARS]
    assert max(len(words) for words in searched) <= MAX_QUERY_WORDS
    kiosk.admin_exit()
