"""QR codes a phone camera reads at arm's length: always a full QR Code, never Micro QR.

The pages and the link dialog draw exactly what this decides, module for module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

QUIET_ZONE = 4  # light modules around the code: the standard's minimum; cameras need it to find the code
MIN_MODULE_PIXELS = 4  # smaller modules run together in a phone camera's picture
MIN_SIDE_PIXELS = 150  # about 4 cm on a kiosk screen, quiet zone included: readable from arm's length


class QrSymbol(NamedTuple):
    """One QR code: its modules (quiet zone included) and the whole pixels each one takes."""

    data: str
    designator: str  # segno's version and error level, "1-H", "2-Q"; Micro QR would be "M1".."M4"
    modules: tuple[tuple[bool, ...], ...]  # rows, top to bottom; True is dark
    module_pixels: int

    @property
    def side(self) -> int:
        """Width and height in pixels, quiet zone included."""
        return len(self.modules) * self.module_pixels


@lru_cache(maxsize=256)
def qr_symbol(data: str) -> QrSymbol:
    """`data` (a tel:, sms: or web address) as a full QR Code, sized for a phone at arm's length."""
    import segno  # only pages with a code need it; it stays out of start-up

    # segno.make() picks Micro QR for short data such as tel:911, and phone cameras don't read it.
    code = segno.make_qr(data, error="m")
    modules = tuple(tuple(bool(dark) for dark in row) for row in code.matrix_iter(border=QUIET_ZONE))
    module_pixels = max(MIN_MODULE_PIXELS, -(-MIN_SIDE_PIXELS // len(modules)))  # rounded up: whole pixels
    return QrSymbol(data, code.designator, modules, module_pixels)
