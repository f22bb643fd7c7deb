"""Kiosk rules that need no screen: the admin PIN, its lock-out, and idle timing.

The PIN is stored salted and stretched (PBKDF2-SHA256), never as digits. Three wrong tries
lock the keypad for a minute. The idle timing says, from the time of the last input, when
the "Are you still there?" warning shows and when the visitor's session is wiped.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ITERATIONS = 200_000
PIN_RE = re.compile(r"^\d{4,12}$")
MAX_TRIES = 3
LOCK_SECONDS = 60


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
    parts = stored.split("$")
    return (
        len(parts) == 4
        and parts[0] == "pbkdf2-sha256"
        and parts[1].isdigit()
        and all(re.fullmatch(r"[0-9a-f]+", p) for p in parts[2:])
    )


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from (compared in constant time)."""
    if not valid_pin_hash(stored):
        return False
    import hashlib
    import hmac

    _, iterations, salt, expected = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(digest.hex(), expected)


class PinGate:
    """Checks PINs; after three wrong ones it refuses every try for a minute."""

    def __init__(self, stored: str, clock: Callable[[], float] | None = None):
        self._stored = stored
        self._clock = clock or time.monotonic
        self._wrong = 0
        self._locked_until = 0.0

    def locked_for(self) -> int:
        """Whole seconds until the keypad opens again (0: open)."""
        return max(0, int(self._locked_until - self._clock() + 0.999))

    def attempt(self, pin: str) -> bool:
        if self.locked_for():
            return False
        if verify_pin(pin, self._stored):
            self._wrong = 0
            return True
        self._wrong += 1
        if self._wrong >= MAX_TRIES:
            self._wrong = 0
            self._locked_until = self._clock() + LOCK_SECONDS
        return False


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
    """Write `admin_pin_sha256` into the [kiosk] section of a config file, keeping the rest."""
    text = path.read_text("utf-8") if path.exists() else ""
    line = f'admin_pin_sha256 = "{stored}"'
    lines = text.splitlines()
    section, header = None, None
    for number, current in enumerate(lines):
        stripped = current.strip()
        if stripped.startswith("["):
            section = stripped
            if stripped == "[kiosk]":
                header = number
        elif section == "[kiosk]" and re.match(r"admin_pin_sha256\s*=", stripped):
            lines[number] = line
            break
    else:
        if header is None:
            lines += (["", "[kiosk]"] if lines else ["[kiosk]"]) + [line]
        else:
            lines.insert(header + 1, line)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")


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
