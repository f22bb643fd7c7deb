"""Printing decisions: the paper a locale uses, what a kiosk's print button offers, the staff problem."""

import re
from pathlib import Path

import pytest

from guide.printing.offer import PrintOffer, paper_size, print_offer, printer_problem

GLIBC_LOCALES = Path("/usr/share/i18n/locales")


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("US", "Letter"),
        ("CA", "Letter"),
        ("MX", "Letter"),
        ("PH", "Letter"),
        ("en_US", "Letter"),
        ("es_MX.UTF-8", "Letter"),
        ("es-CO", "Letter"),
        ("C", "Letter"),
        ("POSIX", "Letter"),
        ("C.UTF-8", "Letter"),
        ("", "Letter"),
        ("en", "Letter"),  # a language alone names no country: the default
        ("GB", "A4"),
        ("DE", "A4"),
        ("en_GB.UTF-8", "A4"),
        ("es_ES", "A4"),
        ("es-AR", "A4"),
        ("de_DE@euro", "A4"),
        ("zh_Hant_TW", "A4"),
    ],
)
def test_letter_by_default_and_a4_where_the_locale_says_so(locale, paper):
    assert paper_size(locale) == paper


def _glibc_paper_height(name: str) -> int | None:
    text = (GLIBC_LOCALES / name).read_text("utf-8", errors="replace")
    section = re.search(r"^LC_PAPER\n(.*?)^END LC_PAPER", text, re.S | re.M)
    if section is None:
        return None
    copy = re.search(r'^copy\s+"([^"]+)"', section.group(1), re.M)
    if copy:
        return _glibc_paper_height(copy.group(1))
    height = re.search(r"^height\s+(\d+)", section.group(1), re.M)
    return int(height.group(1)) if height else None


@pytest.mark.skipif(not GLIBC_LOCALES.is_dir(), reason="glibc's locale sources are not installed here")
def test_every_glibc_locale_gets_the_paper_glibc_gives_it():
    checked = 0
    for path in sorted(GLIBC_LOCALES.glob("*_*")):
        if not re.match(r"^[a-z]{2,3}_[A-Z]{2}\b", path.name):
            continue
        height = _glibc_paper_height(path.name)
        if height is None:
            continue
        assert paper_size(path.name) == ("Letter" if height == 279 else "A4"), path.name
        checked += 1
    assert checked > 200


def test_the_desktop_always_offers_the_dialog_and_a_kiosk_only_an_installed_printer():
    assert print_offer(False, "", []) is PrintOffer.DIALOG
    assert print_offer(False, "Front desk", []) is PrintOffer.DIALOG
    assert print_offer(True, "", ["Front desk"]) is PrintOffer.NONE
    assert print_offer(True, "Front desk", ["Back office"]) is PrintOffer.NONE
    assert print_offer(True, "Front desk", ["Back office", "Front desk"]) is PrintOffer.PRINTER


def test_a_missing_printer_is_a_problem_naming_the_config_file_and_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "en"\n[kiosk]\nenabled = true\nprinter = "Front desk"\n', encoding="utf-8")
    problem = printer_problem(config, "Front desk", ["Back office"])
    assert problem is not None
    assert str(problem).startswith(f"{config}:4: error: [kiosk] printer 'Front desk' is not installed")
    assert "'Back office'" in problem.message
    assert printer_problem(config, "Front desk", ["Front desk"]) is None
    assert printer_problem(config, "", []) is None
