"""'Find treatment near you' through the real widgets: a ZIP code, filters, nearest first, reset."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "locator"


def toggle(window, qtbot, name: str) -> None:
    """Tap a filter's toggle as a visitor does: "Choose what you need" first when they are folded."""
    page = window.locator_page
    if not page.filters_box.isVisible():
        qtbot.mouseClick(page.findChild(QPushButton, "filtersButton"), Qt.MouseButton.LeftButton)
    button = page.findChild(QPushButton, f"filter-{name}")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def names(window) -> list[str]:
    return [row.split(" - ")[0] for row in window.locator_page.results.rows()]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_typed_zip_then_filters_nearest_first(window_factory, locator_pack, qtbot, lang):
    window = window_factory("--content", str(locator_pack), "--lang", lang)
    window.open_locator()
    page = window.findChild(type(window.locator_page), "locatorPage")
    assert page.isVisible()
    box = page.findChild(QLineEdit, "zipBox")
    qtbot.keyClicks(box, "62701")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    found = names(window)
    assert found[0] == "Sangamon Recovery Center (Adult Services)"
    assert "Lakefront Health Services" not in found  # Chicago: over 150 miles away
    first = window.locator_page.results.rows()[0]
    assert {"en": "less than a mile", "es": "a menos de una milla"}[lang] in first
    toggle(window, qtbot, "residential")
    assert names(window) == ["Lincoln Residential Program", "Peoria Women's Recovery House"]
    toggle(window, qtbot, "medicaid")
    assert names(window) == ["Lincoln Residential Program"]
    toggle(window, qtbot, "spanish")
    assert names(window) == []
    assert "1-800-662-4357" in page.message.text() and page.message.isVisible()


def test_an_unknown_zip_says_so(window_factory, locator_pack):
    window = window_factory("--content", str(locator_pack))
    window.open_locator("00000")
    assert "could not find the ZIP code 00000" in window.locator_page.message.text()
    assert window.locator_page.results.rows() == []


def test_the_reset_forgets_the_zip_and_filters(window_factory, locator_pack, qtbot):
    window = window_factory("--content", str(locator_pack))
    window.open_locator("62701")
    toggle(window, qtbot, "detox")
    assert names(window) == ["Capital City Detox"]
    window.reset_session()
    assert window.session.locator_zip == "" and window.session.locator_filters == set()
    from guide.locator.store import load_directory

    kept = load_directory(window.library)  # the directory stays in memory for the next visitor...
    assert kept._order is None and not kept.facilities._made  # ...with nothing of where this one looked
    window.open_locator()
    assert window.locator_page.zip_box.text() == ""
    assert not window.locator_page.findChild(QPushButton, "filter-detox").isChecked()
    assert not window.locator_page.filters_box.isVisible()  # folded again, as for a new visitor
    assert window.locator_page.results.rows() == []


def test_the_page_reads_the_file_once(window_factory, locator_pack, qtbot):
    from guide.locator import store

    window = window_factory("--content", str(locator_pack))
    window.open_locator()
    before = store.reads
    box = window.locator_page.zip_box
    for digit in "62701":
        qtbot.keyClick(box, digit)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    for name in ("detox", "medicaid", "detox"):
        toggle(window, qtbot, name)
    assert store.reads - before <= 1


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_every_toggle_is_whole_in_spanish_at_any_size(window_factory, locator_pack, qtbot, size):
    """At 800x600 the Spanish toggles took three columns and the page scrolled sideways."""
    window = window_factory("--content", str(locator_pack), "--lang", "es", "--kiosk", size=size)
    window.open_locator("62701")
    page = window.locator_page
    qtbot.mouseClick(page.findChild(QPushButton, "filtersButton"), Qt.MouseButton.LeftButton)
    viewport = page.scroll_area.viewport()
    for button in page.filter_buttons.values():
        left = button.mapTo(viewport, button.rect().topLeft()).x()
        assert left >= 0 and left + button.width() <= viewport.width(), button.objectName()
        assert button.width() >= button.sizeHint().width(), button.text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_nearest_program_is_on_screen_at_800x600_without_scrolling(window_factory, locator_pack, qtbot, lang):
    """18 toggles filled the page before the first program: at 800x600 a visitor saw none."""
    window = window_factory("--content", str(locator_pack), "--lang", lang, "--kiosk", size=(800, 600))
    window.open_locator("62701")
    page = window.locator_page
    viewport = page.scroll_area.viewport()

    def on_screen(widget) -> bool:
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))

    def name_of(row) -> QLabel:
        return next(label for label in row.findChildren(QLabel) if label.property("role") == "name")

    first = page.results.row_widgets()[0]
    name = name_of(first)
    assert page.scroll_area.verticalScrollBar().value() == 0
    assert on_screen(name) and on_screen(page.findChild(QPushButton, "filtersButton"))
    toggle(window, qtbot, "residential")  # choosing: the toggles open, the programs follow them
    toggle(window, qtbot, "medicaid")
    page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    qtbot.mouseClick(page.findChild(QPushButton, "filtersDoneButton"), Qt.MouseButton.LeftButton)
    assert not page.filters_box.isVisible()
    chosen = page.findChild(QLabel, "locatorChosen")
    words = {"en": "Only programs with: Residential, Medicaid.", "es": "Solo programas con: Residencial, Medicaid."}
    assert chosen.text() == words[lang] and on_screen(chosen)
    first = page.results.row_widgets()[0]
    assert first.row.name == "Lincoln Residential Program" and on_screen(name_of(first))
