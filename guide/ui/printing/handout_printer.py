"""Printing a handout through QtPrintSupport, or saving it as PDF with QPdfWriter.

A PDF is written by QtGui alone: a QPrinter, even one writing a PDF, asks the print system (CUPS,
over a socket) about printers, so only printing to a printer touches it.

Each sheet is laid out here rather than by QTextDocument.print_(), so that the foot of every
sheet says whose it is (the guide, the page, "Page 1 of 2"); the QR codes are drawn from the
same modules as on screen (guide/reader/qr.py), and an article's pictures come from its pack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QObject, QRectF, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from guide.printing.handout import Handout
from guide.printing.offer import paper_size

PAGE_SIZES = {"Letter": QPageSize.PageSizeId.Letter, "A4": QPageSize.PageSizeId.A4}
MARGIN_MM = 18
# Sizes in points, so the text is the same size on any printer's dots; black on white whatever
# the theme on screen.
BODY_POINTS = 12  # large enough for a reader with tired eyes, or reading glasses left at home
HANDOUT_CSS = """
h1 { font-size: 20pt; }
h2 { font-size: 15pt; }
h3 { font-size: 13pt; }
p.summary { font-size: 13pt; }
p.review { font-size: 10pt; color: #333333; }
h2.emergency { color: #000000; }
table { margin-top: 4pt; }
"""


def installed_printers() -> list[str]:
    """The names of the printers this computer has (what a kiosk's configured printer must be)."""
    return QPrinterInfo.availablePrinterNames()


def system_paper() -> QPageSize:
    """Letter, or A4 where the system locale's country uses it (the core decides which)."""
    territory = QLocale.territoryToCode(QLocale.system().territory())
    return QPageSize(PAGE_SIZES[paper_size(territory)])


class HandoutDocument(QTextDocument):
    """A handout's text, with its QR codes drawn by the guide and its pictures from the pack;
    nothing is fetched from anywhere else."""

    def __init__(self, handout: Handout, pictures: Path | None = None):
        super().__init__()
        self._pictures = pictures
        font = QFont(self.defaultFont())
        font.setPointSizeF(BODY_POINTS)
        self.setDefaultFont(font)
        self.setDefaultStyleSheet(HANDOUT_CSS)
        self.setDocumentMargin(0)
        self.setHtml(handout.html)

    def loadResource(self, type: int, name: QUrl):
        if type != QTextDocument.ResourceType.ImageResource:
            return None
        address = name.toString()
        if name.scheme() == "qr" and address.startswith("qr:"):
            from guide.ui.reader.qr_code import qr_image

            return qr_image(address.removeprefix("qr:"))  # whole-pixel modules, scaled by the paper's dots
        from guide.ui.reader.reader import page_picture  # the reader's: an article's pictures, else none

        return page_picture(name, self._pictures)


def paint_handout(handout: Handout, device: QPagedPaintDevice, pictures: Path | None = None) -> int:
    """Lay `handout` out on `device`'s sheets and paint them, each with its foot line; the sheets."""
    document = HandoutDocument(handout, pictures)
    document.documentLayout().setPaintDevice(device)  # points and pictures measured in its dots
    dots = device.logicalDpiY()
    margin = MARGIN_MM / 25.4 * dots
    foot_font = QFont(document.defaultFont())
    foot_font.setPointSizeF(9)
    foot = QFontMetricsF(foot_font, device)
    width, height = device.width(), device.height()
    body = QRectF(margin, margin, width - 2 * margin, height - 2 * margin - 2 * foot.height())
    document.setPageSize(QSizeF(body.width(), body.height()))
    keep_together(document, body.height())
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        return 0
    for page in range(pages):
        if page:
            device.newPage()
        painter.save()
        painter.translate(body.left(), body.top() - page * body.height())
        document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
        painter.restore()
        painter.setFont(foot_font)
        painter.setPen(Qt.GlobalColor.black)
        line = QRectF(margin, height - margin - foot.height(), width - 2 * margin, foot.height())
        painter.drawText(
            line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, handout.page_line(page + 1, pages)
        )
    painter.end()
    return pages


def keep_together(document: QTextDocument, page_height: float) -> None:
    """Start a new sheet before each table the foot of a sheet would cut (a help line's codes
    apart from its name, a program from its phone number) and before a heading that would end a
    sheet apart from what it heads; the headings over a moved table go with it. What is longer
    than a sheet is left to break."""
    layout = document.documentLayout()

    def sheet(y: float) -> int:
        return int(y // page_height)

    def items() -> list[tuple[object, QRectF, bool]]:
        """The document's top-level blocks and tables, each with its place and whether it is a heading."""
        found = []
        for step in document.rootFrame():
            frame, block = step.currentFrame(), step.currentBlock()
            if frame is not None:
                found.append((frame, layout.frameBoundingRect(frame), False))
            elif block.isValid() and block.text().strip():
                found.append((block, layout.blockBoundingRect(block), bool(block.blockFormat().headingLevel())))
        return found

    def break_before(item) -> bool:
        """A new sheet before `item` (a table or a block); False when it already has one."""
        always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if isinstance(item, QTextFrame):
            fmt, apply = item.frameFormat(), item.setFrameFormat
        else:
            fmt, apply = item.blockFormat(), QTextCursor(item).setBlockFormat
        if fmt.pageBreakPolicy() & always:
            return False
        fmt.setPageBreakPolicy(always)
        apply(fmt)
        return True

    for _ in range(500):  # each move pushes what follows down: look again from the top
        laid = items()
        for index, (item, box, heading) in enumerate(laid):
            cut_table = isinstance(item, QTextFrame) and box.height() < page_height
            cut_table = cut_table and sheet(box.top()) != sheet(box.bottom() - 1)
            next_box = laid[index + 1][1] if index + 1 < len(laid) else None
            lone_heading = heading and next_box is not None and sheet(next_box.top() + 1) != sheet(box.top())
            if not (cut_table or lone_heading):
                continue
            first = index
            while first and laid[first - 1][2]:  # the headings just above go too
                first -= 1
            top = laid[first][1].top()
            if top - sheet(top) * page_height > 1 and break_before(laid[first][0]):
                break
        else:
            return


class HandoutPrinter(QObject):
    """Prints a handout: to the named printer with no dialog (kiosk), else through the print dialog.

    `failed` says it did not come out, so the view can tell the visitor in its own words.
    """

    failed = Signal()
    printed = Signal()

    def __init__(self, printer_name: str, parent: QWidget):
        super().__init__(parent)
        self._printer_name = printer_name
        self._parent = parent

    def print_handout(self, handout: Handout, pictures: Path | None = None) -> None:
        if self._printer_name:
            # Checked before painting: QPainter on a printer that isn't there only warns on stderr.
            info = QPrinterInfo.printerInfo(self._printer_name)
            printer = None if info.isNull() else QPrinter(info, QPrinter.PrinterMode.HighResolution)
            if printer is None or not self._print(handout, pictures, printer):
                self.failed.emit()
            else:
                self.printed.emit()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(system_paper())
        printer.setPageMargins(QMarginsF(0, 0, 0, 0))  # the handout sets its own
        printer.setDocName(handout.title)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(
            lambda: self.printed.emit() if self._print(handout, pictures, printer) else self.failed.emit()
        )
        dialog.finished.connect(dialog.deleteLater)
        # PySide6 binds only QPrintDialog.open(receiver, member); QDialog's own open() is the
        # window-modal show that returns at once.
        QDialog.open(dialog)

    def write_pdf(self, handout: Handout, path: str, pictures: Path | None = None) -> bool:
        """Write the handout to a PDF file at `path`; False when it could not be written."""
        try:
            open(path, "wb").close()  # QPdfWriter only warns on stderr when it can't write the file
        except OSError:
            return False
        writer = QPdfWriter(path)
        writer.setPageSize(system_paper())
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setResolution(1200)  # what a HighResolution QPrinter gives: text is laid out finely
        writer.setTitle(handout.title)  # the PDF's Title
        writer.setCreator("Recovery Guide")
        return paint_handout(handout, writer, pictures) > 0

    @staticmethod
    def _print(handout: Handout, pictures: Path | None, printer: QPrinter) -> bool:
        if not printer.isValid() or printer.printerState() == QPrinter.PrinterState.Error:
            return False
        printer.setDocName(handout.title)  # the job's name in the print queue
        paint_handout(handout, printer, pictures)
        return printer.printerState() != QPrinter.PrinterState.Error
