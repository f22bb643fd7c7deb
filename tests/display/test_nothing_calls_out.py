"""Nothing calls out or starts: a whole session under strace opens no connection but the X
server's and starts no program (no CUPS for a PDF, no dbus-launch with no session bus)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("session_driver.py")
CONNECT = re.compile(r"^(\d+) +connect\(\d+, (\{.*?\}), \d+\)")
EXECVE = re.compile(r"^(\d+) +execve\(\"([^\"]*)\"")


def traced(tmp_path: Path, *command: str) -> tuple[list[str], list[str]]:
    """Run `command` under strace; (every address connected to, every program started)."""
    log = tmp_path / "strace.log"
    home = tmp_path / "home"
    environment = {key: value for key, value in os.environ.items() if key != "DBUS_SESSION_BUS_ADDRESS"}
    environment.update(
        {f"XDG_{name}_HOME": str(home / name.lower()) for name in ("CONFIG", "CACHE", "DATA", "STATE")},
        HOME=str(home),
        PYTHONPATH=str(ROOT),
    )
    # Output to a file, not a pipe: a program the guide wrongly started (a bus daemon) would
    # hold a pipe open, and the test would wait for it instead of failing.
    with open(tmp_path / "output.txt", "w+") as output:
        code = subprocess.call(
            # -b execve: a program started is logged, then left untraced, so strace doesn't wait for it
            ["strace", "-f", "-qq", "-b", "execve", "-e", "trace=connect,execve", "-o", str(log), *command],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=120,
        )
        output.seek(0)
        said = output.read()
    lines = log.read_text().splitlines()
    for pid in {int(line.split()[0]) for line in lines[1:]} - {int(lines[0].split()[0])}:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # what the guide started: never left running
    assert code == 0, said[-3000:]
    connects = [m.group(2) for line in lines if (m := CONNECT.match(line))]
    programs = [m.group(2) for line in lines if (m := EXECVE.match(line))]
    return connects, programs


def not_the_x_server(connects: list[str]) -> list[str]:
    display = os.environ["DISPLAY"].lstrip(":").split(".")[0]
    x_socket = f'/tmp/.X11-unix/X{display}"'
    return [address for address in connects if x_socket not in address]


@pytest.fixture(autouse=True)
def needs_strace():
    if subprocess.run(["which", "strace"], capture_output=True).returncode:
        pytest.fail("strace is missing: apt-get install strace") if os.environ.get("CI") else pytest.skip("no strace")


def test_a_whole_session_connects_only_to_the_x_server_and_starts_nothing(tmp_path):
    connects, programs = traced(tmp_path, sys.executable, str(DRIVER), str(tmp_path))
    assert (tmp_path / "summary.pdf").stat().st_size > 1000
    assert not_the_x_server(connects) == []
    assert programs == [sys.executable]


def test_starting_the_guide_with_no_session_bus_starts_nothing(tmp_path):
    connects, programs = traced(tmp_path, sys.executable, "main.py", "--screenshot", str(tmp_path / "shot.png"))
    assert (tmp_path / "shot.png").is_file()
    assert not_the_x_server(connects) == []
    assert programs == [sys.executable]
