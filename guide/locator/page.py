"""What "Find treatment near you" shows for a ZIP code and a set of filters. Qt-free.

The Navigator asks for a LocatorView with the visit's ZIP code and filters (Session state, never
written anywhere); the window's locator page (guide/ui/locator/) shows it as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from guide import languages
from guide.locator.describe import about_miles, describe, label
from guide.locator.directory import MAX_MILES
from guide.locator.facility import FEATURES, GROUPS
from guide.locator.store import ATTRIBUTION_GEONAMES, source_line
from guide.reader.links import number_uri

HELPLINE = "1-800-662-4357"  # SAMHSA's National Helpline: what to call when nothing matches
MAX_ROWS = 25  # nearest first; a visitor reads a screenful, not a directory


@dataclass(frozen=True)
class LocatorRow:
    """One facility as a visitor reads it."""

    id: str
    name: str
    distance: str  # "about 3 miles"
    address: str
    phone: str
    call: str  # tel: address for its QR code
    offers: str  # what it offers, in plain words
    payment: str  # the payment it takes, in plain words

    @property
    def text(self) -> str:
        """The row in one line: its name and distance first (what testers and screen readers read)."""
        return " - ".join(part for part in (self.name, self.distance, self.address, self.phone) if part)


@dataclass(frozen=True)
class LocatorView:
    available: bool  # False: no pack carries a directory; the page says whom to call instead
    zip_code: str = ""
    filters: frozenset[str] = frozenset()
    heading: str = ""  # "Nearest to 62701"
    message: str = ""  # an unknown ZIP, nothing found, or how to start
    rows: tuple[LocatorRow, ...] = ()
    as_of: str = ""  # the data's source and date, always shown
    stale: str = ""  # "" unless the directory is over a year old
    attribution: tuple[str, ...] = field(default_factory=tuple)
    choosing: bool = False  # the toggles are open; else `chosen` says which are on, in one line
    chosen: str = ""  # "Only programs with: Residential, Medicaid." ("" with none on)


def words(lang: str) -> dict[str, str]:
    return languages.words(lang, "locator_page")


def filter_groups(lang: str) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """The filters as the page lays them out: (group, its title, ((name, label), ...)), in order."""
    titles = languages.words(lang, "locator_groups")
    return tuple(
        (group, titles.get(group, group), tuple((f.name, label(f.name, lang)) for f in FEATURES if f.group == group))
        for group in GROUPS
    )


def locator_view(
    directory, zip_code: str, filters: frozenset[str], lang: str, today: date, choosing: bool = False
) -> LocatorView:
    """The page for `zip_code` (as typed, maybe "") and `filters` over `directory` (None: none);
    `choosing`: the toggles are open."""
    said = words(lang)
    if directory is None:
        return LocatorView(False, zip_code, filters, message=said["no_directory"].format(number=HELPLINE))
    names = [label(f.name, lang) for f in FEATURES if f.name in filters]  # in the order the page shows them
    common = {
        "choosing": choosing,
        "chosen": said["chosen"].format(names=", ".join(names)) if names else "",
        "as_of": source_line(directory, lang),
        "stale": said["stale"] if directory.is_stale(today) else "",
        "attribution": (ATTRIBUTION_GEONAMES,),
    }
    typed = zip_code.strip()
    if not typed:
        return LocatorView(True, zip_code, filters, message=said["enter_zip"], **common)
    origin = directory.locate(typed)
    if origin is None:
        message = said["unknown_zip"].format(zip=typed, number=HELPLINE)
        return LocatorView(True, zip_code, filters, message=message, **common)
    found = directory.search(origin, filters, limit=MAX_ROWS, max_miles=MAX_MILES)
    rows = tuple(_row(facility, miles, lang) for facility, miles in found)
    if rows:
        heading = said["nearest"].format(zip=origin.zip)
        return LocatorView(True, zip_code, filters, heading, "", rows, **common)
    if filters and directory.search(origin, (), limit=1, max_miles=MAX_MILES):
        message = said["none_found"].format(number=HELPLINE)
    else:
        message = said["none_near"].format(miles=int(MAX_MILES), zip=origin.zip, number=HELPLINE)
    return LocatorView(True, zip_code, filters, message=message, **common)


def _row(facility, miles: float, lang: str) -> LocatorRow:
    said = words(lang)
    plain = describe(facility, lang)
    phones = [said["phone"].format(phone=facility.phone)]
    if facility.intake_phone:
        phones.append(said["intake"].format(phone=facility.intake_phone))
    name = facility.name if not facility.name2 else f"{facility.name} ({facility.name2})"
    return LocatorRow(
        id=facility.id,
        name=name,
        distance=about_miles(miles, lang),
        address=facility.address,
        phone="  ".join(phones),
        call=number_uri("call", _digits(facility.phone)),
        offers=plain["offers"],
        payment=plain["payment"],
    )


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone.split(" x")[0])
