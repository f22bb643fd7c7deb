"""The committed resources_rc.py is what resources.qrc compiles to today."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

ROOT = Path(__file__).resolve().parents[2]


def _without_header(code: str) -> str:
    # The header comment names the Qt version; the data below it is what must match.
    return re.sub(r"\A(#[^\n]*\n)+", "", code)


def test_compiled_resources_match_the_qrc():
    rcc = shutil.which("pyside6-rcc", path=str(Path(sys.executable).parent))
    assert rcc, "pyside6-rcc not installed beside this Python"
    fresh = subprocess.run(
        [rcc, "--format-version", "1", "resources.qrc"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    committed = (ROOT / "guide/ui/resources_rc.py").read_text()
    assert _without_header(fresh) == _without_header(committed), "run `make rcc` and commit the result"


def test_every_icon_in_the_qrc_loads(qapp):
    for name in re.findall(r'alias="(icons/[^"]+)"', (ROOT / "resources.qrc").read_text()):
        assert not QIcon(f":/{name}").pixmap(24, 24).isNull(), name
