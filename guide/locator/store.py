"""The locator file a content pack carries: `locator.json.gz`, compact and versioned. Qt-free.

One gzip-compressed JSON document (docs/LOCATOR.md, "The locator file"):

    {"format": "recovery-guide-locator", "version": 2,
     "source": ..., "edition": ..., "as_of": "2025-03-31", "imported": "2026-12-03",
     "files": [...], "zip_source": ..., "features": [names, one per bit],
     "languages": [names], "problems": [[where, message], ...],
     "facilities": {"lat": [...], "lon": [...], "bits": [...],
                    "text": "id\tname\tname2\tstreet\tcity\tstate\tzip\tphone\tintake\twebsite\tby_zip\tlangs\n..."},
     "zips": "62701+39.800-089.650..."}

It is laid out to be read fast, because a kiosk reads it on the GUI thread when a visitor first
opens "Find treatment near you": what a search needs of every facility (where it is and what
it offers) is three lists of numbers; the words are one string, split into facilities only
when a row is shown; the ZIP code centres are one sorted string of 20-character records
("62701+39.800-089.650"), searched by halves. Version 1 (a
list per facility and a dict of ZIP codes) took 250-560 ms to read for 14,000 facilities;
this takes a tenth of that (benchmarks/locator_bench.py).

Bits are kept with the names they stand for, so a guide that adds a filter still reads an older
file. A kiosk reads it once per version of the file; a file that can't be used is a Problem
with its path, and the page says whom to call.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from guide import languages
from guide.files import Problem, write_atomically
from guide.locator.directory import Directory
from guide.locator.facility import BIT, FEATURES, Facility

FORMAT = "recovery-guide-locator"
VERSION = 2
FILE_NAME = "locator.json.gz"
LIMIT = 64 * 1024 * 1024  # bytes, unpacked: the 2025 directory is about 3 MB
ATTRIBUTION_GEONAMES = "ZIP code locations © GeoNames (geonames.org), CC BY 4.0, via the zipcodes package"
SAMHSA = "SAMHSA National Directory of Drug and Alcohol Use Treatment Facilities"
FIELDS = 12  # words of a facility in "text", tab-separated; facilities are newline-separated
ZIP_RECORD = 20  # "62701" "+39.800" "-089.650": the code, latitude and longitude to about 100 m
_SPACE = re.compile(r"[\t\n\r\x0b\x0c]+")


class LocatorFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _zip_record(code: str, lat: float, lon: float) -> str:
    return f"{code}{lat:+07.3f}{lon:+08.3f}"  # 5 + 7 + 8 characters: about 100 m, a ZIP code's centre


class ZipTable(Mapping):
    """ZIP code -> (latitude, longitude), kept as the file's one sorted string and searched by
    halves: reading it costs nothing, and a visitor looks up one ZIP code at a time."""

    def __init__(self, records: str):
        if len(records) % ZIP_RECORD:
            raise ValueError(f"the ZIP code table is {len(records)} characters, not records of {ZIP_RECORD}")
        self._records = records
        self._count = len(records) // ZIP_RECORD

    def _code(self, index: int) -> str:
        at = index * ZIP_RECORD
        return self._records[at : at + 5]

    def __getitem__(self, code: str) -> tuple[float, float]:
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            if self._code(middle) < code:
                low = middle + 1
            else:
                high = middle
        if low == self._count or self._code(low) != code:
            raise KeyError(code)
        at = low * ZIP_RECORD
        return float(self._records[at + 5 : at + 12]), float(self._records[at + 12 : at + 20])

    def __iter__(self):
        return (self._code(index) for index in range(self._count))

    def __len__(self) -> int:
        return self._count


class FacilityRows(Sequence):
    """The facilities of a file, made from its words only when asked for (a shown row, a check)."""

    def __init__(self, lats, lons, bits, text: str, spoken: list[str]):
        records = text.split("\n") if text else []
        if not len(records) == len(lats) == len(lons) == len(bits):
            raise ValueError(f"{len(records)} facilities' words for {len(lats)} places and {len(bits)} services")
        if text.count("\t") != len(records) * (FIELDS - 1):
            raise ValueError(f"the facilities' words are not {FIELDS} to a facility")
        self.lats, self.lons, self.bits = lats, lons, bits
        self._records = records
        self._spoken = spoken
        self._made: dict[int, Facility] = {}

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        made = self._made.get(index)
        if made is None:
            words = self._records[index].split("\t")
            (fid, name, name2, street, city, state, zip_code, phone, intake, website, by_zip, said) = words
            spoken = self._spoken
            made = self._made[index] = Facility(
                fid, name, name2, street, city, state, zip_code, phone, intake, website,
                float(self.lats[index]), float(self.lons[index]), by_zip == "1", self.bits[index],
                tuple(spoken[int(i)] for i in said.split(",") if i.isdigit() and int(i) < len(spoken)),
            )  # fmt: skip
        return made

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None


def _words(value: str) -> str:
    return _SPACE.sub(" ", str(value))  # a tab or newline in a spreadsheet cell would end a field


def write_directory(path: Path, directory: Directory) -> None:
    """Write `directory` to `path` whole or not at all (a full disk leaves the old file as it was)."""
    names = [feature.name for feature in FEATURES]
    spoken = list(dict.fromkeys(language for f in directory.facilities for language in f.languages))
    index = {language: i for i, language in enumerate(spoken)}
    facilities = list(directory.facilities)

    def words(f: Facility) -> str:
        spoken = ",".join(str(index[language]) for language in f.languages)
        values = (f.id, f.name, f.name2, f.street, f.city, f.state, f.zip, f.phone, f.intake_phone, f.website)
        return "\t".join([*(_words(value) for value in values), "1" if f.placed_by_zip else "", spoken])

    text = "\n".join(words(f) for f in facilities)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "source": directory.source,
        "edition": directory.edition,
        "as_of": directory.as_of.isoformat() if directory.as_of else "",
        "imported": directory.imported.isoformat() if directory.imported else "",
        "files": list(directory.files),
        "zip_source": directory.zip_source,
        "features": names,
        "languages": spoken,
        "problems": [list(problem) for problem in directory.problems],
        "facilities": {
            "lat": [f.lat for f in facilities],
            "lon": [f.lon for f in facilities],
            "bits": [f.bits for f in facilities],
            "text": text,
        },
        "zips": "".join(_zip_record(code, lat, lon) for code, (lat, lon) in sorted(directory.zips.items())),
    }
    import gzip  # here, not at start-up: a guide with no locator file never needs it

    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = gzip.compress(data, compresslevel=9, mtime=0)  # the same data makes the same file
    write_atomically(path, packed, mode=0o644)  # staff write it; the kiosk's account reads it


def read_directory(path: Path) -> Directory:
    """The directory in `path`; LocatorFileError (with the file and what is wrong) if unusable."""

    def fail(message: str) -> LocatorFileError:
        return LocatorFileError(Problem(path, 1, message))

    import gzip

    try:
        with gzip.open(path, "rb") as packed:
            data = packed.read(LIMIT + 1)
    except OSError as error:  # also gzip.BadGzipFile
        raise fail(f"cannot read the locator file: {getattr(error, 'strerror', None) or error}") from None
    except (EOFError, zlib.error):
        raise fail("the locator file is cut short or damaged: import it again") from None
    if len(data) > LIMIT:
        raise fail(f"the locator file unpacks to more than {LIMIT // (1024 * 1024)} MB: not read")
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise fail("the locator file is damaged (not JSON): import it again") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise fail(f'not a locator file (no "format": "{FORMAT}")')
    version = document.get("version")
    if version != VERSION:
        raise fail(f"locator file version {version!r}: this guide reads version {VERSION}; import it again")
    try:
        return _directory(document)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise fail(f"the locator file is damaged ({type(error).__name__}: {error}): import it again") from None


def _directory(document: dict) -> Directory:
    bit_of = [BIT.get(name, 0) for name in document["features"]]  # the file's bits -> this guide's
    table = document["facilities"]
    bits = table["bits"]
    if not (len(bit_of) == len(BIT) and all(bit == 1 << index for index, bit in enumerate(bit_of))):
        translated: dict[int, int] = {}  # an older or newer guide's bits, translated once per combination
        for at, value in enumerate(bits):
            if (mine := translated.get(value, -1)) < 0:
                mine = translated[value] = sum(bit for index, bit in enumerate(bit_of) if value >> index & 1)
            bits[at] = mine
    if not all(isinstance(value, int) for value in bits):
        raise ValueError("a facility's services are not a number")
    rows = FacilityRows(table["lat"], table["lon"], bits, str(table["text"]), [str(n) for n in document["languages"]])
    return Directory(
        facilities=rows,
        zips=ZipTable(str(document["zips"])),
        source=str(document.get("source", "")),
        edition=str(document.get("edition", "")),
        as_of=_day(document.get("as_of")),
        imported=_day(document.get("imported")),
        files=tuple(str(name) for name in document.get("files", ())),
        zip_source=str(document.get("zip_source", "")),
        problems=tuple((str(where), str(message)) for where, message in document.get("problems", ())),
    )


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


_loaded: dict[tuple[str, int, int], Directory | LocatorFileError] = {}
reads = 0  # how many times a locator file was read and parsed (tests: never once per keystroke)


def directory_at(path: Path) -> Directory:
    """`read_directory(path)`, read again only when the file changes (what it found, or why not,
    is kept): the page asks at every key and toggle, `guide check` twice."""
    global reads
    try:
        found = os.stat(path)
    except OSError as error:
        raise LocatorFileError(Problem(path, 1, f"cannot read the locator file: {error.strerror}")) from None
    key = (str(path), found.st_mtime_ns, found.st_size)
    if key not in _loaded:
        reads += 1
        try:
            kept: Directory | LocatorFileError = read_directory(path)
        except LocatorFileError as error:
            kept = error
        _loaded.clear()  # one directory in memory: the newest
        _loaded[key] = kept
    kept = _loaded[key]
    if isinstance(kept, LocatorFileError):
        raise LocatorFileError(kept.problem)
    return kept


def forget_searches() -> None:
    """At a reset: no directory in memory keeps where the last visitor searched."""
    for kept in _loaded.values():
        if isinstance(kept, Directory):
            kept.forget()


def load_directory(library) -> Directory | None:
    """The directory of the library's last pack that has one; None without a usable one.

    A file that can't be used is added to the library's problems (the content problems page
    shows it) and the page is shown as if there were none.
    """
    if library.locator is None:
        return None
    try:
        return directory_at(library.locator)
    except LocatorFileError as error:
        if error.problem not in library.problems:
            library.problems.append(error.problem)
        return None


def source_line(directory: Directory, lang: str) -> str:
    """ "Source: SAMHSA National Directory ... (2025). Data as of 31 March 2025." in `lang`."""
    said = languages.words(lang, "locator_page")
    source = directory.source or SAMHSA
    if directory.edition:
        source = f"{source} ({directory.edition})"
    when = directory.as_of or directory.imported
    line = said["source"].format(source=source)
    if when is not None:
        line += " " + said["as_of"].format(date=languages.language(lang).format_date(when))
    return line
