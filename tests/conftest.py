"""Shared test set-up: no screen, no network, content packs made on the fly."""

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The guide's config, caches and feedback store go to the platform's folders: in tests, never
# to the home of whoever runs them. Each test has folders of its own (_own_guide_folders, below);
# these are for whatever runs outside a test (collection, a fixture wider than one test).
_HOME = Path(tempfile.mkdtemp(prefix="guide-tests-"))
for _variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
    os.environ[_variable] = str(_HOME / _variable.lower())
# tests/display needs a real X server and window manager: tests/real_display.py runs those.
collect_ignore = [] if os.environ.get("GUIDE_REAL_DISPLAY") == "1" else ["display"]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _own_guide_folders(_guide_folders):
    """Every test starts with empty config, cache and data folders of its own, as a tester's
    do (the kit's fixture, guide/testing.py): no test sees what another left in a cache, so a
    test of a warm start makes its own first start."""
    return _guide_folders


@pytest.fixture(scope="session")
def locator_file(tmp_path_factory) -> bytes:
    """A locator file (locator.json.gz) imported from the FindTreatment workbook fixture: eight
    programs around Springfield, Illinois, and Chicago (tests/fixtures/locator/)."""
    from datetime import date

    from guide.locator.build import build_directory
    from guide.locator.store import write_directory

    directory, _problems, _ = build_directory([FIXTURES / "locator" / "findtreatment-results.xlsx"], date.today())
    folder = tmp_path_factory.mktemp("locator")
    write_directory(folder / "locator.json.gz", directory)
    return (folder / "locator.json.gz").read_bytes()


@pytest.fixture
def locator_pack(tmp_path, locator_file) -> Path:
    """A pack that carries only the locator file: with the bundled pack, a guide with "Find
    treatment near you" on the help panel."""
    pack = tmp_path / "locator-pack"
    pack.mkdir()
    (pack / "locator.json.gz").write_bytes(locator_file)
    return pack


@pytest.fixture
def make_pack(tmp_path):
    """Write a content pack from {relative path: text or bytes}; returns its folder."""

    def make(files: dict[str, str | bytes], name: str = "pack") -> Path:
        root = tmp_path / name
        for relative, content in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        root.mkdir(parents=True, exist_ok=True)
        return root

    return make


@pytest.fixture
def pin_config(tmp_path):
    """A config that turns kiosk mode on with the staff PIN 2468 (a hash the guide accepts)."""
    from guide.kiosk.rules import MIN_ITERATIONS, hash_pin

    path = tmp_path / "kiosk.toml"
    path.write_text(f'[kiosk]\nenabled = true\nadmin_pin_sha256 = "{hash_pin("2468", iterations=MIN_ITERATIONS)}"\n')
    return path


@pytest.fixture
def settle(monkeypatch):
    """For tests of the on-disk caches keyed by file times (guide.packs.folder_cache).

    A file changed within RACY_SECONDS of being read is read again next time, because its times
    may not show a change made in the same clock tick; every file a test has just written is
    that new. This shrinks the wait to 50 ms: call settle() after writing files, before the
    load that should put them in the cache, so that a later load can take them from it.
    """
    import time

    from guide.packs import folder_cache

    monkeypatch.setattr(folder_cache, "RACY_SECONDS", 0.05)
    # A real wait, not a fake clock: a file's change time (ctime) can't be set, only lived through.
    return lambda: time.sleep(0.1)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test leaves the application's language as it found it: English.

    Qt looks words up in the translators installed in the application. A window a test left
    behind with its Spanish words installed (never closed, or a kiosk window that refused to
    close) gave the next test on the same worker Spanish where it expected English: in CI,
    fourteen widget tests failed that way depending on which test ran before them.
    """
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:  # a core test: no Qt, no words installed
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    # What qtbot closed and deleted is gone now; no garbage collection: a window kept alive only
    # by a reference cycle lives on until the collector runs, and so did its words.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    word = QCoreApplication.translate("NavigationBar", "Larger text")
    assert word == "Larger text", f"this test left another language's words installed: {word!r}"
    if "guide.ui.translations" in sys.modules:
        from guide.ui.translations import Translations

        left = [t.language for t in Translations._windows_in_use() if t.language != "en"]
        assert not left, f"this test left a window with its {left} words in use"
