"""A kiosk visit, watched by strace on the real display: from the moment start-up has settled to
the moment the visit ends, no file anywhere is opened for writing, created, renamed, removed or
touched, by any thread; the end of the visit writes the feedback database and nothing else.

tests/ui/test_visit_writes_nothing.py checks the same by listing the guide's folders.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tracing import WRITES, changes, cut, strace

from guide.kiosk.rules import MIN_ITERATIONS, hash_pin

DRIVER = Path(__file__).with_name("session_driver.py")
TRACED = f"%file,{WRITES}"
MARKERS = ("visit-begins.marker", "visit-ends.marker", "visit-ended.marker")


@pytest.fixture(autouse=True)
def needs_strace():
    if subprocess.run(["which", "strace"], capture_output=True).returncode:
        pytest.skip("no strace")  # tests/real_display.py says what to install, and fails on CI


@pytest.fixture
def kiosk_home(tmp_path) -> Path:
    """A kiosk's HOME: its config (kiosk mode, the staff PIN) in the usual place, nothing else."""
    home = tmp_path / "home"
    config = home / "config" / "recovery-guide" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[kiosk]\nenabled = true\nadmin_pin_sha256 = "{hash_pin("2468", iterations=MIN_ITERATIONS)}"\n')
    config.chmod(0o600)
    return home


def test_a_kiosk_visit_writes_no_file_and_its_end_only_the_feedback(tmp_path, kiosk_home):
    lines = strace(tmp_path, TRACED, sys.executable, str(DRIVER), str(tmp_path), "--kiosk",
                   home=kiosk_home)  # fmt: skip
    start_up, visit, ending, leaving = cut(lines, *MARKERS)
    # Anywhere, not only in the guide's folders: nothing a visitor does reaches a disk (/tmp included).
    assert [change.line for change in changes(visit)] == []
    database = kiosk_home / "data" / "recovery-guide" / "feedback.sqlite"
    feedback = {f"{database}{end}" for end in ("", "-wal", "-shm", "-journal")}
    feedback |= {str(folder) for folder in database.parents if folder.is_relative_to(kiosk_home)}  # made for it
    ended = {path for change in changes(ending) for path in change.paths}
    assert str(database) in ended and ended <= feedback  # the visit's answer and comment, and nothing else
    # Leaving (the staff exit): SQLite folds its write-ahead log into the database, nothing else.
    assert {path for change in changes(leaving) for path in change.paths} <= feedback
    # Start-up fills the caches (the start page, the article headers), in the cache folder only.
    started = {path for change in changes(start_up) for path in change.paths}
    assert str(kiosk_home / "cache" / "recovery-guide" / "pages") in started
    assert {path for path in started if not Path(path).is_relative_to(kiosk_home / "cache")} == set()
