"""Printing a checklist summary through QtPrintSupport, or saving it as PDF with QPdfWriter.

A PDF is written by QtGui alone: a QPrinter, even one writing a PDF, asks the print system (CUPS,
over a socket) about printers, so only printing to a printer touches it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QPagedPaintDevice, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from guide.checklists.printing import paper_size

PAGE_SIZES = {"Letter": QPageSize.PageSizeId.Letter, "A4": QPageSize.PageSizeId.A4}


def installed_printers() -> list[str]:
    """The names of the printers this computer has (what a kiosk's configured printer must be)."""
    return QPrinterInfo.availablePrinterNames()


def system_paper() -> QPageSize:
    """Letter, or A4 where the system locale's country uses it (the core decides which)."""
    territory = QLocale.territoryToCode(QLocale.system().territory())
    return QPageSize(PAGE_SIZES[paper_size(territory)])


class ChecklistPrinter(QObject):
    """Prints HTML: to the named printer with no dialog (kiosk), else through the print dialog.

    `failed` says the summary did not come out, so the view can tell the visitor in its own words.
    """

    failed = Signal()

    def __init__(self, printer_name: str, parent: QWidget):
        super().__init__(parent)
        self._printer_name = printer_name
        self._parent = parent

    def print_html(self, html: str, title: str) -> None:
        if self._printer_name:
            # Checked before painting: QPainter on a printer that isn't there only warns on stderr.
            info = QPrinterInfo.printerInfo(self._printer_name)
            printer = None if info.isNull() else QPrinter(info, QPrinter.PrinterMode.HighResolution)
            if printer is None or not self._print(html, title, printer):
                self.failed.emit()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(system_paper())
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: self._print(html, title, printer) or self.failed.emit())
        dialog.finished.connect(dialog.deleteLater)
        # PySide6 binds only QPrintDialog.open(receiver, member); QDialog's own open() is the
        # window-modal show that returns at once.
        QDialog.open(dialog)

    def write_pdf(self, html: str, title: str, path: str) -> bool:
        """Write the summary to a PDF file at `path`; False when it could not be written."""
        try:
            open(path, "wb").close()  # QPdfWriter only warns on stderr when it can't write the file
        except OSError:
            return False
        writer = QPdfWriter(path)
        writer.setPageSize(system_paper())
        writer.setResolution(1200)  # what a HighResolution QPrinter gives: text is laid out finely
        writer.setTitle(title)  # the PDF's Title
        writer.setCreator("Recovery Guide")
        _paint(html, writer)
        return True

    @staticmethod
    def _print(html: str, title: str, printer: QPrinter) -> bool:
        if not printer.isValid() or printer.printerState() == QPrinter.PrinterState.Error:
            return False
        printer.setDocName(title)  # the job's name in the print queue
        _paint(html, printer)
        return printer.printerState() != QPrinter.PrinterState.Error


def _paint(html: str, device: QPagedPaintDevice) -> None:
    document = QTextDocument()
    document.setHtml(html)
    document.print_(device)
