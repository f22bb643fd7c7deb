"""A Spanish-speaking visitor is sent to the Spanish crisis services, on the panel and in the codes.

The codes are read back from the reader's own pixels by zxing-cpp, a decoder this project
did not write, so the test sees what a phone camera would.
"""

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

SPANISH_PANEL = [
    "Envíe AYUDA por texto al 988",
    "Envíe AYUDA por texto al 741741",
    "Envíe su código postal por texto al 435748 (solo en inglés)",
]


def test_the_spanish_help_panel_says_ayuda_and_that_the_zip_line_is_english_only(window_factory):
    texts = window_factory("--lang", "es").help_panel.contact_texts()
    for words in SPANISH_PANEL:
        assert words in texts
    assert not any("HOME" in text for text in texts)


def test_the_english_help_panel_keeps_home(window_factory):
    texts = window_factory().help_panel.contact_texts()
    assert "Text HOME to 741741" in texts and "Text 988" in texts
    assert not any("AYUDA" in text or "solo en" in text for text in texts)


def decoded(reader) -> set[str]:
    """Every QR code drawn in the reader's viewport, as a phone would read it."""
    image = reader.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    pixels = b"".join(data[row * stride : row * stride + width] for row in range(height))
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)), formats=zxingcpp.BarcodeFormat.QRCode)
    return {barcode.text for barcode in found}


@pytest.mark.parametrize(
    ("lang", "line", "uri"),
    [
        ("es", "crisis-text-line", "sms:741741?body=AYUDA"),
        ("en", "crisis-text-line", "sms:741741?body=HOME"),
        ("es", "988-lifeline", "sms:988?body=AYUDA"),
    ],
)
def test_the_code_for_a_text_line_carries_the_words_of_the_pages_language(window_factory, qtbot, lang, line, uri):
    window = window_factory("--lang", lang, size=(1200, 900))
    qtbot.mouseClick(window.help_panel.findChild(object, f"helpline-{line}"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_location().anchor == f"line-{line}")

    def code_shown():
        assert uri in decoded(window.reader)

    qtbot.waitUntil(code_shown)
