"""Accessibility against the real window: keyboard, screen readers, contrast, touch, zoom, motion."""

import re

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QScroller,
    QTreeWidget,
    QWidget,
)

from guide.session import ZOOM_STEPS
from guide.themes import MIN_CONTRAST, THEMES, contrast, text_pairs


def focus_chain(window):
    """Tab order as Qt walks it, starting at the Home button (offscreen windows never focus)."""
    start = window.findChild(QWidget, "homeButton")
    chain, widget = [], start
    for _ in range(400):
        if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def region_of(window, widget):
    for name, region in [
        ("toolbar", window.navigation),
        ("sidebar", window.sidebar),
        ("page", window.pages),
        ("help", window.help_panel),
    ]:
        if region is widget or region.isAncestorOf(widget):
            return name
    return "other"


def test_tab_walks_toolbar_then_topics_then_page_then_help(window):
    window.open_article("clonazepam")
    regions = [region_of(window, w) for w in focus_chain(window)]
    order = [r for i, r in enumerate(regions) if r != "other" and (i == 0 or regions[i - 1] != r)]
    assert order[:4] == ["toolbar", "sidebar", "page", "help"], order


def test_f6_moves_between_the_four_regions_and_round_again(window):
    reached = [region_of(window, window.focus_region(+1)) for _ in range(5)]
    assert reached == ["toolbar", "sidebar", "page", "help", "toolbar"]
    assert region_of(window, window.focus_region(-1)) == "help"


def test_shortcuts_are_shown_in_tooltips(window):
    for name, shortcut in [("homeButton", "Alt+Home"), ("backButton", "Alt+Left"), ("zoomInButton", "Ctrl++")]:
        assert shortcut in window.findChild(QWidget, name).toolTip(), name


def accessible_name(widget):
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


@pytest.mark.parametrize("kiosk", [False, True])
def test_every_focusable_widget_has_an_accessible_name(window_factory, qtbot, kiosk):
    window = window_factory(*(["--kiosk"] if kiosk else []))
    views = [
        lambda: window.open_article("clonazepam"),
        lambda: window.open_checklist("clonazepam-signs"),
        window.open_help,
        window.open_find_bar,
    ]
    for show in views:
        show()
        missing = [w.objectName() or type(w).__name__ for w in focus_chain(window) if not accessible_name(w).strip()]
        assert missing == [], missing


def test_the_crisis_banner_is_announced_when_it_appears(window, qtbot):
    window.open_checklist("clonazepam-signs")
    banner = window.findChild(QWidget, "crisisBanner")
    with qtbot.waitSignal(banner.announced, timeout=1000):
        window.checklist_view.box("suicide-thoughts").setChecked(True)
    assert "988" in banner.accessibleDescription()


def test_the_idle_warning_is_announced(window_factory, qtbot):
    window = window_factory("--kiosk", "--idle-seconds", "2")
    warning = window.findChild(QWidget, "idleWarning")
    with qtbot.waitSignal(warning.announced, timeout=3000):
        pass
    assert "still there" in warning.accessibleName()


HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_text_colour_meets_wcag_in_every_theme(window, theme):
    window.set_theme(theme)
    needed = MIN_CONTRAST[theme]
    background = THEMES[theme]["background"]
    pairs = text_pairs(window.theme.stylesheet, background) + text_pairs(window.theme.reader_css, background)
    checked = [(sel, fg, bg) for sel, fg, bg in pairs if HEX.match(fg) and HEX.match(bg)]
    assert len(checked) > 20  # the style sheets really were read
    low = [(sel, fg, bg, round(contrast(fg, bg), 2)) for sel, fg, bg in checked if contrast(fg, bg) < needed]
    assert low == [], low
    palette = window.palette()
    for text_role, background_role in [
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
        (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    ]:
        ratio = contrast(palette.color(text_role).name(), palette.color(background_role).name())
        assert ratio >= needed, (theme, text_role, round(ratio, 2))


def test_the_theme_follows_the_config_and_a_reset_goes_back(window_factory, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[display]\ntheme = "high-contrast"\n')
    window = window_factory("--config", str(config))
    assert window.theme.theme == "high-contrast"
    assert window.reader.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    window.set_theme("light")
    assert window.theme.theme == "light"
    window.reset_session()
    assert window.theme.theme == "high-contrast"


def test_system_follows_the_desktop(window):
    from PySide6.QtGui import QGuiApplication

    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    window.set_theme("system")
    assert window.theme.theme == ("dark" if dark else "light")


def interactive(window):
    kinds = (QAbstractButton, QComboBox, QLineEdit, QCheckBox)
    return [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(window)]


def test_every_kiosk_target_is_at_least_44_by_44(window_factory, qtbot):
    window = window_factory("--kiosk")
    for show in (lambda: window.open_article("clonazepam"), lambda: window.open_checklist("clonazepam-signs")):
        show()
        qtbot.wait(1)  # one pass of the event loop: the layout settles
        small = [
            (w.objectName() or type(w).__name__, w.width(), w.height())
            for w in interactive(window)
            if w.width() < 44 or w.height() < 44
        ]
        assert small == [], small
    tree = window.topic_tree
    rows = [tree.visualItemRect(item).height() for item in tree.location_items().values()]
    assert min(rows) >= 44
    entries = window.help_panel.entries()
    assert min(e.height() for e in entries) >= 44
    tops = sorted(e.mapTo(window, e.rect().topLeft()).y() for e in entries)
    bottoms = sorted(e.mapTo(window, e.rect().bottomLeft()).y() for e in entries)
    assert all(top > bottom for top, bottom in zip(tops[1:], bottoms, strict=False))  # spaced apart


def test_zoom_scales_reader_and_checklist_from_80_to_250_with_help_on_screen(window, qtbot):
    window.open_checklist("clonazepam-signs")
    box = window.checklist_view.box("anxiety")
    viewport = window.checklist_view.scroll_area.viewport()
    sizes = {}
    while window.session.can_zoom_out:
        window.on_zoom_out()
    for zoom in ZOOM_STEPS:
        assert window.session.zoom == zoom
        qtbot.wait(1)
        sizes[zoom] = box.font().pointSizeF()
        # not clipped: the words wrap inside the view, and the row is as tall as they need
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        words = QFontMetrics(box.font()).boundingRect(QRect(0, 0, box.width() - 32, 10**5), flags, box.text())
        assert box.height() >= words.height()
        assert box.mapTo(viewport, QPoint(box.width(), 0)).x() <= viewport.width()
        assert window.help_panel.isVisible() and window.rect().contains(window.help_panel.geometry())
        window.on_zoom_in()
    assert sizes[250] >= 2.4 * sizes[100] and sizes[80] < sizes[100]


def drag_up(qtbot, viewport, distance=300):
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start - QPoint(0, distance * step // 10))
        qtbot.wait(16)  # a frame between moves, as a hand gives the scroller
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(0, distance))


def test_on_a_kiosk_a_mouse_drag_scrolls_the_page(window_factory, qtbot):
    window = window_factory("--kiosk", "--article", "clonazepam")
    drag_up(qtbot, window.reader.viewport())
    qtbot.waitUntil(lambda: window.reader.verticalScrollBar().value() > 100, timeout=2000)


def test_reduce_motion_turns_gliding_off(window_factory, tmp_path, qtbot):
    """The page follows a drag (on a touch screen there is no other easy way to scroll) and
    stops where it is let go: no glide, no bounce."""
    config = tmp_path / "config.toml"
    config.write_text("[display]\nreduce_motion = true\n")
    window = window_factory("--config", str(config), "--kiosk", "--article", "clonazepam")
    viewport, bar = window.reader.viewport(), window.reader.verticalScrollBar()
    assert bar.maximum() > 600  # room for a glide
    drag_up(qtbot, viewport)
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert 100 < bar.value() <= 300


def test_the_tree_opens_and_closes_without_animation(window):
    assert not window.findChild(QTreeWidget, "topicTree").isAnimated()
