"""Printing a page's handout: the dialog on a desktop, the clinic's printer on a kiosk.

QtPrintSupport is loaded only when something is printed or the printers are asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from guide.config import Config
from guide.printing.offer import PrintOffer, print_offer

if TYPE_CHECKING:
    from guide.printing.handout import Handout
    from guide.ui.printing.handout_printer import HandoutPrinter


class PrintDesk(QObject):
    failed = Signal()  # the print system refused the job: the page says so
    printed = Signal()  # the job went to the printer

    def __init__(self, config: Config, kiosk: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.config, self.kiosk = config, kiosk
        self._printer: HandoutPrinter | None = None
        self._installed: list[str] | None = None  # the printers this computer has, asked once

    def installed(self) -> list[str]:
        """Asked only when the config names a printer (the kiosk's button, the staff page)."""
        if not self.config.kiosk.printer:
            return []
        if self._installed is None:
            from guide.ui.printing.handout_printer import installed_printers

            self._installed = installed_printers()
        return self._installed

    def offer(self, ask: bool = True) -> PrintOffer:
        """In kiosk mode the clinic's printer if it is installed, or no print button: no dialogs.
        With `ask` False (the first screen), the configured printer is taken on trust until the
        printers have been asked for: QtPrintSupport and the print system wait for the first paint."""
        printer = self.config.kiosk.printer
        if not self.kiosk or not printer:
            return print_offer(self.kiosk, printer, ())  # no printer to look for
        installed = self.installed() if ask or self._installed is not None else [printer]
        return print_offer(True, printer, installed)

    def print_handout(self, handout: Handout, pictures: Path | None = None) -> None:
        self._handout_printer().print_handout(handout, pictures)

    def write_pdf(self, handout: Handout, path: str, pictures: Path | None = None) -> bool:
        return self._handout_printer().write_pdf(handout, path, pictures)

    def _handout_printer(self) -> HandoutPrinter:
        if self._printer is None:
            from guide.ui.printing.handout_printer import HandoutPrinter

            self._printer = HandoutPrinter(self.config.kiosk.printer if self.kiosk else "", self.parent())
            self._printer.failed.connect(self.failed)
            self._printer.printed.connect(self.printed)
        return self._printer
