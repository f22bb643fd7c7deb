"""QR codes: every code the guide makes is a full QR Code a phone camera finds and reads."""

import re
from html import unescape

import pytest

from guide.packs.library import load_library
from guide.reader.qr import qr_symbol
from guide.reader.render import Renderer


def codes_on(page: str) -> set[str]:
    """What each QR picture on a rendered page holds."""
    return {unescape(data) for data in re.findall(r'<img src="qr:([^"]*)"', page)}


def finder_pattern_at(modules, top: int, left: int) -> bool:
    """A 7x7 finder pattern (dark ring, light ring, dark 3x3 centre) starts at (top, left)."""
    return all(modules[top + y][left + x] == (max(abs(x - 3), abs(y - 3)) != 2) for y in range(7) for x in range(7))


def assert_phone_readable(data: str) -> None:
    symbol = qr_symbol(data)
    modules, count = symbol.modules, len(symbol.modules)
    assert not re.fullmatch(r"M[1-4].*", symbol.designator), f"{data} is Micro QR ({symbol.designator})"
    # Full QR Code symbols are 21, 25, ... 177 modules wide (Micro QR: 11 to 17), plus 4 on each side.
    assert (count - 8 - 21) % 4 == 0 and 29 <= count <= 185, count
    quiet_zone = [*modules[:4], *modules[-4:], *(row[:4] + row[-4:] for row in modules)]
    assert not any(any(part) for part in quiet_zone), "no light border a camera can find the code by"
    # Three finder patterns (top left, top right, bottom left): Micro QR has only the first.
    assert finder_pattern_at(modules, 4, 4) and finder_pattern_at(modules, 4, count - 11)
    assert finder_pattern_at(modules, count - 11, 4)
    assert symbol.module_pixels >= 4 and symbol.side >= 150


def test_every_help_line_code_in_the_bundled_pack_is_a_full_qr_code_in_both_languages():
    renderer = Renderer(load_library())
    uris = codes_on(renderer.help_html("en")) | codes_on(renderer.help_html("es"))
    assert {"tel:911", "tel:988", "sms:988", "sms:435748", "tel:+18006624357"} <= uris  # short ones were Micro QR
    for uri in uris:
        assert_phone_readable(uri)


@pytest.mark.parametrize("data", ["tel:1", "sms:988", "https://x.org", "https://example.org/" + "long-path/" * 30])
def test_short_and_long_addresses_are_full_qr_codes_in_whole_pixel_modules(data):
    assert_phone_readable(data)
