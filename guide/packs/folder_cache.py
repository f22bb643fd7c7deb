"""What was read from each file of a folder, remembered on disk between runs.

A content pack of thousands of articles would otherwise have every file opened at every start.
`read_folder` lists the folder (one `os.scandir` and one stat per file: that is what a warm start
costs) and reuses the remembered result of every file whose size, modification and change times
are what they were when it was read; only new or changed files are read again. Adding,
removing, renaming or editing a file in place is therefore always seen at the next start.

A file changed within `RACY_SECONDS` of being read could change again without its times moving
(file systems keep times in coarse steps, two seconds on FAT): such a file is not trusted and is
read again next time, as git does with "racily clean" files.

The cache is only ever an aid: one that is missing, unreadable, corrupt, from another version or
for another folder is ignored and written afresh; one that can't be written (a read-only or full
disk) is simply not kept. Nothing here raises for the cache's sake.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from guide.files import hasher, short_digest

FORMAT = 1  # bump when the layout of the cache file changes
RACY_SECONDS = 2.0


class Listing(NamedTuple):
    """The folder's matching files, by name, with what `read` made of each."""

    entries: list[tuple[str, Any]]
    # Changes whenever a file is added, removed, renamed or changed; "" when the files were not
    # stat'ed (no cache asked for).
    digest: str
    files_read: int  # how many files were opened this time (the rest came from the cache)
    error: str = ""  # why the folder could not be listed ("" when it could, or is not there)


def cache_file(cache_dir: Path, folder: Path) -> Path:
    """Where the results for `folder` are kept: one file per folder, named by its absolute path."""
    name = short_digest(os.fsencode(os.path.abspath(folder)))
    return cache_dir / f"{name}.json"


def read_folder(
    folder: Path,
    suffix: str,
    read: Callable[[Path], Any],
    cache: Path | None = None,
    version: str = "",
    use_stored: bool = True,
) -> Listing:
    """`read(path)` for every file in `folder` whose name ends with `suffix`, sorted by name.

    What `read` returns must come back unchanged through JSON (lists, not tuples). With `cache`
    (a file path, see `cache_file`), results are reused from it and it is kept up to date;
    `use_stored=False` reads every file and rewrites it (for a caller that found a stored result
    it can't use). `version` names the reader: a cache written by another one is not used.
    """
    if cache is None:
        found, error = _entries(folder, suffix)
        names = sorted(name for name, _entry in found)
        return Listing([(name, read(folder / name)) for name in names], "", len(names), error)
    scanned, error = _scan(folder, suffix)
    key = f"{FORMAT}:{version}"
    stored, digest = _load(cache, key, folder) if use_stored else ({}, "")
    margin = int(RACY_SECONDS * 1e9)
    rows: list[list] = []
    files_read = 0
    for name, stamp in scanned:
        row = stored.get(name)
        if _trusted(row, stamp, margin):
            rows.append(row)
        else:
            read_at = time.time_ns()
            rows.append([name, *(stamp or (-1, -1, -1)), read_at, read(folder / name)])
            files_read += 1
    changed = files_read or len(stored) != len(rows)
    if changed or not digest:
        digest = _digest(rows)
    if changed:
        _store(cache, {"format": key, "folder": os.path.abspath(folder), "digest": digest, "files": rows})
    return Listing([(row[0], row[5]) for row in rows], digest, files_read, error)


def _trusted(row: list | None, stamp: tuple[int, int, int] | None, margin: int) -> bool:
    """Whether a stored row [name, size, mtime_ns, ctime_ns, read at (ns), result] still
    stands for the file: same size and times, and those well before it was read."""
    try:
        return (
            stamp is not None
            and len(row) == 6
            and row[1] == stamp[0]
            and row[2] == stamp[1]
            and row[3] == stamp[2]
            and max(stamp[1], stamp[2]) < row[4] - margin  # not changed too close to being read
        )
    except (TypeError, KeyError):  # not a row: the cache is corrupt, so the file is read
        return False


def _entries(folder: Path, suffix: str) -> tuple[list[tuple[str, os.DirEntry]], str]:
    # What Path.glob("*" + suffix) finds (hidden files too; names compared as the system does),
    # without making a Path of each. A folder that is missing or can't be read has none; why it
    # can't be read is said (a missing one is no error).
    fold = str.lower if os.name == "nt" else str
    try:
        with os.scandir(folder) as entries:
            return [(entry.name, entry) for entry in entries if fold(entry.name).endswith(suffix)], ""
    except (FileNotFoundError, NotADirectoryError):
        return [], ""
    except OSError as error:
        return [], error.strerror or str(error)


def _scan(folder: Path, suffix: str) -> tuple[list[tuple[str, tuple[int, int, int] | None]], str]:
    """(name, (size, mtime_ns, ctime_ns)) by name; None for a file that can't be stat'ed."""
    scanned = []
    found, error = _entries(folder, suffix)
    for name, entry in found:
        try:
            stat = entry.stat()
            scanned.append((name, (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)))
        except OSError:
            scanned.append((name, None))  # a dangling link: read (and so reported) every time
    scanned.sort()
    return scanned, error


def _digest(rows: list[list]) -> str:
    digest = hasher()
    for row in rows:
        digest.update(f"{row[0]}\0{row[1]}\0{row[2]}\0{row[3]}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _load(cache: Path, key: str, folder: Path) -> tuple[dict[str, list], str]:
    """The stored rows by file name and their digest; nothing from an unusable cache."""
    try:
        check, _, text = cache.read_bytes().partition(b"\n")
        if check != b"%08x" % zlib.crc32(text):
            return {}, ""  # cut short or damaged (a power cut while it was written)
        data = json.loads(text)
        if data["format"] != key or data["folder"] != os.path.abspath(folder):
            return {}, ""
        return {row[0]: row for row in data["files"]}, str(data["digest"])
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return {}, ""  # missing, unreadable or corrupt: the files are read and it is written afresh


def _store(cache: Path, data: dict) -> None:
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        # ASCII, with \u escapes: a file name that isn't UTF-8 (a lone surrogate) comes back intact.
        text = json.dumps(data, separators=(",", ":")).encode("ascii")
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(b"%08x\n" % zlib.crc32(text) + text)
        os.replace(temporary, cache)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)  # a full or read-only disk: the files are read next time too
