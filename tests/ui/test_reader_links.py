"""The link policy in the reader, for a click, the keyboard and setSource() alike."""

import pytest
from helpers import link_point
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from guide.ui.reader.external_link_dialog import ExternalLinkDialog

PAGE = """<h1>Links</h1>
<p><a href="article:benzodiazepines">inside</a></p>
<p><a href="https://988lifeline.org/chat">outside</a></p>
<p><a href="file:///etc/passwd">a file</a></p>
<p><a href="javascript:alert(1)">script</a></p>
<p><a href="data:text/html,hi">data</a></p>
<p><a href="gopher://old.example">unknown</a></p>
<p><a href="checklist:nothing-here">checklist</a></p>"""

REFUSED = ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "gopher://old.example"]


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url))
    return calls


@pytest.fixture
def links_page(window):
    window.open_article("clonazepam")
    window.reader.show_page(PAGE)
    return window


def click(qtbot, window, href):
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(window.reader, href))


def press_enter_on(qtbot, window, href):
    """Tab through the page's links until `href` has focus, then press Enter."""
    reader = window.reader
    for _ in range(20):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        if reader.textCursor().charFormat().anchorHref() == href:
            break
    else:
        raise AssertionError(f"Tab never reached the link to {href!r}")
    qtbot.keyClick(reader, Qt.Key.Key_Return)


NAVIGATE = {
    "click": click,
    "keyboard": press_enter_on,
    "setSource": lambda qtbot, window, href: window.reader.setSource(QUrl(href)),
}


@pytest.mark.parametrize("how", NAVIGATE)
def test_an_internal_link_opens_the_article(qtbot, links_page, how):
    NAVIGATE[how](qtbot, links_page, "article:benzodiazepines")
    assert links_page.current_location().target == "benzodiazepines"
    assert links_page.reader.toPlainText().startswith("Benzodiazepines")


@pytest.mark.parametrize("how", NAVIGATE)
def test_an_outside_link_is_shown_with_a_qr_code_and_never_opened(qtbot, links_page, opened, how):
    NAVIGATE[how](qtbot, links_page, "https://988lifeline.org/chat")
    dialog = links_page.findChild(ExternalLinkDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(object, "externalAddress").text() == "https://988lifeline.org/chat"
    assert dialog.qr_code.data == "https://988lifeline.org/chat"
    assert opened == []
    assert links_page.current_location().target == "clonazepam"
    dialog.reject()


@pytest.mark.parametrize("how", NAVIGATE)
@pytest.mark.parametrize("href", REFUSED)
def test_refused_links_leave_the_reader_where_it_was(qtbot, links_page, opened, how, href):
    before = links_page.reader.toPlainText()
    NAVIGATE[how](qtbot, links_page, href)
    assert links_page.reader.toPlainText() == before
    assert links_page.current_location().target == "clonazepam"
    assert links_page.findChild(ExternalLinkDialog) is None
    assert "can't be opened" in links_page.statusBar().currentMessage()
    assert opened == []


def test_the_reader_loads_no_resources_a_page_names(links_page):
    from PySide6.QtGui import QTextDocument

    for url in ("file:///etc/hostname", "https://example.org/a.png", "data:image/png;base64,AAAA"):
        assert links_page.reader.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None


def test_a_table_of_contents_link_scrolls_within_the_page(window_factory, qtbot):
    window = window_factory("--article", "clonazepam", size=(800, 600))
    click(qtbot, window, "#where-to-get-help")
    assert window.reader.verticalScrollBar().value() > 0
    assert window.current_location().target == "clonazepam"
