"""The command line: bad input gets one line and exit status 2; --screenshot writes a PNG."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def guide(*args, cwd=ROOT, **folders):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    # The test run's own folders (tests/conftest.py): a start refused for a bad --article has
    # already cached the article headers, and HOME may be the source tree.
    env.update({name: os.environ[name] for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")})
    env.update({name: str(value) for name, value in folders.items()})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--content", "/no/such/folder"], "content folder not found: /no/such/folder"),
        (["--article", "no-such-article"], "no article with id 'no-such-article'"),
        (["--config", "/no/such/config.toml"], "config file not found"),
        (["--config", "/tmp"], "/tmp is a folder, not a config file"),
        # A kiosk's idle timer would overflow (OverflowError) before these were refused.
        (["--kiosk", "--idle-seconds", "1000000000000", "--screenshot", "/dev/null"], "--idle-seconds must be a"),
        (["--idle-seconds", "86401"], "--idle-seconds must be a whole number from 2 to 86400"),
        (["--idle-seconds", "1"], "--idle-seconds must be a whole number from 2 to 86400"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(args, words):
    result = guide(*args)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"guide: error: {words}")
    assert "Traceback" not in result.stderr


def test_an_unreadable_config_names_its_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "en"\n[kiosk\n')
    result = guide("--config", str(config))
    assert result.returncode == 2
    expected = "not valid TOML: Expected ']' at the end of a table declaration"
    assert result.stderr.strip() == f"guide: error: {config}:2: {expected}"


def test_a_huge_idle_time_in_the_config_is_refused_with_its_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[kiosk]\nenabled = true\nidle_seconds = 1000000000000\n")
    result = guide("--config", str(config), "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 2
    expected = "[kiosk] idle_seconds must be a whole number from 10 to 86400, not 1000000000000"
    assert result.stderr.strip() == f"guide: error: {config}:3: {expected}"


def test_a_folder_where_the_usual_config_goes_stops_the_start(tmp_path):
    # Before, the guide started in desktop mode, staff page and all, as if there were no config.
    (tmp_path / "recovery-guide" / "config.toml").mkdir(parents=True)
    result = guide("--screenshot", str(tmp_path / "shot.png"), XDG_CONFIG_HOME=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "shot.png").exists()
    folder = tmp_path / "recovery-guide" / "config.toml"
    assert result.stderr.strip() == f"guide: error: {folder} is a folder, not a config file"


@pytest.mark.parametrize(("mode", "warned"), [(0o644, True), (0o640, True), (0o600, False)])
def test_a_pin_hash_others_can_read_is_warned_about(tmp_path, mode, warned):
    from guide.kiosk.rules import hash_pin

    config = tmp_path / "config.toml"
    config.write_text(f'[kiosk]\nadmin_pin_sha256 = "{hash_pin("2468")}"\n')
    config.chmod(mode)
    result = guide("--config", str(config), "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 0, result.stderr
    expected = (
        f"guide: warning: {config} holds the staff PIN's hash and other users can read it; "
        f"make it private with: chmod 600 {config}"
    )
    assert result.stderr.strip() == (expected if warned else "")


def test_screenshot_writes_a_png_of_the_window(tmp_path):
    out = tmp_path / "shot.png"
    result = guide("--screenshot", str(out), "--article", "clonazepam", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 800)


def test_check_lists_problems_compiler_style_and_fails_on_errors(tmp_path):
    pack = tmp_path / "pack" / "en" / "articles"
    pack.mkdir(parents=True)
    (pack / "broken.md").write_text("Summary: no title\n\nBody\n")
    result = guide("check", str(tmp_path / "pack"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{pack / 'broken.md'}:1: error: no Title: an article starts with 'Title: ...'",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_check_passes_on_the_bundled_pack():
    result = guide("check")
    assert result.returncode == 0
    assert result.stdout.endswith(" files checked: 0 errors, 0 warnings\n") and result.stdout.count("\n") == 1


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    result = guide("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"guide {version('recovery-guide')}")
