"""The reader keeps recent pages parsed: what a visitor sees must still follow the theme, the zoom and the policy."""

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from guide.themes import THEMES
from guide.ui.reader.reader import PageDocument


def test_a_page_kept_from_before_a_theme_change_is_shown_in_the_new_colours(window_factory):
    window = window_factory("--article", "clonazepam")
    window.set_theme("light")
    window.open_article("benzodiazepines")
    window.set_theme("dark")
    window.go_back()  # clonazepam was parsed under the light theme
    assert THEMES["dark"]["text"] in window.reader.document().defaultStyleSheet()
    heading = window.reader.document().begin().charFormat().foreground().color()
    assert heading != QColor(THEMES["light"]["text"])


def test_a_page_kept_from_before_zooming_is_shown_at_the_new_size(window_factory):
    window = window_factory("--article", "clonazepam")
    window.open_article("benzodiazepines")
    window.on_zoom_in()
    window.on_zoom_in()
    window.go_back()
    expected = window.reader.BASE_POINT_SIZE * window.session.zoom / 100
    assert window.session.zoom > 100
    assert window.reader.document().defaultFont().pointSizeF() == expected


def test_only_so_many_pages_are_kept(window_factory):
    window = window_factory()
    window.reader.KEPT_PAGES = 3
    for article_id in window.library.article_ids()[:8]:
        window.open_article(article_id)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.reader.findChildren(PageDocument)) <= 3
    last = window.library.article(window.library.article_ids()[7])
    assert window.reader.toPlainText().startswith(last.title)


def test_a_kept_page_loads_no_file_it_names(window, tmp_path):
    picture = tmp_path / "picture.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    url = QUrl.fromLocalFile(str(picture))
    html = f'<p>Before</p><img src="{url.toString()}"><p>After</p>'
    plain = QTextDocument()  # a document on its own reads the file: the test can tell
    plain.setHtml(html)
    loaded = plain.resource(QTextDocument.ResourceType.ImageResource, url)
    assert loaded is not None and not loaded.isNull()
    window.reader.show_page(html)
    assert isinstance(window.reader.document(), PageDocument)
    shown = window.reader.document().resource(QTextDocument.ResourceType.ImageResource, url)
    assert shown.pixelColor(0, 0) != QColor("red")  # the file's picture is not what is drawn


def test_a_new_page_starts_at_its_top_and_stays_there_when_touched(window_factory, qtbot):
    window = window_factory("--kiosk", "--article", "clonazepam")
    window.open_article("benzodiazepines")
    assert window.reader.textCursor().position() == 0
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.reader.verticalScrollBar().value() == 0


def test_a_reset_shows_nothing_of_the_last_visitors_find(window_factory):
    window = window_factory("--kiosk")  # home, the page a reset shows again
    window.open_find_bar()
    for _ in range(3):  # Find, Next, Next
        window.find_bar.findRequested.emit("help", False, False)
    assert window.reader.textCursor().selectedText().lower() == "help"
    window.reset_session()
    assert not window.reader.textCursor().hasSelection()
    current, total = window.reader.find_text("help")
    assert total > 1 and current == 1  # the next visitor's first find starts at the top
