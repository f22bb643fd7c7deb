"""What the feedback store asks the disk: why a write failed, whether one could work now, and
how much room is left. It only looks (stat, access, statvfs); it writes and opens nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def file_identity(path: Path) -> tuple | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def damage(error: Exception) -> str:
    """ "corrupt" or "other" (a feedback table not the guide's) when the file should be moved aside."""
    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return "corrupt"
    if "other columns" in text or "no column named" in text or "not null constraint" in text:
        return "other"
    return ""


def write_failure(error: Exception, path: Path) -> str:
    """Why a write failed, in a few words for staff."""
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if path.is_dir():
        return "the path is a folder"
    if any(parent.exists() and not parent.is_dir() for parent in path.parents):
        return "a file is in the way of its folder"
    if "locked" in text or "busy" in text:
        return "locked by another program"
    if number == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return "the disk is full"
    if "disk i/o error" in text and free_bytes(path.parent) < 64 * 1024:  # SQLite's words when the WAL can't grow
        return "the disk is full (disk I/O error)"
    if number in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text or "unable to open" in text:
        return "read-only"  # made precise in _keep
    return f"cannot be written ({error})"


def free_bytes(folder: Path) -> int:
    try:
        status = os.statvfs(folder)
    except OSError:
        return 1 << 62
    return status.f_bavail * status.f_frsize


ROOM = 4096  # bytes: with less than a block free, not even the fallback file's line fits


def unwritable(path: Path, fallback: Path) -> str:
    """Why neither the database nor the fallback file could take an answer now, or "" when one
    could (or it cannot be told).

    It only looks (stat, access, statvfs): it changes no file's time, and it opens nothing, since
    closing any descriptor of the database would drop the locks SQLite holds on it in this process.
    access() binds root too for an immutable file or folder (chattr +i) and a read-only mount.
    Not seen here: an append-only database (chattr +a) or a lock held by another program; the
    write finds those, and the fallback file takes the answers."""
    folder = path.parent
    existing = next((p for p in (folder, *folder.parents) if os.path.lexists(p)), None)
    if existing is None:
        return ""
    if not existing.is_dir():
        return "a file is in the way of its folder"
    if room(existing) < ROOM:
        return "the disk is full"
    makes_files = os.access(existing, os.W_OK | os.X_OK)
    if existing != folder:  # the folder is gone: the write makes it again (FeedbackStore._connect)
        return "" if makes_files else "read-only folder"

    def takes(file: Path) -> bool:
        """An existing file that may be written, or a new one the folder can take."""
        if os.path.lexists(file):
            return file.is_file() and os.access(file, os.W_OK)
        return makes_files

    # In WAL mode a write needs the database and its -wal and -shm files (made in the folder).
    if all(takes(Path(f"{path}{extra}")) for extra in ("", "-wal", "-shm")) or takes(fallback):
        return ""
    if path.is_dir():
        return "the path is a folder"
    return "read-only database file" if makes_files else "read-only folder"


def room(folder: Path) -> int:
    """Bytes this process may still write on the folder's file system (root may use the reserve)."""
    try:
        status = os.statvfs(folder)
    except OSError:
        return 1 << 62
    root = getattr(os, "geteuid", lambda: -1)() == 0  # no geteuid on Windows
    return (status.f_bfree if root else status.f_bavail) * status.f_frsize


def disk_reason(path: Path) -> str:
    """What another process (`guide feedback summary`) can tell without writing."""
    if path.is_dir():
        return "the path is a folder"
    if not os.access(path.parent, os.W_OK):
        return "read-only folder"
    if path.exists() and not os.access(path, os.W_OK):
        return "read-only database file"
    return "not yet written to the database"
