"""The locator file a content pack carries: `locator.json.gz`, compact and versioned. Qt-free.

One gzip-compressed JSON document (docs/LOCATOR.md, "The locator file"):

    {"format": "recovery-guide-locator", "version": 1,
     "source": ..., "edition": ..., "as_of": "2025-03-31", "imported": "2026-12-03",
     "files": [...], "zip_source": ..., "features": [names, one per bit],
     "languages": [names], "problems": [[where, message], ...],
     "facilities": [[id, name, name2, street, city, state, zip, phone, intake, website,
                     lat, lon, placed_by_zip, bits, [language indexes]], ...],
     "zips": {"62701": [39.8, -89.6495], ...}}

Bits are kept with the names they stand for, so a guide that adds a filter still reads an older
file. A kiosk reads it the first time a visitor opens "Find treatment near you", once per
library; a file that can't be used is a Problem with its path, and the page says whom to call.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from datetime import date
from pathlib import Path

from guide import languages
from guide.files import Problem, write_atomically
from guide.locator.directory import Directory
from guide.locator.facility import BIT, FEATURES, Facility

FORMAT = "recovery-guide-locator"
VERSION = 1
FILE_NAME = "locator.json.gz"
LIMIT = 64 * 1024 * 1024  # bytes, unpacked: the 2025 directory is about 3 MB
ATTRIBUTION_GEONAMES = "ZIP code locations © GeoNames (geonames.org), CC BY 4.0, via the zipcodes package"
SAMHSA = "SAMHSA National Directory of Drug and Alcohol Use Treatment Facilities"


class LocatorFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def write_directory(path: Path, directory: Directory) -> None:
    """Write `directory` to `path` whole or not at all (a full disk leaves the old file as it was)."""
    names = [feature.name for feature in FEATURES]
    spoken = list(dict.fromkeys(language for f in directory.facilities for language in f.languages))
    index = {language: i for i, language in enumerate(spoken)}
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
        "facilities": [
            [
                f.id,
                f.name,
                f.name2,
                f.street,
                f.city,
                f.state,
                f.zip,
                f.phone,
                f.intake_phone,
                f.website,
                f.lat,
                f.lon,
                int(f.placed_by_zip),
                f.bits,
                [index[language] for language in f.languages],
            ]
            for f in directory.facilities
        ],
        "zips": {code: [round(lat, 4), round(lon, 4)] for code, (lat, lon) in sorted(directory.zips.items())},
    }
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = gzip.compress(data, compresslevel=9, mtime=0)  # the same data makes the same file
    write_atomically(path, packed, mode=0o644)  # staff write it; the kiosk's account reads it


def read_directory(path: Path) -> Directory:
    """The directory in `path`; LocatorFileError (with the file and what is wrong) if unusable."""

    def fail(message: str) -> LocatorFileError:
        return LocatorFileError(Problem(path, 1, message))

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
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise fail(f"the locator file is damaged ({type(error).__name__}: {error}): import it again") from None


def _directory(document: dict) -> Directory:
    bit_of = [BIT.get(name, 0) for name in document["features"]]  # the file's bits -> this guide's
    spoken = [str(name) for name in document["languages"]]
    facilities = []
    for row in document["facilities"]:
        (fid, name, name2, street, city, state, zip_code, phone, intake, website, lat, lon, by_zip, bits, said) = row
        mine = 0
        for index, bit in enumerate(bit_of):
            if bits >> index & 1:
                mine |= bit
        facilities.append(
            Facility(
                str(fid),
                str(name),
                str(name2),
                str(street),
                str(city),
                str(state),
                str(zip_code),
                str(phone),
                str(intake),
                str(website),
                float(lat),
                float(lon),
                bool(by_zip),
                mine,
                tuple(spoken[i] for i in said),
            )
        )
    zips = {str(code): (float(place[0]), float(place[1])) for code, place in document["zips"].items()}
    return Directory(
        facilities=facilities,
        zips=zips,
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
