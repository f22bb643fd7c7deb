"""Typing never waits for search: queries run on the search thread, and only the newest words.

Each test holds the search thread at a gate of its own (a query that doesn't return until the
test lets it), so what the window does meanwhile is seen without timing anything.
"""

import threading

import pytest
from PySide6.QtCore import Qt


class Gate:
    """Wraps the index's search: records the words searched, holds the first query until
    `release()`, and records the queries SQLite stopped."""

    def __init__(self, index, monkeypatch, inside_sqlite=False):
        self.searched, self.stopped = [], []
        self.entered, self._open = threading.Event(), threading.Event()
        real = index.search

        def search(text, language):
            self.searched.append(text)
            try:
                if not inside_sqlite:
                    self._hold()
                return real(text, language)
            except Exception as error:
                self.stopped.append((text, str(error)))
                raise

        monkeypatch.setattr(index, "search", search)
        if inside_sqlite:  # held inside a query, where only SQLite's interrupt() can stop it
            index.connection.set_progress_handler(lambda: self._hold() or 0, 10)

    def _hold(self):
        if not self._open.is_set():
            self.entered.set()
            self._open.wait(5)  # a bound, so a window that searched on its own thread fails, not hangs

    def release(self):
        self._open.set()


@pytest.fixture
def ready(window, qtbot):
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    qtbot.waitUntil(window.search_settled)
    return window


def test_keys_are_echoed_while_a_query_runs_and_only_the_newest_words_are_searched(ready, qtbot, monkeypatch):
    gate = Gate(ready.search.index, monkeypatch)
    box = ready.navigation.search_box
    qtbot.keyClicks(box, "kl")
    assert gate.entered.wait(5)  # the query for "k" or "kl" is running, and held
    qtbot.keyClicks(box, "onopin")
    assert box.text() == "klonopin"  # every key shown at once, while the query was held
    assert not ready.search_settled() and ready.search_results.titles() == []
    gate.release()
    qtbot.waitUntil(ready.search_settled, timeout=5_000)
    assert ready.search_results.titles()[0] == "Clonazepam (Klonopin)"
    # The keys typed while it was held were never searched: only the newest words ran next.
    assert gate.searched[-1] == "klonopin" and set(gate.searched) <= {"k", "kl", "klonopin"}


def test_a_stale_query_is_stopped_inside_sqlite(ready, qtbot, monkeypatch):
    gate = Gate(ready.search.index, monkeypatch, inside_sqlite=True)
    box = ready.navigation.search_box
    qtbot.keyClicks(box, "wi")
    assert gate.entered.wait(5)  # the query for "wi" is running inside SQLite, held there
    qtbot.keyClicks(box, "thdrawal")
    gate.release()
    qtbot.waitUntil(ready.search_settled, timeout=5_000)
    assert gate.stopped == [("wi", "interrupted")]
    assert gate.searched[-2:] == ["wi", "withdrawal"]  # and nothing typed between
    assert "Withdrawal and detox" in " ".join(ready.search_results.titles())


def test_enter_before_the_results_come_opens_the_first_when_they_do(ready, qtbot, monkeypatch):
    gate = Gate(ready.search.index, monkeypatch)
    box = ready.navigation.search_box
    qtbot.keyClicks(box, "klonopin")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert ready.current_location().target == "home"  # nothing to open yet
    gate.release()
    qtbot.waitUntil(lambda: ready.current_location().target == "clonazepam", timeout=5_000)
    marked = {s.cursor.selectedText().lower() for s in ready.reader.extraSelections()}
    assert "klonopin" in marked


def test_typing_after_enter_cancels_it(ready, qtbot, monkeypatch):
    gate = Gate(ready.search.index, monkeypatch)
    box = ready.navigation.search_box
    qtbot.keyClicks(box, "klonopin")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, " pills")  # not done after all
    gate.release()
    qtbot.waitUntil(ready.search_settled, timeout=5_000)
    assert ready.search_results.titles() and ready.current_location().target == "home"


def test_results_that_come_after_a_reset_are_not_shown_to_the_next_visitor(ready, qtbot, monkeypatch):
    gate = Gate(ready.search.index, monkeypatch)
    qtbot.keyClicks(ready.navigation.search_box, "overdose")
    qtbot.keyClick(ready.navigation.search_box, Qt.Key.Key_Return)
    assert gate.entered.wait(5)
    ready.reset_session()
    gate.release()
    qtbot.waitUntil(ready.search.settled, timeout=5_000)
    qtbot.wait(0)  # the answer's queued hand-over to the window, had there been one
    assert ready.navigation.search_box.text() == "" and ready.topic_tree.isVisible()
    assert ready.search_results.count() == 0  # not even hidden
    assert ready.current_location().target == "home"  # the last visitor's Enter did not carry over


def test_a_reset_leaves_the_last_visitors_words_nowhere_not_even_in_the_search_thread(ready, qtbot):
    from guide.search.sidebar import PENDING

    qtbot.keyClicks(ready.navigation.search_box, "overdose")
    qtbot.waitUntil(ready.search_settled, timeout=5_000)
    assert ready.search.search("overdose", "en") is not PENDING  # kept while the visit goes on
    ready.reset_session()
    assert ready.search.search("overdose", "en") is PENDING  # asked afresh: nothing was kept
