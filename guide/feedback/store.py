"""Anonymous feedback: "Was this page helpful?", screened, stored safely, exported for staff.

Nothing that could identify a visitor is kept: a comment that looks like it holds a phone
number, an e-mail address, a social media account, a date of birth, a name, a street address
or a long run of digits is refused before it is stored (guide/feedback/identifying.py, docs/PRIVACY.md),
and only the date is recorded, never the time of day (a quiet kiosk would give the person away).

When answers reach the disk (the rule the visitor's "thank you" depends on):

- An answer is kept in memory while the visit lasts and written at the end of the visit (the
  window's session reset, its idle reset, the guide's exit) or by `retry()` on a coarse timer,
  all of a visit's answers in one transaction: the files' times say when a visit ended, not when
  a visitor answered.
- Until then the answer is "kept": in memory, to be written, unless a look at the disk when it is
  given (`unwritable`: stat, access and statvfs; nothing opened, nothing written, no file's time
  changed) shows that neither the database nor the fallback file could take it: then it is "lost"
  at once, and staff see why. If the write fails, the answers go
  to a small fallback file next to the database (`feedback.pending.jsonl`: JSON lines, appended,
  fsynced), still "kept", and they are written to the database by a later `retry()`, in this run
  or the next. If that file cannot be written either, the answers are "lost" unless a retry in
  this run succeeds: the visitor is told plainly that the answer could not be kept, and every
  answer given while the store is known to fail is told so at once.
- The store never raises for a disk fault. A deleted or replaced database file is noticed before
  each write and started again; a damaged one (or one whose `feedback` table is not the guide's)
  is moved aside and a fresh one started; when even that fails (a read-only folder), it is
  reported once and not tried again until the file or its folder changes. `problem()` says what
  is wrong for staff, in a line.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from guide.feedback.disk import damage, disk_reason, file_identity, unwritable, write_failure
from guide.feedback.identifying import REASONS, helpline_numbers, screen

__all__ = ["MAX_COMMENT", "REASONS", "FeedbackStore", "RefusedComment", "helpline_numbers", "screen"]

if TYPE_CHECKING:  # SQLite is loaded with the first write, not at start-up
    import sqlite3

log = logging.getLogger(__name__)

MAX_COMMENT = 100


class RefusedComment(ValueError):
    """A comment that could identify someone; `kinds` says what it looked like (REASONS' keys)."""

    def __init__(self, kinds: list[str]):
        super().__init__(", ".join(REASONS[k] for k in kinds))
        self.kinds = kinds


@dataclass(frozen=True)
class Outcome:
    """What became of answers: "saved" (in the database), "kept" (to be written: in memory until the
    end of the visit, or in the fallback file) or "lost" (could not be kept on this computer);
    `reason` says why they are not in the database, for staff."""

    state: str
    reason: str = ""


SAVED = Outcome("saved")
_COLUMNS = {"id", "article_id", "language", "helpful", "comment", "day"}


@dataclass
class Answer:
    """One visitor's answer about one page; `row` is set once it is in the database."""

    article_id: str
    language: str
    helpful: bool
    day: date
    comment: str = ""
    row: int | None = None
    outcome: Outcome = Outcome("kept")
    in_file: bool = False  # its latest version waits in the fallback file
    key: str = field(default_factory=lambda: os.urandom(16).hex())  # random: names the answer in the fallback file


class FeedbackStore:
    """SQLite in WAL mode, written a visit at a time; a fallback file and memory for when the disk says no."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.fallback = self.path.with_name(f"{self.path.stem}.pending.jsonl")
        self.pending: list[Answer] = []
        self._connection: sqlite3.Connection | None = None
        self._identity: tuple | None = None  # the file the open connection writes
        self._reason = ""  # why the last write failed ("" when it worked)
        self._file_works = True  # the fallback file took the last answers it was given
        self._stuck: tuple | None = None  # a damaged file that could not be moved aside, and its folder
        self._stuck_reason = ""
        self._loaded = False  # the fallback file's answers are in `pending`
        self._probed = False  # `_reason` comes from a look at the disk (`unwritable`), not from a write

    def add(self, article_id: str, language: str, helpful: bool, day: date | None = None) -> Answer:
        """Keep an answer for the end of the visit; its `outcome` says what the visitor may be told."""
        answer = Answer(article_id, language, helpful, day or date.today(), outcome=self._promise())
        self.pending.append(answer)
        return answer

    def add_comment(self, answer: Answer, comment: str, allowed: Iterable[str] = ()) -> None:
        """Attach a screened comment to an answer already given; raises RefusedComment. `allowed`:
        help-line numbers a comment may quote (the pack's; the national ones always may)."""
        found = screen(comment, allowed)
        if found:
            raise RefusedComment(found)
        answer.comment = comment[:MAX_COMMENT]
        answer.in_file = False
        answer.outcome = self._promise()
        if answer not in self.pending:
            self.pending.append(answer)

    def waiting(self) -> bool:
        """Whether answers wait to be written (in memory or in the fallback file)."""
        return bool(self.pending) or self.fallback.is_file()

    def flush(self) -> Outcome:
        """Write what is waiting (the end of a visit); never raises for a disk fault."""
        import sqlite3

        self._load_fallback()
        if not self.pending:
            return SAVED
        for _attempt in range(3):
            if self._stuck is not None and self._stuck == self._stuck_key():
                return self._keep(self._stuck_reason)  # reported once; tried again when the files change
            try:
                self._write(self.pending)
                break
            except sqlite3.DatabaseError as error:
                kind = damage(error)
                if kind and self._move_aside(error, kind):
                    continue
                return self._keep(self._stuck_reason if kind else write_failure(error, self.path))
            except OSError as error:
                return self._keep(write_failure(error, self.path))
        else:
            return self._keep("damaged again after a fresh start")
        for answer in self.pending:
            answer.outcome = SAVED
        self.pending.clear()
        self._reason, self._file_works, self._probed = "", True, False
        self._drop_fallback()
        return SAVED

    retry = flush  # what the window's coarse timer and its exit call

    def problem(self) -> str | None:
        """One line for staff when answers are not reaching the database, else None."""
        in_memory = sum(not answer.in_file for answer in self.pending)
        in_file = len(self._read_fallback()) if self.fallback.is_file() else 0
        if not (in_memory or in_file) or not (self._reason or in_file):
            return None
        where = []
        if in_file:
            where.append(f"{in_file} answers waiting in {self.fallback.name}")
        if in_memory:
            where.append(f"{in_memory} answers waiting in memory")
        reason = self._reason or disk_reason(self.path)
        return f"{self.path.name}: {reason}: {' and '.join(where)}"

    def close(self) -> None:
        """Let go of the database (what happens when the guide stops)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def rows(self, since: date | None = None) -> list[tuple]:
        connection = self._connect()
        query = "SELECT day, article_id, language, helpful, comment FROM feedback"
        if since:
            return connection.execute(query + " WHERE day >= ? ORDER BY day, id", (since.isoformat(),)).fetchall()
        return connection.execute(query + " ORDER BY day, id").fetchall()

    def export_csv(self, target: Path, since: date | None = None) -> int:
        """Write the answers (from `since` on) to CSV; returns how many rows."""
        import csv

        rows = self.rows(since)
        with target.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["date", "article", "language", "helpful", "comment"])
            for day, article_id, language, helpful, comment in rows:
                # A comment the screen would refuse now (the rules may have grown) is left out.
                safe = comment if not screen(comment) else ""
                writer.writerow([day, article_id, language, "yes" if helpful else "no", _no_formula(safe)])
        return len(rows)

    def summary(self) -> list[tuple[str, int, int]]:
        """Per article: (article id, yes, no), most answered first."""
        return (
            self._connect()
            .execute(
                "SELECT article_id, SUM(helpful), SUM(1 - helpful) FROM feedback GROUP BY article_id "
                "ORDER BY COUNT(*) DESC, article_id"
            )
            .fetchall()
        )

    # Writing

    def _promise(self) -> Outcome:
        """What a new answer can be told now: kept, unless the last write failed and so did the file,
        or the disk shows now that neither the database nor the fallback file can be written."""
        if self._reason and not self._file_works and not self._probed:
            return Outcome("lost", self._reason)
        why = unwritable(self.path, self.fallback)
        if why:
            if why != self._reason:
                log.warning("feedback cannot be written to %s or next to it (%s); answers in memory", self.path, why)
            self._reason, self._file_works, self._probed = why, False, True
            return Outcome("lost", why)
        if self._probed:  # mended since the last look
            self._reason, self._file_works, self._probed = "", True, False
        return Outcome("kept", self._reason)

    def _write(self, answers: list[Answer]) -> None:
        """All the answers in one transaction: either all are in the database or none is."""
        connection = self._connect()
        rows = {}
        with connection:
            for answer in answers:
                if answer.row is not None:
                    updated = connection.execute(
                        "UPDATE feedback SET comment = ? WHERE id = ? AND article_id = ? AND day = ?",
                        (answer.comment, answer.row, answer.article_id, answer.day.isoformat()),
                    )
                    if updated.rowcount == 1:
                        continue  # else its row went with a deleted or replaced file: write it again
                cursor = connection.execute(
                    "INSERT INTO feedback (article_id, language, helpful, comment, day) VALUES (?, ?, ?, ?, ?)",
                    (answer.article_id, answer.language, int(answer.helpful), answer.comment, answer.day.isoformat()),
                )
                rows[answer.key] = cursor.lastrowid
        for answer in answers:
            answer.row = rows.get(answer.key, answer.row)

    def _keep(self, reason: str) -> Outcome:
        """The database said no: put the answers in the fallback file, or keep them in memory."""
        self.close()
        self._file_works = self._save_fallback()
        if reason == "read-only":  # which one: the fallback file next to it says whether the folder is
            reason = "read-only database file" if self._file_works else "read-only folder"
        if reason != self._reason:
            log.warning("feedback not written to %s (%s); answers kept for later", self.path, reason)
        self._reason, self._probed = reason, False
        for answer in self.pending:
            answer.outcome = Outcome("kept" if answer.in_file else "lost", reason)
        return Outcome("kept" if self._file_works else "lost", reason)

    def _connect(self) -> sqlite3.Connection:
        import sqlite3

        if self._connection is not None and file_identity(self.path) != self._identity:
            log.warning("feedback database %s was deleted or replaced; writing to the file there now", self.path)
            self.close()
        if self._connection is None:
            if self.path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(self.path))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=0.5)
            try:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, "
                    "language TEXT NOT NULL, helpful INTEGER NOT NULL, comment TEXT NOT NULL DEFAULT '', "
                    "day TEXT NOT NULL)"
                )
                connection.commit()
                columns = connection.execute("PRAGMA table_info(feedback)").fetchall()
                names = {column[1] for column in columns}
                required_others = [c[1] for c in columns if c[1] not in _COLUMNS and c[3] and c[4] is None]
                if not names >= _COLUMNS or required_others:
                    raise sqlite3.DatabaseError("the feedback table has other columns")
            except sqlite3.DatabaseError:
                connection.close()
                raise
            self._connection, self._identity = connection, file_identity(self.path)
        return self._connection

    def _move_aside(self, error: Exception, kind: str) -> bool:
        """Rename a damaged or foreign database so a fresh one can start; False when that fails."""
        self.close()
        stem, suffix, today = self.path.stem, self.path.suffix, date.today().isoformat()
        aside = self.path.with_name(f"{stem}.{kind}-{today}{suffix}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(f"{stem}.{kind}-{today}-{number}{suffix}")
        try:
            self.path.rename(aside)
        except OSError as move_error:
            key = self._stuck_key()
            if key != self._stuck:  # once per state of the files, not on every write
                log.error(
                    "feedback database %s is damaged (%s) and could not be moved aside (%s)",
                    self.path,
                    error,
                    move_error.strerror,
                )
            why = (
                "read-only folder" if move_error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else str(move_error)
            )
            self._stuck, self._stuck_reason = key, f"damaged ({error}), not moved aside: {why}"
            return False
        log.error("feedback database %s is damaged (%s); moved to %s, starting a new one", self.path, error, aside)
        self._stuck = None
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{extra}").unlink(missing_ok=True)
        for answer in self.pending:
            answer.row = None  # their rows were in the damaged file: write them again
        return True

    def _stuck_key(self) -> tuple:
        # Changes when staff touch the file or its folder (chmod, chattr, a new file): then try again.
        try:
            file, folder = os.stat(self.path), os.stat(self.path.parent)
        except OSError:
            return ()
        return (file.st_dev, file.st_ino, file.st_mtime_ns, file.st_size, folder.st_ctime_ns)

    # The fallback file

    def _save_fallback(self) -> bool:
        todo = [answer for answer in self.pending if not answer.in_file]
        if not todo:
            return self._file_works
        lines = "".join(json.dumps(_as_json(answer)) + "\n" for answer in todo).encode()
        try:
            descriptor = os.open(self.fallback, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                written = 0
                while written < len(lines):
                    written += os.write(descriptor, lines[written:])
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        except OSError as error:
            log.warning("feedback answers not kept in %s either (%s)", self.fallback, error.strerror)
            return False
        for answer in todo:
            answer.in_file = True
        return True

    def _read_fallback(self) -> dict[str, Answer]:
        """The fallback file's answers by key, the last line for a key winning; a torn line is skipped."""
        answers: dict[str, Answer] = {}
        try:
            text = self.fallback.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return answers
        for line in text.splitlines():
            try:
                data = json.loads(line)
                answer = Answer(
                    str(data["article_id"]),
                    str(data["language"]),
                    bool(data["helpful"]),
                    date.fromisoformat(data["day"]),
                    str(data.get("comment", ""))[:MAX_COMMENT],
                    row=data.get("row") if isinstance(data.get("row"), int) else None,
                    in_file=True,
                    key=str(data["key"]),
                )
            except (ValueError, KeyError, TypeError):
                continue
            answers[answer.key] = answer
        return answers

    def _load_fallback(self) -> None:
        if self._loaded or not self.fallback.is_file():
            self._loaded = self._loaded or not self.fallback.exists()
            return
        known = {answer.key for answer in self.pending}
        self.pending[:0] = [answer for key, answer in self._read_fallback().items() if key not in known]
        self._loaded = True

    def _drop_fallback(self) -> None:
        if not self.fallback.exists():
            return
        try:
            self.fallback.unlink()
        except OSError:
            try:  # a folder that no longer lets files go: empty it, so nothing is written twice
                self.fallback.write_bytes(b"")
            except OSError as error:
                log.error("feedback written, but %s could not be emptied (%s)", self.fallback, error.strerror)


def _as_json(answer: Answer) -> dict:
    return {
        "key": answer.key,
        "article_id": answer.article_id,
        "language": answer.language,
        "helpful": answer.helpful,
        "comment": answer.comment,
        "day": answer.day.isoformat(),  # the day only, as in the database
        "row": answer.row,
    }


def _no_formula(text: str) -> str:
    # A spreadsheet would run "=..." as a formula, even after spaces, tabs or line breaks; a quote keeps it text.
    return "'" + text if text.lstrip()[:1] in ("=", "+", "-", "@") else text
