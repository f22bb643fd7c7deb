"""Kinetic scrolling on a real X server: the X pointer (xdotool) drags a kiosk's page, which glides
on, and a click on a box in a checklist that scrolls still ticks it. Here the events come from the X
server with its own times, through Qt's window (tests/ui/test_kinetic_scrolling.py sends them
straight to the widgets)."""

import subprocess

import xwindows as x
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QCheckBox, QScroller


def test_a_real_mouse_drag_scrolls_a_kiosk_and_glides_on(kiosk, qtbot):
    library = kiosk.library
    kiosk.open_article(max(library.article_ids(), key=lambda a: len(library.article(a).read_body())))
    viewport, bar = kiosk.reader.viewport(), kiosk.reader.verticalScrollBar()
    assert bar.maximum() > 1000
    start = viewport.mapToGlobal(viewport.rect().center() + QPoint(0, 150))
    # Ten moves of 30 px, a frame apart, as a hand makes them; played while Qt takes them in.
    moves = [word for _ in range(10) for word in ("mousemove_relative", "--", "0", "-30", "sleep", "0.016")]
    hand = subprocess.Popen(["xdotool", "mousemove", str(start.x()), str(start.y()), "mousedown", "1",
                             *moves, "mouseup", "1"])  # fmt: skip
    try:
        qtbot.waitUntil(lambda: hand.poll() is not None, timeout=10_000)
    finally:
        hand.kill()
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10_000)
    assert bar.value() > 300 + 100  # further than the pointer went: it glided
    assert not kiosk.reader.textCursor().hasSelection()


def test_a_real_click_ticks_a_box_in_a_checklist_that_scrolls(kiosk, qtbot):
    kiosk.open_checklist("clonazepam-signs")
    view = kiosk.checklist_view
    area = view.scroll_area
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0, timeout=5000)  # the press waits: tap or drag?
    QApplication.processEvents()  # laid out: each box is where the screen shows it

    def in_view(box) -> bool:
        return area.viewport().rect().contains(box.mapTo(area.viewport(), box.rect().center()))

    box = next(box for box in view.findChildren(QCheckBox) if box.property("role") == "item" and in_view(box))
    where = box.mapToGlobal(box.rect().center())
    x.click(where.x(), where.y())
    qtbot.waitUntil(box.isChecked, timeout=5000)
