"""One language registry: each language declared once, its page words in one catalogue.

Issue 19: the language list was written twice (library and toolbar), the page words lived in
a TOML file and three Python dicts, `format_date` gave every language but English Spanish
grammar, and "Other" was never translated.
"""

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from guide import languages
from guide.packs.helplines import fallback_helplines
from guide.packs.library import load_library
from guide.reader.render import Renderer

MADE_UP = Path(__file__).parents[1] / "fixtures" / "made-up-language" / "xx.toml"
TRANSLATIONS = Path(languages.__file__).parent / "ui" / "translations"
PLACEHOLDER = re.compile(r"\{\w+\}")


def keys(catalogue: dict, prefix: str = "") -> dict[str, object]:
    """Every word's dotted key and its value, sections and help lines included."""
    found = {}
    for key, value in catalogue.items():
        if isinstance(value, dict):
            found |= keys(value, f"{prefix}{key}.")
        else:
            found[f"{prefix}{key}"] = value
    return found


def catalogue(code: str) -> dict:
    return tomllib.loads((languages.FOLDER / f"{code}.toml").read_text("utf-8"))


@pytest.mark.parametrize("code", languages.codes())
def test_every_catalogue_has_the_english_words_and_placeholders(code):
    english, own = keys(catalogue("en")), keys(catalogue(code))
    assert own.keys() == english.keys()
    for key, value in english.items():
        if isinstance(value, str):
            assert set(PLACEHOLDER.findall(own[key])) == set(PLACEHOLDER.findall(value)), key
        else:
            assert len(own[key]) == len(value), key  # the crisis lines: as many in every language


@pytest.mark.parametrize("code", [c for c in languages.codes() if c != languages.SOURCE])
def test_every_language_but_english_has_the_widgets_words(code):
    assert (TRANSLATIONS / f"guide_{code}.ts").is_file()


def test_the_made_up_catalogue_is_complete_too():
    assert keys(tomllib.loads(MADE_UP.read_text("utf-8"))).keys() == keys(catalogue("en")).keys()


def test_each_language_writes_a_date_its_own_way():
    day = date(2026, 3, 4)
    assert languages.language("en").format_date(day) == "4 March 2026"
    assert languages.language("es").format_date(day) == "4 de marzo de 2026"
    with languages.registered("xx", MADE_UP) as made_up:
        assert made_up.format_date(day) == "~March/4/2026"  # not Spanish grammar, as before


def test_a_registered_language_is_spoken_everywhere_and_then_forgotten():
    with languages.registered("xx", MADE_UP):
        assert languages.codes()[-1] == "xx" and languages.language("xx").name == "Tildish"
        library = load_library()
        renderer = Renderer(library, None)
        assert "<h1>~Get help now</h1>" in renderer.help_html("xx")
        others = [name for name, _articles in library.topics("xx")]
        assert all(not name.startswith("Other") for name in others)
        emergency = next(h for h in fallback_helplines() if h.id == "emergency")  # when every pack's are broken
        assert emergency.text("xx").name == "~Emergency"
    assert "xx" not in languages.codes()
    assert languages.language("xx").code == "en"  # an unknown language is English


def test_a_language_with_no_catalogue_word_falls_back_to_english(tmp_path):
    thin = tmp_path / "yy.toml"
    thin.write_text('[language]\nname = "Thin"\n[page]\nrelated = "~Related"\n', "utf-8")
    with languages.registered("yy", thin) as thin_language:
        assert thin_language.words("page")["related"] == "~Related"
        assert thin_language.words("page")["sources"] == "Sources"
        assert thin_language.words("crisis")["title"] == languages.words("en", "crisis")["title"]
