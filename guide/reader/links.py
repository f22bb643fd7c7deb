"""The link policy: which addresses open inside the guide, which are only shown, which are refused.

Every way of navigating in the reader (a click, the keyboard, `setSource`) is decided here, so
the rule lives in one Qt-free place that tests can try exhaustively.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple
from urllib.parse import quote

from guide.files import ID_RE


class LinkKind(Enum):
    ARTICLE = "article"  # another article, maybe at an anchor
    CHECKLIST = "checklist"
    HELP = "help"  # the full help page
    SERVICES = "services"  # "Find help nearby": the clinic's local services
    LOCATOR = "locator"  # "Find treatment near you": SAMHSA's directory, by ZIP code
    PROBLEMS = "problems"  # staff only: what `guide check` finds, never offered in kiosk mode
    ANCHOR = "anchor"  # a place in the page being read
    EXTERNAL = "external"  # shown as an address and a QR code, never opened
    BLOCKED = "blocked"  # refused: file:, javascript:, data:, unknown schemes, broken ids


class Link(NamedTuple):  # a NamedTuple: cheaper to define at start-up than a frozen dataclass
    kind: LinkKind
    target: str = ""  # article or checklist id; for EXTERNAL the address as given
    anchor: str = ""

    @property
    def internal(self) -> bool:
        return self.kind not in {LinkKind.EXTERNAL, LinkKind.BLOCKED}

    def url(self) -> str:
        """The address this link stands for inside the guide (the inverse of `classify`)."""
        if self.kind in {LinkKind.HELP, LinkKind.SERVICES, LinkKind.LOCATOR, LinkKind.PROBLEMS}:
            return f"{self.kind.value}:" + (f"#{self.anchor}" if self.anchor else "")
        if self.kind in {LinkKind.ARTICLE, LinkKind.CHECKLIST}:
            return f"{self.kind.value}:{self.target}" + (f"#{self.anchor}" if self.anchor else "")
        if self.kind is LinkKind.ANCHOR:
            return f"#{self.anchor}"
        return self.target


EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop these before reading a scheme ("java\tscript:"); so do we, so they can't hide one.
INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def classify(address: str) -> Link:
    """Decide what following `address` may do."""
    cleaned = INVISIBLE_RE.sub("", address)
    if not cleaned:
        return Link(LinkKind.BLOCKED)
    if cleaned.startswith("#"):
        return Link(LinkKind.ANCHOR, anchor=cleaned[1:])
    match = SCHEME_RE.match(cleaned)
    if match is None:
        # A relative link: only `other-id.md` (with an optional #anchor) means anything here.
        path, _, anchor = cleaned.partition("#")
        if path.endswith(".md") and ID_RE.match(path.removesuffix(".md")):
            return Link(LinkKind.ARTICLE, path.removesuffix(".md"), anchor)
        return Link(LinkKind.BLOCKED, cleaned)
    scheme = match.group(1).lower()
    rest = cleaned[match.end() :]
    if scheme in {"article", "checklist"}:
        target, _, anchor = rest.partition("#")
        if ID_RE.match(target):
            return Link(LinkKind(scheme), target, anchor)
        return Link(LinkKind.BLOCKED, cleaned)
    if scheme in {"help", "services", "locator", "problems"}:
        page, _, anchor = rest.partition("#")
        if page in {"", "/"}:
            return Link(LinkKind(scheme), anchor=anchor)
        return Link(LinkKind.BLOCKED, cleaned)
    if scheme in EXTERNAL_SCHEMES and rest.strip("/"):
        return Link(LinkKind.EXTERNAL, address.strip())
    return Link(LinkKind.BLOCKED, cleaned)


def display_address(address: str) -> str:
    """How an external address is shown to a visitor: without mailto:/tel:/sms: noise."""
    match = SCHEME_RE.match(address)
    if match and match.group(1).lower() in {"mailto", "tel", "sms"}:
        return address[match.end() :]
    return address


def contact_uri(contact, lang: str) -> str:
    """What a QR code for a help line's contact holds in `lang`: the text body is that language's
    (sms:741741?body=HOME in English, sms:741741?body=AYUDA in Spanish)."""
    return number_uri(contact.kind, contact.number, contact.body_for(lang))


def number_uri(kind: str, number: str, body: str = "") -> str:
    """A number as a phone can dial or text it: tel:+18006624357, tel:988, sms:741741?body=HOME."""
    digits = number.replace("-", "")
    if len(digits) == 10:
        digits = "+1" + digits  # a US number, dialable from any phone
    elif len(digits) == 11 and digits.startswith("1"):
        digits = "+" + digits
    if kind == "text":
        return f"sms:{digits}" + (f"?body={quote(body)}" if body else "")
    return f"tel:{digits}"
