"""Each test has its own guide folders: nothing one test's window caches is seen by the next."""

import os
from pathlib import Path

import pytest

FOLDERS = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")


@pytest.mark.parametrize("turn", ["first", "second"])
def test_a_window_starts_with_empty_folders_and_fills_its_own_cache(window_factory, turn):
    folders = [Path(os.environ[name]) for name in FOLDERS]
    assert len(set(folders)) == 3 and not any(folder.exists() for folder in folders)  # nothing left before
    window_factory("--article", "clonazepam")
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "recovery-guide"
    assert [name.split("-")[:2] for name in os.listdir(cache / "pages")] == [["en", "clonazepam"]]
