"""Pictures in articles: which ones a page may show, and their bytes.

An article shows a picture from its own pack, written `![what it shows](images/map.png)` and
found next to the language's `articles/` folder (`<pack>/en/images/map.png`). Nothing else is
ever read for a page: no web address, no `data:` or `file:` URL, no absolute path, no path that
leaves the pack (`images/../../..`, or a link pointing out of it), no special file, nothing but
a picture file, nothing over PICTURE_LIMIT. `guide check` and the reader use this one rule.
"""

from __future__ import annotations

import os
from pathlib import Path

from guide.files import ContentError, Problem, leaves, open_regular, read_file
from guide.reader.links import INVISIBLE_RE, SCHEME_RE

PICTURE_LIMIT = 2_000_000  # bytes: a detailed photo or map; more is a mistake, or an attack
PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
# Decoded size, checked from the file's header before it is decoded: a small file can claim a
# 30,000 x 30,000 picture (3.6 GB once decoded).
MAX_PICTURE_SIDE = 4096
# Decoded at most this wide (a wider one is decoded smaller and smoothly, so thin lines survive the fit); on the page
# the reader's style sheet (img { max-width: 100% }) fits it to the page's width, never cut off.
DECODED_WIDTH = 1000

INSIDE_ONLY = "only a picture inside the pack is shown, like images/map.png"
LEAVES = "the path leads out of the pack; use a picture inside it, like images/map.png"
NOT_A_PICTURE = f"only picture files are shown ({', '.join(PICTURE_TYPES)})"


def language_folder(article_path: Path) -> Path:
    """Where an article's pictures are looked for: `<pack>/<lang>/` for `<pack>/<lang>/articles/x.md`."""
    return article_path.parent.parent


def picture_refusal(target: str, folder: Path) -> str:
    """Why a page in the language folder `folder` would not show the picture `target` ("" if it would)."""
    if SCHEME_RE.match(INVISIBLE_RE.sub("", target)) or target.startswith(("/", "\\")) or os.path.isabs(target):
        return INSIDE_ONLY
    if "\\" in target or "\x00" in target or not target.strip():
        return INSIDE_ONLY
    if leaves(folder / target, folder.parent) is not None:
        return LEAVES
    if not target.lower().endswith(PICTURE_TYPES):
        return NOT_A_PICTURE
    return ""


def read_picture(target: str, folder: Path) -> bytes | None:
    """The bytes of the picture `target` for a page in `folder`, or None when it isn't shown
    (refused by the rule above, missing, unreadable, not a regular file, too large). Never raises."""
    if picture_refusal(target, folder):
        return None
    try:
        return read_file(folder / target, PICTURE_LIMIT)
    except ContentError:
        return None


def picture_problem(target: str, folder: Path, path: Path, line: int) -> Problem | None:
    """What `guide check` says about the picture `target` of the article at `path` (None if it's fine)."""
    if reason := picture_refusal(target, folder):
        return Problem(path, line, f"image '{target}' is not shown: {reason}")
    picture = folder / target
    if not picture.is_file():
        return Problem(path, line, f"image '{target}' not found (looked in {folder})")
    try:
        open_regular(picture, PICTURE_LIMIT).close()  # its kind and size, without reading it
    except ContentError as error:
        return Problem(path, line, f"image '{target}' is not shown: {error.problem.message}")
    return None
