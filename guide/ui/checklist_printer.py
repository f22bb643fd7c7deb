"""Printing a checklist summary, or saving it as PDF, through QtPrintSupport."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from guide.printing import paper_size

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
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        printer.setPageSize(system_paper())
        return self._print(html, title, printer)

    @staticmethod
    def _print(html: str, title: str, printer: QPrinter) -> bool:
        if not printer.isValid() or printer.printerState() == QPrinter.PrinterState.Error:
            return False
        printer.setDocName(title)  # the PDF's Title, and the job's name in the print queue
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)
        return printer.printerState() != QPrinter.PrinterState.Error
