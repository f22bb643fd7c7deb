"""What brings people to a clinic (issue 20): the safety rules every article keeps, and the words a
frightened visitor types finding the right page first, in both languages."""

import re
from html import unescape

import pytest

from guide.packs.library import load_library
from guide.reader.render import Renderer
from guide.search.index import build_index

LANGUAGES = ("en", "es")

# A page that names one of these speaks of an opioid overdose risk...
OPIOID_WORDS = {
    "en": r"\b(opioids?|fentanyl|overdos\w*)\b",
    "es": r"\b(opioides?|opi[aá]ceos?|fentanilo|sobredosis)\b",
}
# ...so it names naloxone and 911.
NALOXONE = {"en": "naloxone", "es": "naloxona"}
# A page that names a benzodiazepine...
BENZO_WORDS = {
    "en": r"\b(benzodiazepines?|benzos?|clonazepam|klonopin|xanax)\b",
    "es": r"\b(benzodiacepinas?|benzodiazepinas?|benzos?|clonazepam|klonopin|rivotril|xanax)\b",
}
# ...says not to stop it suddenly on one's own.
NOT_SUDDENLY = {
    "en": r"\b(not|never)\b[^.!?]{0,80}\bstop\w*\b[^.!?]{0,100}\b(suddenly|all at once|on (your|their) own)",
    "es": r"\bno\b[^.!?]{0,80}\b(deje|dejar|suspenda|suspender|pare|parar)\b[^.!?]{0,100}"
    r"\b(de repente|de golpe|repentinamente|por su cuenta)",
}
SUICIDE = {"en": r"\bsuicid", "es": r"\bsuicid"}


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def pages():
    """(lang, id) -> (what the article's own text says, the whole page a visitor sees)."""
    library = load_library()
    renderer = Renderer(library)
    return {
        (lang, article_id): (article.read_body(), plain(renderer.article_html(article_id, lang)))
        for lang in LANGUAGES
        for article_id, article in library.articles[lang].items()
    }


def test_there_are_twenty_two_articles_or_more_in_each_language(pages):
    for lang in LANGUAGES:
        assert len([key for key in pages if key[0] == lang]) >= 22, lang


def test_every_page_naming_opioids_fentanyl_or_overdose_names_naloxone_and_911(pages):
    missing = [
        key
        for key, (body, page) in pages.items()
        if re.search(OPIOID_WORDS[key[0]], body, re.IGNORECASE)  # not a source's title on the page
        and not (NALOXONE[key[0]] in page.lower() and "911" in page)
    ]
    assert missing == []


def test_every_benzodiazepine_page_says_not_to_stop_suddenly(pages):
    missing = [
        key
        for key, (body, page) in pages.items()
        if re.search(BENZO_WORDS[key[0]], body, re.IGNORECASE)
        and not re.search(NOT_SUDDENLY[key[0]], page, re.IGNORECASE)
    ]
    assert missing == []


def test_every_page_naming_suicide_names_988(pages):
    missing = [
        key
        for key, (body, page) in pages.items()
        if re.search(SUICIDE[key[0]], body, re.IGNORECASE) and "988" not in page
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        ("en", "narcan", "overdose-and-naloxone"),
        ("en", "overdose", "overdose-and-naloxone"),
        ("en", "suboxone", "medicines-for-opioid-use-disorder"),
        ("en", "fake xanax", "fentanyl-and-fake-pills"),
        ("en", "rehab cost", "paying-for-treatment"),
        ("es", "sobredosis", "overdose-and-naloxone"),
        ("es", "metadona", "medicines-for-opioid-use-disorder"),
        ("es", "narcan", "overdose-and-naloxone"),
    ],
)
def test_what_a_visitor_types_finds_the_right_page_first(lang, text, first):
    hits = build_index(load_library()).search(text, lang).hits
    assert [hit.id for hit in hits][:1] == [first], [hit.id for hit in hits][:5]


def test_related_pages_point_both_ways_in_both_languages():
    """A visitor who follows "Related" from the overdose page to the fentanyl page finds the way
    back; the Spanish pages relate as the English ones do."""
    library = load_library()
    for lang in LANGUAGES:
        related = {aid: set(article.related) for aid, article in library.articles[lang].items() if aid != "home"}
        one_way = sorted((a, b) for a, bs in related.items() for b in bs if b != "home" and a not in related.get(b, ()))
        assert one_way == [], lang
    assert {a: set(x.related) for a, x in library.articles["en"].items()} == {
        a: set(x.related) for a, x in library.articles["es"].items()
    }
