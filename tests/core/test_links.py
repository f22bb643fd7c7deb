"""The link policy: internal links open, outside ones are only shown, the rest are refused."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.links import Link, LinkKind, classify, display_address


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


@given(st.text())
def test_any_text_gets_a_decision_and_never_runs_script(address):
    link = classify(address)
    assert isinstance(link.kind, LinkKind)
    if "script:" in address.lower().replace("\t", "").replace("\n", ""):
        assert link.kind in {LinkKind.BLOCKED, LinkKind.EXTERNAL, LinkKind.ANCHOR}
        if link.kind is LinkKind.EXTERNAL:
            assert link.target.lower().lstrip().startswith(("http", "mailto", "tel", "sms"))


@pytest.mark.parametrize(
    "link",
    [Link(LinkKind.ARTICLE, "a-b", "c"), Link(LinkKind.CHECKLIST, "x"), Link(LinkKind.HELP)],
)
def test_url_round_trips(link):
    assert classify(link.url()) == link


def test_display_address_drops_scheme_noise():
    assert display_address("tel:1-800-662-4357") == "1-800-662-4357"
    assert display_address("https://988lifeline.org") == "https://988lifeline.org"
