"""A pack's helplines.toml to Helplines, the phone-number policy, and the 911 and 988 lines the
panel keeps when every helplines.toml is broken or gone."""

from __future__ import annotations

import re
from pathlib import Path

from guide.files import ID_RE, Problem, plain_text, read_toml_lines, tables_of
from guide.languages import codes, words
from guide.packs.records import DEFAULT_LANGUAGE, Contact, Helpline, HelplineText

PHONE_RE = re.compile(r"^\d(?:[\d-]*\d)?$")
CONTACT_KINDS = {"call", "text", "tty", "chat"}


def valid_number(number: str) -> bool:
    """A dialable US number: 911-style N11 codes and 988, 5-6 digit text short codes, or a
    10- or 11-digit phone number, written with digits and hyphens."""
    digits = number.replace("-", "")
    if not PHONE_RE.match(number):
        return False
    if len(digits) == 3:
        return digits in SHORT_NUMBERS
    return len(digits) in {5, 6, 10, 11}


SHORT_NUMBERS = {"211", "311", "411", "511", "611", "711", "811", "911", "988"}


def read_helplines(path: Path) -> tuple[list[Helpline], list[Problem]]:
    """Help lines from a pack's helplines.toml; a line without a usable number is left out."""
    data, lines, problem = read_toml_lines(path)
    if problem:
        return [], [problem]
    helplines: list[Helpline] = []
    problems: list[Problem] = []
    cursor = 1  # entries are found in file order: one pass over the lines for all of them
    for _index, entry in tables_of(data, "helpline", path, lines, problems):
        helpline_id = plain_text(entry.get("id", ""))
        where = lines.find(f'"{helpline_id}"', start=cursor) if helpline_id else cursor
        cursor = where
        if helpline_id in {h.id for h in helplines}:
            again = lines.find(f'"{helpline_id}"', occurrence=2)
            problems.append(Problem(path, again, f"help line '{helpline_id}': the same id is used twice"))
            continue

        def report(message: str, *needles: str, start: int = where, helpline_id: str = helpline_id) -> None:
            """A Problem at the line holding each of `needles` in turn, from the help line's id on."""
            for needle in needles:
                start = lines.after(needle, start)
            problems.append(Problem(path, start, f"help line '{helpline_id}': {message}"))

        try:
            helplines.append(_helpline(entry, report))
        except HelplineError as error:
            at = where
            for needle in error.needles:
                at = lines.after(needle, at)
            problems.append(Problem(path, at, f"help line '{helpline_id}': {error}"))
    return helplines, problems


class HelplineError(ValueError):
    """A help line that can't be used; `needles` lead from its id's line to the line at fault."""

    def __init__(self, message: str, *needles: str):
        super().__init__(message)
        self.needles = needles


def _bodies(raw: dict, report) -> dict[str, str]:
    """A text contact's `body`: words for every language, or a table of them per language.

    A bad value is reported and left out, not the whole line: its number is still help.
    """
    if "body" not in raw:
        return {}
    body = raw["body"]
    at = (f'"{raw.get("number", "")}"', "body")  # the contact's line, then its body
    if raw.get("kind") != "text":
        report(f"only a text contact can have a body (this one is '{raw.get('kind')}')", *at)
        return {}
    if isinstance(body, str):
        if not body.strip():
            report('the body is empty: leave it out, or give the words to send, like body = "HOME"', *at)
            return {}
        return {DEFAULT_LANGUAGE: body.strip()}
    if not isinstance(body, dict):
        report(
            'the body must be words in quotes, or one per language: body = { en = "HOME", es = "AYUDA" }',
            *at,
        )
        return {}
    bodies = {}
    for lang, text in body.items():
        if lang not in codes():
            report(f"body for an unknown language '{lang}' (use {' or '.join(codes())})", *at)
        elif not isinstance(text, str) or not text.strip():
            report(f'the {lang} body must be words in quotes, like {lang} = "AYUDA"', *at)
        else:
            bodies[lang] = text.strip()
    return bodies


def _helpline(entry: dict, report) -> Helpline:
    if not ID_RE.match(plain_text(entry.get("id", ""))):
        raise HelplineError("needs an id of lower-case letters, digits and hyphens")
    raw_contacts = entry.get("contacts", [])
    if not isinstance(raw_contacts, list) or not all(isinstance(raw, dict) for raw in raw_contacts):
        raise HelplineError(
            'contacts must be a list like [{ kind = "call", number = "988" }]',
            "contacts",
        )
    contacts = []
    for raw in raw_contacts:
        kind = raw.get("kind", "")
        number = raw.get("number", "")
        if not isinstance(kind, str) or kind not in CONTACT_KINDS:
            raise HelplineError(f"contact kind '{plain_text(kind)}' is not one of {sorted(CONTACT_KINDS)}")
        if not isinstance(number, str):
            raise HelplineError(f'the number {number!r:.30} must be in quotes, like "988"', "contacts", "number")
        address = raw.get("address", "")
        if kind == "chat":
            if not address or not isinstance(address, str):
                raise HelplineError("a chat contact needs an address (in quotes)")
        elif not valid_number(number):
            raise HelplineError(f"'{number}' is not a valid phone number")
        contacts.append(
            Contact(
                kind=kind,
                number=number,
                address=plain_text(address),
                bodies=_bodies(raw, report),
                labels=_labels(raw, report),
            )
        )
    if not contacts:
        raise HelplineError("has no contacts: add at least one number to call or text")
    texts = {}
    for lang in codes():
        if isinstance(entry.get(lang), dict) and "name" in entry[lang] and not isinstance(entry[lang]["name"], str):
            raise HelplineError(f"the {lang} name must be text in quotes", f"[helpline.{lang}]", "name")
        if isinstance(entry.get(lang), dict) and plain_text(entry[lang].get("name")):
            raw_text = entry[lang]
            texts[lang] = HelplineText(
                name=plain_text(raw_text["name"]),
                description=plain_text(raw_text.get("description", "")),
                hours=plain_text(raw_text.get("hours", "")),
            )
    if DEFAULT_LANGUAGE not in texts:
        raise HelplineError(f"needs [helpline.{DEFAULT_LANGUAGE}] with a name (text in quotes)")
    flags = {}
    for flag in ("emergency", "crisis"):
        value = entry.get(flag, False)
        if not isinstance(value, bool):
            # "false" in quotes is text, and any text would read as true: above 911 it must not go.
            report(f"{flag} must be true or false, without quotes (it is taken as false)", f"{flag} =")
            value = False
        flags[flag] = value
    return Helpline(id=entry["id"], contacts=tuple(contacts), texts=texts, **flags)


def _labels(raw: dict, report) -> dict[str, str]:
    """A contact's own words: one per language, like label = { en = "Call us", es = "Llámenos" }."""
    label = raw.get("label", {})
    if isinstance(label, str) and label.strip():
        return {DEFAULT_LANGUAGE: label}
    if isinstance(label, dict) and all(k in codes() and isinstance(v, str) for k, v in label.items()):
        return dict(label)
    report('label must be words per language, like label = { en = "Call us", es = "Llámenos" }', "label")
    return {}


# 911 and 988 are kept on the panel even if every helplines.toml is broken or removed; their
# words are in every language's catalogue ([fallback_helplines]).
_FALLBACK_CONTACTS = {
    "emergency": ((Contact(kind="call", number="911"),), {"emergency": True, "crisis": True}),
    "988-lifeline": (
        (Contact(kind="call", number="988"), Contact(kind="text", number="988", bodies={"es": "AYUDA"})),
        {"crisis": True},
    ),
}


def fallback_helplines() -> tuple[Helpline, ...]:
    return tuple(
        Helpline(
            id=helpline_id,
            contacts=contacts,
            texts={code: HelplineText(**words(code, "fallback_helplines")[helpline_id]) for code in codes()},
            **flags,
        )
        for helpline_id, (contacts, flags) in _FALLBACK_CONTACTS.items()
    )


def with_fallback_helplines(helplines: list[Helpline]) -> list[Helpline]:
    numbers = {c.number for h in helplines for c in h.contacts}
    missing = [h for h in fallback_helplines() if h.contacts[0].number not in numbers]
    emergency = [h for h in [*missing, *helplines] if h.emergency]
    return emergency + [h for h in [*missing, *helplines] if not h.emergency]
