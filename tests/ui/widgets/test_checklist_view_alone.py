"""The checklist view and its items alone: a tap anywhere on a row ticks it, long words wrap,
the result follows the ticks, and a red flag brings the crisis banner."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication


def tap(qtbot, widget, pos=None):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def test_a_tap_on_the_words_far_from_the_box_ticks_the_item(check_item, qtbot):
    item = check_item("Trouble sleeping", 500)
    tap(qtbot, item, QPoint(item.width() - 5, item.height() // 2))  # the row's far end, past the words
    assert item.isChecked()
    tap(qtbot, item, QPoint(item.width() - 5, item.height() // 2))
    assert not item.isChecked()


def test_long_words_wrap_to_the_width_instead_of_widening_the_row(check_item):
    text = "A sign with a long description " * 4
    item = check_item(text, 600)
    one_line = item.heightForWidth(2000)
    assert item.heightForWidth(300) > item.heightForWidth(600) > one_line
    assert item.minimumSizeHint().width() < 200  # narrow as a few letters: the view never scrolls sideways
    assert one_line >= 24  # a row a finger can hit, even with a short label


def test_the_result_follows_the_ticks(checklist_view, qtbot):
    result = checklist_view.result_label
    assert result.text() == "Few signs today."
    toggled = []
    checklist_view.answerToggled.connect(lambda *answer: toggled.append(answer))
    tap(qtbot, checklist_view.scroll_to("sleep"))
    tap(qtbot, checklist_view.scroll_to("worry"))
    assert toggled == [("sleep", True), ("worry", True)]
    assert result.text() == "Several signs: talk to someone you trust."
    tap(qtbot, checklist_view.scroll_to("worry"))
    assert toggled[-1] == ("worry", False) and result.text() == "Few signs today."


def test_a_red_flag_shows_the_crisis_banner_at_once_and_unticking_it_takes_it_away(checklist_view, qtbot):
    banner = checklist_view.crisis_banner
    assert not banner.isVisible()
    tap(qtbot, checklist_view.scroll_to("harm"))
    assert banner.isVisible() and "988" in banner.text() and "911" in banner.text()
    assert checklist_view.result_label.text().endswith("Few signs today.")  # with the crisis note above it
    assert checklist_view.result_label.text() != "Few signs today."
    tap(qtbot, checklist_view.scroll_to("harm"))
    assert not banner.isVisible() and checklist_view.result_label.text() == "Few signs today."


def test_the_result_box_keeps_its_height_whatever_the_result(checklist_view, qtbot):
    heights = [checklist_view.result_label.height()]
    for item_id in ("sleep", "worry", "harm"):  # each result in turn, the crisis note last
        tap(qtbot, checklist_view.scroll_to(item_id))
        QApplication.processEvents()  # any layout the new words asked for
        heights.append(checklist_view.result_label.height())
    assert heights == [heights[0]] * 4
