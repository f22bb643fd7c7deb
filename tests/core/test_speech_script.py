"""What "Read aloud" says: the page's words in reading order, help-line numbers digit by digit."""

from __future__ import annotations

import pytest

from guide.feedback.store import helpline_numbers
from guide.packs.library import load_library
from guide.reader.render import Renderer
from guide.speech.script import checklist_script, digit_by_digit, html_script, spoken


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.fixture(scope="module")
def numbers(library):
    return helpline_numbers(library.helplines)


@pytest.mark.parametrize(
    ("number", "said"),
    [("988", "9 8 8"), ("911", "9 1 1"), ("741741", "7 4 1 7 4 1"), ("1-800-662-4357", "1, 8 0 0, 6 6 2, 4 3 5 7")],
)
def test_a_help_line_number_is_said_digit_by_digit(number, said):
    assert digit_by_digit(number) == said


def test_only_help_line_and_phone_numbers_are_spelled_out(numbers):
    text = "Call 988 or (217) 555-0142. Since 2020, wait 2 to 3 minutes; chat at 988lifeline.org."
    assert spoken(text, numbers) == (
        "Call 9 8 8 or 2 1 7, 5 5 5, 0 1 4 2. Since 2020, wait 2 to 3 minutes; chat at 988lifeline.org."
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_article_is_read_title_summary_headings_paragraphs_items_in_order(library, numbers, lang):
    html = Renderer(library).article_html("overdose-and-naloxone", lang)
    script = html_script(html, numbers)
    title = {"en": "Overdose: what to do now", "es": "Sobredosis: qué hacer"}[lang]
    call = {"en": "Call 9 1 1.", "es": "Llame al 9 1 1."}[lang]
    assert (script[0].role, script[0].spoken) == ("title", title)
    assert script[1].role == "summary"
    roles = [u.role for u in script]
    assert roles.index("heading") < roles.index("item") < roles.index("paragraph")
    first_step = next(u for u in script if u.role == "item")
    assert first_step.spoken == call and first_step.shown == call.replace("9 1 1", "911")
    words = " ".join(u.shown for u in script)
    for not_read in ("On this page", "En esta página", "Related", "Sources", "Fuentes", "Last reviewed"):
        assert not_read not in words  # the contents box and the footer after the article's end
    assert "naloxon" in words


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_bundled_page_has_something_to_read_starting_with_its_title(library, numbers, lang):
    renderer = Renderer(library)
    for article in library.articles[lang].values():
        script = html_script(renderer.article_html(article.id, lang), numbers)
        assert script and script[0].role == "title", article.id
        assert " ".join(u.shown for u in script if u.role == "title") == article.title, article.id
    help_script = html_script(renderer.help_html(lang), numbers)
    assert any(u.spoken.endswith("9 8 8") for u in help_script)  # "Call 9 8 8" / "Llame al 9 8 8"
    assert not any("988" in u.spoken.replace("988lifeline", "") for u in help_script)


def test_a_sentence_is_one_utterance_and_spanish_questions_start_one_too():
    (html,) = ["<h1>T</h1><p>Es gratis. ¿Tiene miedo de llamar? ¡Llame igual! Son 2 a 3 minutos.</p>"]
    assert [u.shown for u in html_script(html)] == [
        "T", "Es gratis.", "¿Tiene miedo de llamar?", "¡Llame igual!", "Son 2 a 3 minutos.",
    ]  # fmt: skip


def test_a_checklist_is_read_with_its_result_last(numbers):
    script = checklist_script(
        "Is this an overdose?", "Check what you see.", [("Breathing", ["Slow or no breathing"])],
        "Call 911 now.", numbers,
    )  # fmt: skip
    assert [(u.role, u.spoken) for u in script] == [
        ("title", "Is this an overdose?"), ("summary", "Check what you see."), ("heading", "Breathing"),
        ("item", "Slow or no breathing"), ("result", "Call 9 1 1 now."),
    ]  # fmt: skip
