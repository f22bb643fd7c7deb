"""Kinetic scrolling: a finger (on a kiosk, a mouse too) drags the page and the lists, which glide on
and come to rest; a tap still opens a link or a topic and ticks a box; a reset's new views scroll
the same, and a reset makes no new gesture type (each QScroller.grabGesture made one, and PySide6
6.11 an enum class for it that is never freed: benchmarks/memory_probe.py reset).

A finger's presses, moves and release reach a widget as mouse events from a touch screen (no
widget here takes touch events, so Qt makes them from the touch): `Pointer` sends them so, each to
the widget pressed, a frame (16 ms) apart. `test_a_real_touch_drags_the_page` goes through Qt's
own touch handling (QTest.touchEvent).
"""

import gc

import pytest
from helpers import article, link_point
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScroller, QWidget

STEP, STEPS = 30, 10  # a drag: 10 moves of 30 px, one a frame (0.47 m/s at the offscreen 100 dpi)
FINGER = STEP * STEPS


@pytest.fixture(scope="module")
def touchscreen(qapp):
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


@pytest.fixture
def finger(touchscreen):
    return Pointer(touchscreen)


@pytest.fixture
def mouse(qapp):
    return Pointer(QPointingDevice.primaryPointingDevice())


class Pointer:
    """Presses, moves and lets go as a window hands them on: to the widget under the press, then
    to that same widget until the release."""

    time = 1_000  # milliseconds, shared: one clock for every pointer

    def __init__(self, device: QPointingDevice):
        self.device = device
        self.widget: QWidget | None = None
        self.at = QPointF()  # where it is, on the screen

    def press(self, view: QWidget, where: QPoint) -> None:
        self.at = view.mapToGlobal(QPointF(where))
        window = view.window()
        self.widget = window.childAt(window.mapFromGlobal(self.at).toPoint()) or window
        self._send(QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton)

    def move(self, dy: float) -> None:
        self.at += QPointF(0, dy)
        self._send(QEvent.Type.MouseMove, Qt.MouseButton.LeftButton)

    def release(self) -> None:
        self._send(QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)
        self.widget = None

    def tap(self, view: QWidget, where: QPoint) -> None:
        self.press(view, where)
        self.release()

    def _send(self, kind: QEvent.Type, buttons: Qt.MouseButton) -> None:
        Pointer.time += 16
        local = self.widget.mapFromGlobal(self.at)
        scene = self.widget.window().mapFromGlobal(self.at)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        event = QMouseEvent(kind, local, scene, self.at, left, buttons, none, self.device)
        event.setTimestamp(Pointer.time)
        QApplication.sendEvent(self.widget, event)


def drag_up(qtbot, pointer: Pointer, view, where: QPoint, bar) -> int:
    """Drag the content up by FINGER px, the view following each move; returns its scroll then."""
    pointer.press(view.viewport(), where)
    for _ in range(STEPS):
        before = bar.value()
        pointer.move(-STEP)
        qtbot.waitUntil(lambda before=before: bar.value() > before, timeout=2000)  # the next frame
    return bar.value()


def wait_at_rest(qtbot, view) -> None:
    scroller = QScroller.scroller(view.viewport())
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10_000)


def open_longest_article(window) -> None:
    library = window.library
    window.open_article(max(library.article_ids(), key=lambda a: len(library.article(a).read_body())))
    assert window.reader.verticalScrollBar().maximum() > 3 * FINGER  # room to glide


def config(tmp_path, pin_config=None, reduce_motion=False) -> str:
    path = tmp_path / "guide.toml"
    kiosk = pin_config.read_text() if pin_config else ""
    path.write_text(f"{kiosk}\n[display]\nreduce_motion = {str(reduce_motion).lower()}\n")
    return str(path)


MODES = {
    "desktop": lambda tmp_path, pin: ("--config", config(tmp_path)),
    "kiosk": lambda tmp_path, pin: ("--kiosk", "--config", config(tmp_path, pin)),
    "kiosk, reduce_motion": lambda tmp_path, pin: ("--kiosk", "--config", config(tmp_path, pin, True)),
    "desktop, reduce_motion": lambda tmp_path, pin: ("--config", config(tmp_path, reduce_motion=True)),
}


@pytest.fixture(params=MODES)
def any_window(request, window_factory, tmp_path, pin_config):
    window = window_factory(*MODES[request.param](tmp_path, pin_config))
    window.glides = "reduce_motion" not in request.param
    return window


def reset(window, times: int = 1) -> None:
    for _ in range(times):
        window.reset_session()


@pytest.mark.parametrize("resets", [0, 1])
def test_a_finger_drags_the_page_which_glides_on_and_stops(any_window, qtbot, finger, resets):
    reset(any_window, resets)
    open_longest_article(any_window)
    reader, bar = any_window.reader, any_window.reader.verticalScrollBar()
    at_release = drag_up(qtbot, finger, reader, QPoint(300, 500), bar)
    assert at_release >= FINGER - 25  # it followed the finger (less the 5 mm before a drag starts)
    finger.release()
    wait_at_rest(qtbot, reader)
    if any_window.glides:
        assert bar.value() > FINGER + 100  # it went on after the finger let go
    else:
        assert bar.value() == at_release  # reduce_motion: it stops where the finger stopped
    assert not reader.textCursor().hasSelection()


def test_a_real_touch_drags_the_page(window_factory, qtbot, touchscreen):
    """Through Qt's own touch handling: a touch no widget takes reaches them as mouse events."""
    window = window_factory()
    open_longest_article(window)
    viewport, bar = window.reader.viewport(), window.reader.verticalScrollBar()
    at = viewport.mapTo(window, QPoint(300, 500))
    QTest.touchEvent(window, touchscreen).press(0, at).commit()
    for _ in range(STEPS):
        before = bar.value()
        at -= QPoint(0, STEP)
        QTest.touchEvent(window, touchscreen).move(0, at).commit()
        qtbot.waitUntil(lambda before=before: bar.value() > before, timeout=2000)
    QTest.touchEvent(window, touchscreen).release(0, at).commit()
    wait_at_rest(qtbot, window.reader)
    assert bar.value() >= FINGER - 25
    assert not window.reader.textCursor().hasSelection()


def test_a_mouse_drag_scrolls_a_kiosk(window_factory, qtbot, pin_config, mouse):
    window = window_factory("--kiosk", "--config", str(pin_config))
    open_longest_article(window)
    bar = window.reader.verticalScrollBar()
    assert drag_up(qtbot, mouse, window.reader, QPoint(300, 500), bar) >= FINGER - 25
    mouse.release()
    wait_at_rest(qtbot, window.reader)
    assert not window.reader.textCursor().hasSelection()


def test_a_mouse_drag_on_the_desktop_selects_words(window, qtbot, mouse):
    open_longest_article(window)
    reader = window.reader
    mouse.press(reader.viewport(), QPoint(300, 500))
    for _ in range(5):
        mouse.move(-STEP)
    mouse.release()
    QApplication.processEvents()
    assert reader.verticalScrollBar().value() == 0
    assert QScroller.scroller(reader.viewport()).state() == QScroller.State.Inactive
    assert len(reader.textCursor().selectedText()) > 20


def visible_rows(tree) -> list[tuple[str, QPoint]]:
    """The articles' rows in view, top to bottom: address, and where on the tree's viewport."""
    rows = ((address, tree.visualItemRect(item).center()) for address, item in tree.location_items().items())
    return [
        (address, at) for address, at in rows if address.startswith("article:") and tree.viewport().rect().contains(at)
    ]


@pytest.fixture
def long_list(make_pack):
    """Sixty topics: a tree taller than the sidebar."""
    return make_pack({f"en/articles/page-{i}.md": article(f"Page {i:02}", category="Pages") for i in range(60)})


LINK_PAGE = '<h1>Links</h1><p>Read <a href="article:benzodiazepines">this</a>.</p>' + "<p>More words.</p>" * 100


@pytest.mark.parametrize("resets", [0, 1])
@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
def test_a_tap_opens_a_topic_and_a_link(window_factory, pin_config, long_list, finger, mouse, kiosk, resets):
    window = window_factory("--content", str(long_list), *(("--kiosk", "--config", str(pin_config)) if kiosk else ()))
    reset(window, resets)
    tree, reader = window.topic_tree, window.reader
    for number, pointer in enumerate((finger, mouse) if kiosk else (finger,)):
        assert tree.verticalScrollBar().maximum() > 0  # a press on what scrolls waits to be a tap or a drag
        address, row = visible_rows(tree)[3 + number]
        pointer.tap(tree.viewport(), row)
        assert window.current_location().url() == address
        reader.show_page(LINK_PAGE)
        assert reader.verticalScrollBar().maximum() > 0
        pointer.tap(reader.viewport(), link_point(reader, "article:benzodiazepines"))
        assert window.current_location().target == "benzodiazepines"


def test_a_drag_from_a_topic_scrolls_the_tree_and_opens_nothing(window_factory, qtbot, finger, long_list):
    window = window_factory("--content", str(long_list))
    tree, shown = window.topic_tree, window.current_location().url()
    marked, bar = (tree.currentItem(), tree.selectedItems()), tree.verticalScrollBar()
    assert bar.maximum() > 10
    finger.press(tree.viewport(), visible_rows(tree)[-1][1])
    for _ in range(STEPS):
        assert (tree.currentItem(), tree.selectedItems()) == marked  # no row lights up under the finger
        finger.move(-STEP)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: bar.value() >= 3, timeout=2000)  # rows: the tree scrolls a row at a time
    finger.release()
    wait_at_rest(qtbot, tree)
    assert bar.value() > 10
    assert window.current_location().url() == shown and (tree.currentItem(), tree.selectedItems()) == marked


@pytest.mark.parametrize("resets", [0, 1])
def test_a_tap_ticks_a_box_and_a_drag_from_one_scrolls_without_ticking_it(window_factory, qtbot, pin_config,
                                                                          finger, resets):  # fmt: skip
    window = window_factory("--kiosk", "--config", str(pin_config), size=(800, 600))
    reset(window, resets)
    window.open_checklist("withdrawal-warning-signs")
    window.open_checklist("clonazepam-signs")  # a page in place of another: its boxes are new ones
    view = window.checklist_view
    area, bar = view.scroll_area, view.scroll_area.verticalScrollBar()
    assert bar.maximum() > FINGER // 2
    QApplication.processEvents()  # laid out
    boxes = [box for box in area.widget().findChildren(QWidget) if box.property("role") == "item"]
    box = next(b for b in boxes if b.mapTo(area.viewport(), QPoint(0, b.height())).y() < area.viewport().height())
    centre = box.mapTo(area.viewport(), box.rect().center())
    finger.tap(area.viewport(), centre)
    assert box.isChecked()
    finger.tap(area.viewport(), centre)
    assert not box.isChecked()
    finger.press(area.viewport(), centre)
    before = bar.value()
    finger.move(-STEP)
    qtbot.waitUntil(lambda: bar.value() > before, timeout=2000)
    finger.move(-STEP)
    finger.release()
    wait_at_rest(qtbot, area)
    assert bar.value() > before and not box.isChecked() and not box.isDown()


def gesture_types() -> int:
    """Qt.GestureType enum classes: PySide6 makes one for each gesture type Qt hands it."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, type) and o.__name__ == "GestureType")


def test_resets_make_no_new_gesture_types(window_factory, pin_config, finger):
    window = window_factory("--kiosk", "--config", str(pin_config))
    window.reset_session()
    before = gesture_types()
    reset(window, 5)
    assert gesture_types() == before
    window.open_article("clonazepam")
    address, row = visible_rows(window.topic_tree)[2]
    finger.tap(window.topic_tree.viewport(), row)
    assert window.current_location().url() == address
