"""Feedback when the disk says no: every answer is written, waits on disk, or the visitor is told.

Each test counts the answers in the database before and after, with a connection of its own.
Tests run as root here, and root ignores file modes: a read-only file or folder is made with
`chattr +i` (immutable, which binds root too), or with chmod when not root.
"""

import contextlib
import csv
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from guide.feedback.store import FeedbackStore, screen

ROOT = Path(__file__).resolve().parents[2]


def count(path: Path) -> int:
    for uri in (f"file:{path}", f"file:{path}?immutable=1"):  # the second where no -shm can be made
        connection = sqlite3.connect(uri, uri=True)
        try:
            return connection.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        finally:
            connection.close()
    raise AssertionError(f"{path} cannot be read")


def comments(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT comment FROM feedback WHERE comment != ''")]
    finally:
        connection.close()


def visit(store: FeedbackStore, answers: int = 4) -> list:
    """A visitor answers on `answers` pages and comments on the first."""
    given_ = [store.add(f"page-{number}", "en", number % 2 == 0) for number in range(answers)]
    store.add_comment(given_[0], "Clear and kind")
    return given_


def first_visit(path: Path) -> None:
    store = FeedbackStore(path)
    store.add("earlier", "en", True)
    assert store.flush().state == "saved"
    store.close()


def _ci_or_skip(message: str):
    pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


@pytest.fixture
def read_only():
    """Make a file or folder read-only even for root; undone after the test."""
    marked: list[Path] = []

    def mark(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o500 if path.is_dir() else 0o400)
        elif shutil.which("chattr") is None:
            _ci_or_skip("chattr (e2fsprogs) is needed to make a file read-only for root")
        elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            _ci_or_skip(f"this file system does not support chattr +i ({path})")
        marked.append(path)

    def undo(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o700 if path.is_dir() else 0o600)
        else:
            subprocess.run(["chattr", "-i", str(path)], check=True)

    mark.undo = lambda path: (undo(path), marked.remove(path))
    yield mark
    for path in marked:
        undo(path)


@pytest.fixture
def path(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "feedback.sqlite"


def test_answers_reach_the_disk_at_the_end_of_the_visit_not_when_given(path):
    store = FeedbackStore(path)
    answers = visit(store)
    assert not path.exists()  # nothing on disk tells when someone answered
    assert all(answer.outcome.state == "kept" for answer in answers)
    assert store.flush().state == "saved"
    assert count(path) == 4 and comments(path) == ["Clear and kind"]
    assert all(answer.outcome.state == "saved" for answer in answers)


def test_a_read_only_database_file_keeps_answers_in_the_fallback_file_until_it_can_be_written(path, read_only):
    first_visit(path)
    read_only(path)
    store = FeedbackStore(path)
    answers = visit(store)
    result = store.flush()
    assert result.state == "kept" and "read-only" in result.reason
    assert all(answer.outcome.state == "kept" for answer in answers)  # on disk, next to the database
    assert count(path) == 1
    assert "4 answers waiting in feedback.pending.jsonl" in store.problem()
    store.close()  # the guide stops while the file is still read-only
    read_only.undo(path)
    restarted = FeedbackStore(path)
    assert restarted.retry().state == "saved"
    assert count(path) == 5 and comments(path) == ["Clear and kind"]
    assert not path.with_name("feedback.pending.jsonl").exists() and restarted.problem() is None


def test_a_read_only_folder_tells_the_visitor_and_keeps_answers_in_memory(path, read_only):
    first_visit(path)
    read_only(path.parent)
    store = FeedbackStore(path)
    answers = visit(store)
    result = store.flush()
    assert result.state == "lost" and "read-only folder" in result.reason
    assert all(answer.outcome.state == "lost" for answer in answers)  # the visitor is told, not thanked
    assert store.add("later", "en", True).outcome.state == "lost"  # known at once for the next answer
    assert "read-only folder: 5 answers waiting in memory" in store.problem()
    assert count(path) == 1
    read_only.undo(path.parent)
    assert store.retry().state == "saved"
    assert count(path) == 6 and store.problem() is None


def test_a_lock_held_by_another_program_all_session_loses_nothing(path):
    first_visit(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    store = FeedbackStore(path)
    visit(store)
    result = store.flush()
    assert result.state == "kept" and "locked" in result.reason
    assert store.retry().state == "kept"  # still locked on the timer
    store.close()  # the guide stops; the lock is still held
    other.rollback()
    other.close()
    assert count(path) == 1
    restarted = FeedbackStore(path)
    assert restarted.retry().state == "saved"
    assert count(path) == 5


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB tmpfs, filled to the last byte by a filler file; None where mounting is not allowed."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        _ci_or_skip(f"mounting a 64 KB tmpfs is not allowed here: {mounted.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", "--lazy", str(mount_point)], check=True)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as stream, contextlib.suppress(OSError):
        while True:
            stream.write(b"\0" * 512)
    return filler


def test_a_full_disk_tells_the_visitor_and_writes_once_there_is_room(small_disk):
    path = small_disk / "feedback.sqlite"
    first_visit(path)
    filler = fill(small_disk)
    store = FeedbackStore(path)
    answers = visit(store, answers=40)
    store.add_comment(answers[1], "x" * 100)
    result = store.flush()
    assert result.state == "lost" and "disk is full" in result.reason
    assert count(path) == 1
    filler.unlink()
    assert store.retry().state == "saved"
    assert count(path) == 41
    store.close()


def test_a_full_disk_reported_by_sqlite_keeps_answers_in_the_fallback_file(path, monkeypatch):
    # The same fault where no tmpfs can be mounted: SQLite's own words for it.
    first_visit(path)
    store = FeedbackStore(path)
    visit(store)

    def full(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_write", full)
    result = store.flush()
    assert result.state == "kept" and "disk is full" in result.reason
    monkeypatch.undo()
    assert store.retry().state == "saved" and count(path) == 5


def test_a_folder_where_the_database_should_be(path):
    path.mkdir()
    store = FeedbackStore(path)
    visit(store)
    result = store.flush()
    assert result.state == "kept" and "is a folder" in result.reason
    assert "is a folder: 4 answers waiting in feedback.pending.jsonl" in store.problem()
    staff = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "feedback", "--data", str(path), "summary"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert staff.returncode == 1
    assert "feedback.sqlite: the path is a folder: 4 answers waiting in feedback.pending.jsonl" in staff.stderr
    path.rmdir()
    assert FeedbackStore(path).retry().state == "saved"
    assert count(path) == 4


def test_a_feedback_table_with_other_columns_is_moved_aside_and_a_new_one_started(path):
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY, page TEXT NOT NULL, score INTEGER NOT NULL)")
    other.execute("INSERT INTO feedback (page, score) VALUES ('x', 3)")
    other.commit()
    other.close()
    store = FeedbackStore(path)
    visit(store)
    assert store.flush().state == "saved"
    assert count(path) == 4
    (aside,) = path.parent.glob("feedback.other-*.sqlite")
    assert sqlite3.connect(aside).execute("SELECT page, score FROM feedback").fetchall() == [("x", 3)]


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_database_deleted_or_replaced_while_the_guide_runs_gets_the_later_answers(path, tmp_path, how):
    store = FeedbackStore(path)
    visit(store, answers=2)
    assert store.flush().state == "saved" and count(path) == 2
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    if how == "replaced":
        first_visit(tmp_path / "copy.sqlite")
        os.replace(tmp_path / "copy.sqlite", path)
    before = 0 if how == "deleted" else 1
    visit(store, answers=3)
    assert store.flush().state == "saved"
    assert count(path) == before + 3


def test_a_corrupt_database_in_a_read_only_folder_is_reported_once_and_answers_are_kept(path, read_only, caplog):
    path.write_bytes(b"this is not a database" * 100)
    read_only(path.parent)
    store = FeedbackStore(path)
    with caplog.at_level(logging.ERROR, logger="guide.feedback.store"):
        for _ in range(3):
            visit(store, answers=2)
            assert store.flush().state == "lost"
            assert store.retry().state == "lost"
    assert len([r for r in caplog.records if "damaged" in r.getMessage()]) == 1
    assert "damaged" in store.problem() and "6 answers waiting in memory" in store.problem()
    read_only.undo(path.parent)
    assert store.retry().state == "saved"
    assert count(path) == 6
    assert len(list(path.parent.glob("feedback.corrupt-*.sqlite"))) == 1


FORMULA = st.sampled_from("=+-@")
LEADING = st.text(st.sampled_from(" \t\r\n\u00a0"), max_size=4)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.tuples(LEADING, FORMULA, TEXT).map("".join), TEXT))
def test_no_exported_comment_can_start_a_spreadsheet_formula(comment):
    assume(not screen(comment))
    with tempfile.TemporaryDirectory() as folder:
        store = FeedbackStore(Path(folder) / "feedback.sqlite")
        answer = store.add("clonazepam", "en", True, day=date(2026, 11, 26))
        store.add_comment(answer, comment)
        store.flush()
        target = Path(folder) / "out.csv"
        store.export_csv(target)
        store.close()
        with target.open(newline="", encoding="utf-8") as stream:
            cell = list(csv.reader(stream))[1][4]
    stored = comment[:100]
    if stored.lstrip()[:1] in ("=", "+", "-", "@"):
        assert cell == "'" + stored
    else:
        assert cell == stored


# The first answer of a fresh store: told the truth before anything is written (issue 17)


def times(folder: Path) -> dict[str, tuple[int, int]]:
    """(mtime, ctime) of the folder and of every file and folder under it."""
    found = {}
    for entry in [folder, *folder.rglob("*")]:
        status = entry.lstat()
        found[str(entry.relative_to(folder))] = (status.st_mtime_ns, status.st_ctime_ns)
    return found


def make_read_only_file(path: Path, read_only) -> None:
    first_visit(path)
    read_only(path)


def make_read_only_folder(path: Path, read_only) -> None:
    first_visit(path)
    read_only(path.parent)


def make_read_only_file_and_folder(path: Path, read_only) -> None:
    make_read_only_file(path, read_only)
    read_only(path.parent)


def make_folder_in_the_way(path: Path, read_only) -> None:
    path.mkdir()


def make_file_in_the_way(path: Path, read_only) -> None:
    path.parent.rmdir()
    path.parent.write_text("in the way")  # where the data folder should be


def make_deleted_folder(path: Path, read_only) -> None:
    first_visit(path)
    shutil.rmtree(path.parent)  # staff (or a clean-up) took the data folder away while the guide runs


def make_deleted_folder_in_a_read_only_one(path: Path, read_only) -> None:
    make_deleted_folder(path, read_only)
    read_only(path.parent.parent)


FIRST_ANSWER = {  # fault: (what the visitor is told, why, what the write at the end of the visit then finds)
    make_read_only_file: ("kept", "", "kept"),  # the fallback file next to it takes the answer
    make_read_only_folder: ("lost", "read-only folder", "lost"),
    make_read_only_file_and_folder: ("lost", "read-only folder", "lost"),
    make_folder_in_the_way: ("kept", "", "kept"),  # the fallback file takes it
    make_file_in_the_way: ("lost", "a file is in the way of its folder", "lost"),
    make_deleted_folder: ("kept", "", "saved"),  # the folder is made again
    make_deleted_folder_in_a_read_only_one: ("lost", "read-only folder", "lost"),
}


@pytest.mark.parametrize("make", list(FIRST_ANSWER), ids=lambda make: make.__name__.removeprefix("make_"))
def test_the_first_answer_after_a_fault_is_told_the_truth_and_no_file_time_changes(path, read_only, make):
    told, why, at_the_end = FIRST_ANSWER[make]
    make(path, read_only)
    watched = path.parent.parent  # the data folder and what holds it: it may be gone, or a file
    before = times(watched)
    store = FeedbackStore(path)  # a fresh store: the guide has just started, nothing written yet
    answer = store.add("clonazepam", "en", True)
    store.add_comment(answer, "Clear and kind")
    assert answer.outcome.state == told, answer.outcome
    assert why in answer.outcome.reason
    assert times(watched) == before  # a look, not a write: no file's time says when someone answered
    if told == "lost":  # "staff have been told": the content problems page and `guide feedback summary`
        assert f"feedback.sqlite: {why}: 1 answers waiting in memory" == store.problem()
    assert store.flush().state == at_the_end  # the look foretold what the write found
    store.close()


def test_the_first_answer_on_a_full_disk_is_told_it_could_not_be_kept(small_disk):
    path = small_disk / "feedback.sqlite"
    first_visit(path)
    fill(small_disk)
    before = times(small_disk)
    store = FeedbackStore(path)
    answer = store.add("clonazepam", "en", False)
    assert answer.outcome.state == "lost" and answer.outcome.reason == "the disk is full"
    assert times(small_disk) == before
    assert store.flush().state == "lost"
    store.close()


def test_an_answer_after_the_fault_is_mended_is_told_kept_again(path, read_only):
    first_visit(path)
    read_only(path.parent)
    store = FeedbackStore(path)
    assert store.add("clonazepam", "en", True).outcome.state == "lost"
    read_only.undo(path.parent)
    assert store.add("benzodiazepines", "en", True).outcome.state == "kept"
    assert store.flush().state == "saved" and count(path) == 3  # the one told "lost" is written too
    assert store.problem() is None
