"""Printing a checklist summary as a visitor does: the real button, the real dialog, the PDF read back
with poppler (pdftotext, pdfinfo, pdftoppm), and a kiosk whose printer is missing or breaks."""

import os
import sys
from pathlib import Path

import pytest
from helpers import pdf_info, pdf_text, run
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QPushButton

ROOT = Path(__file__).resolve().parents[2]
HELP_NUMBERS = ("911", "988", "1-800-662-4357", "1-800-222-1222", "741741")
KIOSK_FAILURE = {
    "en": "The printer is not working. Please ask a staff member.",
    "es": "La impresora no funciona. Pida ayuda a un miembro del personal.",
}


def tick(qtbot, window, item_id):
    box = window.checklist_view.scroll_to(item_id)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())


def click_print(qtbot, window) -> QPushButton:
    button = window.checklist_view.findChild(QPushButton, "printButton")
    assert button.isVisible()
    window.checklist_view.scroll_area.ensureWidgetVisible(button)  # below the list: a visitor scrolls to it
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    return button


def open_print_dialog(qtbot, window) -> QDialog:
    click_print(qtbot, window)
    qtbot.waitUntil(lambda: (d := window.findChild(QDialog, "printDialog")) is not None and d.isVisible())
    return window.findChild(QDialog, "printDialog")


def print_to_file(qtbot, dialog: QDialog, path: Path) -> None:
    """Choose "Print to File (PDF)", give the file name and press Print, as a person would."""
    printers = dialog.findChild(QComboBox, "printers")
    pdf = next(i for i in range(printers.count()) if "PDF" in printers.itemText(i))
    printers.setCurrentIndex(pdf)
    # Set, not typed: typing opens the field's file-name completer, a popup offscreen can't show.
    dialog.findChild(QLineEdit, "filename").setText(str(path))
    button = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") in {"Print", "Imprimir"})
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.fixture
def signs(window):
    window.open_checklist("clonazepam-signs")
    return window


def test_the_print_button_opens_the_print_dialog(signs, qtbot):
    assert signs.checklist_view.findChild(QPushButton, "printButton").text() == "Print or save as PDF"
    dialog = open_print_dialog(qtbot, signs)
    assert dialog.isModal() and dialog.parent() is signs
    dialog.reject()


def test_printing_from_the_dialog_writes_the_summary(signs, qtbot, tmp_path):
    tick(qtbot, signs, "anxiety")
    tick(qtbot, signs, "blurred-vision")
    path = tmp_path / "summary.pdf"
    print_to_file(qtbot, open_print_dialog(qtbot, signs), path)
    text = pdf_text(path)
    assert "Signs of clonazepam misuse" in text
    assert "Feeling anxious, worried or on edge" in text and "Blurred vision" in text
    assert "Panic attacks" not in text
    for number in HELP_NUMBERS:
        assert number in text
    assert pdf_info(path)["Title"] == "Signs of clonazepam misuse"
    assert not signs.checklist_view.findChild(QLabel, "printMessage").isVisible()


def test_the_first_page_is_drawn(signs, qtbot, tmp_path):
    tick(qtbot, signs, "anxiety")
    path = tmp_path / "summary.pdf"
    assert signs.save_checklist_pdf(str(path))
    run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "page"))
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert image.width() > 300 and image.height() > 300
    top = [
        image.pixelColor(x, y).lightness() for y in range(0, image.height() // 2, 2) for x in range(0, image.width(), 2)
    ]
    dark = sum(value < 100 for value in top)
    assert dark > 200, f"only {dark} dark pixels in the top half"


SAVE_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from guide.ui.app import create_window
window = create_window(["--lang", sys.argv[1]])
window.open_checklist("clonazepam-signs")
assert window.save_checklist_pdf(sys.argv[2])
"""


@pytest.mark.parametrize(
    ("locale", "language", "title", "paper"),
    [
        ("C", "en", "Signs of clonazepam misuse", "612 x 792 pts (letter)"),
        ("en_US.UTF-8", "es", "Señales de uso indebido del clonazepam", "612 x 792 pts (letter)"),
        ("es_MX.UTF-8", "es", "Señales de uso indebido del clonazepam", "612 x 792 pts (letter)"),
        ("en_GB.UTF-8", "en", "Signs of clonazepam misuse", "595 x 842 pts (A4)"),
    ],
)
def test_the_pdf_has_a_title_and_the_paper_of_the_system_locale(tmp_path, locale, language, title, paper):
    path = tmp_path / "summary.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": locale, "LANG": locale}
    run(sys.executable, "-c", SAVE_SCRIPT, language, str(path), cwd=ROOT, env=env)
    info = pdf_info(path)
    assert info["Title"] == title
    assert info["Page size"] == paper


def kiosk_config(tmp_path, printer="Front desk", enabled=True) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[kiosk]\nenabled = {str(enabled).lower()}\nprinter = "{printer}"\n', encoding="utf-8")
    return path


def test_a_kiosk_whose_printer_is_missing_offers_no_print_button(window_factory, tmp_path):
    kiosk = window_factory("--kiosk", "--config", str(kiosk_config(tmp_path)))
    kiosk.open_checklist("clonazepam-signs")
    assert kiosk.checklist_view.isVisible()
    assert not kiosk.checklist_view.findChild(QPushButton, "printButton").isVisible()


def test_staff_see_the_missing_printer_on_the_content_problems_page(window_factory, tmp_path):
    config = kiosk_config(tmp_path, enabled=False)
    window = window_factory("--config", str(config))
    window.on_address_requested("problems:")
    text = " ".join(window.reader.toPlainText().split())
    assert str(config) in text
    assert "3: error: [kiosk] printer 'Front desk' is not installed on this computer" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_kiosk_printer_that_fails_at_the_tap_says_so_inside_the_checklist(
    window_factory, tmp_path, qtbot, monkeypatch, language
):
    # The printer is there when the kiosk starts ...
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Front desk"]))
    kiosk = window_factory("--kiosk", "--config", str(kiosk_config(tmp_path)), "--lang", language)
    kiosk.open_checklist("clonazepam-signs")
    button = kiosk.checklist_view.findChild(QPushButton, "printButton")
    assert button.text() == {"en": "Print", "es": "Imprimir"}[language]  # a kiosk visitor can't save files
    # ... and gone (unplugged, removed) when a visitor taps Print.
    monkeypatch.undo()
    click_print(qtbot, kiosk)
    message = kiosk.checklist_view.findChild(QLabel, "printMessage")
    qtbot.waitUntil(message.isVisible)
    assert message.text() == KIOSK_FAILURE[language]
    assert message.parent() is button.parent()  # beside the button, not a window of its own
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [kiosk]
    # The next visitor starts without the last one's message.
    kiosk.reset_session()
    message = kiosk.checklist_view.findChild(QLabel, "printMessage")
    assert message.isHidden()
    kiosk.open_checklist("clonazepam-signs")
    assert not message.isVisible()
