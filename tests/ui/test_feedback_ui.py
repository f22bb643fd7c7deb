"""'Was this page helpful?' as a visitor answers it."""

import sqlite3

import pytest
from PySide6.QtCore import Qt

from guide.feedback import FeedbackStore


@pytest.fixture
def page(window, tmp_path):
    window.feedback = FeedbackStore(tmp_path / "feedback.sqlite")
    window.open_article("clonazepam")
    return window


def panel_part(window, name):
    return window.findChild(object, name)


def stored(window):
    return (
        sqlite3.connect(window.feedback.path)
        .execute("SELECT article_id, language, helpful, comment FROM feedback")
        .fetchall()
    )


def test_the_panel_is_at_the_foot_of_articles_only(window):
    window.open_article("clonazepam")
    assert panel_part(window, "feedbackPanel").isVisible()
    for other in (window.go_home, window.open_help, lambda: window.open_checklist("clonazepam-signs")):
        other()
        assert not panel_part(window, "feedbackPanel").isVisible()


def test_yes_and_a_comment_reach_the_database(page, qtbot):
    qtbot.mouseClick(panel_part(page, "feedbackYes"), Qt.MouseButton.LeftButton)
    assert stored(page) == [("clonazepam", "en", 1, "")]
    assert not panel_part(page, "feedbackNo").isEnabled()  # one answer per article per visit
    comment = panel_part(page, "feedbackComment")
    assert comment.isVisible()
    qtbot.keyClicks(comment, "Short and clear")
    qtbot.mouseClick(panel_part(page, "feedbackSend"), Qt.MouseButton.LeftButton)
    assert stored(page) == [("clonazepam", "en", 1, "Short and clear")]
    assert "saved without your name" in panel_part(page, "feedbackMessage").text()
    assert not comment.isVisible()


def test_the_counter_counts_and_stops_at_100(page, qtbot):
    qtbot.mouseClick(panel_part(page, "feedbackNo"), Qt.MouseButton.LeftButton)
    comment = panel_part(page, "feedbackComment")
    qtbot.keyClicks(comment, "abc")
    assert panel_part(page, "feedbackCounter").text() == "3/100"
    qtbot.keyClicks(comment, "x" * 150)
    assert len(comment.text()) == 100 and panel_part(page, "feedbackCounter").text() == "100/100"


@pytest.mark.parametrize("text", ["call me at 217-555-0142", "write to sam@example.org", "I live at 12 Oak Street"])
def test_personal_details_are_refused_with_a_reason_and_nothing_is_stored(page, qtbot, text):
    qtbot.mouseClick(panel_part(page, "feedbackYes"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel_part(page, "feedbackComment"), text)
    qtbot.mouseClick(panel_part(page, "feedbackSend"), Qt.MouseButton.LeftButton)
    assert "was not saved because it looks like" in panel_part(page, "feedbackMessage").text()
    assert stored(page) == [("clonazepam", "en", 1, "")]
    assert panel_part(page, "feedbackComment").text() == text  # left to be edited


def test_the_answer_is_remembered_for_the_visit_and_a_reset_forgets_the_draft(page, qtbot):
    qtbot.mouseClick(panel_part(page, "feedbackYes"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel_part(page, "feedbackComment"), "half written")
    page.open_article("benzodiazepines")
    assert panel_part(page, "feedbackYes").isEnabled()  # a new article: a new question
    page.go_back()
    assert not panel_part(page, "feedbackYes").isEnabled()
    assert panel_part(page, "feedbackComment").text() == "half written"
    page.reset_session()
    page.open_article("clonazepam")
    assert panel_part(page, "feedbackYes").isEnabled() and panel_part(page, "feedbackComment").text() == ""
    assert stored(page) == [("clonazepam", "en", 1, "")]  # the draft never reached the disk


def test_the_guide_keeps_working_when_the_data_folder_cannot_be_written(window, tmp_path, qtbot):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    window.feedback = FeedbackStore(blocker / "feedback.sqlite")
    window.open_article("clonazepam")
    qtbot.mouseClick(panel_part(window, "feedbackYes"), Qt.MouseButton.LeftButton)
    assert len(window.feedback.pending) == 1  # kept, to be tried again
    window.open_article("benzodiazepines")
    assert window.reader.toPlainText().startswith("Benzodiazepines")


def test_the_notice_says_it_is_anonymous_and_gives_the_crisis_lines(page):
    notice = panel_part(page, "feedbackNotice").text()
    assert "Anonymous" in notice and "not a way to contact anyone" in notice and "988" in notice and "911" in notice
