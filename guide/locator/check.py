"""What `guide check` says about a pack's locator file. Qt-free."""

from __future__ import annotations

from datetime import date

from guide.files import Problem
from guide.locator.store import LocatorFileError, directory_at


def check_locator(library, today: date) -> list[Problem]:
    """The locator file: unreadable, what its import left out, and an age over a year."""
    if library.locator is None:
        return []
    try:
        directory = directory_at(library.locator)
    except LocatorFileError as error:
        return [error.problem]
    path = library.locator
    found = [Problem(path, 1, f"from {where}: {message}", "warning") for where, message in directory.problems]
    if directory.is_stale(today):
        found.append(
            Problem(
                path,
                1,
                f"the facility data is from {directory.as_of or directory.imported} ({directory.age_days(today)} "
                "days old): visitors are told it may be out of date; import a newer edition (docs/LOCATOR.md)",
                "warning",
            )
        )
    return found


def locator_summary(library, today: date) -> str:
    """One line for `guide check`: how many facilities, from what, and how old; "" without a file."""
    if library.locator is None:
        return ""
    try:
        directory = directory_at(library.locator)
    except LocatorFileError:
        return ""
    return (
        f"{library.locator}: {len(directory.facilities)} facilities, {directory.source} ({directory.edition}), "
        f"data as of {directory.as_of or directory.imported} ({directory.age_days(today)} days old), "
        f"imported {directory.imported}"
    )
