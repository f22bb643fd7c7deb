"""Printing a checklist's summary: the dialog on a desktop, the clinic's printer on a kiosk.

QtPrintSupport is loaded only when something is printed or the printers are asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from guide.checklists.printing import PrintOffer, print_offer
from guide.config import Config

if TYPE_CHECKING:
    from guide.ui.checklists.checklist_printer import ChecklistPrinter


class PrintDesk(QObject):
    failed = Signal()  # the print system refused the job: the checklist says so

    def __init__(self, config: Config, kiosk: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.config, self.kiosk = config, kiosk
        self._printer: ChecklistPrinter | None = None
        self._installed: list[str] | None = None  # the printers this computer has, asked once

    def installed(self) -> list[str]:
        """Asked only when the config names a printer (the kiosk's button, the staff page)."""
        if not self.config.kiosk.printer:
            return []
        if self._installed is None:
            from guide.ui.checklists.checklist_printer import installed_printers

            self._installed = installed_printers()
        return self._installed

    def offer(self) -> PrintOffer:
        """In kiosk mode the clinic's printer if it is installed, or no print button: no dialogs."""
        return print_offer(self.kiosk, self.config.kiosk.printer, self.installed())

    def print_html(self, html: str, title: str) -> None:
        self._checklist_printer().print_html(html, title)

    def write_pdf(self, html: str, title: str, path: str) -> bool:
        return self._checklist_printer().write_pdf(html, title, path)

    def _checklist_printer(self) -> ChecklistPrinter:
        if self._printer is None:
            from guide.ui.checklists.checklist_printer import ChecklistPrinter

            self._printer = ChecklistPrinter(self.config.kiosk.printer if self.kiosk else "", self.parent())
            self._printer.failed.connect(self.failed)
        return self._printer
