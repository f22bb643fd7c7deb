"""Pictures in a pack's articles are drawn on the page; nothing else is.

docs/CONTENT.md tells a clinic to write `![what it shows](images/map.png)`. Each picture below is
a plain colour, so the test counts that colour in what the reader really paints (its grab), not
in anything the guide computed.
"""

import os

import pytest
from helpers import article
from PySide6.QtGui import QColor, QImage

RED, BLUE, GREEN = QColor(220, 0, 0), QColor(0, 0, 230), QColor(0, 170, 0)


def picture(path, colour: QColor, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


def painted(widget, colour: QColor) -> tuple[int, int]:
    """(how many pixels, how wide the widest run is) of exactly `colour` in what `widget` paints."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = colour.rgb()
    count, widest = 0, 0
    for y in range(image.height()):
        run = 0
        for x in range(image.width()):
            if image.pixel(x, y) == wanted:
                count, run = count + 1, run + 1
                widest = max(widest, run)
            else:
                run = 0
    return count, widest


@pytest.fixture
def pack(make_pack, tmp_path):
    root = make_pack(
        {
            "en/articles/map.md": article("Map", body="Where we are:\n\n![A red square](images/square.png)\n"),
            "en/articles/wide.md": article("Wide", body="![A wide green band](images/wide.png)\n"),
            "en/articles/outside.md": article(
                "Outside",
                body=f"![a](../../outside/blue.png)\n\n![b]({tmp_path}/outside/blue.png)\n\n"
                f"![c](file://{tmp_path}/outside/blue.png)\n\n![d](images/link.png)\n\n![e](images/huge.png)\n",
            ),
            "es/articles/map.md": article("Mapa", body="Dónde estamos:\n\n![Un cuadrado rojo](images/square.png)\n"),
        }
    )
    picture(root / "en" / "images" / "square.png", RED, 120, 80)
    picture(root / "es" / "images" / "square.png", RED, 120, 80)
    picture(root / "en" / "images" / "wide.png", GREEN, 2400, 40)
    picture(tmp_path / "outside" / "blue.png", BLUE, 120, 80)
    os.symlink(tmp_path / "outside" / "blue.png", root / "en" / "images" / "link.png")
    # A small file whose header claims a 40,000 x 40,000 picture: never decoded.
    header = QImage(1, 1, QImage.Format.Format_RGB32)
    header.fill(BLUE)
    header.save(str(root / "en" / "images" / "huge.png"))
    data = bytearray((root / "en" / "images" / "huge.png").read_bytes())
    data[16:24] = (40000).to_bytes(4, "big") * 2  # the IHDR width and height
    (root / "en" / "images" / "huge.png").write_bytes(bytes(data))
    return root


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_picture_inside_the_pack_is_drawn_on_the_page(window_factory, pack, language):
    window = window_factory("--content", str(pack), "--lang", language, "--article", "map")
    count, widest = painted(window.reader.viewport(), RED)
    assert count >= 120 * 80 * 0.95, f"the pack's picture is not on the page ({count} red pixels)"
    assert widest >= 118


@pytest.mark.parametrize("size", [(800, 600), (1200, 780)])
def test_a_picture_wider_than_a_page_is_scaled_down_not_cut_off(window_factory, pack, size):
    window = window_factory("--content", str(pack), "--article", "wide", size=size)
    count, widest = painted(window.reader.viewport(), GREEN)
    assert count > 0, "the wide picture is not drawn"
    assert widest < window.reader.viewport().width(), "the picture runs past the page's edge"
    assert window.reader.horizontalScrollBar().maximum() == 0, "the page scrolls sideways to show it"
    assert widest >= window.reader.viewport().width() * 0.8, "scaled down to a sliver"


def test_pictures_from_outside_the_pack_and_oversized_ones_are_not_drawn(window_factory, pack):
    window = window_factory("--content", str(pack), "--article", "outside")
    assert painted(window.reader.viewport(), BLUE) == (0, 0)
