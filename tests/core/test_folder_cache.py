"""What was read from a folder's files, remembered between runs: reused only while each file is
unchanged, and never a reason to fail."""

import json
import os

import pytest

from guide.packs.folder_cache import cache_file, read_folder


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.md").write_text(f"{name} first\n")
    (folder / "notes.txt").write_text("not an article")
    return folder


@pytest.fixture
def settled(settle):
    settle()  # the files above are a moment old: once settled, a read can be kept


def read_all(folder, cache):
    """Every .md file's first line; how many files were opened."""
    listing = read_folder(folder, ".md", lambda path: path.read_text().splitlines()[0], cache, "test")
    return dict(listing.entries), listing.files_read


def test_unchanged_files_are_not_read_again(folder, tmp_path, settled):
    cache = cache_file(tmp_path / "cache", folder)
    assert read_all(folder, cache) == ({"a.md": "a first", "b.md": "b first", "c.md": "c first"}, 3)
    assert read_all(folder, cache) == ({"a.md": "a first", "b.md": "b first", "c.md": "c first"}, 0)


def test_an_edit_in_place_of_the_same_size_and_time_is_seen(folder, tmp_path, settled):
    cache = cache_file(tmp_path / "cache", folder)
    read_all(folder, cache)
    edited = folder / "b.md"
    before = edited.stat()
    edited.write_text("b again\n")  # as long as "b first"
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old modification time
    assert read_all(folder, cache) == ({"a.md": "a first", "b.md": "b again", "c.md": "c first"}, 1)


def test_added_removed_and_renamed_files_are_seen(folder, tmp_path, settled, settle):
    cache = cache_file(tmp_path / "cache", folder)
    read_all(folder, cache)
    (folder / "d.md").write_text("d new\n")
    (folder / "a.md").unlink()
    (folder / "c.md").rename(folder / "e.md")
    assert read_all(folder, cache) == ({"b.md": "b first", "d.md": "d new", "e.md": "c first"}, 2)
    settle()
    assert read_all(folder, cache)[1] == 2  # d and e were read a moment after they changed
    assert read_all(folder, cache)[1] == 0


def test_a_digest_names_the_files_as_they_are(folder, tmp_path, settled):
    cache = cache_file(tmp_path / "cache", folder)
    first = read_folder(folder, ".md", str, cache).digest
    assert read_folder(folder, ".md", str, cache).digest == first  # taken from the cache
    (folder / "a.md").write_text("a changed, longer\n")
    changed = read_folder(folder, ".md", str, cache).digest
    assert changed != first
    assert read_folder(folder, ".md", str, cache_file(tmp_path / "elsewhere", folder)).digest == changed


def test_a_file_changed_just_before_it_was_read_is_read_again(folder, tmp_path):
    # A change in the same clock tick may not move its times: only time tells it is safe.
    cache = cache_file(tmp_path / "cache", folder)
    read_all(folder, cache)
    assert read_all(folder, cache)[1] == 3  # the files were written a moment ago


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: b"",
        lambda text: b"\x00\xff garbage",
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace(b"a first", b"a FIRST"),  # changed, checksum no longer matches
        lambda text: _with_checksum(b"[]"),
        lambda text: _with_checksum(b'{"format": "1:test", "files": 3}'),
        lambda text: _with_checksum(json.dumps(_rows_changed(text, lambda row: [*row[:4], "x", row[5]])).encode()),
        lambda text: _with_checksum(json.dumps(_rows_changed(text, lambda row: row[:5])).encode()),
        lambda text: _with_checksum(json.dumps(_rows_changed(text, lambda row: 7)).encode()),
    ],
)
def test_a_corrupt_cache_is_ignored_and_written_again(folder, tmp_path, settled, damage):
    cache = cache_file(tmp_path / "cache", folder)
    read_all(folder, cache)
    cache.write_bytes(damage(cache.read_bytes()))
    assert read_all(folder, cache) == ({"a.md": "a first", "b.md": "b first", "c.md": "c first"}, 3)
    assert read_all(folder, cache)[1] == 0  # written afresh


def _with_checksum(text: bytes) -> bytes:
    import zlib

    return b"%08x\n" % zlib.crc32(text) + text


def _rows_changed(text: bytes, change):
    data = json.loads(text.partition(b"\n")[2])
    data["files"] = [change(row) for row in data["files"]]
    return data


def test_a_cache_from_another_reader_or_folder_is_not_used(folder, tmp_path, settled):
    cache = cache_file(tmp_path / "cache", folder)
    read_all(folder, cache)
    assert read_folder(folder, ".md", lambda path: path.name, cache, "another").files_read == 3
    copy = tmp_path / "copy"
    folder.rename(copy)
    assert read_all(copy, cache) == ({"a.md": "a first", "b.md": "b first", "c.md": "c first"}, 3)


def test_an_unwritable_cache_still_reads_every_file(folder, tmp_path, settled):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("in the way")
    cache = cache_file(blocker / "cache", folder)
    for _ in range(2):
        assert read_all(folder, cache) == ({"a.md": "a first", "b.md": "b first", "c.md": "c first"}, 3)


def test_a_missing_folder_has_no_files(tmp_path):
    listing = read_folder(tmp_path / "missing", ".md", str, cache_file(tmp_path / "cache", tmp_path / "missing"))
    assert listing.entries == [] and listing.files_read == 0
