"""The help panel is on screen, whole, at every window size and zoom step."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QFrame

from guide.session import ZOOM_STEPS

SIZES = [(800, 600), (1024, 768), (1280, 800), (1366, 768), (1920, 1080)]


def rect_in_window(widget, window) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", SIZES)
def test_every_help_line_is_inside_the_window_at_every_zoom(window_factory, qtbot, size):
    window = window_factory("--article", "clonazepam", size=size)
    panel = window.help_panel
    entries = [f for f in panel.findChildren(QFrame) if f.property("role") == "helpline"]
    assert len(entries) == 5
    while window.session.can_zoom_out:
        window.on_zoom_out()
    for zoom in ZOOM_STEPS:
        assert window.session.zoom == zoom
        qtbot.wait(1)  # let the layout settle after the font change
        assert panel.isVisible()
        assert window.rect().contains(rect_in_window(panel, window))
        for entry in entries:
            assert entry.isVisible()
            assert rect_in_window(panel, window).contains(rect_in_window(entry, window)), entry.objectName()
            # not squeezed: every line of it has the room it asks for
            assert entry.height() >= entry.minimumSizeHint().height(), entry.objectName()
        window.on_zoom_in()


def test_the_panel_shows_the_us_help_lines_emergency_first(window):
    texts = window.help_panel.contact_texts()
    assert texts[:2] == ["Emergency", "Call 911"]
    for expected in [
        "Call 988",
        "Text 988",
        "Call 1-800-662-4357",
        "TTY 1-800-487-4889",
        "Text your ZIP code to 435748",
        "Call 1-800-222-1222",
        "Text HOME to 741741",
    ]:
        assert expected in texts


def test_the_panel_cannot_be_closed_or_moved_and_keeps_its_size_when_the_reader_zooms(window):
    panel = window.help_panel
    assert panel.parent() is window.centralWidget()  # a fixed column: no dock to close or float
    width, font = panel.width(), panel.font().pointSizeF()
    for _ in range(8):
        window.on_zoom_in()
    assert (panel.width(), panel.font().pointSizeF()) == (width, font)
    assert window.createPopupMenu() is None


def test_the_panel_is_on_every_view(window):
    for show in (lambda: window.open_article("clonazepam"), window.open_help, window.go_home):
        show()
        assert window.help_panel.isVisible()
