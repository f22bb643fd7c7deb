"""'Find treatment near you' on a touch kiosk under a real window manager: tapped with the real
pointer (xdotool), read back from the X server's own pixels."""

import os
import re

import xwindows as x
import zxingcpp
from helpers import read_barcodes
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton

from guide.ui.reader.qr_code import QrCode

SECOND = 1000  # ms


def tap(widget) -> None:
    """A tap in the middle of `widget`, with the X server's pointer: where the screen shows it."""
    centre = widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2))
    x.click(centre.x(), centre.y())


def test_a_visitor_taps_a_zip_code_and_scans_the_nearest_program(window_factory, pin_config, locator_pack, qtbot):
    kiosk = window_factory("--kiosk", "--config", str(pin_config), "--lang", "es", "--content", str(locator_pack))
    window_id = int(kiosk.winId())
    qtbot.waitUntil(lambda: x.viewable(window_id) and kiosk.isFullScreen(), timeout=5 * SECOND)
    button = kiosk.help_panel.findChild(QPushButton, "findTreatmentButton")
    qtbot.waitUntil(button.isVisible, timeout=SECOND)
    tap(button)
    qtbot.waitUntil(lambda: kiosk.late.locator_page is not None and kiosk.locator_page.isVisible(), timeout=SECOND)
    page = kiosk.locator_page
    assert page.number_pad.isVisible()  # a touch kiosk has no keyboard
    for key in "62701":
        tap(page.number_pad.keys[key])
        qtbot.waitUntil(lambda k=key: page.zip_box.text().endswith(k), timeout=SECOND)
    tap(page.number_pad.keys["enter"])
    qtbot.waitUntil(lambda: bool(page.results.rows()), timeout=SECOND)
    assert page.results.rows()[0].startswith("Sangamon Recovery Center")
    assert kiosk.focusWidget() is page.zip_box  # the pad's keys never took the focus
    assert x.windows_of(os.getpid()) == [window_id] and x.active_window() == window_id  # nothing else opened
    # What the X server shows at the first program's code: a full QR Code that calls the number
    # written beside it (scrolled into view, as the visitor would).
    first = page.results.row_widgets()[0]
    code = first.findChild(QrCode)
    page.scroll_area.ensureWidgetVisible(code)
    qtbot.waitUntil(lambda: page.scroll_area.viewport().rect().contains(viewport_rect(code, page)), timeout=SECOND)
    QApplication.processEvents()
    where = code.mapToGlobal(QPoint(-8, -8))  # with a quiet margin of the page around it
    shown = kiosk.screen().grabWindow(0, where.x(), where.y(), code.width() + 16, code.height() + 16).toImage()
    written = re.search(r"\d{3}-\d{3}-\d{4}", first.row.phone).group()
    call = "tel:+1" + written.replace("-", "")
    found = read_barcodes(shown)
    assert set(found) == {call} and found[call] == zxingcpp.BarcodeFormat.QRCode, found
    page.scroll_area.ensureWidgetVisible(page.choose_button)  # back up to "Elija lo que necesita"
    qtbot.waitUntil(
        lambda: page.scroll_area.viewport().rect().contains(viewport_rect(page.choose_button, page)), timeout=SECOND
    )
    tap(page.choose_button)
    toggle = page.filter_buttons["residential"]
    qtbot.waitUntil(toggle.isVisible, timeout=SECOND)
    qtbot.waitUntil(lambda: page.scroll_area.viewport().rect().contains(viewport_rect(toggle, page)), timeout=SECOND)
    tap(toggle)
    qtbot.waitUntil(toggle.isChecked, timeout=SECOND)
    assert [row.split(" - ")[0] for row in page.results.rows()] == [
        "Lincoln Residential Program", "Peoria Women's Recovery House",
    ]  # fmt: skip


def viewport_rect(widget, page) -> QRect:
    viewport = page.scroll_area.viewport()
    return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
