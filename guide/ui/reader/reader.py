"""The reader: shows one page of HTML and reports every link a visitor follows.

It never loads anything by itself. A click, a key press on a focused link and a direct
`setSource()` all arrive as `linkRequested`, and the main window asks the link policy what to
do. Resources (images, style sheets named in a page) are refused unless the guide serves them:
its own QR codes, and an article's pictures from its pack (guide/reader/pictures.py says which).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRegularExpression, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget


class PageDocument(QTextDocument):
    """One page, parsed and laid out once; its resources come through the reader's policy."""

    def __init__(self, reader: Reader, owner: QObject, pictures: Path | None = None):
        super().__init__(owner)  # not the reader's: a document parented to the editor is deleted when swapped out
        self._reader = reader
        self._pictures = pictures  # the article's language folder: its images/ are shown
        self.setUndoRedoEnabled(False)

    def loadResource(self, type: int, name: QUrl):
        resource = self._reader.loadResource(type, name)
        if resource is None and type == QTextDocument.ResourceType.ImageResource:
            return page_picture(name, self._pictures)
        return resource


def page_picture(name: QUrl, pictures: Path | None):
    """An <img> that is not a QR code: the article's picture from its pack (`pictures`, its
    language folder), or an empty picture (given nothing, Qt's image handler reads the file itself)."""
    from PySide6.QtGui import QImage  # (its many enums: only when a page names a picture)

    if pictures is not None and not name.scheme():
        picture = pack_picture(name.toString(), pictures)
        if picture is not None:
            return picture
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(0)
    return blank


def pack_picture(target: str, folder: Path):
    """The QImage of a picture in the pack (pictures.py says which are shown), decoded only when
    its header gives a sane size, and no wider than DECODED_WIDTH; None when it isn't shown."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageReader

    from guide.reader.pictures import DECODED_WIDTH, MAX_PICTURE_SIDE, read_picture

    data = read_picture(target, folder)
    if data is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()  # from the header, before anything is decoded
    if not size.isValid() or size.isEmpty() or max(size.width(), size.height()) > MAX_PICTURE_SIDE:
        return None
    if size.width() > DECODED_WIDTH:
        reader.setScaledSize(size.scaled(DECODED_WIDTH, size.height(), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class Reader(QTextBrowser):
    """A QTextBrowser that displays pages but leaves navigation to its owner."""

    linkRequested = Signal(QUrl)

    BASE_POINT_SIZE = 12.0
    # Pages kept parsed and laid out, so going back to one costs a document swap, not a parse.
    # About 0.3 MB each for the bundled articles (7 MB for 24); the least recently shown goes first.
    KEPT_PAGES = 24

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._mark, self._mark_text = QColor("#ffe08a"), QColor("#10243e")
        self._css = ""
        self._font = QFont(self.font())
        self._pages_owner = QObject(self)
        self._pages: OrderedDict[tuple[str, str, Path | None], PageDocument] = OrderedDict()
        self.document().setDocumentMargin(18)
        self.anchorClicked.connect(self.linkRequested)
        self._zoom = 0
        self._qr_images: dict[str, object] = {}
        self.set_zoom(100)

    def doSetSource(
        self,
        name: QUrl,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        # setSource() from anywhere is a navigation request like any other, never a load.
        self.linkRequested.emit(QUrl(name))

    def loadResource(self, type: int, name: QUrl):
        # Only QR codes the guide draws itself; nothing is fetched from a file, the network or
        # a data: URL on a page's say-so.
        address = name.toString()
        if name.scheme() == "qr" and address.startswith("qr:"):
            from guide.ui.reader.qr_code import qr_image  # segno only when a page shows a code

            data = address.removeprefix("qr:")
            if data not in self._qr_images:  # a handful of codes, drawn once: not again on each visit
                self._qr_images[data] = qr_image(data)  # the <img>'s exact size: no scaling
            return self._qr_images[data]
        return None

    def set_colours(self, css: str, mark: str, mark_text: str) -> None:
        """The theme's page style and the colours of marked search words (next page shown)."""
        self._css = css
        self.document().setDefaultStyleSheet(css)
        self._mark, self._mark_text = QColor(mark), QColor(mark_text)

    def show_page(self, html: str, anchor: str = "", scroll: int = 0, pictures: Path | None = None) -> None:
        """Show `html`, then go to `anchor` or to the remembered scroll position. Its pictures
        come from the language folder `pictures` (an article's), or none at all."""
        key = (self._css, html, pictures)  # a page parsed under another theme's style sheet is parsed again
        page = self._pages.pop(key, None)
        if page is None:
            while len(self._pages) >= self.KEPT_PAGES:
                _, oldest = self._pages.popitem(last=False)
                if oldest is not self.document():
                    oldest.deleteLater()
            page = PageDocument(self, self._pages_owner, pictures)
            page.setDocumentMargin(18)
            page.setDefaultStyleSheet(self._css)
            page.setDefaultFont(self._font)
            self._show_document(page)
            page.setHtml(html)  # once it is the reader's: laid out once, at the reader's width
        else:
            if page.defaultFont() != self._font:
                page.setDefaultFont(self._font)  # zoomed since it was last shown: laid out again
            self._show_document(page)
        # At the start, as a fresh page would be: not where filling it left the cursor, nor on
        # the last visitor's find (a kiosk reset often shows the same page again).
        self.setTextCursor(QTextCursor(page))
        self._pages[key] = page
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(scroll)

    def _show_document(self, page: PageDocument) -> None:
        shown = self.document()
        if page is shown:
            return
        self.setDocument(page)
        if isinstance(shown, PageDocument) and shown not in self._pages.values():
            shown.deleteLater()  # dropped from the kept pages while it was on screen

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def set_zoom(self, percent: int) -> None:
        """Scale the page's text; headings keep their size relative to it."""
        if percent == self._zoom and self.document().defaultFont().pointSizeF() > 0:
            return  # a new font lays the whole page out again: only when it changes
        self._zoom = percent
        font = QFont(self.font())
        font.setPointSizeF(self.BASE_POINT_SIZE * percent / 100)
        self._font = font
        self.document().setDefaultFont(font)  # kept pages take it when they are shown again

    def zoom(self) -> int:
        return self._zoom

    def highlight(self, pattern: str, scroll_to_first: bool = True) -> int:
        """Mark every match of `pattern` (a search's words) in the page; returns how many."""
        selections = []
        if pattern:
            expression = QRegularExpression(pattern, QRegularExpression.PatternOption.CaseInsensitiveOption)
            cursor = self.document().find(expression)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(self._mark)
                selection.format.setForeground(self._mark_text)
                selections.append(selection)
                cursor = self.document().find(expression, cursor)
        self._search_marks = selections
        self._spoken_mark = []
        self.setExtraSelections(selections)
        if selections and scroll_to_first:
            self.setTextCursor(QTextCursor(selections[0].cursor.block()))
            self.ensureCursorVisible()
        return len(selections)

    def mark_spoken(self, words: str, first: bool = False) -> bool:
        """Mark the sentence being read aloud, found after the one before (from the top when
        `first`), and keep it in view; "" clears the mark. False if the words weren't found."""
        if first or not words:
            self._spoken_from = 0
        self._spoken_mark = []
        cursor = self.document().find(words, getattr(self, "_spoken_from", 0)) if words else QTextCursor()
        if not cursor.isNull():
            self._spoken_from = cursor.selectionEnd()
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(self._mark)
            selection.format.setForeground(self._mark_text)
            self._spoken_mark = [selection]
            self.setTextCursor(QTextCursor(cursor.block()))
            self.ensureCursorVisible()
        self.setExtraSelections([*getattr(self, "_search_marks", []), *self._spoken_mark])
        return bool(self._spoken_mark)

    def spoken_mark(self) -> str:
        """The words marked as being read aloud now ("" when none)."""
        return self._spoken_mark[0].cursor.selectedText() if getattr(self, "_spoken_mark", None) else ""

    def find_text(self, text: str, backwards: bool = False, from_top: bool = False) -> tuple[int, int]:
        """Select the next (or previous) match after the cursor, wrapping, or the first from the
        top of the page; (which, how many)."""
        if not text or from_top:
            self.setTextCursor(QTextCursor(self.document()))
        if not text:
            return 0, 0
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if not self.find(text, flags):
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
            self.setTextCursor(cursor)
            if not self.find(text, flags):
                return 0, 0
        position, total, current = self.textCursor().selectionStart(), 0, 0
        cursor = self.document().find(text)
        while not cursor.isNull():
            total += 1
            if cursor.selectionStart() == position:
                current = total
            cursor = self.document().find(text, cursor)
        return current, total
