"""The link policy: internal links open, outside ones are only shown, the rest are refused."""

import html

import pytest
from hostile import (
    EXTERNAL_SCHEMES,
    HOSTILE_SCHEMES,
    INTERNAL_SCHEMES,
    any_address,
    hostile_address,
    hostile_href,
    scheme_as_read,
)
from hypothesis import given, settings

from guide.files import ID_RE
from guide.reader.links import Link, LinkKind, classify, display_address

INVISIBLE_TEXT = "".join(map(chr, range(0x21))) + "\x7f\u200b\u200c\u200d\u200e\u200f\u2028\u2029\ufeff"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("article:clonazepam", Link(LinkKind.ARTICLE, "clonazepam")),
        ("article:clonazepam#do-not-stop", Link(LinkKind.ARTICLE, "clonazepam", "do-not-stop")),
        ("withdrawal-and-detox.md", Link(LinkKind.ARTICLE, "withdrawal-and-detox")),
        ("checklist:clonazepam-signs", Link(LinkKind.CHECKLIST, "clonazepam-signs")),
        ("help:", Link(LinkKind.HELP)),
        ("#sources", Link(LinkKind.ANCHOR, anchor="sources")),
        ("https://988lifeline.org", Link(LinkKind.EXTERNAL, "https://988lifeline.org")),
        ("http://example.org/a?b=c", Link(LinkKind.EXTERNAL, "http://example.org/a?b=c")),
        ("mailto:someone@example.org", Link(LinkKind.EXTERNAL, "mailto:someone@example.org")),
        ("tel:988", Link(LinkKind.EXTERNAL, "tel:988")),
    ],
)
def test_allowed_links(address, expected):
    assert classify(address) == expected


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<b>hi</b>",
        "ftp://example.org",
        "smb://server/share",
        "about:blank",
        "article:../etc",
        "article:Bad_Id",
        "help:elsewhere",
        "../secret.md",
        "/etc/passwd",
        "http://",
        "",
    ],
)
def test_refused_links(address):
    assert classify(address).kind is LinkKind.BLOCKED


@settings(max_examples=300, deadline=None)
@given(hostile_address)
def test_an_address_a_browser_would_read_as_a_hostile_scheme_is_refused(address):
    # javascript:, data:, file: ... in any case, with tabs, newlines, NULs or zero-width spaces inside
    assert scheme_as_read(address) in HOSTILE_SCHEMES  # the strategy draws what it says
    assert classify(address) == Link(LinkKind.BLOCKED, classify(address).target)


@settings(max_examples=200, deadline=None)
@given(hostile_href)
def test_a_hostile_scheme_written_with_character_references_is_refused_raw_and_decoded(address):
    # "&#106;avascript:" reaches the policy decoded (the page's parser decodes it) or, from a
    # caller that didn't, as it is: refused both ways.
    assert classify(address).kind is LinkKind.BLOCKED
    assert classify(html.unescape(address)).kind is LinkKind.BLOCKED


@settings(max_examples=300, deadline=None)
@given(any_address)
def test_only_the_allowed_schemes_open_or_are_offered(address):
    link, scheme = classify(address), scheme_as_read(address)
    if link.kind is LinkKind.EXTERNAL:
        assert scheme in EXTERNAL_SCHEMES and scheme_as_read(link.target) == scheme  # the address shown is it
    elif link.kind in {LinkKind.ARTICLE, LinkKind.CHECKLIST}:
        assert scheme in {link.kind.value, None} and ID_RE.match(link.target)
    elif link.kind in {LinkKind.HELP, LinkKind.SERVICES, LinkKind.PROBLEMS}:
        assert scheme == link.kind.value
    elif link.kind is LinkKind.ANCHOR:
        assert address.lstrip(INVISIBLE_TEXT).startswith("#")
    if scheme is not None and scheme not in EXTERNAL_SCHEMES | INTERNAL_SCHEMES:
        assert link.kind is LinkKind.BLOCKED


@pytest.mark.parametrize(
    "link",
    [Link(LinkKind.ARTICLE, "a-b", "c"), Link(LinkKind.CHECKLIST, "x"), Link(LinkKind.HELP)],
)
def test_url_round_trips(link):
    assert classify(link.url()) == link


def test_display_address_drops_scheme_noise():
    assert display_address("tel:1-800-662-4357") == "1-800-662-4357"
    assert display_address("https://988lifeline.org") == "https://988lifeline.org"
