"""Pack text is shown as the words it is, never as rich text: a pack can't draw a file anywhere.

Qt shows a label's or a tooltip's text as HTML when it looks like HTML, and an <img> in HTML
reads the named file from disk. Every text from the pack below is such HTML, naming a magenta
picture outside the pack; the test reads back what Qt would show, and looks for magenta.
"""

import pytest
from helpers import article
from PySide6.QtGui import QColor, QImage, Qt, QTextDocument  # QtGui's Qt: mightBeRichText
from PySide6.QtWidgets import QLabel, QListWidget, QTreeWidget, QWidget

MAGENTA = QColor(255, 0, 255)


@pytest.fixture
def hostile(tmp_path):
    """Pack text that draws `picture.png` (pure magenta, outside the pack) when read as HTML."""
    picture = tmp_path / "outside" / "picture.png"
    picture.parent.mkdir()
    image = QImage(60, 60, QImage.Format.Format_RGB32)
    image.fill(MAGENTA)
    assert image.save(str(picture))
    return f"<img src='{picture}' width=60 height=60> <b>bold</b>"


@pytest.fixture
def window(window_factory, make_pack, hostile, qtbot):
    pack = make_pack(
        {
            "helplines.toml": f'''
                [[helpline]]
                id = "hostile"
                contacts = [{{ kind = "call", number = "217-555-0142", label = {{ en = "{hostile}" }} }}]
                [helpline.en]
                name = "{hostile}"
                description = "{hostile}"
                ''',
            "en/articles/hostile.md": article(hostile, body="Plain words.", summary=hostile, category=hostile),
            "en/checklists/hostile.toml": f'''
                title = "{hostile}"
                intro = "{hostile}"
                [[groups]]
                title = "{hostile}"
                [[groups.items]]
                id = "first"
                text = "{hostile}"
                note = "{hostile}"
                red_flag = true
                [[bands]]
                min = 0
                max = 1
                message = "{hostile}"
                ''',
        }
    )
    window = window_factory("--content", str(pack))
    window.topic_tree.expandAll()
    qtbot.waitUntil(window.search_ready)
    return window


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The words Qt shows for `text`: as given when plain, else what its HTML reads as."""
    if text_format == Qt.TextFormat.PlainText or (
        text_format == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text)
    ):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def texts_with_pack_text(window: QWidget) -> list[tuple[str, str, str]]:
    """(where, the text given to Qt, what Qt shows) for every label, tooltip and row holding it."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            found.append((f"label {widget.objectName()}", widget.text(), shown(widget.text(), widget.textFormat())))
        found.append((f"tooltip of {widget.objectName()}", widget.toolTip(), shown(widget.toolTip())))
        if isinstance(widget, QTreeWidget):
            items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            items += [group.child(j) for group in list(items) for j in range(group.childCount())]
            for item in items:
                found.append(("tree row tooltip", item.toolTip(0), shown(item.toolTip(0))))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                tip = widget.item(i).toolTip()
                found.append(("result row tooltip", tip, shown(tip)))
    return [entry for entry in found if "bold" in entry[1]]


def magenta_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = bytes(image.constBits())
    return (
        sum(1 for at in range(0, len(bits), 4) if bits[at : at + 3] == b"\xff\x00\xff")
        if b"\xff\x00\xff" in bits
        else 0
    )


def assert_plain(window, hostile, expected_places):
    found = texts_with_pack_text(window)
    assert len(found) >= expected_places
    for where, _given, words in found:
        assert hostile in words, f"{where} shows {words!r}"
    assert magenta_pixels(window) == 0


def test_pack_text_in_the_help_panel_topics_and_window_title_is_plain(window, hostile, qtbot):
    window.open_article("hostile")
    assert hostile in window.windowTitle()
    assert_plain(window, hostile, expected_places=3)  # the help line's name and number, the topic's tooltip


def test_pack_text_in_a_checklist_and_its_result_is_plain(window, hostile, qtbot):
    window.open_checklist("hostile")
    box = window.checklist_view.scroll_to("first")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert window.findChild(QWidget, "crisisBanner").isVisible()
    # title, intro, group, note, result: and the help panel's
    assert_plain(window, hostile, expected_places=7)
    for label in window.checklist_view.findChildren(QLabel):
        assert "<img" not in label.text() or label.textFormat() == Qt.TextFormat.PlainText


def test_pack_text_in_search_results_is_plain(window, hostile, qtbot):
    qtbot.keyClicks(window.navigation.search_box, "bold")
    qtbot.waitUntil(window.search_settled)
    assert window.search_results.titles()
    assert_plain(window, hostile, expected_places=4)


def test_pack_text_on_the_help_page_is_plain(window, hostile):
    window.open_help()
    assert hostile in window.reader.toPlainText()
    assert_plain(window, hostile, expected_places=2)
