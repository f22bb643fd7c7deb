"""Helpers for tests: small content packs, links on a page, what a decoder and poppler read back."""

import os
import shutil
import subprocess
import unicodedata
from urllib.parse import quote

import pytest


def article(title: str = "A title", body: str = "Some words.", **meta: str) -> str:
    """An article file's text with the given metadata."""
    lines = [f"Title: {title}"] + [f"{key.replace('_', '-').capitalize()}: {value}" for key, value in meta.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def link_point(reader, href: str):
    """Where on the reader's viewport the link to `href` is drawn (for a real mouse click)."""
    from PySide6.QtGui import QTextCursor

    block = reader.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                return reader.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} on the page")


def read_barcodes(image) -> dict[str, str]:
    """Decoded text -> format of every barcode in a QImage, read by zxing-cpp (a decoder the
    project didn't write) from its grey pixels alone, as a phone camera would."""
    import zxingcpp
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    bits = bytes(grey.constBits())
    pixels = b"".join(bits[y * stride : y * stride + width] for y in range(height))  # rows without padding
    return {b.text: b.format for b in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))}


def run(*command: str, **kwargs) -> str:
    """A program's output; poppler's (pdftotext, pdfinfo, pdftoppm) must be there in CI."""
    if command[0].startswith("pdf") and shutil.which(command[0]) is None:
        # CI installs poppler (.ci/run) and must fail without it; elsewhere, say what to install.
        message = f"{command[0]} is missing: apt-get install poppler-utils"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, **kwargs)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def pdf_text(path, first: int = 0, last: int = 0) -> str:
    """The PDF's words as pdftotext reads them, one space apart (only sheets `first` to `last`);
    a ligature the font drew ("ﬁ") as the letters a reader sees ("fi")."""
    pages = ["-f", str(first), "-l", str(last or first)] if first else []
    text = run("pdftotext", "-enc", "UTF-8", *pages, str(path), "-")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_info(path) -> dict[str, str]:
    lines = run("pdfinfo", "-enc", "UTF-8", str(path)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_sheets(path, folder, dots: int = 150) -> list:
    """Each sheet of the PDF drawn by pdftoppm, as a QImage, first to last."""
    from PySide6.QtGui import QImage

    run("pdftoppm", "-png", "-r", str(dots), str(path), str(folder / "sheet"))
    return [QImage(str(p)) for p in sorted(folder.glob("sheet*.png"))]


def dialled(number: str) -> str:
    """A phone number as a phone dials it from anywhere: US numbers with +1, short codes as they are."""
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return "+" + digits if len(digits) == 11 else digits


def message_body(contact, lang: str) -> str:
    """The words a text contact asks to send in `lang`: its own for that language, else English's."""
    return contact.bodies.get(lang) or contact.bodies.get("en", "")


def intended_uris(helplines, lang: str) -> set[str]:
    """What the help lines' codes should dial: tel:NUMBER for a call, sms:NUMBER[?body=BODY] for a text."""
    uris = set()
    for contact in (c for line in helplines for c in line.contacts):
        if contact.kind == "call":
            uris.add(f"tel:{dialled(contact.number)}")
        elif contact.kind == "text":
            body = message_body(contact, lang)
            uris.add(f"sms:{dialled(contact.number)}" + (f"?body={quote(body)}" if body else ""))
    return uris


def assert_full_qr_codes(found: dict[str, str], uris: set[str]) -> None:
    import zxingcpp

    assert set(found) == uris
    micro = {text: str(f) for text, f in found.items() if f != zxingcpp.BarcodeFormat.QRCode}
    assert micro == {}, "not a full QR Code: a phone camera may not read these"
