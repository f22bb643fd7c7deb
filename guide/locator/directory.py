"""The directory a kiosk searches: facilities and ZIP code centres, nearest first. Qt-free.

A query is a ZIP code's centre, filters and a limit. Distances are great-circle distances (the
haversine's), found through each facility's point on the unit sphere: the straight-line
(chord) distance orders points exactly as the great-circle one does, and costs three
subtractions instead of four trigonometric calls. The order for one centre is kept, so a
filter toggled at the same ZIP code walks it again instead of measuring 14,000 distances.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from guide.locator.facility import Facility, mask_of

EARTH_MILES = 3958.8  # mean radius
MAX_MILES = 150.0  # farther is not "near you": the page offers the National Helpline instead
STALE_DAYS = 365


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def _chord_miles(chord_squared: float) -> float:
    return 2 * EARTH_MILES * math.asin(min(1.0, math.sqrt(chord_squared) / 2))


@dataclass(frozen=True)
class Origin:
    zip: str
    lat: float
    lon: float


@dataclass
class Directory:
    """What a locator file holds, ready to search."""

    facilities: Sequence[Facility]  # a list, or a file's FacilityRows (made when shown)
    zips: Mapping[str, tuple[float, float]]
    source: str = ""  # "SAMHSA National Directory of Drug and Alcohol Use Treatment Facilities"
    edition: str = ""  # "2025"
    as_of: date | None = None  # the data's date: what "possibly out of date" is measured from
    imported: date | None = None
    files: tuple[str, ...] = ()
    zip_source: str = ""  # where the ZIP code centres come from (GeoNames, CC BY 4.0)
    problems: tuple[tuple[str, str], ...] = ()  # (where, message) the import found
    _points: list[tuple[float, float, float]] = field(default_factory=list, repr=False)
    _bits: Sequence[int] = field(default_factory=list, repr=False)
    _order: tuple[tuple[float, float, float], list[int], list[float]] | None = field(default=None, repr=False)
    measured: int = field(default=0, repr=False)  # how many times all distances were measured (tests)

    def __post_init__(self):
        columns = getattr(self.facilities, "lats", None)  # a file's FacilityRows: its numbers, not its words
        if columns is not None:
            places, self._bits = zip(columns, self.facilities.lons, strict=True), self.facilities.bits
        else:
            places, self._bits = ((f.lat, f.lon) for f in self.facilities), [f.bits for f in self.facilities]
        cos, sin, degree = math.cos, math.sin, math.pi / 180  # unit_vector, inlined: 14,000 at a first open
        points = self._points = []
        for lat, lon in places:
            phi, lam = lat * degree, lon * degree
            across = cos(phi)
            points.append((across * cos(lam), across * sin(lam), sin(phi)))

    def locate(self, typed: str) -> Origin | None:
        """The centre of the ZIP code typed ("62701" or "62701-1234"), or None if unknown."""
        digits = typed.strip().replace(" ", "")
        if len(digits) == 10 and digits[5] == "-":
            digits = digits[:5]
        if len(digits) != 5 or not (digits.isascii() and digits.isdigit()):
            return None
        found = self.zips.get(digits)
        return Origin(digits, *found) if found else None

    def search(
        self, origin: Origin, filters=(), limit: int = 25, max_miles: float = MAX_MILES
    ) -> list[tuple[Facility, float]]:
        """The nearest `limit` facilities with every feature in `filters`, within `max_miles`."""
        want = mask_of(filters)
        order, chords = self._order_from(origin, max_miles)
        found = []
        bits = self._bits
        for index in order:
            miles = _chord_miles(chords[index])
            if miles > max_miles:
                break
            if bits[index] & want == want:
                found.append((self.facilities[index], miles))
                if len(found) == limit:
                    break
        return found

    def _order_from(self, origin: Origin, max_miles: float) -> tuple[list[int], list[float]]:
        key = (origin.lat, origin.lon, max_miles)
        if self._order is not None and self._order[0] == key:
            return self._order[1], self._order[2]
        x, y, z = unit_vector(origin.lat, origin.lon)
        chords = [(px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2 for px, py, pz in self._points]
        # Only what is within reach is sorted: 150 miles is a few hundred of 14,000 facilities.
        reach = (2 * math.sin(min(max_miles / EARTH_MILES, math.pi) / 2)) ** 2
        near = [index for index, chord in enumerate(chords) if chord <= reach]
        near.sort(key=chords.__getitem__)
        self._order = (key, near, chords)
        self.measured += 1
        return near, chords

    def forget(self) -> None:
        """Drop the kept order (it says where the last search was) and the facilities made for rows."""
        self._order = None
        made = getattr(self.facilities, "_made", None)
        if made is not None:
            made.clear()

    def age_days(self, today: date) -> int | None:
        when = self.as_of or self.imported
        return None if when is None else (today - when).days

    def is_stale(self, today: date) -> bool:
        """Older than a year: visitors are told it may be out of date."""
        days = self.age_days(today)
        return days is not None and days > STALE_DAYS
