"""Nothing calls out or starts: a whole session under strace opens no connection but the X
server's and starts no program (no CUPS for a PDF, no dbus-launch with no session bus)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tracing import strace

DRIVER = Path(__file__).with_name("session_driver.py")
CONNECT = re.compile(r"^(\d+) +connect\(\d+(?:<[^>]*>)?, (\{.*?\}), \d+\)")  # 3<socket:[...]> with -y
EXECVE = re.compile(r"^(\d+) +execve\(\"([^\"]*)\"")


def traced(tmp_path: Path, *command: str) -> tuple[list[str], list[str]]:
    """Run `command` under strace; (every address connected to, every program started)."""
    lines = strace(tmp_path, "connect,execve", *command)
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
