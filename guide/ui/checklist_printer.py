"""Printing a checklist summary, or saving it as PDF, through QtPrintSupport."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


class ChecklistPrinter:
    """Prints HTML: to the named printer with no dialog (kiosk), else through the print dialog."""

    def __init__(self, printer_name: str, parent: QWidget):
        self._printer_name = printer_name
        self._parent = parent

    def print_html(self, html: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._printer_name:
            printer.setPrinterName(self._printer_name)
            self._print(html, printer)
            return
        dialog = QPrintDialog(printer, self._parent)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: self._print(html, printer))
        dialog.open()

    def write_pdf(self, html: str, path: str) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        return self._print(html, printer)

    @staticmethod
    def _print(html: str, printer: QPrinter) -> bool:
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)
        return printer.printerState() != QPrinter.PrinterState.Error
