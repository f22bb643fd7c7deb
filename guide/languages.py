"""The languages the guide speaks, declared once: `guide/catalogues/registry.toml` lists them,
and each has one catalogue, `guide/catalogues/<code>.toml`.

A catalogue says how the language is written (its own name, its text direction, how a date
reads) and holds every word a page the guide makes shows: the words around an article
([page]), the checklist summary ([summary]), the crisis words ([crisis]) and the words of the
help lines kept when every pack's are broken ([fallback_helplines]). The widgets' words are
Qt's: `guide/ui/translations/guide_<code>.ts`. English is the source language: every catalogue
has its keys (tests/core/test_languages.py), and a word missing at run time is English.

Adding a language: its catalogue, its `.ts` file, and its code in registry.toml.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).with_name("catalogues")
SOURCE = "en"  # the language the guide is written in, and falls back to


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # its own name ("Español")
    direction: str  # "ltr" or "rtl"
    date_pattern: str  # "{day} de {month} de {year}"
    catalogue: Mapping[str, Mapping[str, Any]]

    def words(self, section: str) -> dict[str, Any]:
        """A section of the catalogue, with English for any word it lacks."""
        english = _read(FOLDER / f"{SOURCE}.toml").get(section, {})
        return {**english, **self.catalogue.get(section, {})}

    def format_date(self, day: date) -> str:
        month = self.words("page")["months"].split()[day.month - 1]
        return self.date_pattern.format(day=day.day, month=month, year=day.year)


_extra: dict[str, Path] = {}  # languages registered at run time (tests): code -> catalogue


@functools.cache
def _read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def _load(code: str, path: Path) -> Language:
    catalogue = _read(path)
    about = catalogue.get("language", {})
    return Language(
        code=code,
        name=about.get("name", code),
        direction=about.get("direction", "ltr"),
        date_pattern=about.get("date", "{day} {month} {year}"),
        catalogue=catalogue,
    )


def codes() -> tuple[str, ...]:
    """The languages' codes, in the order the language box lists them."""
    order = tuple(_read(FOLDER / "registry.toml")["order"])
    return order + tuple(code for code in _extra if code not in order)


def language(code: str) -> Language:
    """The language `code`, or English when the guide doesn't speak it."""
    if code in _extra:
        return _load(code, _extra[code])
    if code not in codes():
        code = SOURCE
    return _load(code, FOLDER / f"{code}.toml")


def catalogue_files(code: str) -> list[Path]:
    """The files a page's words in `code` come from (a page cached on disk is keyed on them)."""
    own = _extra.get(code, FOLDER / f"{code}.toml")
    return [FOLDER / f"{SOURCE}.toml"] + ([own] if own.is_file() and code != SOURCE else [])


def words(code: str, section: str) -> dict[str, Any]:
    return language(code).words(section)


@contextlib.contextmanager
def registered(code: str, catalogue: Path) -> Iterator[Language]:
    """Speak one more language while inside (a made-up one, in tests)."""
    _extra[code] = catalogue
    try:
        yield language(code)
    finally:
        del _extra[code]
