"""Hypothesis strategies for what an attacker writes into a page or a link, and how a browser reads it.

`st.text()` almost never draws `javascript:` or `<script`, so a property over it checks nothing:
these draw the hostile pieces themselves (mixed case, invisible characters inside a scheme,
entities in place of letters) and join them with random text and markdown syntax.
"""

import re

from hypothesis import strategies as st

# Schemes that must never open (nor be offered as an address to visit); what the policy allows is
# article:, checklist:, help:, services:, problems: inside, and http(s), mailto, tel, sms as addresses.
HOSTILE_SCHEMES = (
    "javascript",
    "vbscript",
    "livescript",
    "script",
    "data",
    "file",
    "about",
    "blob",
    "filesystem",
    "jar",
    "view-source",
    "ftp",
    "smb",
    "chrome",
    "resource",
    "ms-settings",
    "intent",
    "qr",
)
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})
INTERNAL_SCHEMES = frozenset({"article", "checklist", "help", "services", "problems"})

# Dropped by browsers (and by the link policy) before a scheme is read: "java\tscript:" is javascript:.
INVISIBLE = st.sampled_from(
    ["\t", "\n", "\r", " ", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\u200b", "\u200d", "\ufeff"]
)
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):")


def scheme_as_read(address: str) -> str | None:
    """The scheme a lenient browser reads in `address` (invisible characters dropped, any case),
    or None for a relative address."""
    match = _SCHEME_RE.match(_INVISIBLE_RE.sub("", address).lower())
    return match.group(1) if match else None


def mixed_case(word: str) -> st.SearchStrategy[str]:
    return st.tuples(*(st.sampled_from(sorted({c.lower(), c.upper()})) for c in word)).map("".join)


def _insert(word: str, insertions: list[tuple[int, str]]) -> str:
    for at, piece in sorted(insertions, reverse=True):
        at = min(at, len(word))
        word = word[:at] + piece + word[at:]
    return word


def _hidden(word: str) -> st.SearchStrategy[str]:
    """`word` in mixed case, with up to three invisible characters anywhere inside it."""
    return st.tuples(mixed_case(word), st.lists(st.tuples(st.integers(0, len(word)), INVISIBLE), max_size=3)).map(
        lambda parts: _insert(*parts)
    )


_REST = st.one_of(
    st.sampled_from(
        [
            "alert(1)",
            "alert(document.cookie)//",
            "//example.org/",
            "///etc/passwd",
            "text/html,<script>alert(1)</script>",
            "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "//%0aalert(1)",
            "https://988lifeline.org",
            "article:clonazepam",
            "",
        ]
    ),
    st.text(max_size=12),
)

# An address a browser would read as a hostile scheme: only ever refused.
hostile_address = st.builds(
    lambda lead, scheme, colon, rest: lead + scheme + colon + rest,
    st.lists(INVISIBLE, max_size=2).map("".join),
    st.sampled_from(HOSTILE_SCHEMES).flatmap(_hidden),
    st.sampled_from([":", ":", "\t:", ": "]),
    _REST,
)


def _entity(character: str) -> st.SearchStrategy[str]:
    code = ord(character)
    return st.sampled_from([character, character, f"&#{code};", f"&#x{code:x};", f"&#X{code:X};", f"&#000{code};"])


def _entities(word: str) -> st.SearchStrategy[str]:
    return st.tuples(*(_entity(c) for c in word)).map("".join)


# The same, as written in HTML or markdown: some letters (and the colon) as character references,
# which the page's parser decodes before the link reaches the policy.
hostile_href = st.one_of(
    hostile_address,
    st.builds(
        lambda scheme, colon, rest: scheme + colon + rest,
        st.sampled_from(HOSTILE_SCHEMES).flatmap(mixed_case).flatmap(_entities),
        st.sampled_from([":", "&colon;", "&#58;", "&#x3a;", "&Tab;:"]),
        _REST,
    ),
)

# Any address a page might carry: hostile ones, allowed ones with noise, and random text.
any_address = st.one_of(
    hostile_address,
    st.builds(
        lambda lead, scheme, rest: lead + scheme + rest,
        st.lists(INVISIBLE, max_size=2).map("".join),
        st.sampled_from(sorted(EXTERNAL_SCHEMES | INTERNAL_SCHEMES)).flatmap(_hidden),
        st.sampled_from([":", "://", ":#", ":/"]).flatmap(lambda colon: _REST.map(lambda rest: colon + rest)),
    ),
    st.text(max_size=30),
)

_TAGS = ("script", "iframe", "img", "svg", "style", "object", "embed", "a", "body", "math", "form", "base", "meta")
_TAGS += ("link", "frame", "textarea", "input", "video", "audio", "source", "marquee", "details", "template")
_ATTRIBUTES = st.sampled_from(
    [
        "",
        " onerror=alert(1)",
        ' onload="alert(1)"',
        "/onload=alert(1)",
        " OnMouseOver=alert(1)",
        " src=x",
        ' href="javascript:alert(1)"',
        " href=&#106;avascript:alert(1)",
        ' style="background:url(javascript:alert(1))"',
        " srcdoc='<script>alert(1)</script>'",
    ]
)
# Raw HTML as an author (or an attacker editing a pack) might type it into markdown.
hostile_tag = st.one_of(
    st.builds(
        lambda name, attributes, end: "<" + name + "".join(attributes) + end,
        st.sampled_from(_TAGS).flatmap(mixed_case),
        st.lists(_ATTRIBUTES, max_size=2),
        st.sampled_from([">", "/>", " >", ""]),
    ),
    st.sampled_from(_TAGS).flatmap(mixed_case).map(lambda name: f"</{name}>"),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?php ", "<!DOCTYPE html>", "&lt;script&gt;", "&#60;script"]),
)

_MARKDOWN = st.sampled_from(
    [
        "[x](",
        ")",
        "![a](",
        "](",
        "<",
        ">",
        "\n\n",
        "\n",
        "`",
        "    ",
        "> ",
        "- ",
        "1. ",
        "*",
        "_",
        "# ",
        "\n## ",
        "\\",
        "| a |\n|---|\n| ",
        " |",
        "\n[r]: ",
        "[x][r]",
        '"t"',
        " ",
    ]
)

# A markdown page with hostile links and raw HTML in it, among markdown syntax and random text.
hostile_markdown = st.lists(
    st.one_of(
        hostile_tag,
        hostile_href.map(lambda href: f"[x]({href})"),
        hostile_href.map(lambda href: f"[x][r]\n\n[r]: {href}\n"),
        hostile_href.map(lambda href: f"<{href}>"),
        hostile_href,
        _MARKDOWN,
        st.text(max_size=6),
    ),
    max_size=12,
).map("".join)
