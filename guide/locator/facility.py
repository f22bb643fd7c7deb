"""A treatment facility as the guide understands it, and what SAMHSA's code key words mean. Qt-free.

SAMHSA's files describe each facility by service codes ("MD", "SS", "OP"...) or, in the
FindTreatment JSON export, by the codes' names ("Medicaid", "Sliding fee scale ..."). Every file
brings its own key (code -> category and name), and the key changes between editions (`UBN`
became `UB`/`UN`). So a feature is not a list of codes guessed once: it is a rule on the key's
own words, a category and a phrase in the service's name, applied to whatever key the file has
(`features_of`). Languages are what the key's language categories name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Feature:
    name: str  # the filter's name: its objectName is filter-<name>
    group: str  # care, medicine, payment, language, group
    categories: frozenset[str]  # the key's category codes it may come from
    words: re.Pattern  # a phrase in the service's name (the key's words, not a guess at codes)


def _feature(name: str, group: str, categories: str, words: str) -> Feature:
    return Feature(name, group, frozenset(categories.split()), re.compile(words, re.IGNORECASE))


# In the order a visitor sees them. Categories as in the notes (../shared/facts/locator.md, 1a
# and 1b): TC type of care, SET settings, DETOX, OT/OM/PHR opioid treatment and medicines,
# PAY/PYAS payment, SL/OL languages, SG special groups, AGE age groups.
FEATURES: tuple[Feature, ...] = (
    _feature("detox", "care", "TC SET DETOX OT", r"detox"),
    _feature("outpatient", "care", "TC SET", r"outpatient|day treatment|partial hospitali"),
    _feature("intensive-outpatient", "care", "TC SET", r"intensive outpatient"),
    _feature("residential", "care", "TC SET", r"residential"),
    _feature("hospital-inpatient", "care", "TC SET HOSP", r"hospital inpatient"),
    _feature("methadone", "medicine", "OM OT PHR", r"methadone"),
    _feature("buprenorphine", "medicine", "OM OT PHR", r"buprenorphine|suboxone|probuphine|sublocade"),
    _feature("naltrexone", "medicine", "OM OT PHR", r"naltrexone|vivitrol"),
    _feature("medicaid", "payment", "PAY", r"medicaid"),
    _feature("medicare", "payment", "PAY", r"medicare"),
    _feature("private-insurance", "payment", "PAY", r"private (health )?insurance"),
    _feature("sliding-fee", "payment", "PAY PYAS", r"sliding fee"),
    _feature("free", "payment", "PAY PYAS", r"no payment accepted|free of charge|no[- ]cost"),
    _feature("cash", "payment", "PAY", r"cash|self[- ]payment"),
    _feature("spanish", "language", "SL OL", r"spanish"),
    _feature("adolescents", "group", "SG AGE", r"adolescent"),
    _feature("pregnant", "group", "SG", r"pregnant"),
    _feature("veterans", "group", "SG", r"veteran"),
)
FILTERS: tuple[str, ...] = tuple(feature.name for feature in FEATURES)
GROUPS: tuple[str, ...] = ("care", "medicine", "payment", "language", "group")
BIT = {feature.name: 1 << index for index, feature in enumerate(FEATURES)}
LANGUAGE_CATEGORIES = frozenset({"OL"})  # "Other languages": each service is a language's name
# Names in a language category that are not a language
_NOT_A_LANGUAGE = re.compile(r"deaf|hearing|sign language|english|\bother\b|spanish", re.IGNORECASE)
_WRAPPING = re.compile(r"^any\s+|\s+languages?$", re.IGNORECASE)  # "Any Chinese Language" -> "Chinese"


def mask_of(names) -> int:
    """The bits of the features named (an unknown name has none)."""
    bits = 0
    for name in names:
        bits |= BIT.get(name, 0)
    return bits


def names_of(bits: int) -> tuple[str, ...]:
    return tuple(feature.name for feature in FEATURES if bits & BIT[feature.name])


def features_of(category: str, name: str) -> int:
    """The features a service of the key's `category` named `name` stands for."""
    category = category.strip().upper()
    return mask_of(f.name for f in FEATURES if category in f.categories and f.words.search(name))


def language_of(category: str, name: str) -> str:
    """The language a service of the key names ("Arabic"), or "" when it is not one."""
    if category.strip().upper() not in LANGUAGE_CATEGORIES:
        return ""
    name = _WRAPPING.sub("", " ".join(name.split()))
    if not name or _NOT_A_LANGUAGE.search(name):
        return ""  # Spanish is a filter of its own
    return name


@dataclass(frozen=True, slots=True)
class Facility:
    """One treatment facility, as the locator file keeps it."""

    id: str
    name: str
    name2: str
    street: str
    city: str
    state: str
    zip: str
    phone: str
    intake_phone: str
    website: str
    lat: float
    lon: float
    placed_by_zip: bool  # True: no coordinates in the data, so at its ZIP code's centre
    bits: int  # its features (BIT)
    languages: tuple[str, ...] = ()  # other languages it offers, as the data names them

    def has(self, name: str) -> bool:
        return bool(self.bits & BIT.get(name, 0))

    @property
    def features(self) -> tuple[str, ...]:
        return names_of(self.bits)

    @property
    def address(self) -> str:
        place = f"{self.state} {self.zip}".strip()
        return ", ".join(part for part in (self.street, self.city, place) if part)
