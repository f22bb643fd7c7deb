"""Builds the search index off the GUI thread and answers queries once it is ready."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from guide.library import Library
from guide.search import Results, SearchIndex, build_index


class SearchService(QObject):
    """Owns the index. `ready` is emitted (on the GUI thread) when it can be searched."""

    ready = Signal()

    def __init__(self, library: Library, cache_dir: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self._built = threading.Event()
        self._finished = _Finished()  # parentless: safe to emit even if we are gone
        self._finished.done.connect(self._on_built)
        finished, built = self._finished, self._built

        def build() -> None:
            index = build_index(library, cache_dir)
            finished.index = index
            built.set()
            finished.done.emit()

        QThreadPool.globalInstance().start(build)

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    def search(self, text: str, language: str) -> Results | None:
        """The results for `text`, or None while the index is still being built."""
        return self._index.search(text, language) if self._index is not None else None

    def wait_built(self, seconds: float) -> bool:
        """Block until the worker has finished (for shutdown and tests only)."""
        return self._built.wait(seconds)

    def _on_built(self) -> None:
        self._index = self._finished.index
        self.ready.emit()


class _Finished(QObject):
    done = Signal()
    index: SearchIndex | None = None
