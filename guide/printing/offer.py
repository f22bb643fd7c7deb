"""What printing offers, decided without Qt: the paper, the button, the problem.

The window asks Qt which printers are installed and what the system locale is, and passes the
answers in; everything decided from them is here, so it is testable without a display.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from enum import Enum
from pathlib import Path

from guide.files import Problem, line_of

# Territories whose paper is US Letter: glibc's LC_PAPER (height 279 mm) and Unicode CLDR's
# paperSize data together. Everywhere else uses A4.
LETTER_TERRITORIES = frozenset(
    {"BO", "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)

_LOCALE_RE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2})\b")


def paper_size(locale: str) -> str:
    """The paper, "Letter" or "A4", for a territory code ("US") or a locale name ("es_MX.UTF-8");
    Letter when the locale names no territory (C, POSIX, "en", empty)."""
    name = locale.strip().split(".")[0].split("@")[0]
    if re.fullmatch(r"[A-Za-z]{2}", name) and name.isupper():
        territory = name  # a bare territory code; a lower-case pair is a language ("en")
    else:
        match = _LOCALE_RE.match(name)
        territory = match.group(1).upper() if match else ""
    if not territory or territory in LETTER_TERRITORIES:
        return "Letter"
    return "A4"


class PrintOffer(Enum):
    """What a print button does (a page's, a checklist's), if it is there at all."""

    NONE = "none"  # no button: a kiosk with no working printer (a visitor can't save files)
    PRINTER = "printer"  # a kiosk: straight to the clinic's printer, no dialog
    DIALOG = "dialog"  # the desktop: the print dialog, which can also save a PDF


def print_offer(kiosk: bool, printer: str, installed: Collection[str]) -> PrintOffer:
    """The desktop always gets the dialog; a kiosk prints only to its configured, installed printer."""
    if not kiosk:
        return PrintOffer.DIALOG
    return PrintOffer.PRINTER if printer and printer in installed else PrintOffer.NONE


def printer_problem(config_path: Path | None, printer: str, installed: Collection[str]) -> Problem | None:
    """A problem for the staff page when the config names a printer this computer doesn't have."""
    if not printer or printer in installed:
        return None
    path = config_path or Path("config.toml")
    known = ", ".join(f"'{name}'" for name in sorted(installed)) or "none"
    return Problem(
        path,
        line_of(path, "printer"),
        f"[kiosk] printer '{printer}' is not installed on this computer, so kiosk visitors get no "
        f"print button (installed printers: {known})",
    )
