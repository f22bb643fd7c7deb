"""Config: the clinic's settings from a TOML file, checked strictly before anything starts.

An unknown key, a wrong type or a value out of range stops the start-up with one message naming
the file, the line and what is allowed, so a kiosk never runs half-configured.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from guide.files import line_of, read_toml
from guide.kiosk.rules import MAX_ITERATIONS, MIN_ITERATIONS, valid_pin_hash
from guide.languages import codes
from guide.themes import THEME_NAMES


class ConfigError(Exception):
    """A config file that can't be used; the message names the file and line."""


class KioskConfig(NamedTuple):
    enabled: bool = False
    idle_seconds: int = 90
    warning_seconds: int = 15
    admin_pin_sha256: str = ""
    printer: str = ""


class DisplayConfig(NamedTuple):
    theme: str = "system"  # system (follow the desktop), light, dark or high-contrast
    reduce_motion: bool = False  # a drag still scrolls, but nothing glides or bounces (guide/ui/kinetic.py)


class LocatorConfig(NamedTuple):
    clinic_zip: str = ""  # the clinic's ZIP code: "Find treatment near you" starts near it


class SpeechConfig(NamedTuple):
    engine: str = ""  # a QtTextToSpeech engine ("speechd"; "mock" in tests); "": no reading aloud


class Config(NamedTuple):
    language: str = "en"
    content: tuple[Path, ...] = ()
    kiosk: KioskConfig = KioskConfig()
    display: DisplayConfig = DisplayConfig()
    locator: LocatorConfig = LocatorConfig()
    speech: SpeechConfig = SpeechConfig()
    path: Path | None = None


_TYPES = {bool: "true or false", int: "a whole number", str: "text in quotes"}
# Whole seconds. A day at most: Qt's timers count milliseconds in 32 bits (24.8 days), and a
# kiosk that waits longer than a day to wipe a visit is a mistake anyway.
IDLE_SECONDS = (10, 86_400)
MAX_TEXT = 200  # a printer's name


def load_config(path: Path | None) -> Config:
    """Read `path`; None (no file given and none in the usual place) means the defaults."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        data, problem = read_toml(path)
    except RecursionError:  # tomllib recurses per nested array or inline table
        raise ConfigError(f"{path}:1: not valid TOML: arrays or tables nested too deeply") from None
    if problem is not None:
        raise ConfigError(f"{problem.path}:{problem.line}: {problem.message}")
    return _build(data, path)


def _build(data: dict, path: Path) -> Config:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{line_of(path, key)}: {message}")

    known = {"language", "content", "kiosk", "display", "locator", "speech"}
    for key in data:
        if key not in known:
            raise fail(key, f"unknown setting '{key}' (known: {', '.join(sorted(known))})")
    language = data.get("language", "en")
    if language not in codes():
        raise fail("language", f"language must be one of {', '.join(codes())}, not {language!r}")
    content = data.get("content", [])
    if not isinstance(content, list) or not all(isinstance(c, str) for c in content):
        raise fail("content", 'content must be a list of folder names, like ["clinic-pack"]')
    packs = tuple((path.parent / c).resolve() for c in content)
    for pack in packs:
        if not pack.is_dir():
            raise fail(str(pack.name), f"content folder not found: {pack}")
    kiosk = _section(data, "kiosk", KioskConfig, fail)
    display = _section(data, "display", DisplayConfig, fail)
    locator = _section(data, "locator", LocatorConfig, fail)
    if locator.clinic_zip and not (
        len(locator.clinic_zip) == 5 and locator.clinic_zip.isascii() and locator.clinic_zip.isdigit()
    ):
        raise fail(
            "clinic_zip",
            f'[locator] clinic_zip must be a 5-digit ZIP code in quotes, like "62701", not {locator.clinic_zip!r}',
        )
    if display.theme not in THEME_NAMES:
        raise fail("theme", f"display.theme must be one of {', '.join(THEME_NAMES)}, not {display.theme!r}")
    if kiosk.admin_pin_sha256 and not valid_pin_hash(kiosk.admin_pin_sha256):
        raise fail(
            "admin_pin_sha256",
            "[kiosk] admin_pin_sha256 is not a PIN hash made by this guide (pbkdf2-sha256, "
            f"{MIN_ITERATIONS:,} to {MAX_ITERATIONS:,} iterations): set it with 'guide kiosk set-pin'",
        )
    low, high = IDLE_SECONDS
    if not low <= kiosk.idle_seconds <= high:
        raise fail(
            "idle_seconds",
            f"[kiosk] idle_seconds must be a whole number from {low} to {high}, not {kiosk.idle_seconds}",
        )
    if not 1 <= kiosk.warning_seconds < kiosk.idle_seconds:
        raise fail(
            "warning_seconds",
            f"[kiosk] warning_seconds must be a whole number from 1 to {kiosk.idle_seconds - 1} "
            f"(less than idle_seconds), not {kiosk.warning_seconds}",
        )
    if len(kiosk.printer) > MAX_TEXT:
        raise fail("printer", f"[kiosk] printer must be at most {MAX_TEXT} characters")
    speech = _section(data, "speech", SpeechConfig, fail)
    return Config(
        language=language, content=packs, kiosk=kiosk, display=display, locator=locator, speech=speech, path=path
    )


def _section(data: dict, name: str, kind: type, fail):
    """A [section] of the config as `kind`, every key known and of the right type."""
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise fail(name, f"{name} must be a section: [{name}]")
    known = set(kind._fields)
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise fail(key, f"unknown setting '{name}.{key}' (known: {', '.join(sorted(known))})")
        wanted = type(getattr(kind(), key))
        if type(value) is not wanted:  # bool is an int to isinstance; not here
            raise fail(key, f"[{name}] {key} must be {_TYPES[wanted]}, not {value!r}")
        values[key] = value
    return kind(**values)
