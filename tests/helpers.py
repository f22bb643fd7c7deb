"""Helpers for writing small content packs in tests."""


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
