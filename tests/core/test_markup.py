"""The guide's own HTML escaping (guide/reader/markup.py) is the standard library's, character for character."""

import html

import pytest

from guide.reader.markup import escape

CASES = [
    "",
    "plain words",
    'Tom & Jerry <b>bold</b> "quoted" it\'s',
    "&amp; already escaped &lt;",
    "<script>alert('x')</script>",
    "¿Qué? ñ á 988 — \u201ccurly\u201d \u2018quotes\u2019",
    "a&b<c>d\"e'f" * 3,
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_is_html_escape(text, quote):
    assert escape(text, quote=quote) == html.escape(text, quote=quote)


def test_every_character_below_256_escapes_as_html_escape_does():
    text = "".join(map(chr, range(256)))
    assert escape(text) == html.escape(text)
