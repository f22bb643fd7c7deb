"""The checklist's layout at small sizes, as a visitor's finger and eyes meet it: items wrap to the
view's width, the crisis banner leaves the list usable, and a tick never moves the next box."""

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from guide.session import ZOOM_STEPS

SMALL = (800, 600)
DEFAULT = (1200, 780)
BOX_AND_GAP = 22 + 10  # the item's indicator and the spacing after it, from guide.qss
FIRST_ITEMS = ["coordination", "more-saliva", "trouble-sleeping", "muscle-joint-pain"]


@pytest.fixture
def open_signs(window_factory, pin_config):
    """The misuse checklist in a window of `size`, in `lang`, on the desktop or in a kiosk."""

    def make(lang: str, size=SMALL, kiosk=False):
        args = ["--lang", lang] + (["--kiosk", "--config", str(pin_config)] if kiosk else [])
        window = window_factory(*args, size=size)
        window.open_checklist("clonazepam-signs")
        settle()
        return window

    return make


def settle():
    """Let every posted layout request run, as the event loop does before the next paint."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def on_window(widget, window) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def click(qtbot, box):
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    settle()


def fully_visible_items(view) -> list[str]:
    viewport = view.scroll_area.viewport()
    whole = []
    for item_id in view._boxes:
        box = view.box(item_id)
        rect = QRect(box.mapTo(viewport, QPoint(0, 0)), box.size())
        if viewport.rect().intersected(rect) == rect:
            whole.append(item_id)
    return whole


def text_height(label_or_box, width: int) -> int:
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    metrics = QFontMetrics(label_or_box.font())
    return metrics.boundingRect(QRect(0, 0, width, 100000), flags, label_or_box.text()).height()


def assert_items_wrap_inside_the_view(view):
    viewport = view.scroll_area.viewport()
    assert not view.scroll_area.horizontalScrollBar().isVisible()
    assert view.scroll_area.widget().width() <= viewport.width()
    for item_id in view._boxes:
        box = view.box(item_id)
        right = box.mapTo(viewport, QPoint(box.width(), 0)).x()
        assert right <= viewport.width(), item_id
        assert box.height() >= text_height(box, box.width() - BOX_AND_GAP), item_id


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_items_wrap_at_every_zoom_step_with_no_horizontal_scroll_bar(open_signs, lang, kiosk):
    window = open_signs(lang, kiosk=kiosk)
    while window.session.can_zoom_out:
        window.on_zoom_out()
    for step in ZOOM_STEPS:
        assert window.session.zoom == step
        settle()
        assert_items_wrap_inside_the_view(window.checklist_view)
        window.on_zoom_in()


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_with_the_crisis_banner_shown_the_list_stays_usable(open_signs, qtbot, lang, kiosk):
    window = open_signs(lang, kiosk=kiosk)
    view = window.checklist_view
    click(qtbot, view.scroll_to("suicide-thoughts"))
    banner = view.crisis_banner
    assert banner.isVisible()
    assert len(fully_visible_items(view)) >= 3, fully_visible_items(view)
    for label in banner.findChildren(QLabel):
        assert label.height() >= text_height(label, label.contentsRect().width()), label.text()
    assert on_window(banner, window).y() + banner.height() <= on_window(view.scroll_area, window).y()
    assert_items_wrap_inside_the_view(view)


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["800x600", "default"])
@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_ticking_a_box_never_moves_the_next_one(open_signs, qtbot, lang, kiosk, size):
    window = open_signs(lang, size=size, kiosk=kiosk)
    view = window.checklist_view
    for item_id, next_id in itertools.pairwise(FIRST_ITEMS):
        box, next_box = view.box(item_id), view.box(next_id)
        before = on_window(next_box, window)
        click(qtbot, box)
        assert box.isChecked()
        assert on_window(next_box, window) == before, (item_id, window.checklist_view.result_label.text()[:40])


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["800x600", "default"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_red_flag_brings_the_banner_without_moving_the_item_under_the_finger(open_signs, qtbot, lang, size):
    window = open_signs(lang, size=size)
    view = window.checklist_view
    box = view.scroll_to("suicide-thoughts")
    next_box = view.box("more-than-prescribed")
    ticked_at, next_at = on_window(box, window), on_window(next_box, window)
    click(qtbot, box)
    assert view.crisis_banner.isVisible()
    assert (on_window(box, window), on_window(next_box, window)) == (ticked_at, next_at)
    click(qtbot, box)  # and taking the tick back moves nothing either
    assert not view.crisis_banner.isVisible()
    assert (on_window(box, window), on_window(next_box, window)) == (ticked_at, next_at)


def result_in_view(window) -> bool:
    """The result box lies wholly inside the checklist view's visible area, unscrolled."""
    view = window.checklist_view
    result = view.result_label
    top_left = result.mapTo(view, QPoint(0, 0))
    shown = QRect(top_left, result.size())
    viewport = view.scroll_area.viewport()
    if view.scroll_area.isAncestorOf(result):
        shown = shown.intersected(QRect(viewport.mapTo(view, QPoint(0, 0)), viewport.size()))
    return result.isVisible() and shown.size() == result.size()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_result_stays_in_view_while_there_is_room(open_signs, qtbot, lang):
    """At the default size a visitor sees the result change as they tick, without scrolling."""
    window = open_signs(lang, size=DEFAULT)
    view = window.checklist_view
    view.scroll_area.verticalScrollBar().setValue(view.scroll_area.verticalScrollBar().maximum())
    settle()
    for item_id in ("anxiety", "trouble-sleeping"):
        box = view.scroll_to(item_id)
        click(qtbot, box)
        assert result_in_view(window), f"the result is out of view after ticking {item_id}"
    assert len(fully_visible_items(view)) >= 3


def test_with_the_banner_at_800x600_the_result_follows_the_list(open_signs, qtbot):
    """Three rows stay visible under the banner: the result moves to the end of the list."""
    window = open_signs("es", size=SMALL, kiosk=True)
    view = window.checklist_view
    click(qtbot, view.scroll_to("suicide-thoughts"))
    assert window.findChild(object, "crisisBanner").isVisible()
    assert view.scroll_area.isAncestorOf(view.result_label)
    assert len(fully_visible_items(view)) >= 3
