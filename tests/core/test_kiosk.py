"""Kiosk rules without a screen: the PIN, its lock-out, idle timing, taps, set-pin."""

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.config import ConfigError, load_config
from guide.kiosk.rules import (
    LOCK_SECONDS,
    MIN_ITERATIONS,
    IdleTiming,
    PinGate,
    TapCounter,
    hash_pin,
    set_pin_in_config,
    verify_pin,
)

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_pin_is_stored_salted_and_checked():
    stored = hash_pin("2468", iterations=MIN_ITERATIONS)
    assert "2468" not in stored
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert hash_pin("2468", iterations=MIN_ITERATIONS) != stored  # a new salt each time


@pytest.mark.parametrize("pin", ["", "12", "abcd", "1234567890123", "12 34"])
def test_a_pin_is_4_to_12_digits(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_three_wrong_pins_lock_the_keypad_for_a_minute():
    clock = Clock()
    gate = PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), clock)
    assert not gate.attempt("1111") and not gate.attempt("2222")
    assert gate.locked_for() == 0
    assert not gate.attempt("3333")
    assert gate.locked_for() == LOCK_SECONDS
    assert not gate.attempt("2468")  # even the right one, while locked
    clock.now += LOCK_SECONDS - 1
    assert gate.locked_for() == 1
    clock.now += 1
    assert gate.locked_for() == 0 and gate.attempt("2468")


def lock_after_three_wrong(gate):
    for pin in ("1111", "2222", "3333"):
        assert not gate.attempt(pin)
    return gate.locked_for()


def test_the_lock_grows_and_a_restarted_guide_is_still_locked(tmp_path):
    clock, state = Clock(), tmp_path / "data" / "pin-lockout.json"
    stored = hash_pin("2468", iterations=MIN_ITERATIONS)
    gate = PinGate(stored, clock, state)
    assert lock_after_three_wrong(gate) == 60
    clock.now += 60
    assert lock_after_three_wrong(gate) == 300
    clock.now += 10
    again = PinGate(stored, clock, state)  # the guide restarted: the lock is on disk
    assert again.locked_for() == 290 and not again.attempt("2468")
    clock.now += 290
    assert lock_after_three_wrong(again) == 1800
    clock.now += 1800
    assert lock_after_three_wrong(PinGate(stored, clock, state)) == 3600
    clock.now += 3600
    assert lock_after_three_wrong(PinGate(stored, clock, state)) == 3600
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    clock.now += 3600
    gate = PinGate(stored, clock, state)
    assert gate.attempt("2468")  # the right PIN starts the count again
    assert lock_after_three_wrong(PinGate(stored, clock, state)) == 60


def test_a_new_pin_starts_with_a_fresh_count(tmp_path):
    clock, state = Clock(), tmp_path / "pin-lockout.json"
    lock_after_three_wrong(PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), clock, state))
    assert PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), clock, state).locked_for() == 0


def test_a_clock_set_back_never_lengthens_the_lock(tmp_path):
    clock, state = Clock(), tmp_path / "pin-lockout.json"
    stored = hash_pin("2468", iterations=MIN_ITERATIONS)
    lock_after_three_wrong(PinGate(stored, clock, state))
    clock.now -= 86400
    assert PinGate(stored, clock, state).locked_for() == 60


@pytest.mark.parametrize("junk", [b"", b"{", b"[1, 2]", b'{"pin": 5, "wrong": "x"}', b"\xff\xfe", b"{" * 10000])
def test_a_damaged_lock_file_never_stops_the_keypad(tmp_path, junk):
    state = tmp_path / "pin-lockout.json"
    state.write_bytes(junk)
    gate = PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), Clock(), state)
    assert gate.locked_for() == 0 and gate.attempt("2468")


def test_a_lock_file_that_cannot_be_written_still_locks(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        gate = PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), Clock(), folder / "pin-lockout.json")
        assert lock_after_three_wrong(gate) == 60
    finally:
        folder.chmod(0o700)


VALID = hash_pin("2468", iterations=MIN_ITERATIONS)


ANY_TEXT = st.text(st.characters(blacklist_categories=()))  # lone surrogates too: "\ud800".encode() raises
HASH_LIKE = st.from_regex(r"pbkdf2-sha256\$[0-9]{1,2}\$[0-9a-f]{0,5}\$[0-9a-f]{0,5}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(ANY_TEXT, st.just("2468")), max_size=4), st.one_of(st.just(VALID), ANY_TEXT, HASH_LIKE))
def test_a_pin_gate_never_raises_whatever_is_typed_or_stored(tries, stored):
    gate = PinGate(stored, Clock())
    for pin in tries:
        assert gate.attempt(pin) in (True, False)
        assert gate.locked_for() >= 0


def test_a_right_pin_forgives_earlier_mistakes():
    gate = PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), Clock())
    gate.attempt("1111")
    gate.attempt("2222")
    assert gate.attempt("2468")
    gate.attempt("1111")
    assert gate.locked_for() == 0


def test_the_warning_fits_inside_a_short_idle_time():
    assert IdleTiming.make(90, 15).warn_after == 75
    short = IdleTiming.make(2, 15)
    assert (short.warn_after, short.warning_seconds) == (1, 1)
    assert short.countdown(1.2) == 1 and IdleTiming.make(90, 15).countdown(80) == 10


def test_five_quick_taps_open_the_exit_and_slow_ones_do_not():
    clock = Clock()
    taps = TapCounter(clock=clock)
    assert [taps.tap() for _ in range(5)] == [False, False, False, False, True]
    assert not taps.tap()  # the count starts again after the gesture
    slow = TapCounter(clock=clock)
    results = []
    for _ in range(8):
        clock.now += 1  # a tap a second: never five within three seconds
        results.append(slow.tap())
    assert results == [False] * 8


def test_set_pin_keeps_the_rest_of_the_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('language = "es"\n\n[kiosk]\nenabled = true\nidle_seconds = 60\n')
    set_pin_in_config(path, hash_pin("2468", iterations=MIN_ITERATIONS))
    config = load_config(path)
    assert config.language == "es" and config.kiosk.enabled and config.kiosk.idle_seconds == 60
    assert verify_pin("2468", config.kiosk.admin_pin_sha256)
    set_pin_in_config(path, hash_pin("1357", iterations=MIN_ITERATIONS))
    assert path.read_text().count("admin_pin_sha256") == 1
    assert verify_pin("1357", load_config(path).kiosk.admin_pin_sha256)


@pytest.mark.parametrize(
    "text",
    [
        '# clinic settings\nlanguage = "es"\n\n[kiosk]  # the waiting room\nenabled = true  # on\n',
        '# clinic settings\nlanguage = "es"\nkiosk = {enabled = true}  # the waiting room\n',
        '# clinic settings\nlanguage = "es"\nkiosk.enabled = true  # the waiting room\n',
    ],
)
def test_set_pin_edits_a_hand_written_config_keeping_its_comments(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text)
    stored = hash_pin("2468")
    set_pin_in_config(path, stored)
    written = path.read_text()
    assert "# clinic settings" in written and "# the waiting room" in written
    assert tomllib.loads(written)["kiosk"] == {"enabled": True, "admin_pin_sha256": stored}
    config = load_config(path)  # the guide starts with it
    assert config.language == "es" and config.kiosk.enabled and verify_pin("2468", config.kiosk.admin_pin_sha256)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_set_pin_refuses_a_config_it_cannot_read_and_leaves_it_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[kiosk\nenabled = true\n")
    with pytest.raises(ValueError, match="not valid TOML"):
        set_pin_in_config(path, hash_pin("2468"))
    assert path.read_text() == "[kiosk\nenabled = true\n"
    path.write_text("kiosk = 5\n")
    with pytest.raises(ValueError, match="kiosk"):
        set_pin_in_config(path, hash_pin("2468"))
    assert path.read_text() == "kiosk = 5\n"


def test_set_pin_makes_a_new_config(tmp_path):
    path = tmp_path / "new" / "config.toml"
    set_pin_in_config(path, hash_pin("2468", iterations=MIN_ITERATIONS))
    assert verify_pin("2468", load_config(path).kiosk.admin_pin_sha256)


def test_a_pin_written_by_hand_is_refused_with_its_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[kiosk]\nenabled = true\nadmin_pin_sha256 = "2468"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}:3: ") and "set-pin" in str(raised.value)


def run_set_pin(tmp_path, stdin):
    path = tmp_path / "config.toml"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "kiosk", "set-pin", "--config", str(path)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    return result, path


def test_guide_kiosk_set_pin_stores_a_hash(tmp_path):
    result, path = run_set_pin(tmp_path, "2468\n2468\n")
    assert result.returncode == 0, result.stderr
    assert verify_pin("2468", load_config(path).kiosk.admin_pin_sha256)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_guide_kiosk_set_pin_on_a_dotted_config_gives_one_kiosk_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("kiosk.enabled = true  # waiting room\n")
    os.chmod(path, 0o644)
    result, path = run_set_pin(tmp_path, "2468\n2468\n")
    assert result.returncode == 0, result.stderr
    assert "# waiting room" in path.read_text()
    config = load_config(path)
    assert config.kiosk.enabled and verify_pin("2468", config.kiosk.admin_pin_sha256)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(("stdin", "words"), [("2468\n1357\n", "differ"), ("12\n12\n", "4 to 12 digits")])
def test_guide_kiosk_set_pin_refuses_mistakes_and_changes_nothing(tmp_path, stdin, words):
    result, path = run_set_pin(tmp_path, stdin)
    assert result.returncode == 1 and words in result.stderr and not path.exists()
