"""HTML escaping for the pages the guide writes, without the standard library's `html`: importing
that costs about 2 ms (its `html.entities`, a table of 2,231 names, none of them needed to
escape), and the first screen paid it before anything was shown."""

from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """What `html.escape` does: & < > always, and " ' with `quote`."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
