"""The main window as a visitor uses it: topics, reading, back/forward/home, zoom, reset."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QToolButton

from guide.reader.links import LinkKind
from guide.ui.app import create_window

CONTRACT = [
    "mainWindow",
    "searchBox",
    "topicTree",
    "reader",
    "backButton",
    "forwardButton",
    "homeButton",
    "zoomInButton",
    "zoomOutButton",
    "helpPanel",
]


def button(window, name) -> QToolButton:
    found = window.findChild(QToolButton, name)
    assert found is not None, name
    return found


def test_the_documented_object_names_exist(window):
    assert window.objectName() == "mainWindow"
    for name in CONTRACT[1:]:
        assert window.findChild(object, name) is not None, name


def test_it_opens_at_home_with_back_and_forward_disabled(window):
    assert "You are in the right place" in window.reader.toPlainText()
    assert not button(window, "backButton").isEnabled()
    assert not button(window, "forwardButton").isEnabled()


def test_clicking_a_topic_opens_its_article(window, qtbot):
    tree = window.topic_tree
    item = tree.location_items()["article:withdrawal-and-detox"]
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.toPlainText().startswith("Withdrawal and detox")
    assert tree.currentItem() is item
    assert "Withdrawal and detox" in window.windowTitle()


OVERDOSE_TITLE = {
    "en": "Overdose: what to do now",
    "es": "Sobredosis: qué hacer",
}


@pytest.mark.parametrize("size", [(1200, 780), (800, 600)], ids=["default", "800x600"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_first_topic_is_the_overdose_page_in_bold_and_one_tap_opens_it(window_factory, qtbot, lang, size):
    """A frightened visitor finds what to do in an overdose at one glance: the top row of the
    topics, in bold, whole, above everything else; one tap on it opens the steps."""
    window = window_factory("--lang", lang, size=size)
    tree = window.topic_tree
    first = tree.topLevelItem(0)
    assert first.text(0).startswith(OVERDOSE_TITLE[lang])
    assert first.font(0).bold()
    assert not any(tree.topLevelItem(i).font(0).bold() for i in range(1, tree.topLevelItemCount()))
    rect = tree.visualItemRect(first)
    assert tree.viewport().rect().contains(rect)  # on screen without scrolling
    # The room the view gives the words: the row's visible width less the text margins on both
    # sides (QCommonStyle: PM_FocusFrameHMargin + 1); wrapped there, the words fit the row.
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    room = min(rect.left() + rect.width(), tree.viewport().width()) - rect.left() - 2 * margin
    bold = QFontMetrics(first.font(0).resolve(tree.font()))  # as the delegate draws it: bold, in the tree's size
    wrapped = bold.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, first.text(0))
    assert wrapped.width() <= room and wrapped.height() <= rect.height(), "the title is cut short"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_location().target == "overdose-and-naloxone"
    assert window.reader.toPlainText().startswith(OVERDOSE_TITLE[lang])
    assert "911" in window.reader.toPlainText()


def test_back_forward_and_home_follow_the_history(window, qtbot):
    window.open_article("clonazepam")
    window.open_article("treatment-options")
    qtbot.mouseClick(button(window, "backButton"), Qt.MouseButton.LeftButton)
    assert window.reader.toPlainText().startswith("Clonazepam (Klonopin)")
    assert button(window, "forwardButton").isEnabled()
    qtbot.mouseClick(button(window, "forwardButton"), Qt.MouseButton.LeftButton)
    assert window.reader.toPlainText().startswith("Treatment options")
    assert not button(window, "forwardButton").isEnabled()
    qtbot.mouseClick(button(window, "homeButton"), Qt.MouseButton.LeftButton)
    assert "You are in the right place" in window.reader.toPlainText()
    assert button(window, "backButton").isEnabled()


def test_back_returns_to_where_the_visitor_had_scrolled(window_factory):
    window = window_factory(size=(800, 600))
    window.open_article("clonazepam")
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert position > 0
    window.open_article("benzodiazepines")
    assert bar.value() == 0
    window.go_back()
    assert bar.value() == position


def test_zoom_buttons_change_the_reader_text_and_stop_at_the_ends(window, qtbot):
    size = window.reader.document().defaultFont().pointSizeF()
    qtbot.mouseClick(button(window, "zoomInButton"), Qt.MouseButton.LeftButton)
    assert window.reader.document().defaultFont().pointSizeF() > size
    for _ in range(10):
        window.on_zoom_in()
    assert window.session.zoom == 250 and not button(window, "zoomInButton").isEnabled()
    for _ in range(12):
        window.on_zoom_out()
    assert window.session.zoom == 80 and not button(window, "zoomOutButton").isEnabled()
    assert window.reader.document().defaultFont().pointSizeF() < size


def test_reset_session_forgets_history_and_zoom_and_returns_home(window):
    window.open_article("clonazepam")
    window.on_zoom_in()
    old = window.session
    window.reset_session()
    assert window.session is not old
    assert window.current_location().target == "home"
    assert window.session.zoom == 100
    assert window.reader.document().defaultFont().pointSizeF() == window.reader.BASE_POINT_SIZE
    assert not button(window, "backButton").isEnabled()


def test_article_option_opens_that_article_first(window_factory):
    window = window_factory("--article", "benzodiazepines")
    assert window.current_location().kind is LinkKind.ARTICLE
    assert window.reader.toPlainText().startswith('Benzodiazepines ("benzos")')


def test_help_button_opens_the_full_help_page(window, qtbot):
    qtbot.mouseClick(window.findChild(object, "moreHelpButton"), Qt.MouseButton.LeftButton)
    text = window.reader.toPlainText()
    assert text.startswith("Get help now") and "TTY 1-800-487-4889" in text


def test_a_broken_pack_still_starts_with_its_good_parts(qtbot, make_pack):
    pack = make_pack(
        {
            "en/articles/clinic-page.md": "Title: Our clinic\nCategory: Our clinic\n\nHello.\n",
            "en/articles/broken.md": "no header at all\n",
        }
    )
    window = create_window(["--content", str(pack)])
    qtbot.addWidget(window)
    assert "article:clinic-page" in window.topic_tree.location_items()
    assert [p.path.name for p in window.library.problems] == ["broken.md"]


@pytest.mark.parametrize("args", [["--article", "nope"], ["--content", "/no/such/dir"]])
def test_create_window_refuses_bad_options_with_a_startup_error(qapp, args):
    from guide.startup import StartupError

    with pytest.raises(StartupError):
        create_window(args)
