"""A kiosk visit changes no file: the guide's config, cache and data folders, listed with every
file's size, times and inode before and after a visit, are the same; the only exception is the
anonymous feedback a visitor chose to give, written when the visit ends (docs/KIOSK.md).

tests/display/test_visit_writes_nothing.py checks the same from outside, under strace.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from guide.kiosk.rules import MIN_ITERATIONS, hash_pin
from guide.search.index import LARGE_PACK

EXAMPLE_PACK = Path(__file__).resolve().parents[2] / "docs" / "example-pack"
FEEDBACK = ("feedback.sqlite", "feedback.sqlite-wal", "feedback.sqlite-shm", "feedback.sqlite-journal")


class Folders:
    """HOME and the XDG config, cache and data folders of one kiosk, all inside tmp_path."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch):
        self.home = root / "home"
        self.config, self.cache, self.data = self.home / ".config", self.home / ".cache", self.home / ".local/share"
        monkeypatch.setenv("HOME", str(self.home))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(self.config))
        monkeypatch.setenv("XDG_CACHE_HOME", str(self.cache))
        monkeypatch.setenv("XDG_DATA_HOME", str(self.data))
        monkeypatch.setenv("XDG_STATE_HOME", str(self.home / ".local/state"))
        # The kiosk's own config in its usual place (not --config), so that folder is watched too.
        (self.config / "recovery-guide").mkdir(parents=True)
        (self.config / "recovery-guide" / "config.toml").write_text(
            f'[kiosk]\nenabled = true\nadmin_pin_sha256 = "{hash_pin("2468", iterations=MIN_ITERATIONS)}"\n'
        )
        (self.config / "recovery-guide" / "config.toml").chmod(0o600)  # as `guide kiosk set-pin` leaves it
        self.feedback = self.data / "recovery-guide" / "feedback.sqlite"

    def listing(self) -> dict[str, tuple[str, int, int, int, int]]:
        """Every file and folder under HOME: (kind, size, mtime_ns, ctime_ns, inode) by path."""
        found = {}
        for folder, names, files in os.walk(self.home):
            for name in [".", *names, *files]:
                path = Path(folder, name)
                status = path.lstat()
                kind = "folder" if stat.S_ISDIR(status.st_mode) else "file"
                found[str(path.relative_to(self.home))] = (
                    kind,
                    status.st_size,
                    status.st_mtime_ns,
                    status.st_ctime_ns,
                    status.st_ino,
                )
        return found

    def feedback_files(self) -> set[str]:
        """The feedback database's files, and the folders that hold them (their times move with them)."""
        database = self.feedback.relative_to(self.home)
        return {str(database.with_name(name)) for name in FEEDBACK} | {str(p) for p in database.parents}

    def answers(self, scratch: Path) -> list[tuple]:
        """The feedback database's rows, read from a copy: SQLite opening the files would change
        their times itself (as root it chowns the -wal file on every open)."""
        scratch.mkdir(exist_ok=True)
        for name in FEEDBACK:
            if (self.feedback.parent / name).exists():
                shutil.copyfile(self.feedback.parent / name, scratch / name)
        connection = sqlite3.connect(scratch / FEEDBACK[0])
        try:
            return connection.execute("SELECT article_id, helpful, comment FROM feedback ORDER BY id").fetchall()
        finally:
            connection.close()


def changed(before: dict, after: dict) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@pytest.fixture
def folders(tmp_path, monkeypatch):
    return Folders(tmp_path, monkeypatch)


def large_pack(root: Path) -> Path:
    """More articles than LARGE_PACK: the header cache and the search index go to the disk."""
    for number in range(LARGE_PACK + 1):
        path = root / "en" / "articles" / f"extra-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            textwrap.dedent(
                f"""\
                Title: Extra page {number}
                Summary: A page about aftercare, number {number}.
                Category: Extra
                Reviewed: 2025-01-01
                Review-due: 2027-01-01
                Sources: Test

                Words about aftercare and support, page {number}.
                """
            )
        )
    return root


def kiosk_window(qtbot, *args: str):
    """A kiosk as a clinic starts one, once start-up has settled (painted, search ready)."""
    from guide.testing import open_window

    window = open_window(qtbot, ["--content", str(EXAMPLE_PACK), *args])
    assert window.kiosk  # from the config in its usual place
    qtbot.waitUntil(window.search_ready, timeout=20000)
    return window


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def button(window, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def browse(window, qtbot, extra_article: str = "") -> None:
    """Most of what a visitor can do but give feedback, each step checked on screen so the visit
    really happened."""
    # Articles, the crisis page and the help page, back and forward, scrolling
    window.open_article("clonazepam")
    window.reader.verticalScrollBar().setValue(200)
    window.open_article("crisis-and-emergencies")
    assert "988" in window.reader.toPlainText()
    window.open_help()
    assert "988" in window.reader.toPlainText()
    click(qtbot, button(window, "backButton"))
    click(qtbot, button(window, "forwardButton"))
    if extra_article:
        window.open_article(extra_article)
    # The services page
    window.on_address_requested("services:")
    assert "Find help nearby" in window.reader.toPlainText()
    # A search, and its first result opened
    qtbot.keyClicks(window.navigation.search_box, "klonopin")
    qtbot.waitUntil(window.search_settled)
    assert window.search_results.titles()
    qtbot.keyClick(window.navigation.search_box, Qt.Key.Key_Return)
    window.navigation.search_box.clear()
    # Find in page
    window.open_article("withdrawal-and-detox")
    window.open_find_bar()
    qtbot.keyClicks(window.find_bar.field, "seizure")
    assert " of " in window.find_bar.count_label.text()
    # A checklist, with a red flag
    window.open_checklist("clonazepam-signs")
    click(qtbot, window.checklist_view.scroll_to("suicide-thoughts"))
    click(qtbot, window.checklist_view.scroll_to(next(iter(window.checklist_view._boxes))))
    assert window.findChild(QWidget, "crisisBanner").isVisible()
    # Zoom, theme, language
    click(qtbot, button(window, "zoomInButton"))
    click(qtbot, button(window, "zoomInButton"))
    click(qtbot, button(window, "zoomOutButton"))
    window.navigation.theme_actions["dark"].trigger()
    window.navigation.theme_actions["high-contrast"].trigger()
    box = window.navigation.language_box
    box.setCurrentIndex(box.findData("es"))
    window.open_article("clonazepam")
    window.open_article("crisis-and-emergencies")
    window.open_help()
    window.open_checklist("withdrawal-warning-signs")
    box.setCurrentIndex(box.findData("en"))
    # A link that leaves the guide: its QR code, then closed
    window.show_external_link("https://988lifeline.org").reject()
    # The staff keypad, opened and cancelled
    for _ in range(5):
        click(qtbot, button(window, "titleLabel"))
    (pad,) = [pad for pad in window.findChildren(QDialog, "adminPinPad") if pad.isVisible()]
    pad.reject()


def rich_visit(window, qtbot, extra_article: str = "") -> None:
    """Everything in `browse`, and "Was this page helpful?": an answer, and a comment typed but not sent."""
    browse(window, qtbot, extra_article)
    window.open_article("benzodiazepines")
    click(qtbot, button(window, "feedbackYes"))
    qtbot.keyClicks(button(window, "feedbackComment"), "my daughter uses")


def send_feedback(window, qtbot, article_id: str, comment: str) -> None:
    window.open_article(article_id)
    click(qtbot, button(window, "feedbackNo"))
    qtbot.keyClicks(button(window, "feedbackComment"), comment)
    click(qtbot, button(window, "feedbackSend"))
    assert "Staff will read it" in button(window, "feedbackMessage").text()


@pytest.mark.parametrize("pack", ["bundled", "large"])
def test_a_kiosk_visit_changes_no_file_and_its_end_writes_only_the_feedback(folders, qtbot, tmp_path, pack):
    extra = ["--content", str(large_pack(tmp_path / "large"))] if pack == "large" else []
    window = kiosk_window(qtbot, *extra)
    start = folders.listing()
    # Start-up kept the page it showed first, and only that one, for the next start.
    assert [name.split("-")[:2] for name in os.listdir(folders.cache / "recovery-guide" / "pages")] == [["en", "home"]]
    if pack == "large":  # start-up kept the large pack's search index and headers on disk
        assert any(name.startswith("search-") for name in os.listdir(folders.cache / "recovery-guide"))

    rich_visit(window, qtbot, extra_article="extra-7" if pack == "large" else "")
    assert changed(start, folders.listing()) == set()

    click(qtbot, button(window, "finishedButton"))  # the end of the visit: its answer is written
    ended = folders.listing()
    assert changed(start, ended) and changed(start, ended) <= folders.feedback_files()
    assert folders.answers(tmp_path / "copy") == [("benzodiazepines", 1, "")]  # the draft is not kept

    # The next visitor sends a comment: nothing changes until their visit ends, then only the feedback
    window.open_article("clonazepam")
    send_feedback(window, qtbot, "withdrawal-and-detox", "Clear and short")
    window.open_checklist("withdrawal-warning-signs")
    assert changed(ended, folders.listing()) == set()
    window.reset_session()
    second = folders.listing()
    assert changed(ended, second) and changed(ended, second) <= folders.feedback_files()
    assert folders.answers(tmp_path / "copy")[-1] == ("withdrawal-and-detox", 0, "Clear and short")

    # A visit that gives no feedback changes nothing, its end included
    browse(window, qtbot)
    window.reset_session()
    assert changed(second, folders.listing()) == set()


def test_a_wrong_staff_pin_is_counted_on_disk_and_nothing_else_is_written(folders, qtbot):
    # The one other file a visitor's hand can change (docs/KIOSK.md): the keypad's lock-out count,
    # so that a restart gives no fresh tries. It holds a count and a lock time, nothing read or typed.
    window = kiosk_window(qtbot)
    start = folders.listing()
    pad = window.kiosk_mode.open_pin_pad()
    for key in [*"1111", "ok"]:
        click(qtbot, button(pad, f"pin-{key}"))
    assert "not right" in button(pad, "pinPrompt").text()
    lockout = (folders.data / "recovery-guide" / "pin-lockout.json").relative_to(folders.home)
    assert str(lockout) in changed(start, folders.listing()) <= {str(lockout), *(str(p) for p in lockout.parents)}
