"""The help panel alone: at the height it has in an 800x600 window, and any other, every line
it shows is whole, the emergency and crisis lines always; a tap opens a line's details."""

import pytest
from geometry import layout_problems, words_problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from guide.help.overflow import always_whole

ROOM_AT_800X600 = 538  # the panel's height in an 800x600 kiosk window (the desktop's is 547)


def shown_frames(panel) -> list[QFrame]:
    return [f for f in panel.findChildren(QFrame) if f.property("role") == "helpline" and f.isVisibleTo(panel)]


def problems(panel) -> list[str]:
    """Every shown name and number whole, inside the panel, overlapping nothing; the lines
    that are always whole shown with every contact; the button counting what was left out."""
    frames = shown_frames(panel)
    labels = [label for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]
    found = words_problems(labels, panel, [panel.findChild(QPushButton, "moreHelpButton")])
    found += layout_problems(frames, panel)
    for frame in frames:
        found += layout_problems([x for x in frame.findChildren(QLabel) if x.isVisibleTo(panel)], frame)
    shown = {f.objectName().removeprefix("helpline-"): f for f in frames}
    for helpline in panel._helplines:
        contacts = (
            [x for x in shown[helpline.id].findChildren(QLabel) if x.property("role") == "contact"]
            if helpline.id in shown
            else []
        )
        if always_whole(helpline) and sum(x.isVisibleTo(panel) for x in contacts) != len(helpline.contacts):
            found.append(f"{helpline.id} is not whole")
    left_out = len(panel._helplines) - len(shown)
    button = panel.findChild(QPushButton, "moreHelpButton").text()
    if left_out and str(left_out) not in button:
        found.append(f"{left_out} lines left out, the button says {button!r}")
    return found


@pytest.mark.parametrize("crisis", [False, True], ids=["calm", "crisis"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_eight_lines_at_800x600_are_whole_emergency_first(help_panel, language, crisis):
    panel = help_panel(8, ROOM_AT_800X600, language)
    panel.set_crisis(crisis)
    assert len(panel._helplines) == 8
    assert problems(panel) == []
    texts = panel.contact_texts()
    words = {"en": ("Emergency", "Call 911", "Call 988"), "es": ("Emergencias", "Llame al 911", "Llame al 988")}
    assert texts[:2] == list(words[language][:2]) and words[language][2] in texts


@pytest.mark.parametrize("crisis", [False, True], ids=["calm", "crisis"])
def test_at_any_height_what_is_shown_is_whole_and_more_height_shows_more(help_panel, qtbot, crisis):
    panel = help_panel(12, 360)
    panel.set_crisis(crisis)
    shown_before = 0
    for height in range(360, 1200, 60):
        panel.resize(panel.width(), height)
        assert problems(panel) == [], height
        shown = len(panel.contact_texts())
        assert shown >= shown_before, height  # room given is never taken away from the lines
        shown_before = shown
    assert panel.findChild(QPushButton, "moreHelpButton").text() == "All help lines and what they do"


def test_a_red_flag_makes_the_crisis_lines_stand_out_and_the_heading_say_so(help_panel):
    panel = help_panel(5)
    heading = panel.findChild(QLabel)
    assert heading.text() == "Need help now?" and panel.highlighted() == []
    panel.set_crisis(True)
    assert heading.text() == "Reach out now"
    assert panel.highlighted() == [h.id for h in panel._helplines if h.crisis] != []
    panel.set_crisis(False)
    assert heading.text() == "Need help now?" and panel.highlighted() == []


def test_a_tap_or_enter_on_a_line_asks_for_its_details(help_panel, qtbot):
    panel = help_panel(5)
    first, second = shown_frames(panel)[:2]
    with qtbot.waitSignal(panel.helplineChosen, timeout=1000) as tapped:
        qtbot.mouseClick(second, Qt.MouseButton.LeftButton, pos=second.rect().center())
    assert tapped.args == [second.objectName().removeprefix("helpline-")]
    first.setFocus()
    with qtbot.waitSignal(panel.helplineChosen, timeout=1000) as entered:
        qtbot.keyClick(first, Qt.Key.Key_Return)
    assert entered.args == [first.objectName().removeprefix("helpline-")]
    with qtbot.waitSignal(panel.moreHelpRequested, timeout=1000):
        qtbot.mouseClick(panel.findChild(QPushButton, "moreHelpButton"), Qt.MouseButton.LeftButton)
