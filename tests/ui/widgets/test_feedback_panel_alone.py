"""The feedback panel alone: Yes or No first, then a comment box; what it says at each step."""

from PySide6.QtCore import Qt

from guide.feedback.store import MAX_COMMENT


def shown(panel) -> set[str]:
    parts = {
        "question": panel.question,
        "yes": panel.yes,
        "no": panel.no,
        "comment": panel.comment,
        "send": panel.send,
        "notice": panel.notice,
        "message": panel.message,
    }
    return {name for name, widget in parts.items() if widget.isVisible()}


def test_before_an_answer_it_is_one_row_a_question_and_two_buttons(feedback_panel):
    assert shown(feedback_panel) == {"question", "yes", "no"}
    assert feedback_panel.question.text() == "Was this page helpful?"
    assert feedback_panel.yes.isEnabled() and feedback_panel.no.isEnabled()


def test_yes_and_no_report_the_answer(feedback_panel, qtbot):
    with qtbot.waitSignal(feedback_panel.answered, timeout=1000) as yes:
        qtbot.mouseClick(feedback_panel.yes, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(feedback_panel.answered, timeout=1000) as no:
        qtbot.mouseClick(feedback_panel.no, Qt.MouseButton.LeftButton)
    assert (yes.args, no.args) == ([True], [False])


def test_once_answered_it_thanks_and_offers_a_comment_box(feedback_panel):
    feedback_panel.show_state(False, False, "")
    assert shown(feedback_panel) == {"question", "yes", "no", "comment", "send", "notice", "message"}
    assert not feedback_panel.yes.isEnabled() and not feedback_panel.no.isEnabled()  # answered once
    assert feedback_panel.message.text() == "Thank you. You can add a short comment if you like."
    assert "don't type your name" in feedback_panel.notice.text()
    assert not feedback_panel.send.isEnabled()  # nothing typed yet


def test_typing_counts_the_letters_and_enter_sends_the_comment(feedback_panel, qtbot):
    feedback_panel.show_state(True, False, "")
    drafts = []
    feedback_panel.draftChanged.connect(drafts.append)
    qtbot.keyClicks(feedback_panel.comment, "  ")
    assert not feedback_panel.send.isEnabled()  # spaces are no comment
    qtbot.keyClicks(feedback_panel.comment, "Clear")
    assert feedback_panel.counter.text() == f"7/{MAX_COMMENT}" and feedback_panel.send.isEnabled()
    assert drafts[-1] == "  Clear"
    with qtbot.waitSignal(feedback_panel.commentSent, timeout=1000) as sent:
        qtbot.keyClick(feedback_panel.comment, Qt.Key.Key_Return)
    assert sent.args == ["  Clear"]


def test_a_comment_longer_than_the_limit_is_cut_as_it_is_typed(feedback_panel, qtbot):
    feedback_panel.show_state(True, False, "")
    qtbot.keyClicks(feedback_panel.comment, "x" * (MAX_COMMENT + 5))
    assert feedback_panel.comment.text() == "x" * MAX_COMMENT
    assert feedback_panel.counter.text() == f"{MAX_COMMENT}/{MAX_COMMENT}"


def test_after_the_comment_only_the_thanks_is_left(feedback_panel):
    feedback_panel.show_state(True, True, "")
    assert shown(feedback_panel) == {"question", "yes", "no", "message"}
    assert feedback_panel.message.text() == "Thank you. Staff will read it; it is not linked to you."


def test_an_answer_that_could_not_be_kept_is_said_so(feedback_panel):
    feedback_panel.show_state(True, False, "", kept=False)
    assert "could not be kept" in feedback_panel.message.text()


def test_a_refused_comment_says_why_and_stays_to_be_edited(feedback_panel, qtbot):
    feedback_panel.show_state(True, False, "")
    qtbot.keyClicks(feedback_panel.comment, "call me")
    feedback_panel.refuse(["phone", "name"])
    assert feedback_panel.message.text() == (
        "This comment was not saved because it looks like a phone number and it looks like a person's name. "
        "Please take that out and send it again."
    )
    assert feedback_panel.comment.text() == "call me" and feedback_panel.comment.isVisible()


def test_a_draft_from_the_session_is_shown_without_being_reported_back(feedback_panel):
    drafts = []
    feedback_panel.draftChanged.connect(drafts.append)
    feedback_panel.show_state(True, False, "half a thought")
    assert feedback_panel.comment.text() == "half a thought" and feedback_panel.counter.text() == f"14/{MAX_COMMENT}"
    assert drafts == []
