"""A pytest plugin for testing the guide and content packs through the real window.

Installed with the package (entry point `pytest11`), so a clinic's tests need no conftest:

    def test_our_line_is_on_the_panel(guide):
        assert "Springfield Recovery Clinic" in guide.help_lines()

Fixtures:
    guide_pack    the pack under test: --guide-pack DIR, @pytest.mark.guide(pack=DIR), or the
                  pack a test file sits in (a tests/ folder inside the pack)
    guide_window  the real main window (create_window), shown and registered with qtbot
    guide         a driver with helpers named the way a tester thinks: open_article, search,
                  tick, help_lines, wait_for_idle_reset, ...

Options for the window come from the marker: @pytest.mark.guide("--kiosk", "--lang", "es").
Nothing here sleeps: every helper waits on a signal or a condition. The guide's config, cache
and data folders point to a temporary folder, so tests never touch a real kiosk's files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("guide", "Recovery Guide")
    group.addoption("--guide-pack", action="append", default=[], metavar="DIR", help="content pack(s) to test")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "guide(*args, pack=None): options for the guide window, as on the command line")
    # Offscreen unless the tester asked for a real screen: tests must run on machines without one.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _looks_like_pack(folder: Path) -> bool:
    return any((folder / name).exists() for name in ("helplines.toml", "services.toml", "en/articles"))


@pytest.fixture
def guide_pack(request: pytest.FixtureRequest) -> list[Path]:
    """The pack(s) under test; empty means the bundled content alone."""
    marker = request.node.get_closest_marker("guide")
    if marker and marker.kwargs.get("pack"):
        packs = marker.kwargs["pack"]
        return [Path(p) for p in (packs if isinstance(packs, list | tuple) else [packs])]
    given = request.config.getoption("--guide-pack")
    if given:
        return [Path(p) for p in given]
    folder = Path(str(request.node.path)).parent
    for candidate in (folder, *folder.parents):
        if _looks_like_pack(candidate):
            return [candidate]
        if (candidate / "pyproject.toml").exists():
            break
    return []


@pytest.fixture
def _guide_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("guide-home")
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    return home


def open_window(qtbot, args: Sequence[str], size: tuple[int, int] = (1200, 780)):
    """Build the main window from command-line style options, shown and registered with qtbot."""
    from guide.ui.app import create_window

    args = list(args)
    if not any(arg.startswith("--speech-engine") for arg in args):
        args += ["--speech-engine", "mock"]  # Qt's own silent engine: a test never speaks, nor starts a speech server
    window = create_window(args)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    # Painted, and the work that follows the first paint (kinetic scrolling, the search worker) begun.
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    return window


@pytest.fixture
def guide_window(qtbot, request: pytest.FixtureRequest, guide_pack: list[Path], _guide_folders: Path):
    """The guide's main window with the pack under test laid over the bundled content."""
    marker = request.node.get_closest_marker("guide")
    args = [*(marker.args if marker else ())]
    for pack in guide_pack:
        args += ["--content", str(pack)]
    window = open_window(qtbot, args)
    yield window


@pytest.fixture
def guide(guide_window, qtbot) -> Guide:
    """A driver for the window: the helpers a tester needs, each waiting as a person would."""
    return Guide(guide_window, qtbot)


class Guide:
    """Drives the real window the way a visitor does, and reads what a visitor would see."""

    def __init__(self, window, qtbot):
        self.window = window
        self.qtbot = qtbot

    def open_article(self, article_id: str) -> str:
        """Open an article; returns the text the reader shows."""
        self.window.open_article(article_id)
        return self.page_text()

    def open_checklist(self, checklist_id: str) -> None:
        self.window.open_checklist(checklist_id)

    def page_text(self) -> str:
        return self.window.reader.toPlainText()

    def search(self, text: str) -> list[str]:
        """Type `text` into the search box; returns the result titles shown, best first."""

        self.qtbot.waitUntil(self.window.search_ready, timeout=60_000)
        box = self.window.navigation.search_box
        box.clear()
        self.type(box, text)
        self.wait_for_search()
        return self.window.search_results.titles()

    def wait_for_search(self) -> None:
        """Wait until the sidebar shows the results for the search box's words: each key returns
        at once, and the results come from the search thread a moment later."""
        self.qtbot.waitUntil(self.window.search_settled, timeout=10_000)

    def type(self, widget, text: str) -> None:
        """Type `text` one key at a time, accents and all ("adicción", "¿Qué?").

        QTest.keyClicks aborts the process on a character it has no key code for, so any
        character outside plain ASCII is sent as a key event that carries the character.
        """
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for character in text:
            if character.isascii() and character.isprintable():
                self.qtbot.keyClick(widget, character)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))

    def tick(self, item_id: str) -> None:
        """Tick a check box of the open checklist, with a click, as a visitor would."""
        from PySide6.QtCore import Qt

        box = self.window.checklist_view.scroll_to(item_id)
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())

    def result_text(self) -> str:
        return self.window.findChild(object, "checklistResult").text()

    def crisis_shown(self) -> bool:
        return self.window.findChild(object, "crisisBanner").isVisible()

    def help_lines(self) -> list[str]:
        """What the help panel shows, line by line: names and ways to call or text."""
        return self.window.help_panel.contact_texts()

    def links(self) -> list[str]:
        """Every link address on the page being read."""
        document = self.window.reader.document()
        found, block = [], document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                href = iterator.fragment().charFormat().anchorHref()
                if href and href not in found:
                    found.append(href)
                iterator += 1
            block = block.next()
        return found

    def set_language(self, language: str) -> None:
        self.window.set_language(language)

    def wait_for_idle_reset(self, timeout_seconds: float = 180) -> None:
        """Wait until the kiosk starts over by itself (start the window with --idle-seconds)."""
        with self.qtbot.waitSignal(self.window.sessionReset, timeout=int(timeout_seconds * 1000)):
            pass
