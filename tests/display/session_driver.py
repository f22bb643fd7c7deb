"""A whole visitor session on the real display, for tests/display/test_nothing_calls_out.py.

Run as `python session_driver.py OUT_DIR [--kiosk]` (under strace, by that test and by
test_visit_writes_nothing.py): every view, a search, the find bar, a link that leaves the guide,
a red-flag tick, the summary saved as PDF (not in a kiosk, where a visitor can't), zoom, theme
and language, and an answer with a comment to "Was this page helpful?". Exits 0 when every step
showed what it should.

The visit is framed by markers a trace can be cut at: the driver tries to open (read-only, and
it isn't there) OUT_DIR/visit-begins.marker once start-up has settled, visit-ends.marker before
the visit ends, and visit-ended.marker once its end (the reset that writes feedback) is done.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from guide.ui.app import create_window, keep_from_starting_a_bus

EXAMPLE_PACK = Path(__file__).resolve().parents[2] / "docs" / "example-pack"


def wait_for(condition, what: str, seconds: float = 20) -> None:
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not condition():
        if deadline.hasExpired():
            raise SystemExit(f"session: timed out waiting for {what}")
        QTest.qWait(10)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def check(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"session: {what}")


def mark(out: Path, name: str) -> None:
    """A line in the trace: an open of a file that isn't there, read-only (so it changes nothing)."""
    with contextlib.suppress(FileNotFoundError):
        os.close(os.open(out / f"{name}.marker", os.O_RDONLY))


def main(out: Path, kiosk: bool = False) -> int:
    keep_from_starting_a_bus(os.environ)  # as `guide` does before its QApplication
    app = QApplication(["guide"])
    # A kiosk reads its config (kiosk mode, the staff PIN) from the usual place, as a clinic's does.
    window = create_window(["--content", str(EXAMPLE_PACK)])
    check(window.kiosk == kiosk, f"kiosk mode is {window.kiosk}, not {kiosk}")
    window.show()
    check(QTest.qWaitForWindowExposed(window), "the window was never shown")
    wait_for(lambda: window.started, "the work after the first paint")
    wait_for(window.search_ready, "the search index")
    mark(out, "visit-begins")

    window.open_article("clonazepam")
    check("Klonopin" in window.reader.toPlainText(), "the article is not shown")
    click(window.findChild(QWidget, "feedbackYes"))
    comment = window.findChild(QWidget, "feedbackComment")
    QTest.keyClicks(comment, "Clear and short")
    click(window.findChild(QWidget, "feedbackSend"))
    said = window.findChild(QWidget, "feedbackMessage").text()
    check("Staff will read it" in said, f"the comment was not kept: {said!r}")  # the screen took it

    window.open_checklist("clonazepam-signs")
    box = window.checklist_view.scroll_to("suicide-thoughts")
    click(box)
    check(window.findChild(QWidget, "crisisBanner").isVisible(), "no crisis banner after a red flag")
    if not kiosk:  # what "save as PDF" in the print dialog does; a kiosk offers no way to save a file
        check(window.save_checklist_pdf(str(out / "summary.pdf")), "the PDF was not written")

    window.open_article("crisis-and-emergencies")
    check("911" in window.reader.toPlainText(), "the crisis page is not shown")
    window.open_help()
    check("988" in window.reader.toPlainText(), "the help page is not shown")
    window.on_link_requested(QUrl("services:"))
    check("Find help nearby" in window.reader.toPlainText(), "the services page is not shown")

    QTest.keyClicks(window.navigation.search_box, "klonopin")
    wait_for(window.search_settled, "the search results to come")
    check(bool(window.search_results.titles()), "the search found nothing")
    window.navigation.search_box.clear()

    window.open_article("clonazepam")
    window.open_find_bar()
    QTest.keyClicks(window.find_bar.field, "clonazepam")
    wait_for(lambda: " of " in window.find_bar.count_label.text(), "find in page to count its matches")
    dialog = window.show_external_link("https://988lifeline.org")
    check(dialog.isVisible(), "the link dialog is not shown")
    dialog.close()

    click(window.findChild(QWidget, "zoomInButton"))
    click(window.findChild(QWidget, "zoomOutButton"))
    window.navigation.theme_actions["dark"].trigger()
    box = window.navigation.language_box
    box.setCurrentIndex(box.findData("es"))
    window.open_article("withdrawal-and-detox")
    check("convulsiones" in window.reader.toPlainText(), "the Spanish page is not shown")
    box.setCurrentIndex(box.findData("en"))
    if kiosk:  # the staff keypad, opened and cancelled
        pad = window.kiosk_mode.open_pin_pad()
        check(pad is not None and pad.isVisible(), "the staff keypad is not shown")
        pad.reject()

    mark(out, "visit-ends")
    window.reset_session()  # the end of the visit ("I'm finished", the idle reset): feedback is written
    mark(out, "visit-ended")
    window.admin_exit() if kiosk else window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), kiosk="--kiosk" in sys.argv[2:]))
