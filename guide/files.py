"""Reading the files content packs and configs are made of, with line numbers for problems."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from datetime import date
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


# Limits on what one pack file may be (docs/CONTENT.md, "Limits"): a bigger one is reported and
# skipped, so no pack can freeze the window or fill memory.
ARTICLE_LIMIT = 1_000_000  # bytes: about 150,000 words, far more than any page
TOML_LIMIT = 1024 * 1024  # bytes: room for a 10,000-item checklist (about 520 KB)


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` whole or not at all: a temporary file beside it, then a rename.

    A full disk or a crash leaves the old file as it was. `mode` is the new file's permissions
    (mkstemp's 0600 unless asked: a file other accounts must read, like a pack's, says so).
    """
    import tempfile  # only a writer needs it: not at start-up

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if mode != 0o600:
                os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def leaves(path: Path, root: Path) -> Problem | None:
    """A Problem when `path` (a link, or inside a linked folder) leads outside the folder `root`."""
    real = os.path.realpath(path)
    inside = os.path.realpath(root)
    if real == inside or real.startswith(inside.rstrip(os.sep) + os.sep):
        return None
    return Problem(path, 1, f"a link that leaves the pack (to {real}): only files inside the pack are read")


NOT_REGULAR = "not a regular file (a device, a FIFO or a folder): it is not read"


def open_regular(path: Path, limit: int):
    """An open binary stream on a regular file of at most `limit` bytes; raises ContentError
    for anything else. A special file (a FIFO, a device such as /dev/zero) is never opened:
    opening a FIFO waits for a writer for ever, and a device can be endless."""
    try:
        found = os.stat(path)
        if not stat.S_ISREG(found.st_mode):
            raise ContentError(Problem(path, 1, NOT_REGULAR))
        if found.st_size > limit:
            raise ContentError(Problem(path, 1, _too_large(found.st_size, limit)))
        # O_NONBLOCK: should it have become a FIFO since the stat, the open doesn't wait.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ContentError(Problem(path, 1, f"cannot read file: {error.strerror}")) from error
    stream = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
        stream.close()
        raise ContentError(Problem(path, 1, NOT_REGULAR))
    return stream


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raises ContentError for anything else."""
    with open_regular(path, limit) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise ContentError(Problem(path, 1, f"cannot read file: {error.strerror}")) from error
    if len(data) > limit:  # it grew since the stat
        raise ContentError(Problem(path, 1, _too_large(len(data), limit)))
    return data


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size // 1024:,} KB; at most {limit // 1024:,} KB): the file is skipped; split it"


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
    data, _lines, problem = read_toml_lines(path)
    return data, problem


def read_toml_lines(path: Path) -> tuple[dict | None, LineIndex | None, Problem | None]:
    """Parse a TOML file read once: its data and its lines (for problems), or say which line is broken."""
    try:
        text = decode(read_file(path, TOML_LIMIT), path)
    except ContentError as error:
        return None, None, error.problem
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return None, None, Problem(path, toml_error_line(error), f"not valid TOML: {message}")
    except RecursionError:  # tomllib recurses once per level of [ or {
        return None, None, Problem(path, _deepest_line(text), TOO_DEEP)
    if _depth(data) > TOML_NESTING:  # the same file must not load or fail with the stack's depth
        return None, None, Problem(path, _deepest_line(text), TOO_DEEP)
    return data, LineIndex(text), None


TOML_NESTING = 32  # levels of tables and arrays; a pack needs four
TOO_DEEP = f"arrays or tables nested too deeply to read (more than {TOML_NESTING} levels)"


def _depth(data) -> int:
    """How deep tables and lists nest in `data`, without recursing."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > TOML_NESTING:
            break
        children = value.values() if isinstance(value, dict) else value
        stack += [(child, level + 1) for child in children if isinstance(child, (dict, list))]
    return deepest


def _deepest_line(text: str) -> int:
    """The line where brackets first nest too deep (1 when they never seem to): where to look."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > TOML_NESTING:
                return number
    return 1


class LineIndex:
    """A file's lines, read once, for finding the line a problem is on."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def find(self, needle: str, occurrence: int = 1, start: int = 1) -> int:
        """The line holding `needle` for the `occurrence`-th time from line `start` on; else the
        first from line 1; else 1. A caller going through a file in order passes its last line
        as `start`, so reading every entry's line costs one pass, not one per entry."""
        for begin in (start, 1) if start > 1 else (1,):
            seen = 0
            for number in range(begin, len(self.lines) + 1):
                if needle in self.lines[number - 1]:
                    seen += 1
                    if seen == occurrence:
                        return number
        return 1

    def after(self, needle: str, start: int) -> int:
        """The first line at or after `start` holding `needle` (`start` when there is none)."""
        return next((n for n in range(start, len(self.lines) + 1) if needle in self.lines[n - 1]), start)

    def all(self, needle: str) -> list[int]:
        return [n for n, line in enumerate(self.lines, start=1) if needle in line]


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


def tables_of(data: dict, key: str, path: Path, lines: LineIndex, problems: list[Problem]) -> list[tuple[int, dict]]:
    """The `[[key]]` tables of a file with their index; a value of another shape is a Problem."""
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(path, lines.find(f"{key} ="), f"'{key}' must be tables written [[{key}]]"))
        return []
    tables = []
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            tables.append((index, entry))
        else:
            where = lines.find(f"{key} =")
            problems.append(
                Problem(path, where, f"{key} number {index + 1} is {entry!r:.40}, not a table written [[{key}]]")
            )
    return tables


def plain_text(value) -> str:
    """Text from a pack: a str as it is; numbers and dates (TOML keeps them) as written; else ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return str(value)
    return ""
