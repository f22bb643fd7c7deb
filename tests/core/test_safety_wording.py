"""The safety promises in the words themselves: the crisis box and the overdose pages.

DESIGN.md, non-negotiable 3: nothing tells a person on a prescribed benzodiazepine to skip or
cut their dose on their own (a sudden stop can cause seizures), and content about overdose
names naloxone and 911.
"""

import re
from datetime import date
from html import unescape

import pytest

from guide.checklists.checklist import score
from guide.languages import codes
from guide.packs.library import load_library
from guide.printing.handout import checklist_handout
from guide.reader.render import Renderer

LANGUAGES = codes()

# Ways of saying "avoid / stop / skip your pills" that a person on a prescribed benzodiazepine
# could read as "stop taking it now". Negated advice ("do not stop ... suddenly") must not match.
DANGEROUS = {
    "en": [
        r"\b(keep|stay|get) away from (the |your |any )?(pills|medicines?|medications?|drugs)\b",
        r"\bavoid (the |your |any |all )?(pills|medicines?|medications?|doses?)\b",
        r"\b(skip|miss) (a |the |your )?(dose|pill|medicine)",
        r"(?<!not )(?<!n't )(?<!never )\b(stop|quit) (taking )?(the |your |all )?(pills|medicines?|medications?|benzo)",
        r"\b(don't|do not|never) take (any|your|the) (pills|medicines?|medications?)\b(?! prescribed to someone else)",
        r"\b(throw|flush|get rid of)( away| out)? (the |your |all )?(pills|medicines?)",
        r"\bkeep taking (the|your) (medicine|pills|medication)[^.]*\buntil\b",
    ],
    "es": [
        r"\bal[eé]jese de (las |sus |los )?(pastillas|medicamentos?|medicinas?)",
        r"\bevite (las |sus |los )?(pastillas|medicamentos?|medicinas?|dosis)",
        r"\b(s[aá]ltese|salte|omita) (una |la |su )?(dosis|pastilla|medicina)",
        r"(?<!no )\b(deje|suspenda) (de tomar )?(las |sus |el |su )?(pastillas|medicamentos?|medicinas?)",
        r"\bno tome (ninguna|sus|las|los) (pastillas|medicamentos?|medicinas?)",
        r"\b(tire|bote) (las |sus |los )?(pastillas|medicamentos?)",
        r"\bsiga tomando (el|su) (medicamento|pastillas|medicina)[^.]*\bhasta\b",
    ],
}
# ...and the advice that must be there instead.
DO_NOT_STOP = {
    "en": r"\b(do not|don't) stop a prescribed medicine suddenly without medical help",
    "es": r"\bno deje de repente un medicamento recetado sin ayuda médica",
}


def dangerous_phrases(text: str, lang: str) -> list[str]:
    return [m.group(0) for pattern in DANGEROUS[lang] for m in re.finditer(pattern, text, re.IGNORECASE)]


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Until help comes, keep away from pills, alcohol and anything that could hurt you."),
        ("en", "Stop taking your medicine."),
        ("en", "Skip your dose tonight."),
        ("es", "Quédese con alguien de confianza y aléjese de pastillas, alcohol y cualquier cosa."),
        ("es", "Deje las pastillas."),
        ("es", "Siga tomando el medicamento como le indica su médico hasta tener un plan seguro."),
    ],
)
def test_the_wordlist_catches_the_old_and_other_dangerous_phrasings(lang, text):
    assert dangerous_phrases(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Do not stop a prescribed medicine suddenly without medical help."),
        ("en", "Please do not stop a benzodiazepine or cut down suddenly without medical help."),
        ("en", "Never take pills prescribed to someone else."),
        ("es", "No deje de repente un medicamento recetado sin ayuda médica."),
        ("es", "Por favor, no deje una benzodiazepina ni baje la dosis de repente sin ayuda médica."),
    ],
)
def test_the_wordlist_lets_safe_advice_through(lang, text):
    assert dangerous_phrases(text, lang) == []


def red_flag_cases():
    library = load_library()
    for lang in LANGUAGES:
        for checklist in library.checklists.get(lang, {}).values():
            for item in checklist.items:
                if item.red_flag:
                    yield pytest.param(lang, checklist.id, item.id, id=f"{lang}-{checklist.id}-{item.id}")


@pytest.mark.parametrize(("lang", "checklist_id", "flag"), list(red_flag_cases()))
def test_the_crisis_box_for_every_red_flag_says_not_to_stop_a_medicine_never_to_avoid_it(lang, checklist_id, flag):
    library = load_library()
    checklist = library.checklist(checklist_id, lang)
    assert checklist.lang == lang  # a real translation, not the English fallback
    assert score(checklist, {flag}).crisis
    # What the printed summary holds for this one tick: the crisis box, the result, the help lines.
    page = plain(checklist_handout(checklist, {flag}, library.helplines, date(2026, 11, 26), lang).html)
    assert dangerous_phrases(page, lang) == []
    assert re.search(DO_NOT_STOP[lang], page, re.IGNORECASE), page
    assert "911" in page and "988" in page


def test_there_are_red_flag_checklists_in_both_languages():
    cases = list(red_flag_cases())
    for lang in LANGUAGES:
        assert {c.values[1] for c in cases if c.values[0] == lang} >= {"clonazepam-signs", "withdrawal-warning-signs"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_bundled_article_tells_a_visitor_to_avoid_or_stop_their_pills(lang):
    library = load_library()
    renderer = Renderer(library)
    for article_id in library.articles[lang]:
        page = plain(renderer.article_html(article_id, lang))
        assert dangerous_phrases(page, lang) == [], article_id


CHANGE_AMOUNT = {
    "en": ("do not change the amount on your own", "tell the doctor honestly how much you take now"),
    "es": ("no cambie la cantidad por su cuenta", "dígale al médico con sinceridad cuánto toma ahora"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_finding_help_says_not_to_change_the_amount_and_to_tell_the_doctor_how_much(lang):
    page = plain(Renderer(load_library()).article_html("finding-help", lang)).lower()
    for words in CHANGE_AMOUNT[lang]:
        assert words in page


OVERDOSE = {"en": "overdos", "es": "sobredosis"}
NALOXONE = {"en": "naloxone", "es": "naloxona"}
ON_THEIR_SIDE = {"en": "on their side", "es": "de lado"}


def overdose_pages():
    library = load_library()
    renderer = Renderer(library)
    for lang in LANGUAGES:
        for article_id in sorted(library.articles[lang]):
            body = library.articles[lang][article_id].read_body().lower()
            if OVERDOSE[lang] in body and "911" in body:
                yield pytest.param(lang, article_id, renderer.article_html(article_id, lang), id=f"{lang}-{article_id}")


@pytest.mark.parametrize(("lang", "article_id", "html"), list(overdose_pages()))
def test_every_page_with_overdose_steps_names_naloxone_and_911(lang, article_id, html):
    """The rule: an article whose body speaks of an overdose (en "overdos", es "sobredosis") and
    names 911 gives overdose steps; its page must name naloxone and 911, and say to lay the person
    on their side, in both languages."""
    page = plain(html).lower()
    assert NALOXONE[lang] in page and "911" in page
    assert ON_THEIR_SIDE[lang] in page


def test_the_overdose_pages_are_found_in_both_languages():
    found = {(c.values[0], c.values[1]) for c in overdose_pages()}
    for lang in LANGUAGES:
        assert {(lang, "mixing-alcohol-opioids"), (lang, "crisis-and-emergencies")} <= found
