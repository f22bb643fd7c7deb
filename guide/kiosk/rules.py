"""Kiosk rules that need no screen: the admin PIN, its lock-out, and idle timing.

The PIN is stored salted and stretched (PBKDF2-SHA256), never as digits. Every third wrong try
locks the keypad, longer each time (a minute, five, thirty, then an hour), and the count is kept
on disk so a restart gives no fresh tries. The idle timing says, from the time of the last input,
when the "Are you still there?" warning shows and when the visitor's session is wiped.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from guide.files import write_atomically

ITERATIONS = 200_000
# A stored hash outside these is refused on load: 0 makes hashlib raise on every try, 10**11
# takes hours per try, and below 100,000 a stolen config gives the PIN away in minutes.
MIN_ITERATIONS, MAX_ITERATIONS = 100_000, 2_000_000
PIN_RE = re.compile(r"^\d{4,12}$")
_HASH_RE = re.compile(r"pbkdf2-sha256\$([0-9]{1,7})\$((?:[0-9a-f]{2}){16,64})\$((?:[0-9a-f]{2}){32})")
MAX_TRIES = 3
LOCK_SECONDS = 60  # the first lock
# The lock after the 3rd, 6th and 9th wrong try in a row; after that, an hour per further three.
LOCK_STEPS = (60, 5 * 60, 30 * 60)
LONGEST_LOCK = 60 * 60


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The stored form of a PIN: 'pbkdf2-sha256$ITERATIONS$SALT$HASH' (hex)."""
    if not PIN_RE.match(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    import hashlib  # OpenSSL is loaded only when a PIN is set or checked, not at every start
    import secrets

    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2-sha256${iterations}${salt.hex()}${digest.hex()}"


def valid_pin_hash(stored: str) -> bool:
    """True for a hash `hash_pin` could have made: the format, a sane iteration count, hex of
    the right lengths (a salt of 16 to 64 bytes, a 32-byte digest)."""
    match = _HASH_RE.fullmatch(stored)
    return bool(match) and MIN_ITERATIONS <= int(match.group(1)) <= MAX_ITERATIONS


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from (compared in constant time).

    Never raises: anything but 4 to 12 digits, or a hash that isn't one, is simply not the PIN."""
    if not (isinstance(pin, str) and PIN_RE.fullmatch(pin) and pin.isascii() and valid_pin_hash(stored)):
        return False
    import hashlib
    import hmac

    _, iterations, salt, expected = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(digest.hex(), expected)


def lock_seconds(wrong: int) -> int:
    """How long the keypad locks after `wrong` wrong tries in a row (0: no lock now)."""
    if wrong <= 0 or wrong % MAX_TRIES:
        return 0
    step = wrong // MAX_TRIES - 1
    return LOCK_STEPS[step] if step < len(LOCK_STEPS) else LONGEST_LOCK


class PinGate:
    """Checks PINs; every third wrong one in a row locks it, longer each time.

    With `state_path`, the count and the time of the lock are kept in that small file, so a
    restarted guide is still locked. The file belongs to one PIN hash: setting a new PIN (staff
    with the config in hand) starts a fresh count. A file that can't be read or written costs
    only the memory across restarts, never the keypad."""

    def __init__(self, stored: str, clock: Callable[[], float] | None = None, state_path: Path | None = None):
        self._stored = stored
        self._clock = clock or time.time  # wall-clock time: a lock outlives the process
        self._state_path = state_path
        self._owner = _short_digest(stored)
        self._wrong, self._locked_at = self._read_state()

    def locked_for(self) -> int:
        """Whole seconds until the keypad opens again (0: open)."""
        length = lock_seconds(self._wrong)
        if not length:
            return 0
        elapsed = max(0.0, self._clock() - self._locked_at)  # a clock set back never lengthens it
        return max(0, int(length - elapsed + 0.999))

    def attempt(self, pin: str) -> bool:
        if self.locked_for():
            return False
        if verify_pin(pin, self._stored):
            self._wrong, self._locked_at = 0, 0.0
            self._write_state()
            return True
        self._wrong += 1
        if lock_seconds(self._wrong):
            self._locked_at = self._clock()
        self._write_state()
        return False

    def _read_state(self) -> tuple[int, float]:
        if self._state_path is None:
            return 0, 0.0
        try:
            state = json.loads(self._state_path.read_bytes()[:4096])
            wrong, locked_at = state["wrong"], state["locked_at"]
            if state["pin"] == self._owner and type(wrong) is int and isinstance(locked_at, int | float):
                return max(0, min(wrong, 10**6)), float(locked_at)
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            pass  # missing or damaged: a fresh count (a visitor can't reach the file)
        return 0, 0.0

    def _write_state(self) -> None:
        if self._state_path is None:
            return
        text = json.dumps({"pin": self._owner, "wrong": self._wrong, "locked_at": self._locked_at})
        with contextlib.suppress(OSError):  # a read-only data folder: the lock holds while this guide runs
            write_private(self._state_path, text)


def _short_digest(stored: str) -> str:
    from guide.files import short_digest

    return short_digest(stored.encode("utf-8", "surrogatepass"))


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (a temporary file, then a rename), readable by its owner only."""
    write_atomically(path, text.encode("utf-8"))


class IdleTiming(NamedTuple):
    """When, after the last input, to warn and to reset."""

    idle_seconds: float
    warning_seconds: float

    @classmethod
    def make(cls, idle_seconds: float, warning_seconds: float) -> IdleTiming:
        # The warning always fits inside the idle time (`--idle-seconds 2` warns after 1 s).
        return cls(idle_seconds, min(warning_seconds, idle_seconds / 2))

    @property
    def warn_after(self) -> float:
        return self.idle_seconds - self.warning_seconds

    def countdown(self, idle_for: float) -> int:
        """Seconds left to show on the warning, after `idle_for` seconds without input."""
        return max(0, int(self.idle_seconds - idle_for + 0.999))


def set_pin_in_config(path: Path, stored: str) -> None:
    """Write `admin_pin_sha256` into the kiosk table of a config file, keeping the rest.

    tomlkit edits the file as written (comments, layout, an inline or dotted kiosk table); the
    result is read back with tomllib before it replaces the file, atomically and with mode 0600.
    ValueError (nothing written) when the file isn't TOML or its `kiosk` isn't a table."""
    import tomllib

    import tomlkit  # only for this command: the guide itself reads configs with tomllib

    text = path.read_text("utf-8") if path.exists() else ""
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as error:
        raise ValueError(f"{path} is not valid TOML ({error}); fix it first") from error
    except RecursionError as error:
        raise ValueError(f"{path} is not valid TOML (nested too deeply); fix it first") from error
    kiosk = document.get("kiosk")
    if kiosk is None:
        document["kiosk"] = tomlkit.table()
        kiosk = document["kiosk"]
    elif not isinstance(kiosk, dict):
        raise ValueError(f"{path}: kiosk must be a table ([kiosk]), not {kiosk!r}; fix it first")
    kiosk["admin_pin_sha256"] = stored
    result = tomlkit.dumps(document)
    try:
        written = tomllib.loads(result)["kiosk"]["admin_pin_sha256"]
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: the edited config would not read back ({error})") from error
    if written != stored:
        raise ValueError(f"{path}: the edited config would not read back")
    write_private(path, result)


class TapCounter:
    """Five taps within three seconds on the title open the staff exit."""

    def __init__(self, taps: int = 5, within: float = 3.0, clock: Callable[[], float] = time.monotonic):
        self._taps, self._within, self._clock = taps, within, clock
        self._times: list[float] = []

    def tap(self) -> bool:
        """Count a tap; True when it completes the gesture (and the count starts again)."""
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self._within] + [now]
        if len(self._times) >= self._taps:
            self._times = []
            return True
        return False
