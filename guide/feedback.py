"""Anonymous feedback: "Was this page helpful?", screened, stored safely, exported for staff.

Nothing that could identify a visitor is kept: a comment that looks like it holds a phone
number, an e-mail address, a street address or a long run of digits is refused before it is
stored, and only the date is recorded, never the time of day (a quiet kiosk would give the
person away). The store never crashes the guide: a locked, read-only or full database keeps
answers in memory and tries again; a corrupt one is moved aside and a fresh one started.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLite is loaded with the first answer, not at start-up
    import sqlite3

log = logging.getLogger(__name__)

MAX_COMMENT = 100

_SEPARATOR = r"[\s().\-\u2013\u2014/_]*"  # spaces, brackets, dots, hyphens and dashes
_PATTERN_TEXT = {
    "email": r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\bat\b)\s*[\w-]+\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*[a-z]{2,}",
    # Seven or more digits, however they are spaced or punctuated: a phone number.
    "phone": rf"(?:\+{_SEPARATOR})?(?:\d{_SEPARATOR}){{6,}}\d",
    # A house number, up to four words, and a street word: "12 Oak Street", "450 W. 3rd Ave".
    "address": (
        r"\b\d{1,6}\s+(?:[\w.'-]+\s+){0,4}?(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|"
        r"court|ct|way|place|pl|terrace|circle|highway|hwy|parkway|pkwy|apt|apartment|suite|calle|avenida|"
        r"camino|carretera)\b\.?"
    ),
    "digits": r"\d{5,}",  # a ZIP code, an ID or an account number
}

REASONS = {
    "email": "it looks like an e-mail address",
    "phone": "it looks like a phone number",
    "address": "it looks like a street address",
    "digits": "it has a long number in it",
}


class RefusedComment(ValueError):
    """A comment that could identify someone; `kinds` says what it looked like (REASONS' keys)."""

    def __init__(self, kinds: list[str]):
        super().__init__(", ".join(REASONS[k] for k in kinds))
        self.kinds = kinds


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    # Compiled on first use: a visitor who never comments never pays for them at start-up.
    return {kind: re.compile(text, re.IGNORECASE) for kind, text in _PATTERN_TEXT.items()}


def screen(comment: str) -> list[str]:
    """What in `comment` could identify someone (keys of REASONS); empty when it may be stored."""
    folded = comment.replace("\u00a0", " ")
    return [kind for kind, pattern in _patterns().items() if pattern.search(folded)]


@dataclass
class Answer:
    """One visitor's answer about one page; `row` is set once it is on disk."""

    article_id: str
    language: str
    helpful: bool
    day: date
    comment: str = ""
    row: int | None = None
    comment_saved: bool = True


@dataclass
class FeedbackStore:
    """SQLite in WAL mode, one transaction per answer, and a queue for when the disk says no."""

    path: Path
    pending: list[Answer] = field(default_factory=list)
    _connection: sqlite3.Connection | None = None

    def add(self, article_id: str, language: str, helpful: bool, day: date | None = None) -> Answer:
        answer = Answer(article_id, language, helpful, day or date.today())
        self.pending.append(answer)
        self.flush()
        return answer

    def add_comment(self, answer: Answer, comment: str) -> None:
        """Attach a screened comment to an answer already given; raises RefusedComment."""
        found = screen(comment)
        if found:
            raise RefusedComment(found)
        answer.comment = comment[:MAX_COMMENT]
        answer.comment_saved = False
        if answer not in self.pending:
            self.pending.append(answer)
        self.flush()

    def flush(self) -> bool:
        """Write what is waiting; True when nothing is left waiting."""
        if not self.pending:
            return True
        import sqlite3

        try:
            connection = self._connect()
            for answer in list(self.pending):
                with connection:  # one transaction per answer
                    if answer.row is None:
                        cursor = connection.execute(
                            "INSERT INTO feedback (article_id, language, helpful, comment, day) VALUES (?, ?, ?, ?, ?)",
                            (
                                answer.article_id,
                                answer.language,
                                int(answer.helpful),
                                answer.comment,
                                answer.day.isoformat(),
                            ),
                        )
                        answer.row = cursor.lastrowid
                    else:
                        connection.execute(
                            "UPDATE feedback SET comment = ? WHERE id = ?",
                            (answer.comment, answer.row),
                        )
                answer.comment_saved = True
                self.pending.remove(answer)
        except sqlite3.DatabaseError as error:
            if _is_corrupt(error):
                self._move_aside(error)
                return self.flush()
            log.warning("feedback kept in memory for now (%s): %s", self.path, error)
            self._close()
            return False
        except OSError as error:
            log.warning("feedback kept in memory for now (%s): %s", self.path, error)
            self._close()
            return False
        return True

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

    def _connect(self) -> sqlite3.Connection:
        import sqlite3

        if self._connection is None:
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
            except sqlite3.DatabaseError:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _move_aside(self, error: Exception) -> None:
        self._close()
        aside = self.path.with_name(f"{self.path.stem}.corrupt-{date.today().isoformat()}{self.path.suffix}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(
                f"{self.path.stem}.corrupt-{date.today().isoformat()}-{number}{self.path.suffix}"
            )
        log.error(
            "feedback database %s is damaged (%s); moved to %s, starting a new one",
            self.path,
            error,
            aside,
        )
        self.path.rename(aside)
        for extra in ("-wal", "-shm"):
            Path(f"{self.path}{extra}").unlink(missing_ok=True)
        for answer in self.pending:
            answer.row = None  # their rows were in the damaged file: write them again


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


def _no_formula(text: str) -> str:
    # A spreadsheet would run "=..." as a formula; a leading quote keeps it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
