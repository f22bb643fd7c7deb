"""A rich visit, driven as a visitor would, and the three ways a visit ends.

Shared by tests/ui/test_reset_equals_new_window.py (offscreen) and
tests/display/test_reset_equals_new_window.py (Xvfb with a window manager).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from snapshot import differences, snapshot

from guide.testing import Guide

OTHER = {"en": "es", "es": "en"}
ENDINGS = ("idle timeout", "I'm finished", "staff reset")
CUT = "overdose my son 555 0147"  # what a visitor cut from the search box


def settle() -> None:
    """Let queued work run (deferred deletes, queued shows) so both windows are compared at rest."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def rich_visit(window, qtbot, language: str) -> None:
    """Search, find, ticks with a red flag, a feedback answer and draft, zoom, theme, the other
    language, scrolling, history, a refused link, a ZIP code and filters on the locator (when a
    pack has its directory), the help page, the staff keypad opened and cancelled, a dragged
    splitter, cut text, an open menu."""
    guide = Guide(window, qtbot)
    qtbot.waitUntil(window.search_ready, timeout=60_000)
    box = window.navigation.search_box
    box.setFocus()
    guide.type(box, "rehab near me")
    for _ in range(len("rehab near me")):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)  # emptied: Ctrl+Z would bring it back
    guide.type(box, CUT)
    box.selectAll()
    qtbot.keySequence(box, QKeySequence.StandardKey.Cut)  # the clipboard now holds the visitor's words
    guide.type(box, "overdose")
    guide.wait_for_search()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # into the results
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the first result, words marked in it
    window.open_find_bar()
    guide.type(window.find_bar.field, "suicide")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    window.open_checklist("clonazepam-signs")
    for item in ("anxiety", "suicide-thoughts", "mixing"):
        guide.tick(item)
    window.open_article("clonazepam")
    qtbot.mouseClick(window.feedback_panel.yes, Qt.MouseButton.LeftButton)
    guide.type(window.feedback_panel.comment, "my brother Jake takes 6 a day")
    window.feedback_panel.comment.clear()  # typed, then erased: undo would bring it back
    window.open_article("benzodiazepines")
    qtbot.mouseClick(window.feedback_panel.no, Qt.MouseButton.LeftButton)
    guide.type(window.feedback_panel.comment, "my daughter uses")  # a draft, never sent
    window.on_zoom_in()
    window.on_zoom_in()
    window.set_theme("dark")
    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())
    window.topic_tree.verticalScrollBar().setValue(window.topic_tree.verticalScrollBar().maximum())
    window.go_back()
    window.go_forward()
    window.on_address_requested("javascript:alert(1)")  # refused: a message in the status bar
    if window.library.locator is not None:  # "Find treatment near you": a ZIP code on the pad, two toggles
        window.open_locator()
        page = window.locator_page
        for key in "62701" if window.kiosk else "":
            qtbot.mouseClick(page.number_pad.keys[key], Qt.MouseButton.LeftButton)
        if not window.kiosk:
            guide.type(page.zip_box, "62701")
        qtbot.keyClick(page.zip_box, Qt.Key.Key_Return)
        qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)  # the toggles, left open
        for name in ("residential", "medicaid"):
            qtbot.mouseClick(page.filter_buttons[name], Qt.MouseButton.LeftButton)
        assert page.results.rows(), "the visit found programs near 62701"
        page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    window.open_help()
    window.set_language(OTHER[language])
    window.splitter.setSizes([330, window.splitter.sizes()[1] - 80])  # the visitor dragged it
    if window.kiosk_mode is not None:
        pad = window.kiosk_mode.open_pin_pad()
        qtbot.keyClick(pad, Qt.Key.Key_1)
        pad.reject()
    window.navigation.theme_menu.popup(window.navigation.theme_button.mapToGlobal(window.rect().center()))
    assert QGuiApplication.clipboard().text() == CUT


def end_visit(window, qtbot, way: str) -> None:
    """End the visit the way a kiosk does: the idle timeout, "I'm finished", or staff's reset."""
    if way == "idle timeout":
        window.kiosk_mode.idle.note_input()  # the clock starts from the visitor's last touch
        with qtbot.waitSignal(window.sessionReset, timeout=20_000):
            pass
    elif way == "I'm finished":
        with qtbot.waitSignal(window.sessionReset, timeout=5000):
            window.navigation.theme_menu.hide()  # a tap outside an open menu closes it first
            qtbot.mouseClick(window.navigation.finished, Qt.MouseButton.LeftButton)
    else:
        window.reset_session()
    settle()
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def kiosk_args(pin_config, language: str, way: str, content: Path | None = None) -> list[str]:
    """A kiosk's options; with `content`, a pack (the locator's directory) besides the bundled one."""
    idle = "4" if way == "idle timeout" else "600"
    extra = ["--content", str(content)] if content is not None else []
    return ["--kiosk", "--config", str(pin_config), "--lang", language, "--idle-seconds", idle, *extra]


def reset_window_against_a_new_one(window_factory, qtbot, args: list[str], language: str, way: str) -> list[str]:
    """Drive a rich visit, end it `way`, and compare the window with a new one made with `args`."""
    window = window_factory(*args)
    rich_visit(window, qtbot, language)
    end_visit(window, qtbot, way)
    after_reset = snapshot(window)
    clipboard = QGuiApplication.clipboard().text()
    if window.kiosk_mode is not None:
        window.kiosk_mode.stop()  # or it would come back to the front, as a kiosk does
    window.hide()
    new = window_factory(*args)
    qtbot.waitUntil(new.search_ready, timeout=60_000)
    full_screen = after_reset["mainWindow"]["fullScreen"]  # a kiosk under a window manager: once it has said so
    qtbot.waitUntil(lambda: new.isFullScreen() == full_screen, timeout=10_000)
    settle()
    found = differences(after_reset, snapshot(new))
    if os.environ.get("SNAPSHOT_DUMP"):  # for a person reading why: every difference, in full
        Path(os.environ["SNAPSHOT_DUMP"]).write_text("\n".join(found))
    if CUT in clipboard:
        found.append(f"the clipboard still holds {clipboard!r}: the next visitor can paste it")
    return found
