"""A facility in plain words, and its distance as a person says it, in the visitor's language. Qt-free."""

from __future__ import annotations

from guide import languages
from guide.locator.facility import FEATURES, Facility

_OFFERS = ("care", "medicine", "language", "group")


def label(name: str, lang: str) -> str:
    """A filter's words ("Detox", "Desintoxicación")."""
    return languages.words(lang, "locator_filters").get(name, name)


def describe(facility: Facility, lang: str) -> dict[str, str]:
    """{"offers": what it offers, "payment": the payment it takes}, each "" when the data says nothing."""
    said = languages.words(lang, "locator_page")
    offers = [label(f.name, lang) for f in FEATURES if f.group in _OFFERS and facility.has(f.name)]
    if facility.languages:
        offers.append(said["other_languages"].format(names=", ".join(facility.languages)))
    payment = [label(f.name, lang) for f in FEATURES if f.group == "payment" and facility.has(f.name)]
    return {
        "offers": said["offers"].format(items="; ".join(offers)) if offers else "",
        "payment": said["payment"].format(items="; ".join(payment)) if payment else said["payment_unknown"],
    }


def about_miles(miles: float, lang: str) -> str:
    """ "less than a mile", "about 1 mile", "about 3 miles" (whole miles: the data is not exact)."""
    said = languages.words(lang, "locator_page")
    if miles < 0.95:
        return said["under_a_mile"]
    whole = round(miles)
    return said["about_mile" if whole == 1 else "about_miles"].format(miles=whole)
