"""Builds the search index off the GUI thread and answers queries once it is ready."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from guide.packs.records import Library

if TYPE_CHECKING:  # guide.search.index (and SQLite) is imported on the worker, after the first paint
    from guide.search.index import Results, SearchIndex


class SearchService(QObject):
    """Owns the index. `ready` is emitted (on the GUI thread) when it can be searched."""

    ready = Signal()
    failed = Signal(str)  # why the index could not be built; the guide runs on without search

    def __init__(self, library: Library, cache_dir: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self.error = ""
        self._built = threading.Event()
        self._finished = _Finished()  # parentless: safe to emit even if we are gone
        self._finished.done.connect(self._on_built)
        self._started = False
        self._library, self._cache_dir = library, cache_dir

    def start(self) -> None:
        """Build the index on a worker thread (once); called after the first paint, or on first use."""
        if self._started:
            return
        self._started = True
        finished, built, library, cache_dir = self._finished, self._built, self._library, self._cache_dir

        def build() -> None:
            try:
                from guide.search.index import build_index

                finished.index = build_index(library, cache_dir)
            except Exception as error:  # a bug: reported once, never a window stuck "getting ready"
                finished.error = f"{type(error).__name__}: {error}"
            built.set()
            finished.done.emit()

        # A plain Python thread, not QThreadPool.start(callable): with a large pack the latter
        # ended the process with "Fatal Python error: none_dealloc" at exit (PySide6 6.12).
        # Not a daemon: quitting mid-build waits for it (a second or two) instead of killing it.
        threading.Thread(target=build, name="search-index", daemon=False).start()

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    def search(self, text: str, language: str) -> Results | None:
        """The results for `text`, or None while the index is still being built."""
        if self._index is None:
            self.start()
            return None
        return self._index.search(text, language)

    def wait_built(self, seconds: float) -> bool:
        """Block until the worker has finished (for shutdown and tests only); starts it if need be."""
        self.start()
        return self._built.wait(seconds)

    def _on_built(self) -> None:
        self._index = self._finished.index
        if self._index is None:
            self.error = self._finished.error
            sys.stderr.write(f"guide: search is unavailable: {self.error}\n")
            self.failed.emit(self.error)
        else:
            self.ready.emit()


class _Finished(QObject):
    done = Signal()
    index: SearchIndex | None = None
    error = ""
