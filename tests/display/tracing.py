"""Running the guide under strace, and reading what the trace says it did to the file system.

Something the guide didn't write watches it: `strace -f -y` logs every system call of every
thread, with the path behind each file descriptor. Used by test_nothing_calls_out.py and
test_visit_writes_nothing.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("CONFIG", "CACHE", "DATA", "STATE")


def environment(home: Path) -> dict[str, str]:
    """The guide's environment with HOME and every XDG folder inside `home`, and no D-Bus address."""
    env = {key: value for key, value in os.environ.items() if key != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(
        {f"XDG_{name}_HOME": str(home / name.lower()) for name in FOLDERS},
        HOME=str(home),
        PYTHONPATH=str(ROOT),
    )
    return env


def strace(tmp_path: Path, syscalls: str, *command: str, home: Path | None = None) -> list[str]:
    """Run `command` under `strace -f -y -e trace=SYSCALLS`; the log's lines. Fails on a non-zero exit."""
    log = tmp_path / "strace.log"
    # Output to a file, not a pipe: a program the guide wrongly started (a bus daemon) would
    # hold a pipe open, and the test would wait for it instead of failing.
    with open(tmp_path / "output.txt", "w+") as output:
        code = subprocess.call(
            # -b execve: a program started is logged, then left untraced, so strace doesn't wait for it
            ["strace", "-f", "-qq", "-y", "-b", "execve", "-e", f"trace={syscalls}", "-o", str(log), *command],
            cwd=ROOT,
            env=environment(home or tmp_path / "home"),
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=120,
        )
        output.seek(0)
        said = output.read()
    lines = log.read_text(errors="replace").splitlines()
    for pid in {int(line.split()[0]) for line in lines[1:]} - {int(lines[0].split()[0])}:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # what the guide started: never left running
    assert code == 0, said[-3000:]
    return lines


# A call's name and arguments, on its own line or the first half of an interrupted one
# ("<unfinished ...>"); the "resumed" second half repeats no arguments and is skipped.
_CALL = re.compile(r"^\d+ +(\w+)\((.*)$")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_FD_PATH = re.compile(r"(?:\d+|AT_FDCWD)<([^>]*)>")
# What -y shows for a descriptor that is no file on a disk: a socket, a pipe, an eventfd, a
# memfd (Qt's shared-memory images for the X server), the null device.
_NOT_A_FILE = re.compile(r"(?:socket|UNIX|UNIX-STREAM|TCP|UDP|NETLINK|pipe|anon_inode):|/memfd:|/dev/null$")
_OPEN_FOR_WRITING = re.compile(r"\bO_(?:WRONLY|RDWR|CREAT|TRUNC|APPEND)\b")
# Calls that change the file system whatever their flags (tried, whether or not they worked).
CHANGING = frozenset(
    {
        *("creat", "rename", "renameat", "renameat2", "unlink", "unlinkat", "rmdir", "mkdir", "mkdirat"),
        *("link", "linkat", "symlink", "symlinkat", "mknod", "mknodat", "truncate"),
        *("utime", "utimes", "utimensat", "futimesat", "chmod", "fchmodat", "fchmodat2", "chown", "lchown", "fchownat"),
        *("setxattr", "lsetxattr", "removexattr", "lremovexattr"),
    }
)

# Calls on a descriptor: a file opened for writing before the visit, written during it, or a
# file's times or owner changed through it. -y names the file behind the descriptor.
ON_DESCRIPTORS = frozenset(
    {
        *("write", "writev", "pwrite64", "pwritev", "pwritev2", "ftruncate", "fallocate"),
        *("fchmod", "fchown", "fsetxattr", "fremovexattr", "sendfile", "copy_file_range"),
    }
)
WRITES = ",".join(sorted(ON_DESCRIPTORS))  # to add to `-e trace=`: %file has the calls on paths


class Change(NamedTuple):
    """A call that changes (or opens for changing) a file: its name and the paths it names."""

    call: str
    paths: tuple[str, ...]
    line: str


def changes(lines: list[str]) -> list[Change]:
    """Every call in `lines` that opens a file for writing or otherwise changes the file system."""
    found = []
    for line in lines:
        match = _CALL.match(line)
        if not match:
            continue
        call, arguments = match.groups()
        opens = call in ("open", "openat", "openat2")
        if call in ON_DESCRIPTORS:
            descriptor = _FD_PATH.match(arguments)
            if descriptor and not _NOT_A_FILE.match(descriptor.group(1)):
                found.append(Change(call, (descriptor.group(1),), line))
        elif call in CHANGING or (opens and _OPEN_FOR_WRITING.search(arguments.split('"')[-1])):
            found.append(Change(call, _paths(arguments), line))
    return found


def _paths(arguments: str) -> tuple[str, ...]:
    """The absolute paths a call names: each string joined to the folder of the descriptor
    before it (AT_FDCWD</cwd>, 3</folder>), and a descriptor no string follows (the file itself)."""
    arguments = arguments.removesuffix(" <unfinished ...>").rsplit(") = ", 1)[0]  # not the result's descriptor
    paths, folder = [], None
    for piece in re.finditer(f"{_STRING.pattern}|{_FD_PATH.pattern}", arguments):
        if piece.group(1) is not None:
            name = piece.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape")
            paths.append(os.path.normpath(os.path.join(folder or str(ROOT), name)))  # the guide runs in ROOT
            folder = None
        else:
            if folder is not None and not piece.group(0).startswith("AT_FDCWD"):
                paths.append(folder)
            folder = piece.group(2)
    if folder is not None:
        paths.append(folder)
    return tuple(paths)


def cut(lines: list[str], *markers: str) -> list[list[str]]:
    """`lines` cut into len(markers) + 1 parts, at the first line naming each marker in turn."""
    parts, rest = [], lines
    for marker in markers:
        at = next((i for i, line in enumerate(rest) if marker in line), None)
        assert at is not None, f"the trace has no {marker}"
        parts.append(rest[:at])
        rest = rest[at + 1 :]
    return [*parts, rest]
