"""The search index on a thread of its own: built there, and every query run there.

A keystroke never waits for SQLite. `search()` answers at once: the results when the worker
already has them for these words, else PENDING, and the words go to the worker; `found` is
emitted on the GUI thread when their results come, and the window asks again. Only the newest
words are searched: words typed while a query runs replace the ones waiting, and the running
query is interrupted (sqlite3's interrupt(), the one call SQLite allows from another thread), so
the results for the last key come one query after it, not one per key typed before it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from guide.packs.records import Library
from guide.search.sidebar import PENDING, Pending

if TYPE_CHECKING:  # guide.search.index (and SQLite) is imported on the worker, after the first paint
    from guide.search.index import Results, SearchIndex

Words = tuple[str, str]  # (text, language)


class SearchService(QObject):
    """Owns the index and its thread. `ready` is emitted (on the GUI thread) when it can be
    searched, `found` when the results for the newest words asked have come."""

    ready = Signal()
    failed = Signal(str)  # why the index could not be built; the guide runs on without search
    found = Signal()

    def __init__(self, library: Library, cache_dir: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self.error = ""
        self._built = threading.Event()
        self._worker = _Worker()  # parentless: safe to emit even if we are gone
        self._worker.built.connect(self._on_built)
        self._worker.answered.connect(self._on_answered)
        self._answer: tuple[Words, Results] | None = None  # the newest words' results, once they came
        self._started = False
        self._library, self._cache_dir = library, cache_dir

    def start(self) -> None:
        """Start the worker (once): it builds the index, then runs the queries. Called after the
        first paint, or on first use."""
        if self._started:
            return
        self._started = True
        worker, built, library, cache_dir = self._worker, self._built, self._library, self._cache_dir

        def build() -> None:
            try:
                from guide.search.index import build_index

                worker.index = build_index(library, cache_dir)
            except Exception as error:  # a bug: reported once, never a window stuck "getting ready"
                worker.error = f"{type(error).__name__}: {error}"
            if worker.index is not None:
                # The queries' thread: a daemon, as it waits for words as long as the window
                # lives, and quitting must not wait for it.
                threading.Thread(target=worker.serve, name="search", daemon=True).start()
            built.set()
            worker.built.emit()

        # Plain Python threads, not QThreadPool.start(callable): with a large pack the latter
        # ended the process with "Fatal Python error: none_dealloc" at exit (PySide6 6.12).
        # Not a daemon: quitting mid-build waits for it (a second or two) instead of killing it.
        threading.Thread(target=build, name="search-index", daemon=False).start()
        self.destroyed.connect(worker.stop)  # the window is gone: its queries' thread ends too

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    def search(self, text: str, language: str) -> Results | Pending | None:
        """The results for `text` if the worker has them; PENDING while it searches (`found`
        comes when it has); None while the index is still being built."""
        if self._index is None:
            self.start()
            return None
        words = (text, language)
        if self._answer is not None and self._answer[0] == words:
            self._worker.drop()  # back to words already answered: whatever else was asked is stale
            return self._answer[1]
        self._worker.ask(words)
        return PENDING

    def forget(self) -> None:
        """The visit is over: its last words and their results are dropped, and so is any query
        for them still running (a reset; nothing of a visit outlives it, not even in memory)."""
        self._answer = None
        self._worker.drop()

    def settled(self) -> bool:
        """No words waiting for results (for tests and benchmarks: the sidebar shows the last ones)."""
        return self._index is not None and self._worker.idle()

    def wait_built(self, seconds: float) -> bool:
        """Block until the index is built (for shutdown and tests only); starts it if need be."""
        self.start()
        return self._built.wait(seconds)

    def _on_built(self) -> None:
        self._index = self._worker.index
        if self._index is None:
            self.error = self._worker.error
            sys.stderr.write(f"guide: search is unavailable: {self.error}\n")
            self.failed.emit(self.error)
        else:
            self.ready.emit()

    def _on_answered(self) -> None:
        answer = self._worker.take_answer()
        if answer is not None:  # None: newer words were asked meanwhile, and their query runs
            self._answer = answer
            self.found.emit()


class _Worker(QObject):
    """The thread's side: the newest words asked, the query running, the answer to hand over."""

    built = Signal()
    answered = Signal()
    index: SearchIndex | None = None
    error = ""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Condition()
        self._wanted: Words | None = None  # the newest words asked
        self._running: Words | None = None  # the words of the query running now
        self._answer: tuple[Words, Results] | None = None
        self._stopped = False
        self._generation = 0  # one more at each drop(): a query begun before it is not handed over

    def ask(self, words: Words) -> None:
        """From the GUI thread: search `words` next, dropping any words waiting."""
        with self._lock:
            if words == self._wanted or (words == self._running and self._wanted is None):
                return  # already asked: asking again for the same words changes nothing
            self._wanted = words
            if self._running is not None and self._running != words:
                self.index.connection.interrupt()  # stale: stop it at SQLite's next step
            self._lock.notify()

    def drop(self) -> None:
        """Forget the words asked, the query running and an answer not yet handed over."""
        with self._lock:
            self._wanted, self._answer = None, None
            self._generation += 1
            if self._running is not None:
                self.index.connection.interrupt()

    def stop(self) -> None:
        """End the loop (its window is gone); a query running is interrupted."""
        with self._lock:
            self._stopped, self._wanted = True, None
            if self._running is not None:
                self.index.connection.interrupt()
            self._lock.notify()

    def idle(self) -> bool:
        with self._lock:
            return self._wanted is None and self._running is None and self._answer is None

    def take_answer(self) -> tuple[Words, Results] | None:
        with self._lock:
            answer, self._answer = self._answer, None
            return answer

    def serve(self) -> None:
        """The worker's loop: search the newest words, hand over their results, wait for more."""
        import sqlite3

        index = self.index
        while True:
            with self._lock:
                while self._wanted is None and not self._stopped:
                    self._lock.wait()
                if self._stopped:
                    return
                words, self._wanted, self._running = self._wanted, None, self._wanted
                generation = self._generation
            try:
                results = index.search(*words)
            except sqlite3.OperationalError as error:
                # interrupted: other words were asked, or none are wanted now
                results = None if "interrupt" in str(error) else self._failed(words, error)
            except Exception as error:  # a bug: said once, and the sidebar isn't left waiting
                results = self._failed(words, error)
            with self._lock:
                self._running = None
                if self._stopped:
                    return
                if results is None or self._wanted is not None or generation != self._generation:
                    continue  # stale: dropped unseen (interrupted only for other words, never its own)
                self._answer = (words, results)
            self.answered.emit()

    @staticmethod
    def _failed(words: Words, error: Exception) -> Results:
        from guide.search.index import Results

        sys.stderr.write(f"guide: searching {words[0]!r} failed: {type(error).__name__}: {error}\n")
        return Results(())
