"""The toolbar alone: which buttons can be pressed, and what pressing them asks for."""

import pytest
from PySide6.QtCore import Qt


def button(bar, action):
    return bar.widgetForAction(action)


def test_back_and_forward_follow_the_history_and_only_an_enabled_one_asks(navigation_bar, qtbot):
    bar = navigation_bar()
    asked = []
    bar.backRequested.connect(lambda: asked.append("back"))
    bar.forwardRequested.connect(lambda: asked.append("forward"))
    bar.set_history_state(can_go_back=True, can_go_forward=False)
    assert button(bar, bar.back).isEnabled() and not button(bar, bar.forward).isEnabled()
    qtbot.mouseClick(button(bar, bar.forward), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(bar, bar.back), Qt.MouseButton.LeftButton)
    bar.set_history_state(can_go_back=False, can_go_forward=True)
    assert not button(bar, bar.back).isEnabled() and button(bar, bar.forward).isEnabled()
    qtbot.mouseClick(button(bar, bar.back), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(bar, bar.forward), Qt.MouseButton.LeftButton)
    assert asked == ["back", "forward"]


@pytest.mark.parametrize(("can_zoom_in", "can_zoom_out"), [(True, True), (False, True), (True, False)])
def test_the_zoom_buttons_are_pressable_only_while_there_is_room_to_zoom(
    navigation_bar, qtbot, can_zoom_in, can_zoom_out
):
    bar = navigation_bar()
    asked = []
    bar.zoomInRequested.connect(lambda: asked.append("in"))
    bar.zoomOutRequested.connect(lambda: asked.append("out"))
    bar.set_zoom_state(can_zoom_in, can_zoom_out)
    assert (button(bar, bar.zoom_in).isEnabled(), button(bar, bar.zoom_out).isEnabled()) == (can_zoom_in, can_zoom_out)
    qtbot.mouseClick(button(bar, bar.zoom_in), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(bar, bar.zoom_out), Qt.MouseButton.LeftButton)
    assert asked == ["in"] * can_zoom_in + ["out"] * can_zoom_out
    assert button(bar, bar.zoom_in).accessibleName() == "Larger text"  # an icon alone, named for screen readers
    assert button(bar, bar.zoom_out).accessibleName() == "Smaller text"


def test_the_search_box_says_when_search_is_ready_escape_clears_it_and_down_walks_the_results(navigation_bar, qtbot):
    bar = navigation_bar()
    box = bar.search_box
    assert box.placeholderText() == "Getting search ready..."
    bar.set_search_ready(True)
    assert box.placeholderText() == "Search the guide"
    qtbot.keyClicks(box, "detox")
    with qtbot.waitSignal(bar.searchDownPressed, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.text() == "detox"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""


def test_a_language_chosen_in_the_box_is_asked_for_one_set_by_the_window_is_not(navigation_bar, qtbot):
    bar = navigation_bar()
    chosen = []
    bar.languageChosen.connect(chosen.append)
    assert [bar.language_box.itemText(i) for i in range(bar.language_box.count())] == ["English", "Español"]
    bar.set_language("es")  # the window says so: no request back
    assert bar.language_box.currentText() == "Español" and chosen == []
    qtbot.keyClick(bar.language_box, Qt.Key.Key_Up)  # a visitor's pick, from the keyboard
    assert bar.language_box.currentText() == "English" and chosen == ["en"]


def test_a_kiosk_bar_has_the_guides_name_first_and_im_finished_last(navigation_bar, qtbot):
    bar = navigation_bar(kiosk=True)
    assert bar.title.accessibleName() == "Recovery Guide" and bar.title.text() == "Recovery\nGuide"
    assert bar.focus_chain()[-1] is bar.finished and bar.finished.text() == "I'm finished"
    with qtbot.waitSignal(bar.finishedRequested, timeout=1000):
        qtbot.mouseClick(bar.finished, Qt.MouseButton.LeftButton)
    taps = []
    bar.titleTapped.connect(lambda: taps.append(1))
    for _ in range(5):
        qtbot.mouseClick(bar.title, Qt.MouseButton.LeftButton)
    assert len(taps) == 5  # the staff exit counts them


def test_a_desktop_bar_has_neither(navigation_bar):
    bar = navigation_bar()
    assert not hasattr(bar, "finished") and not hasattr(bar, "title")
