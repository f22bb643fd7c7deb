"""Feedback: the screen for personal details, a store that never loses an answer, staff exports."""

import csv
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.feedback.store import FeedbackStore, screen

ROOT = Path(__file__).resolve().parents[2]
digit = st.sampled_from("0123456789")


@st.composite
def phone_numbers(draw):
    area, exchange, line = (draw(st.text(digit, min_size=n, max_size=n)) for n in (3, 3, 4))
    style = draw(
        st.sampled_from(
            [
                "{a}-{e}-{l}",
                "({a}) {e}-{l}",
                "{a}.{e}.{l}",
                "{a} {e} {l}",
                "+1 {a} {e} {l}",
                "1-{a}-{e}-{l}",
                "{a}{e}{l}",
                "{e}-{l}",
                "+52 {a} {e} {l}",
            ]
        )
    )
    return style.format(a=area, e=exchange, l=line)


@st.composite
def emails(draw):
    name = draw(st.from_regex(r"[a-z][a-z0-9._]{0,12}", fullmatch=True))
    host = draw(st.from_regex(r"[a-z]{2,10}", fullmatch=True))
    top = draw(st.sampled_from(["com", "org", "net", "mx", "edu"]))
    return draw(st.sampled_from(["{n}@{h}.{t}", "{n} @ {h}.{t}", "{n} at {h} dot {t}", "{n}[at]{h}[dot]{t}"])).format(
        n=name, h=host, t=top
    )


@st.composite
def addresses(draw):
    number = draw(st.integers(1, 99999))
    street = draw(st.sampled_from(["Oak", "Main", "W. 3rd", "Martin Luther King", "Elm Hollow"]))
    kind = draw(
        st.sampled_from(["Street", "St", "Ave", "Avenue", "Road", "Rd.", "Blvd", "Lane", "Drive", "Court", "Way"])
    )
    return f"{number} {street} {kind}"


SENTENCE_WORDS = st.sampled_from(
    [
        "this",
        "page",
        "helped",
        "me",
        "a",
        "lot",
        "thanks",
        "the",
        "words",
        "were",
        "clear",
        "too",
        "long",
        "confusing",
        "i",
        "take",
        "my",
        "pills",
        "every",
        "day",
        "please",
        "add",
        "more",
        "about",
        "family",
        "support",
        "groups",
        "in",
        "spanish",
        "muy",
        "útil",
        "gracias",
        "la",
        "página",
    ]
)


@settings(max_examples=150, deadline=None)
@given(phone_numbers(), st.sampled_from(["call me at {}", "{}", "my number is {} thanks", "llámeme al {}"]))
def test_phone_numbers_in_many_formats_are_refused(number, template):
    assert "phone" in screen(template.format(number)) or "digits" in screen(template.format(number))


@settings(max_examples=100, deadline=None)
@given(emails())
def test_email_addresses_are_refused(address):
    assert "email" in screen(f"write to {address} please")


@settings(max_examples=100, deadline=None)
@given(addresses())
def test_street_addresses_are_refused(address):
    assert screen(f"I live at {address} near the clinic")


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCE_WORDS, min_size=1, max_size=14), st.sampled_from(["", "2", "0.5 mg", "3 times", "page 4"]))
def test_ordinary_sentences_pass(words, small_number):
    assert screen(" ".join([*words, small_number])) == []


@pytest.mark.parametrize(
    "text", ["I take 2 pills a day", "Step 3 was confusing", "1 mg at 8 pm", "Thank you!", "10/10 would read again"]
)
def test_everyday_numbers_pass(text):
    assert screen(text) == []


@pytest.fixture
def store(tmp_path):
    return FeedbackStore(tmp_path / "data" / "feedback.sqlite")


def test_an_answer_and_a_comment_reach_the_database_and_the_csv(store, tmp_path):
    answer = store.add("clonazepam", "en", True, day=date(2026, 11, 26))
    store.add_comment(answer, "Clear and kind, thank you")
    store.add("clonazepam", "es", False, day=date(2026, 11, 27))
    assert store.flush().state == "saved"  # the end of the visit
    rows = (
        sqlite3.connect(store.path)
        .execute("SELECT article_id, language, helpful, comment, day FROM feedback")
        .fetchall()
    )
    assert rows == [
        ("clonazepam", "en", 1, "Clear and kind, thank you", "2026-11-26"),
        ("clonazepam", "es", 0, "", "2026-11-27"),
    ]
    out = tmp_path / "out.csv"
    assert store.export_csv(out) == 2
    with out.open(newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0] == ["date", "article", "language", "helpful", "comment"]
    assert lines[1] == ["2026-11-26", "clonazepam", "en", "yes", "Clear and kind, thank you"]
    assert store.export_csv(out, since=date(2026, 11, 27)) == 1


def test_only_the_date_is_kept_not_the_time(store):
    store.add("clonazepam", "en", True)
    store.flush()
    (day,) = sqlite3.connect(store.path).execute("SELECT day FROM feedback").fetchone()
    assert day == date.today().isoformat()


def test_a_comment_with_a_phone_number_is_refused_and_nothing_is_stored(store):
    answer = store.add("clonazepam", "en", True)
    with pytest.raises(ValueError, match="phone number"):
        store.add_comment(answer, "call me 555-201-3000")
    store.flush()
    assert sqlite3.connect(store.path).execute("SELECT comment FROM feedback").fetchall() == [("",)]


def test_the_summary_counts_per_article(store):
    for article_id, helpful in [("a", True), ("a", True), ("a", False), ("b", False)]:
        store.add(article_id, "en", helpful)
    store.flush()
    assert store.summary() == [("a", 2, 1), ("b", 0, 1)]


def test_a_corrupt_database_is_moved_aside_and_feedback_still_works(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"this is not a database" * 100)
    store.add("clonazepam", "en", True)
    assert store.flush().state == "saved" and store.pending == []
    aside = list(store.path.parent.glob("feedback.corrupt-*.sqlite"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert sqlite3.connect(store.path).execute("SELECT COUNT(*) FROM feedback").fetchone() == (1,)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_keeps_answers_in_memory_and_retries(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    store = FeedbackStore(folder / "feedback.sqlite")
    store.add("clonazepam", "en", True)
    assert store.flush().state == "lost" and len(store.pending) == 1
    folder.chmod(0o700)
    store.add("benzodiazepines", "en", False)
    assert store.retry().state == "saved" and store.pending == [] and len(store.rows()) == 2


def test_an_unwritable_path_keeps_answers_in_memory_and_retries(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = FeedbackStore(blocker / "feedback.sqlite")  # works even as root: a file is in the way
    store.add("clonazepam", "en", True)
    assert store.flush().state == "lost" and len(store.pending) == 1
    blocker.unlink()
    store.add("benzodiazepines", "en", False)
    assert store.retry().state == "saved" and store.pending == [] and len(store.rows()) == 2


def test_a_locked_database_keeps_the_answer_and_retries(store):
    store.add("warm-up", "en", True)
    store.flush()
    other = sqlite3.connect(store.path)
    other.execute("BEGIN EXCLUSIVE")
    store.close()  # a new connection, as after a restart
    store.add("clonazepam", "en", True)
    assert store.flush().state == "kept" and len(store.pending) == 1
    other.rollback()
    other.close()
    assert store.flush().state == "saved" and store.pending == []


def test_exports_never_hold_what_the_screen_refuses_and_no_spreadsheet_formulas(store, tmp_path):
    answer = store.add("clonazepam", "en", True)
    store.add_comment(answer, "=HYPERLINK(1)")
    store.add_comment(store.add("tab", "en", True), "\t=HYPERLINK(2)")
    store.flush()
    sqlite3.connect(store.path).execute(
        "INSERT INTO feedback (article_id, language, helpful, comment, day) "
        "VALUES ('x', 'en', 1, 'me: a@b.com', '2026-11-26')"
    ).connection.commit()
    out = tmp_path / "out.csv"
    store.export_csv(out)
    text = out.read_text()
    assert "a@b.com" not in text and "'=HYPERLINK(1)" in text and "'\t=HYPERLINK(2)" in text


def test_guide_feedback_export_and_summary(store, tmp_path):
    store.add("clonazepam", "en", True)
    store.add("clonazepam", "en", False)
    store.flush()
    out = tmp_path / "out.csv"
    run = [sys.executable, str(ROOT / "main.py"), "feedback", "--data", str(store.path)]
    exported = subprocess.run(
        [*run, "export", str(out), "--since", "2000-01-01"], capture_output=True, text=True, timeout=60
    )
    assert exported.returncode == 0 and "2 answers" in exported.stdout and out.is_file()
    summary = subprocess.run([*run, "summary"], capture_output=True, text=True, timeout=60)
    assert summary.returncode == 0
    assert summary.stdout.splitlines()[1].split() == ["clonazepam", "1", "1", "50%"]
