"""Help lines in Spanish: the words to text are the Spanish service's, and the QR codes carry them.

Facts (shared facts, topic 11): text AYUDA to 741741 or to 988 for Spanish; SAMHSA's ZIP text
line 435748 is English only.
"""

import re
from datetime import date
from html import unescape

import pytest

from guide.packs.helplines import fallback_helplines
from guide.packs.library import load_library
from guide.printing.handout import checklist_handout
from guide.reader.pages import help_page


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def qr_data(html: str) -> set[str]:
    """What each QR code on a page holds (the reader draws `qr:<data>` images)."""
    return set(re.findall(r'src="qr:([^"]+)"', html))


@pytest.fixture(scope="module")
def helplines():
    return load_library().helplines


def test_the_spanish_help_page_says_ayuda_for_741741_and_988_and_its_codes_carry_it(helplines):
    html = help_page(helplines, "es")
    text = plain(html)
    assert "Envíe AYUDA por texto al 741741" in text
    assert "Envíe AYUDA por texto al 988" in text
    assert "HOME" not in text
    assert {"sms:741741?body=AYUDA", "sms:988?body=AYUDA"} <= qr_data(html)
    assert not any("HOME" in data for data in qr_data(html))


def test_the_english_help_page_keeps_home_and_texts_988_with_no_body(helplines):
    html = help_page(helplines, "en")
    text = plain(html)
    assert "Text HOME to 741741" in text and "Text 988" in text and "AYUDA" not in text
    assert {"sms:741741?body=HOME", "sms:988"} <= qr_data(html)


def test_the_spanish_zip_code_line_says_it_is_english_only(helplines):
    assert "Envíe su código postal por texto al 435748 (solo en inglés)" in plain(help_page(helplines, "es"))
    assert "English only" not in plain(help_page(helplines, "en"))  # English needs no such note


def test_the_spanish_checklist_summary_gives_spanish_text_lines(helplines):
    library = load_library()
    checklist = library.checklist("withdrawal-warning-signs", "es")
    handout = checklist_handout(checklist, {"seizure"}, helplines, date(2026, 11, 26), "es")
    text = plain(handout.html)
    assert "Envíe AYUDA por texto al 741741" in text and "Envíe AYUDA por texto al 988" in text
    assert "435748 (solo en inglés)" in text and "HOME" not in text
    assert {"sms:741741?body=AYUDA", "sms:988?body=AYUDA"} <= set(handout.codes)  # its QR codes, in Spanish too


def test_the_fallback_988_line_texts_ayuda_in_spanish_too(make_pack, monkeypatch):
    (lifeline,) = [h for h in fallback_helplines() if h.id == "988-lifeline"]
    html = help_page([lifeline], "es")
    assert "Envíe AYUDA por texto al 988" in plain(html) and "sms:988?body=AYUDA" in qr_data(html)
    assert "sms:988" in qr_data(help_page([lifeline], "en"))


HELPLINE = """
[[helpline]]
id = "clinic-text"
contacts = [
    {{ kind = "call", number = "217-555-0142" }},
    {{ kind = "text", number = "217-555-0143", body = {body} }},
]
[helpline.en]
name = "Our clinic"
"""


@pytest.mark.parametrize(
    ("body", "en", "es"),
    [
        ('"HELLO"', "sms:+12175550143?body=HELLO", "sms:+12175550143?body=HELLO"),  # every language
        ('{ en = "HELLO", es = "HOLA" }', "sms:+12175550143?body=HELLO", "sms:+12175550143?body=HOLA"),
        ('{ es = "HOLA" }', "sms:+12175550143", "sms:+12175550143?body=HOLA"),
        ('{ en = "HELLO" }', "sms:+12175550143?body=HELLO", "sms:+12175550143?body=HELLO"),  # English for the rest
    ],
)
def test_a_text_body_is_words_for_every_language_or_a_table_per_language(make_pack, body, en, es):
    library = load_library([make_pack({"helplines.toml": HELPLINE.format(body=body)})])
    assert library.problems == []
    (line,) = [h for h in library.helplines if h.id == "clinic-text"]
    assert en in qr_data(help_page([line], "en")) and es in qr_data(help_page([line], "es"))


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("5", "the body must be words in quotes, or one per language"),
        ('""', "the body is empty"),
        ('{ fr = "BONJOUR" }', "body for an unknown language 'fr' (use en or es)"),
        ('{ es = "" }', "the es body must be words in quotes"),
        ("{ es = 3 }", "the es body must be words in quotes"),
    ],
)
def test_a_bad_body_is_reported_at_its_line_and_the_line_still_shows_its_numbers(make_pack, body, words):
    library = load_library([make_pack({"helplines.toml": HELPLINE.format(body=body)})])
    (problem,) = library.problems
    assert problem.path.name == "helplines.toml" and problem.line == 5, problem
    assert problem.message.startswith("help line 'clinic-text': ") and words in problem.message
    (line,) = [h for h in library.helplines if h.id == "clinic-text"]
    assert {"tel:+12175550142", "sms:+12175550143"} <= qr_data(help_page([line], "es"))


def test_a_body_on_a_call_is_reported(make_pack):
    pack = make_pack(
        {
            "helplines.toml": """
            [[helpline]]
            id = "clinic"
            contacts = [{ kind = "call", number = "217-555-0142", body = "HELLO" }]
            [helpline.en]
            name = "Our clinic"
            """
        }
    )
    (problem,) = load_library([pack]).problems
    assert problem.line == 3 and "only a text contact can have a body (this one is 'call')" in problem.message
