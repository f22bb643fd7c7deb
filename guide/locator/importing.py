"""`guide locator import`: SAMHSA's facility files -> the facilities the locator file keeps. Qt-free.

Three formats (../shared/facts/locator.md and docs/LOCATOR.md):
- the National Directory workbook (N-SUMHSS): one row per facility with `service_code_info`, a
  string of codes such as "OP * MD SS", and a sheet with the code key;
- the FindTreatment "download results" workbook: `latitude`, `longitude`, `type_facility`,
  `last_update`, then one 0/1 column per service code, and a "service code reference" sheet;
- the FindTreatment JSON export: {"rows": [...]} with `typeFacility`, latitude and longitude as
  strings, and `services` as [{f1: category label, f2: category code, f3: "names; joined"}].

Sheets are found by their headers, not their names, and a header's stray spaces and case are
ignored. Each row that can't be used is a Problem naming the file, sheet and row; the rest is
imported. openpyxl is needed for the workbooks only (`pip install 'recovery-guide[locator]'`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from guide.files import Problem, short_digest
from guide.locator.facility import Facility, features_of, language_of

ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
HEADER_ROWS = 10  # a header row is looked for this far down a sheet
SUBSTANCE_USE_TYPES = {"", "SA", "SU", "OTP", "BOTH"}  # type_facility: "MH" alone is mental health only


class ImportFailed(Exception):
    """A file that can't be read at all (not SAMHSA's, damaged, or openpyxl missing)."""


@dataclass
class Imported:
    """What the files gave: the facilities (first file first, duplicates merged) and the problems."""

    facilities: list[Facility] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # per file: "national-directory", ...
    latest_update: date | None = None  # the newest `last_update` in the data, if it has any
    left_out_mental_health: int = 0


@dataclass
class _Row:
    where: tuple[Path, str, int]  # file, sheet ("" for JSON), row (1-based as a person counts)
    values: dict[str, str]
    services: list[tuple[str, str]]  # (category code, service name)
    unknown: list[str] = field(default_factory=list)  # codes the file's key doesn't have


def import_files(paths: list[Path], zips: dict[str, tuple[float, float]]) -> Imported:
    """Every facility in `paths`, placed by its coordinates or else its ZIP code's centre."""
    result = Imported()
    seen: dict[tuple[str, str, str], int] = {}
    for path in paths:
        kind, rows = _read_any(path, result.problems)
        result.formats.append(kind)
        for row in rows:
            facility = _facility(row, zips, result)
            if facility is None:
                continue
            key = (facility.name.casefold(), facility.street.casefold(), facility.zip)
            if key in seen:  # the same facility in two files (the SU and MH directories): one row
                index = seen[key]
                old = result.facilities[index]
                languages = tuple(dict.fromkeys(old.languages + facility.languages))
                result.facilities[index] = replace(old, bits=old.bits | facility.bits, languages=languages)
            else:
                seen[key] = len(result.facilities)
                result.facilities.append(facility)
    return result


def _read_any(path: Path, problems: list[Problem]) -> tuple[str, list[_Row]]:
    if path.suffix.lower() == ".json":
        return "findtreatment-json", _read_json(path, problems)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_workbook(path, problems)
    raise ImportFailed(f"{path}: not a SAMHSA facility file (expected .xlsx or .json)")


# The FindTreatment JSON export


def _read_json(path: Path, problems: list[Problem]) -> list[_Row]:
    try:
        data = json.loads(path.read_bytes())
    except OSError as error:
        raise ImportFailed(f"{path}: cannot read file: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", 1)
        raise ImportFailed(f"{path}:{line}: not valid JSON: {error}") from None
    found = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(found, list):
        raise ImportFailed(f'{path}:1: no "rows" list: not a FindTreatment JSON export')
    rows = []
    for index, item in enumerate(found):
        where = (path, "", index + 1)
        if not isinstance(item, dict):
            problems.append(_problem(where, "not a facility (expected an object)"))
            continue
        values = {key: _text(value) for key, value in item.items() if key != "services"}
        values["type_facility"] = values.pop("typeFacility", values.get("type_facility", ""))
        services: list[tuple[str, str]] = []
        listed = item.get("services") or []
        for entry in listed if isinstance(listed, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("f3"), str):
                category = _text(entry.get("f2"))
                services += [(category, name.strip()) for name in entry["f3"].split(";") if name.strip()]
        rows.append(_Row(where, values, services))
    return rows


# The two workbooks


def _read_workbook(path: Path, problems: list[Problem]) -> tuple[str, list[_Row]]:
    try:
        import openpyxl
    except ImportError:
        raise ImportFailed("reading SAMHSA's workbooks needs openpyxl: pip install 'recovery-guide[locator]'") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise ImportFailed(f"{path}: cannot read file: {error.strerror or error}") from None
    except Exception as error:  # zipfile.BadZipFile, KeyError, InvalidFileException: all "not a workbook"
        raise ImportFailed(f"{path}: not a readable workbook ({type(error).__name__}: {error})") from None
    try:
        sheets = {sheet.title: _sheet_rows(sheet) for sheet in book.worksheets}
    finally:
        book.close()
    key, key_sheet = _code_key(sheets)
    for title, (header_at, header, body) in sheets.items():
        if "name1" not in header or title == key_sheet:
            continue
        if "service_code_info" in header:
            return "national-directory", _directory_rows(path, title, header_at, header, body, key, problems)
        return "findtreatment-workbook", _result_rows(path, title, header_at, header, body, key, problems)
    raise ImportFailed(f"{path}: no sheet with a 'name1' column: not a SAMHSA facility file")


def _sheet_rows(sheet) -> tuple[int, list[str], list[tuple]]:
    """(header row number, header names stripped and lower-case, the rows after it)."""
    rows = list(sheet.iter_rows(values_only=True))
    for index, row in enumerate(rows[:HEADER_ROWS]):
        header = ["_".join(_text(cell).lower().split()) for cell in row]  # "Service Code" -> service_code
        if "name1" in header or any(name in header for name in ("service_code", "code")):
            return index + 1, header, rows[index + 1 :]
    return 0, [], rows


def _code_key(sheets) -> tuple[dict[str, tuple[str, str]], str]:
    """The file's own code key, code -> (category code, service name), and its sheet's title."""
    for title, (_at, header, body) in sheets.items():
        code = _column(header, "service_code", "code")
        name = _column(header, "service_name", "name", "description", "service_description")
        category = _column(header, "category_code", "category")
        if code is None or name is None or "name1" in header:
            continue
        key = {}
        for row in body:
            found = _text(row[code] if code < len(row) else "").upper()
            if found:
                label = _text(row[name] if name < len(row) else "")
                group = _text(row[category]) if category is not None and category < len(row) else ""
                key[found] = (group.upper(), label)
        return key, title
    return {}, ""


def _column(header: list[str], *names: str) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _directory_rows(path, title, header_at, header, body, key, problems) -> list[_Row]:
    if not key:
        problems.append(Problem(path, 1, "no code key sheet: the facilities' services can't be read", "warning"))
    rows = []
    for offset, cells in enumerate(body):
        where = (path, title, header_at + 1 + offset)
        values = _cells(header, cells)
        if not any(values.values()):
            continue  # an empty row (a workbook's trailing rows)
        codes = [code for code in values.pop("service_code_info", "").upper().split() if code.strip("*")]
        services, unknown = _services(codes, key)
        rows.append(_Row(where, values, services, unknown))
    return rows


def _result_rows(path, title, header_at, header, body, key, problems) -> list[_Row]:
    if not key:
        raise ImportFailed(f"{path}: no 'service code reference' sheet: the facilities' services can't be read")
    service_columns = [(i, name.upper()) for i, name in enumerate(header) if name.upper() in key]
    rows = []
    for offset, cells in enumerate(body):
        where = (path, title, header_at + 1 + offset)
        values = _cells(header, cells)
        if not any(values.values()):
            continue
        codes = [code for i, code in service_columns if i < len(cells) and _text(cells[i]) == "1"]
        services, _unknown = _services(codes, key)
        rows.append(_Row(where, values, services))
    return rows


def _cells(header: list[str], cells: tuple) -> dict[str, str]:
    values = {name: _text(cells[i]) for i, name in enumerate(header) if name and i < len(cells)}
    number = cells[header.index("zip")] if "zip" in header and header.index("zip") < len(cells) else None
    if isinstance(number, int | float) and not isinstance(number, bool) and 0 < number < 100000:
        values["zip"] = f"{int(number):05d}"  # Excel keeps 02134 as the number 2134
    return values


def _services(codes: list[str], key) -> tuple[list[tuple[str, str]], list[str]]:
    services, unknown = [], []
    for code in codes:
        code = code.strip("*")
        if code in key:
            services.append(key[code])
        elif code:
            unknown.append(code)
    return services, unknown


# One row -> one Facility


def _facility(row: _Row, zips, result: Imported) -> Facility | None:
    values, problems = row.values, result.problems
    name = " ".join(values.get("name1", "").split())
    if not name:
        problems.append(_problem(row.where, "no name (name1): left out"))
        return None
    kind = values.get("type_facility", "").upper()
    if kind not in SUBSTANCE_USE_TYPES:
        result.left_out_mental_health += 1
        return None
    typed = values.get("zip", "").strip()
    zip_match = ZIP_RE.match(typed)
    if not zip_match:
        problems.append(_problem(row.where, f"'{name}': ZIP code {typed!r} is not a 5-digit ZIP code: left out"))
        return None
    zip_code = zip_match.group(1)
    phone, intake = _phone(values.get("phone", "")), _phone(values.get("intake1", ""))
    if not (phone or intake):
        problems.append(_problem(row.where, f"'{name}': no phone number a visitor can call: left out"))
        return None
    place = _coordinates(values.get("latitude", ""), values.get("longitude", ""))
    placed_by_zip = place is None
    if place is None:
        if values.get("latitude") or values.get("longitude"):
            problems.append(_problem(row.where, f"'{name}': coordinates not usable: placed at its ZIP code's centre"))
        place = zips.get(zip_code)
        if place is None:
            problems.append(_problem(row.where, f"'{name}': ZIP code {zip_code} is not a known ZIP code: left out"))
            return None
    for code in row.unknown:
        problems.append(_problem(row.where, f"'{name}': code '{code}' is not in the file's code key: ignored"))
    bits, languages = 0, []
    for category, service in row.services:
        bits |= features_of(category, service)
        if language := language_of(category, service):
            languages.append(language)
    updated = _date(values.get("last_update", ""))
    if updated and (result.latest_update is None or updated > result.latest_update):
        result.latest_update = updated
    street = ", ".join(p for p in (" ".join(values.get(k, "").split()) for k in ("street1", "street2")) if p)
    city, state = " ".join(values.get("city", "").split()), values.get("state", "").strip().upper()
    identity = "\n".join((name.casefold(), street.casefold(), zip_code))
    return Facility(
        id=short_digest(identity.encode("utf-8"))[:16],
        name=name,
        name2=" ".join(values.get("name2", "").split()),
        street=street,
        city=city,
        state=state,
        zip=zip_code,
        phone=phone or intake,
        intake_phone=intake if intake != phone else "",
        website=values.get("website", "").strip(),
        lat=round(place[0], 5),
        lon=round(place[1], 5),
        placed_by_zip=placed_by_zip,
        bits=bits,
        languages=tuple(dict.fromkeys(languages)),
    )


def _problem(where: tuple[Path, str, int], message: str) -> Problem:
    path, sheet, row = where
    if sheet:
        return Problem(path, row, f"sheet '{sheet}', row {row}: {message}", "warning")
    return Problem(path, 1, f"rows[{row - 1}] (facility {row}): {message}", "warning")


def _phone(text: str) -> str:
    """A US phone number as a visitor reads it, "217-555-0100" (an extension kept), or ""."""
    number, *extension = re.split(r"(?i)\s*(?:x|ext\.?)\s*(?=\d)", text, maxsplit=1)
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return ""
    extension = re.sub(r"\D", "", "".join(extension))
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" + (f" x{extension}" if extension else "")


def _coordinates(lat: str, lon: str) -> tuple[float, float] | None:
    try:
        found = float(lat), float(lon)
    except ValueError:
        return None
    if found == (0.0, 0.0) or not (-90 <= found[0] <= 90 and -180 <= found[1] <= 180):
        return None
    return found


def _date(text: str) -> date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%m/%d/%Y", "%Y%m%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _text(value) -> str:
    """A cell or JSON value as text ("" for empty); whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()
