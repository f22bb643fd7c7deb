"""Content packs -> a Library of articles and help lines, with a Problem for every broken file.

Loading never raises for bad content: a file that can't be used becomes a Problem naming the
file and line, and everything else still loads. Only article headers are read here; bodies are
read when an article is first shown (see `Article.read_body`). The bundled pack comes first and
each clinic pack is laid over it: a later pack's article, checklist or service replaces one with
the same id, and its help lines lead the panel.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from pathlib import Path

from guide.checklists.checklist import read_checklist
from guide.files import Problem, leaves, short_digest
from guide.languages import codes
from guide.packs.folder_cache import read_folder
from guide.packs.headers import read_headers
from guide.packs.helplines import read_helplines, with_fallback_helplines
from guide.packs.records import Library
from guide.packs.services import read_services
from guide.packs.synonyms import read_synonyms

BUNDLED_PACK = Path(__file__).parents[1] / "content"


def load_library(extra_packs: tuple[Path, ...] | list[Path] = (), cache_dir: Path | None = None) -> Library:
    """Load the bundled pack, then each extra pack laid over it in order.

    With `cache_dir`, the article headers are remembered there (see guide.packs.folder_cache): a
    start with unchanged packs opens no article file, and the Library is the same either way.
    """
    packs = (BUNDLED_PACK, *extra_packs)
    library = Library(packs=tuple(packs))
    digests = []
    with _collector_paused():
        for pack in packs:
            digests += _load_pack(Path(pack), library, cache_dir)
    library.helplines = with_fallback_helplines(library.helplines)
    if cache_dir is not None:
        library.fingerprint = short_digest("\n".join(digests).encode("utf-8", "surrogateescape"))
    return library


@contextlib.contextmanager
def _collector_paused():
    """No garbage collection while the headers are made: they are tens of thousands of small
    objects that live as long as the guide, and the collector would scan them (and everything
    imported before) again and again as they are made: about 10 ms of CPU time of a warm start
    with 5,000 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_pack(pack: Path, library: Library, cache_dir: Path | None = None) -> list[str]:
    """Lay `pack` over `library`; returns what identifies its article files (for the fingerprint).

    Nothing in a pack stops the rest from loading: a file or folder that can't be read, that
    is not a regular file, or that leads out of the pack is a Problem, and is skipped.
    """
    digests = []
    for lang in codes():
        folder = pack / lang / "articles"
        if (problem := _refused_folder(folder, pack)) is not None:
            library.problems.append(problem)
        else:
            articles, problems, digest = read_headers(folder, lang, cache_dir, pack)
            library.articles.setdefault(lang, {}).update(articles)
            library.problems.extend(problems)
            digests.append(f"{os.path.abspath(folder)}\0{digest}")
        by_checklist_id = library.checklists.setdefault(lang, {})
        folder = pack / lang / "checklists"
        if (problem := _refused_folder(folder, pack)) is not None:
            library.problems.append(problem)
            continue
        listing = read_folder(folder, ".toml", lambda path: path)
        if listing.error:
            library.problems.append(Problem(folder, 1, f"cannot read folder: {listing.error}"))
        for _name, path in listing.entries:
            read = lambda path=path, lang=lang: read_checklist(path, lang)  # noqa: E731
            checklist, problems = _guarded(path, pack, read, (None, []))
            library.problems.extend(problems)
            if checklist is not None:
                by_checklist_id[checklist.id] = checklist
    synonyms_path = pack / "synonyms.toml"
    synonyms, problems = _guarded(synonyms_path, pack, lambda: read_synonyms(synonyms_path), ({}, []))
    library.problems.extend(problems)
    for word, meanings in synonyms.items():
        library.synonyms[word] = tuple(dict.fromkeys((*library.synonyms.get(word, ()), *meanings)))
    services_path = pack / "services.toml"
    services, problems = _guarded(services_path, pack, lambda: read_services(services_path), ([], []))
    library.problems.extend(problems)
    replaced = {service.id for service in services}
    library.services = [s for s in library.services if s.id not in replaced] + services
    locator_path = pack / "locator.json.gz"  # guide.locator.store reads it when a visitor first asks
    if (problem := _refused_file(locator_path, pack)) is not None:
        library.problems.append(problem)
    elif os.path.isfile(locator_path):
        library.locator = locator_path
    helplines_path = pack / "helplines.toml"
    lines, problems = _guarded(helplines_path, pack, lambda: read_helplines(helplines_path), ([], []))
    library.problems.extend(problems)
    # A later pack's lines come first: a clinic's own number leads the panel.
    library.helplines = lines + [h for h in library.helplines if h.id not in {x.id for x in lines}]
    return digests


def _refused_folder(folder: Path, pack: Path) -> Problem | None:
    """Why a pack's folder is not read (it leads out of the pack, or is not a folder); None to read it."""
    try:
        found = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        return None if not os.path.islink(folder) else Problem(folder, 1, "a link to nothing: it is not read")
    except OSError as error:
        return Problem(folder, 1, f"cannot read folder: {error.strerror}")
    if (problem := leaves(folder, pack)) is not None:
        return problem
    if not stat.S_ISDIR(found.st_mode):
        return Problem(folder, 1, "not a folder: it is not read")
    return None


def _refused_file(path: Path, pack: Path) -> Problem | None:
    """Why a pack file that is there is not used (it leads out of the pack); None otherwise."""
    if not os.path.lexists(path):
        return None
    return leaves(path, pack)


def _guarded(path: Path, pack: Path, read, nothing):
    """`read()` for a pack file that is there and inside the pack; else `nothing` with the Problem.

    A reader's own bug on some content is reported as a Problem with the file, never a crash at
    start-up (tests make such bugs loud: every hostile case has its own message).
    """
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return nothing
    except OSError as error:
        return nothing[0], [Problem(path, 1, f"cannot read file: {error.strerror}")]
    if (problem := leaves(path, pack)) is not None:
        return nothing[0], [problem]
    try:
        return read()
    except RecursionError:
        return nothing[0], [Problem(path, 1, "nested too deeply to read")]
    except Exception as error:
        return nothing[0], [Problem(path, 1, f"internal error while reading {path}: {type(error).__name__}: {error}")]
