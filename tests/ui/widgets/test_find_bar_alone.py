"""The find bar alone: what it asks the reader for, and what it says back."""

from PySide6.QtCore import Qt


def test_each_key_typed_asks_for_the_first_match_from_the_top(find_bar, qtbot):
    asked = []
    find_bar.findRequested.connect(lambda *request: asked.append(request))
    qtbot.keyClicks(find_bar.field, "det")
    assert asked == [("d", False, True), ("de", False, True), ("det", False, True)]


def test_enter_and_the_buttons_go_to_the_next_and_the_previous_match(find_bar, qtbot):
    qtbot.keyClicks(find_bar.field, "tox")
    asked = []
    find_bar.findRequested.connect(lambda *request: asked.append(request))
    qtbot.keyClick(find_bar.field, Qt.Key.Key_Return)
    qtbot.mouseClick(find_bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find_bar.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert asked == [("tox", False, False), ("tox", True, False), ("tox", False, False), ("tox", True, False)]


def test_the_count_reads_which_match_of_how_many_or_not_found(find_bar, qtbot):
    qtbot.keyClicks(find_bar.field, "detox")
    find_bar.show_count(1, 3)
    assert find_bar.count_label.text() == "1 of 3" and find_bar.count_label.isVisible()
    find_bar.show_count(0, 0)
    assert find_bar.count_label.text() == "Not found"
    find_bar.field.clear()
    find_bar.show_count(0, 0)
    assert find_bar.count_label.text() == ""  # nothing typed: nothing to count


def test_escape_closes_the_bar_and_forgets_the_words(find_bar, qtbot):
    qtbot.keyClicks(find_bar.field, "detox")
    with qtbot.waitSignal(find_bar.closed, timeout=1000):
        qtbot.keyClick(find_bar.field, Qt.Key.Key_Escape)
    assert not find_bar.isVisible() and find_bar.field.text() == ""
    find_bar.open_bar()
    assert find_bar.isVisible() and find_bar.field.hasFocus() and find_bar.field.text() == ""


def test_the_close_button_closes_it_too(find_bar, qtbot):
    qtbot.keyClicks(find_bar.field, "x")
    with qtbot.waitSignal(find_bar.closed, timeout=1000):
        qtbot.mouseClick(find_bar.close_button, Qt.MouseButton.LeftButton)
    assert not find_bar.isVisible() and find_bar.field.text() == ""
