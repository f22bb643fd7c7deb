"""Any page printed as a handout, read back as a person would meet it: the PDF's words by
pdftotext, its sheets drawn by pdftoppm, and its QR codes read from those pictures by zxing-cpp
(none of them the guide's own code); the print button pressed on a desktop and on a kiosk."""

import contextlib
import os
import re
import sys
from pathlib import Path

import pytest
from helpers import assert_full_qr_codes, intended_uris, pdf_info, pdf_sheets, pdf_text, read_barcodes, run
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-pack"
BUSY_CLINIC = Path(__file__).resolve().parents[1] / "fixtures" / "busy-clinic" / "helplines.toml"
GUIDE = {"en": "Recovery Guide", "es": "Guía de recuperación"}
PRINTED = {
    "en": "Printed from Recovery Guide. Nothing on this sheet says who printed it.",
    "es": "Impreso desde la Guía de recuperación. Nada en esta hoja dice quién la imprimió.",
}
SHEET = {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"}

# What each page's handout must say, in each language: its title, and words from its body.
PAGES = {
    "article": {
        "en": ("Overdose: what to do now", ["Call 911.", "Give naloxone (Narcan) if you have it.", "Last reviewed"]),
        "es": ("Sobredosis: qué hacer", ["Llame al 911.", "naloxona", "Última revisión"]),
    },
    "help": {
        "en": ("Get help now", ["988 Suicide & Crisis Lifeline", "Hours: 24/7"]),
        "es": ("Obtenga ayuda ahora", ["988 Línea de Prevención del Suicidio y Crisis", "Horario: 24/7"]),
    },
    "services": {
        "en": ("Find help nearby", ["County Crisis Center", "217-555-0111"]),
        "es": ("Encuentre ayuda cerca", ["County Crisis Center", "217-555-0111"]),
    },
}


def show(window, page: str) -> None:
    if page == "article":
        window.open_article("overdose-and-naloxone")
    elif page == "help":
        window.open_help()
    else:
        window.on_address_requested("services:")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each page's handout in each language, written once by a guide run as a visitor runs it."""
    folder = tmp_path_factory.mktemp("handouts")
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from guide.ui.app import create_window\n"
        "for lang in ('en', 'es'):\n"
        "    window = create_window(['--lang', lang, '--content', sys.argv[2]])\n"
        "    window.open_article('overdose-and-naloxone')\n"
        "    assert window.save_page_pdf(f'{sys.argv[1]}/article-{lang}.pdf')\n"
        "    window.open_help()\n"
        "    assert window.save_page_pdf(f'{sys.argv[1]}/help-{lang}.pdf')\n"
        "    window.on_address_requested('services:')\n"
        "    assert window.save_page_pdf(f'{sys.argv[1]}/services-{lang}.pdf')\n"
        "    window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    run(sys.executable, "-c", script, str(folder), str(EXAMPLE), cwd=ROOT, env=env)
    return folder


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("page", list(PAGES))
def test_the_handout_has_the_page_the_help_lines_and_the_guide_on_every_sheet(printed, page, lang):
    path = printed / f"{page}-{lang}.pdf"
    title, words = PAGES[page][lang]
    assert pdf_info(path)["Title"] == title
    pages = int(pdf_info(path)["Pages"])
    text = pdf_text(path)
    assert text.startswith(title), text[:200]
    for word in words:
        assert word in text
    for number in ("911", "988", "1-800-662-4357", "1-800-222-1222", "741741"):
        assert number in text
    assert PRINTED[lang] in text
    for sheet in range(1, pages + 1):  # the foot of each sheet says whose it is
        foot = " · ".join([GUIDE[lang], title, SHEET[lang].format(page=sheet, pages=pages)])
        assert foot in pdf_text(path, sheet)
    # What only works on screen is not printed: the list of links to the page's parts.
    assert "On this page" not in text and "En esta página" not in text


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_qr_code_on_the_handout_is_read_from_the_paper_as_a_phone_would(printed, tmp_path, page, lang):
    from guide.packs.library import load_library

    library = load_library([EXAMPLE])
    found: dict[str, str] = {}
    for image in pdf_sheets(printed / f"{page}-{lang}.pdf", tmp_path):
        found.update(read_barcodes(image))
    expected = intended_uris(library.helplines, lang)
    if page == "services":
        expected |= {f"tel:+1{service.phone.replace('-', '')}" for service in library.services}
    assert_full_qr_codes(found, expected)


def test_the_handout_says_nothing_about_the_visit(window_factory, tmp_path, qtbot):
    window = window_factory()
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    window.navigation.search_box.setText("naloxone spray")  # what the visitor searched for ...
    qtbot.waitUntil(window.search_settled)
    window.open_search_result("overdose-and-naloxone")  # ... marked in the page on screen
    window.find_bar.open_bar()
    window.find_bar.findRequested.emit("stay with them", False, True)
    window.on_feedback_answered(True)
    window.feedback_panel.comment.setText("zebra")
    path = tmp_path / "page.pdf"
    assert window.save_page_pdf(str(path))
    text = pdf_text(path)
    assert "zebra" not in text and "Was this page helpful" not in text
    info = pdf_info(path)
    assert [info.get(key, "") for key in ("Author", "Subject", "Keywords")] == ["", "", ""]
    assert info["Creator"] == "Recovery Guide"
    # The same page printed by a new visitor: the same words, so nothing of the visit is on it.
    fresh = window_factory()
    fresh.open_article("overdose-and-naloxone")
    assert fresh.save_page_pdf(str(tmp_path / "fresh.pdf"))
    assert pdf_text(tmp_path / "fresh.pdf") == text


def busy_clinic(make_pack) -> Path:
    """A clinic's pack with twelve help lines, more than fit on one sheet with the page."""
    return make_pack({"helplines.toml": BUSY_CLINIC.read_text(encoding="utf-8")}, name="busy-clinic")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_help_line_is_cut_from_its_codes_by_the_end_of_a_sheet(window_factory, make_pack, tmp_path, lang):
    window = window_factory("--content", str(busy_clinic(make_pack)), "--lang", lang)
    window.open_article("overdose-and-naloxone")
    path = tmp_path / "page.pdf"
    assert window.save_page_pdf(str(path))
    helplines = window.library.helplines
    assert len(helplines) >= 12
    sheets = pdf_sheets(path, tmp_path)
    seen: set[str] = set()
    for number, image in enumerate(sheets, start=1):
        codes = read_barcodes(image)
        seen |= set(codes)
        words = pdf_text(path, number)
        for helpline in helplines:  # a code on this sheet has its help line's name beside it
            mine = intended_uris([helpline], lang)
            if mine & set(codes):  # (pdftotext reads a table's cells side by side, so word by word)
                assert set(helpline.text(lang).name.split()) <= set(words.split()), (number, helpline.id)
    assert seen == intended_uris(helplines, lang)  # a code cut in two would read on neither sheet


def test_a_kiosk_without_a_printer_has_no_print_button_and_ctrl_p_does_nothing(window_factory, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\nenabled = true\nprinter = "Front desk"\n', encoding="utf-8")
    kiosk = window_factory("--kiosk", "--config", str(config))
    for show_page in (lambda: kiosk.open_article("overdose-and-naloxone"), kiosk.open_help):
        show_page()
        assert kiosk.reader.isVisible()
        assert not kiosk.page_footer.print_button.isVisible()
        QTest.keySequence(kiosk, QKeySequence.StandardKey.Print)
        QApplication.processEvents()
        assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [kiosk]
        assert kiosk.findChild(QDialog, "printDialog") is None


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_kiosk_prints_to_its_printer_with_no_dialog_and_says_so_when_it_fails(
    window_factory, tmp_path, qtbot, monkeypatch, lang
):
    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\nenabled = true\nprinter = "Front desk"\n', encoding="utf-8")
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Front desk"]))
    kiosk = window_factory("--kiosk", "--config", str(config), "--lang", lang)
    kiosk.open_help()
    button = kiosk.page_footer.print_button
    assert button.isVisible() and button.text() == {"en": "Print", "es": "Imprimir"}[lang]
    assert button.height() >= 44
    monkeypatch.undo()  # the printer is gone when the visitor taps (unplugged, or never there)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    message = kiosk.page_footer.findChild(QLabel, "printPageMessage")
    qtbot.waitUntil(message.isVisible)
    assert (
        message.text()
        == {
            "en": "The printer is not working. Please ask a staff member.",
            "es": "La impresora no funciona. Pida ayuda a un miembro del personal.",
        }[lang]
    )
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [kiosk]  # no dialog, no file chooser
    kiosk.open_article("overdose-and-naloxone")
    assert not message.isVisible()  # the next page starts without it


def test_the_desktop_print_button_opens_the_print_dialog_and_prints_the_page(window_factory, qtbot, tmp_path):
    from test_printing import print_to_file

    window = window_factory("--lang", "es")
    window.open_article("overdose-and-naloxone")
    button = window.page_footer.findChild(QPushButton, "printPageButton")
    assert button.isVisible() and button.text() == "Imprimir"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    qtbot.waitUntil(lambda: (d := window.findChild(QDialog, "printDialog")) is not None and d.isVisible())
    dialog = window.findChild(QDialog, "printDialog")
    assert dialog.isModal() and dialog.parent() is window
    path = tmp_path / "page.pdf"
    print_to_file(qtbot, dialog, path)
    text = pdf_text(path)
    assert text.startswith("Sobredosis: qué hacer") and "Líneas de ayuda" in text
    assert not window.page_footer.message.isVisible()  # the dialog was the visitor's answer


def test_ctrl_p_prints_the_page_shown_and_a_checklist_prints_its_summary(window_factory, qtbot):
    window = window_factory()
    window.open_checklist("clonazepam-signs")
    assert not window.page_footer.isVisible()  # the checklist's own button, at the end of its list
    QTest.keySequence(window, QKeySequence.StandardKey.Print)
    qtbot.waitUntil(lambda: (d := window.findChild(QDialog, "printDialog")) is not None and d.isVisible())
    window.findChild(QDialog, "printDialog").reject()
    window.open_locator("62701")
    assert window.page_footer.print_button.isVisible()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_locators_programs_print_with_their_codes(window_factory, locator_file, make_pack, tmp_path, lang):
    pack = make_pack({"locator.json.gz": locator_file}, name="with-locator")
    window = window_factory("--content", str(pack), "--lang", lang)
    window.open_locator("62701")
    rows = window.navigator.page().locator.rows
    assert rows
    path = tmp_path / "programs.pdf"
    assert window.save_page_pdf(str(path))
    text = pdf_text(path)
    assert text.startswith({"en": "Find treatment near you", "es": "Encuentre tratamiento cerca de usted"}[lang])
    assert rows[0].name in text and rows[0].distance in text
    found: dict[str, str] = {}
    for image in pdf_sheets(path, tmp_path, dots=120):
        found.update(read_barcodes(image))
    assert {row.call for row in rows} <= set(found)
    assert re.search(r"\b62701\b", text)  # what the distances are from, as the page says


SAVE_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from guide.ui.app import create_window
window = create_window(["--lang", "es"])
window.open_help()
assert window.save_page_pdf(sys.argv[1])
"""


@pytest.mark.parametrize(("locale", "paper"), [("es_MX.UTF-8", "(letter)"), ("es_ES.UTF-8", "(A4)")])
def test_the_handout_is_on_the_paper_of_the_system_locale(tmp_path, locale, paper):
    path = tmp_path / "help.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": locale, "LANG": locale}
    run(sys.executable, "-c", SAVE_SCRIPT, str(path), cwd=ROOT, env=env)
    assert pdf_info(path)["Page size"].endswith(paper)


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1280, 800)])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("answered", [False, True])
def test_the_print_button_and_the_feedback_row_are_whole_side_by_side_or_stacked(
    window_factory, qtbot, size, lang, answered
):
    from geometry import layout_problems, words_problems

    window = window_factory("--lang", lang, "--article", "treatment-options", size=size)
    if answered:
        window.on_feedback_answered(True)
    QApplication.processEvents()
    footer, panel = window.page_footer, window.feedback_panel
    assert footer.isVisible() and footer.print_button.isVisible()
    shown = [w for w in (panel.question, panel.yes, panel.no, footer.print_button) if w.isVisible()]
    labels = [label for label in panel.findChildren(QLabel) if label.isVisible()]
    buttons = [b for b in (panel.yes, panel.no, panel.send, footer.print_button) if b.isVisible()]

    def problems() -> list[str]:
        return layout_problems(shown, footer) + words_problems(labels, footer, buttons)

    with contextlib.suppress(qtbot.TimeoutError):  # laid out (an answer's notes: on the next turn)
        qtbot.waitUntil(lambda: problems() == [], timeout=2000)
    assert problems() == []
    # The page keeps the room: one row beside the button whenever the question fits on two lines.
    if not answered:
        assert footer.height() <= footer.print_button.height() + 2 * panel.yes.height()


def test_the_print_icon_is_drawn_in_the_themes_text_colour(window_factory):
    window = window_factory("--article", "treatment-options")
    icons = {}
    for theme in ("light", "dark"):
        window.set_theme(theme)
        image = window.page_footer.print_button.icon().pixmap(24, 24).toImage()
        inked = [image.pixelColor(x, y) for y in range(24) for x in range(24) if image.pixelColor(x, y).alpha() > 200]
        assert inked, theme
        icons[theme] = sum(c.lightness() for c in inked) / len(inked)
    assert icons["light"] < 100 < icons["dark"], icons  # dark ink on the light theme, light on the dark one
