"""The checklist view driven as a visitor would: ticks, live result, crisis help, PDF, reset."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from guide.ui.app import create_window

SPANISH_CHECKLIST = """
title = "Señales"
intro = "Marque lo que ha notado."
article = "clonazepam"
[[groups]]
title = "Ánimo"
[[groups.items]]
id = "anxiety"
text = "Ansiedad"
[[groups.items]]
id = "suicide-thoughts"
text = "Pensamientos de suicidio"
red_flag = true
[[bands]]
min = 0
max = 2
message = "Hable con su médico o llame al 1-800-662-4357."
"""


def result_text(window) -> str:
    return window.findChild(QLabel, "checklistResult").text()


def item(window, item_id) -> QCheckBox:
    box = window.findChild(QCheckBox, f"item-{item_id}")
    assert box is not None, item_id
    return box


def tick(qtbot, window, item_id):
    box = window.checklist_view.scroll_to(item_id)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())


@pytest.fixture
def signs(window):
    window.open_checklist("clonazepam-signs")
    return window


def test_the_sidebar_lists_both_checklists_and_opens_them(window, qtbot):
    items = window.topic_tree.location_items()
    assert {"checklist:clonazepam-signs", "checklist:withdrawal-warning-signs"} <= set(items)
    tree = window.topic_tree
    qtbot.mouseClick(
        tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tree.visualItemRect(items["checklist:withdrawal-warning-signs"]).center(),
    )
    assert window.pages.currentWidget() is window.checklist_view
    assert item(window, "seizure").isVisible()


def test_a_checklist_link_in_an_article_opens_the_checklist(window):
    window.open_article("clonazepam")
    window.on_address_requested("checklist:clonazepam-signs")
    assert window.findChild(object, "checklistView").isVisible()
    assert not window.reader.isVisible()


def test_ticking_items_changes_the_result_live(signs, qtbot):
    none = result_text(signs)
    tick(qtbot, signs, "anxiety")
    some = result_text(signs)
    assert some != none and item(signs, "anxiety").isChecked()
    for item_id in ("coordination", "more-saliva", "blurred-vision"):
        tick(qtbot, signs, item_id)
    assert result_text(signs) not in (none, some)
    assert "1-800-662-4357" in some or "doctor" in some.lower()


def test_ticking_mixing_says_at_once_that_it_can_stop_breathing_and_to_call_911(signs, qtbot):
    """One tick, the lowest band: the result still says what this sign means on its own."""
    tick(qtbot, signs, "mixing")
    shown = signs.checklist_view.result_label
    assert shown.isVisible()
    words = result_text(signs)
    assert "most dangerous sign" in words and "call 911 now" in words and "naloxone" in words
    tick(qtbot, signs, "mixing")  # unticked: its message goes with it
    assert "most dangerous sign" not in result_text(signs)


def test_keyboard_space_ticks_a_box(signs, qtbot):
    box = item(signs, "panic-attacks")
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and signs.session.ticked("clonazepam-signs") == {"panic-attacks"}


def test_boxes_are_large_touch_targets(signs):
    for box in signs.checklist_view.findChildren(QCheckBox):
        assert box.height() >= 44, box.objectName()


def test_tolerance_items_carry_their_note(signs):
    note = signs.findChild(QLabel, "note-needs-more")
    assert note is not None and note.isVisibleTo(signs) and "not a sign of misuse" in note.text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_red_flag_brings_crisis_help_at_once_and_unticking_hides_it(window_factory, qtbot, make_pack, lang):
    pack = make_pack({"es/checklists/clonazepam-signs.toml": SPANISH_CHECKLIST})
    window = window_factory("--lang", lang, "--content", str(pack))
    window.open_checklist("clonazepam-signs")
    banner = window.findChild(object, "crisisBanner")
    assert not banner.isVisible()
    assert window.help_panel.highlighted() == []
    tick(qtbot, window, "suicide-thoughts")
    assert banner.isVisible()
    text = banner.text()
    assert "988" in text and "911" in text
    assert ("llame" in text) == (lang == "es")
    # above everything else in the view
    assert (
        banner.mapTo(window, banner.rect().topLeft()).y()
        <= window.checklist_view.mapTo(window, window.checklist_view.rect().topLeft()).y()
    )
    assert {"emergency", "988-lifeline", "crisis-text-line"} <= set(window.help_panel.highlighted())
    tick(qtbot, window, "suicide-thoughts")
    assert not banner.isVisible()
    assert window.help_panel.highlighted() == []


def test_answers_stay_while_the_visitor_reads_elsewhere_and_go_with_a_reset(signs, qtbot):
    tick(qtbot, signs, "anxiety")
    tick(qtbot, signs, "suicide-thoughts")
    signs.open_article("clonazepam")
    assert signs.help_panel.highlighted() == []
    signs.go_back()
    assert item(signs, "anxiety").isChecked() and signs.findChild(object, "crisisBanner").isVisible()
    signs.reset_session()
    signs.open_checklist("clonazepam-signs")
    assert not any(box.isChecked() for box in signs.checklist_view.findChildren(QCheckBox))
    assert not signs.findChild(object, "crisisBanner").isVisible()
    assert signs.session.answers == {"clonazepam-signs": set()}


def test_the_saved_pdf_holds_the_ticked_items_and_the_help_lines(signs, qtbot, tmp_path):
    tick(qtbot, signs, "anxiety")
    tick(qtbot, signs, "blurred-vision")
    path = tmp_path / "summary.pdf"
    assert signs.save_checklist_pdf(str(path))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = " ".join(text.split())
    assert "Signs of clonazepam misuse" in text
    assert "Feeling anxious, worried or on edge" in text and "Blurred vision" in text
    assert "Panic attacks" not in text
    for number in ("911", "988", "1-800-662-4357", "1-800-222-1222", "741741"):
        assert number in text


def test_kiosk_without_a_printer_offers_no_print_button(qtbot):
    window = create_window(["--kiosk"])
    qtbot.addWidget(window)
    window.show()
    window.open_checklist("clonazepam-signs")
    assert not window.checklist_view.print_button.isVisible()


def test_an_unknown_checklist_says_so_in_the_reader(window):
    window.open_checklist("no-such-list")
    assert "not in the guide" in window.reader.toPlainText()


def test_a_tap_anywhere_on_the_row_ticks_the_item(signs, qtbot):
    box = item(signs, "blurred-vision")
    far_right = QPoint(box.width() - 4, box.height() // 2)  # well past the short label
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=far_right)
    assert box.isChecked()


def test_the_bundled_spanish_checklist_brings_crisis_help_in_spanish(window_factory, qtbot):
    window = window_factory("--lang", "es")
    window.open_checklist("withdrawal-warning-signs")
    assert window.checklist_view.checklist.lang == "es"
    tick(qtbot, window, "seizure")
    banner = window.findChild(object, "crisisBanner")
    assert banner.isVisible() and "911" in banner.text() and "988" in banner.text()
    assert banner.text().startswith("Por favor, busque ayuda ahora")
