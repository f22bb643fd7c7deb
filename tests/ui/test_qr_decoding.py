"""Every QR code the guide shows is read back from the screen by a decoder the project didn't
write (zxing-cpp), as a phone camera would: a full QR Code holding the right tel:/sms: address."""

import re
from html import unescape
from pathlib import Path

import pytest
from helpers import assert_full_qr_codes, dialled, intended_uris, read_barcodes
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example-pack"
LARGEST_CODE = 260  # pixels; a code taller than this could hide between two grabs of the page


def codes_on_screen(reader) -> dict[str, str]:
    """Decoded text -> format of every code on the reader's page, scrolled through top to bottom."""
    bar = reader.verticalScrollBar()
    step = reader.viewport().height() - LARGEST_CODE
    assert step > 100, "the window is too small to show a whole code between two grabs"
    found: dict[str, str] = {}
    for value in [*range(0, bar.maximum(), step), bar.maximum()]:
        bar.setValue(value)
        found.update(read_barcodes(reader.viewport().grab().toImage()))
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_code_on_the_help_page_reads_as_a_qr_code_that_calls_or_texts_its_line(window_factory, lang):
    window = window_factory("--lang", lang)
    window.open_help()
    uris = intended_uris(window.library.helplines, lang)
    assert {"tel:911", "tel:988", "tel:+18006624357"} <= uris  # the bundled lines are all there
    assert_full_qr_codes(codes_on_screen(window.reader), uris)
    pictures = re.findall(r'<img src="qr:([^"]*)" width="(\d+)"', window.reader.toHtml())
    assert {unescape(uri) for uri, _ in pictures} == uris
    for uri, width in pictures:
        drawn = window.reader.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"qr:{unescape(uri)}"))
        assert drawn.width() == drawn.height() == int(width), "a scaled picture blurs the modules"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_clinic_pack_help_page_and_services_page_codes_read_as_qr_codes(window_factory, lang):
    window = window_factory("--lang", lang, "--content", str(EXAMPLE))
    window.open_help()
    assert_full_qr_codes(codes_on_screen(window.reader), intended_uris(window.library.helplines, lang))
    window.on_address_requested("services:")
    phones = {f"tel:{dialled(service.phone)}" for service in window.library.services}
    assert len(phones) >= 3
    assert_full_qr_codes(codes_on_screen(window.reader), phones)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("address", ["https://example.org/page", "tel:988"])
def test_the_code_shown_for_an_outside_link_reads_as_a_qr_code_of_its_address(window_factory, lang, address):
    window = window_factory("--lang", lang)
    shown = window.show_external_link(address)
    assert_full_qr_codes(read_barcodes(shown.qr_code.grab().toImage()), {address})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_program_the_locator_finds_has_a_qr_code_that_calls_it(window_factory, locator_pack, lang):
    window = window_factory("--content", str(locator_pack), "--lang", lang)
    window.open_locator("62701")
    rows = window.locator_page.results.row_widgets()
    assert len(rows) >= 5
    for row in rows:  # the code calls the number written beside it (the first: "Phone: ...", then intake)
        written = re.search(r"\d{3}-\d{3}-\d{4}", row.row.phone).group()
        assert_full_qr_codes(read_barcodes(row.grab().toImage()), {f"tel:{dialled(written)}"})
