"""Kiosk rules without a screen: the PIN, its lock-out, idle timing, taps, set-pin."""

import subprocess
import sys
from pathlib import Path

import pytest

from guide.config import ConfigError, load_config
from guide.kiosk import (
    LOCK_SECONDS,
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
    stored = hash_pin("2468", iterations=1000)
    assert "2468" not in stored
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert hash_pin("2468", iterations=1000) != stored  # a new salt each time


@pytest.mark.parametrize("pin", ["", "12", "abcd", "1234567890123", "12 34"])
def test_a_pin_is_4_to_12_digits(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_three_wrong_pins_lock_the_keypad_for_a_minute():
    clock = Clock()
    gate = PinGate(hash_pin("2468", iterations=1000), clock)
    assert not gate.attempt("1111") and not gate.attempt("2222")
    assert gate.locked_for() == 0
    assert not gate.attempt("3333")
    assert gate.locked_for() == LOCK_SECONDS
    assert not gate.attempt("2468")  # even the right one, while locked
    clock.now += LOCK_SECONDS - 1
    assert gate.locked_for() == 1
    clock.now += 1
    assert gate.locked_for() == 0 and gate.attempt("2468")


def test_a_right_pin_forgives_earlier_mistakes():
    gate = PinGate(hash_pin("2468", iterations=1000), Clock())
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
    set_pin_in_config(path, hash_pin("2468", iterations=1000))
    config = load_config(path)
    assert config.language == "es" and config.kiosk.enabled and config.kiosk.idle_seconds == 60
    assert verify_pin("2468", config.kiosk.admin_pin_sha256)
    set_pin_in_config(path, hash_pin("1357", iterations=1000))
    assert path.read_text().count("admin_pin_sha256") == 1
    assert verify_pin("1357", load_config(path).kiosk.admin_pin_sha256)


def test_set_pin_makes_a_new_config(tmp_path):
    path = tmp_path / "new" / "config.toml"
    set_pin_in_config(path, hash_pin("2468", iterations=1000))
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


@pytest.mark.parametrize(("stdin", "words"), [("2468\n1357\n", "differ"), ("12\n12\n", "4 to 12 digits")])
def test_guide_kiosk_set_pin_refuses_mistakes_and_changes_nothing(tmp_path, stdin, words):
    result, path = run_set_pin(tmp_path, stdin)
    assert result.returncode == 1 and words in result.stderr and not path.exists()
