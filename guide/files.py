"""Reading the files content packs and configs are made of, with line numbers for problems."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import NamedTuple

try:  # BLAKE2 is built into CPython; hashlib would load OpenSSL too, about 3.5 ms at every start
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover (a Python built without it)
    from hashlib import blake2b as _blake2b

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def hasher():
    """A hash for cache keys and cache file names; its hexdigest() is 24 hex digits."""
    return _blake2b(digest_size=12)


def short_digest(data: bytes) -> str:
    """24 hex digits that change with `data`: for cache keys and cache file names."""
    return _blake2b(data, digest_size=12).hexdigest()


class Problem(NamedTuple):  # ordered by file, then line; cheaper to define than a dataclass
    """Something wrong in a content or config file, at a line a person can go to."""

    path: Path
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class ContentError(Exception):
    """A content file could not be used; carries the Problem to show."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def decode(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(Problem(path, line, "not valid UTF-8 text: save the file as UTF-8")) from error
    return text.removeprefix("\ufeff")


def toml_error_line(error: tomllib.TOMLDecodeError) -> int:
    """The line tomllib names in its message ('... (at line 3, column 7)')."""
    match = re.search(r"at line (\d+)", str(error))
    return int(match.group(1)) if match else 1


def read_toml(path: Path) -> tuple[dict | None, Problem | None]:
    """Parse a TOML file, or say which line is broken."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(path, 1, f"cannot read file: {error.strerror}")
    try:
        text = decode(data, path)
    except ContentError as error:
        return None, error.problem
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return None, Problem(path, toml_error_line(error), f"not valid TOML: {message}")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The line of a file holding `needle` for the `occurrence`-th time (1 when absent)."""
    seen = 0
    try:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if needle in line:
                seen += 1
                if seen == occurrence:
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
