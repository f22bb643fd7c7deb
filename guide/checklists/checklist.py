"""Symptom checklists: reading them, scoring answers, and noticing red flags.

A checklist informs; it never diagnoses. Every band's message says what the signs may mean
and names a next step, and a red-flag answer means crisis help at once, whatever the score.

Its records are NamedTuples, not frozen dataclasses: as immutable and as readable, and about ten
times cheaper to define, which counts at start-up (docs/PERFORMANCE.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from guide.files import ID_RE, LineIndex, Problem, read_toml_lines
from guide.languages import words


class Item(NamedTuple):
    id: str
    text: str
    note: str = ""
    red_flag: bool = False
    points: int = 1  # what ticking it adds to the score: signs differ (0: expected with prescribed use)
    message: str = ""  # said in the result when it is ticked, after the band's message


class Group(NamedTuple):
    title: str
    items: tuple[Item, ...]


class Band(NamedTuple):
    min: int
    max: int
    message: str


class Checklist(NamedTuple):
    id: str
    lang: str
    path: Path
    title: str
    intro: str
    article: str
    groups: tuple[Group, ...]
    bands: tuple[Band, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for group in self.groups for item in group.items)

    @property
    def highest(self) -> int:
        """The highest score: every item's points added up (the bands reach it)."""
        return sum(item.points for item in self.items)


class Result(NamedTuple):
    """What the answers add up to: a score, its band, any red flags ticked, and what the ticked
    items with a message of their own say (in the checklist's order)."""

    score: int
    band: Band | None
    red_flags: tuple[Item, ...]
    messages: tuple[str, ...] = ()

    @property
    def crisis(self) -> bool:
        return bool(self.red_flags)


def score(checklist: Checklist, ticked: set[str] | frozenset[str]) -> Result:
    """Score the ticked item ids (unknown ids are ignored) by their points; red flags are listed."""
    chosen = [item for item in checklist.items if item.id in ticked]
    points = sum(item.points for item in chosen)
    band = next((b for b in checklist.bands if b.min <= points <= b.max), None)
    messages = tuple(item.message for item in chosen if item.message)
    return Result(points, band, tuple(item for item in chosen if item.red_flag), messages)


class ChecklistError(ValueError):
    """A checklist that can't be used; `line` says where."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


def read_checklist(path: Path, lang: str) -> tuple[Checklist | None, list[Problem]]:
    """Read and check a checklist file; a broken one is None with the Problem saying why."""
    if not ID_RE.match(path.stem):
        return None, [
            Problem(
                path,
                1,
                f"invalid checklist id '{path.stem}': use lower-case letters, digits and hyphens in the file name",
            )
        ]
    data, lines, problem = read_toml_lines(path)
    if problem:
        return None, [problem]
    try:
        checklist = _build(path, lang, data, lines)
    except ChecklistError as error:
        return None, [Problem(path, error.line, str(error))]
    except (TypeError, AttributeError, KeyError, ValueError) as error:
        return None, [Problem(path, 1, f"not a checklist: {error}")]
    if checklist.article and not ID_RE.match(checklist.article):
        where = lines.find("article =")
        message = f"article '{checklist.article}' must be an article id (lower-case letters, digits and hyphens)"
        return checklist._replace(article=""), [Problem(path, where, message)]
    return checklist, []


def _build(path: Path, lang: str, data: dict, lines: LineIndex) -> Checklist:
    line_of = lines.find
    for key in ("title", "intro"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ChecklistError(f"needs a {key} (text in quotes)", line_of(f"{key} ="))
    groups = []
    seen: set[str] = set()
    total = 0  # the highest score: every item's points
    cursor = 1  # items are found in file order: each search starts at the last one's line
    for raw_group in _tables(data.get("groups", []), "groups", lines):
        items = []
        for raw in _tables(raw_group.get("items", []), "groups.items", lines):
            item_id = str(raw.get("id", ""))
            where = line_of(f'"{item_id}"', start=cursor) if item_id else line_of("[[groups.items]]", start=cursor)
            cursor = where
            if not ID_RE.match(item_id):
                raise ChecklistError(f"item id '{item_id}' must be lower-case letters, digits and hyphens", where)
            if item_id in seen:
                raise ChecklistError(f"duplicate item id '{item_id}'", line_of(f'"{item_id}"', occurrence=2))
            if not str(raw.get("text", "")).strip():
                raise ChecklistError(f"item '{item_id}' has no text", where)
            if not isinstance(raw.get("red_flag", False), bool):
                raise ChecklistError(f"item '{item_id}': red_flag must be true or false", where)
            points = raw.get("points", 1)
            if type(points) is not int or points < 0:
                raise ChecklistError(f"item '{item_id}': points must be a whole number, 0 or more", where)
            message = raw.get("message", "")
            if not isinstance(message, str):
                raise ChecklistError(f"item '{item_id}': message must be text in quotes", where)
            seen.add(item_id)
            total += points
            note = str(raw.get("note", ""))
            items.append(Item(item_id, str(raw["text"]), note, raw.get("red_flag", False), points, message.strip()))
        groups.append(Group(str(raw_group.get("title", "")), tuple(items)))
    if not seen:
        raise ChecklistError("has no items: add [[groups]] with [[groups.items]]", line_of("[[groups"))
    headers = lines.all("[[bands]]")
    bands: list[tuple[Band, int]] = []
    for index, raw in enumerate(_tables(data.get("bands", []), "bands", lines)):
        low, high, message = raw.get("min"), raw.get("max"), str(raw.get("message", ""))
        where = headers[index] if index < len(headers) else 1
        if type(low) is not int or type(high) is not int or low > high:
            raise ChecklistError(f"band min {low!r} / max {high!r} must be whole numbers, min <= max", where)
        if not message.strip():
            raise ChecklistError(f"band {low}-{high} has no message", where)
        bands.append((Band(low, high, message), where))
    bands.sort(key=lambda pair: pair[0].min)
    expected, where = 0, line_of("[[bands]]")
    for band, where in bands:
        if band.min > expected:
            raise ChecklistError(f"bands leave a gap: no band for score {expected}", where)
        if band.min < expected:
            raise ChecklistError(f"bands overlap at score {band.min}", where)
        expected = band.max + 1
    if expected != total + 1:
        raise ChecklistError(
            f"bands must cover every score from 0 to {total} (every item's points added up); "
            f"they end at {expected - 1}",
            where,
        )
    return Checklist(
        id=path.stem,
        lang=lang,
        path=path,
        title=data["title"].strip(),
        intro=data["intro"].strip(),
        article=str(data.get("article", "")),
        groups=tuple(groups),
        bands=tuple(band for band, _ in bands),
    )


def _tables(value, key: str, lines: LineIndex) -> list[dict]:
    """`value` when it is a list of tables ([[key]]); a ChecklistError at the key's line if not."""
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        where = lines.find(f"[[{key}]]") if f"[[{key}]]" in "\n".join(lines.lines) else lines.find(key.split(".")[-1])
        raise ChecklistError(f"'{key}' must be tables written [[{key}]]", where)
    return value


# The crisis words are part of the program, not of a content pack: they must be there, right,
# in every language, even if a pack is broken (guide/catalogues/<code>.toml, [crisis]). They
# never say "keep away from pills": to a person on a prescribed benzodiazepine that reads as
# "skip your dose", and a sudden stop can cause seizures (tests/core/test_safety_wording.py).
def crisis_text(lang: str) -> dict:
    """The crisis banner's title and lines, and the result's note, in `lang`."""
    return words(lang, "crisis")
