"""`guide check` reports exactly what it reported before it was made faster (issue 17).

tests/fixtures/check-golden/pack is a frozen pack (laid over the bundled one) holding every
article-shaped case of test_check.py and test_hostile_packs.py, links to headings in its own
and other pages (accents, CRLF lines, a form feed and U+2028 inside lines), code blocks, list
intros, tables, stigma words from its own terms.toml, placeholders, pictures, lists nested too
deep, invalid UTF-8, Spanish pages and 30 synthetic articles from benchmarks/corpus.py.
expected.txt is what `guide check` printed for it BEFORE the speed-up (the code of commit
4babeb8), written by `python tests/core/test_check_golden.py`. Run that again only when a
check deliberately changes what it says, and read the diff.

The bundled pack's own list (empty) is held by test_check.py's test_the_bundled_pack_passes_strict.
"""

import sys
from datetime import date
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "check-golden"
PACK = FIXTURE / "pack"
EXPECTED = FIXTURE / "expected.txt"
TODAY = date(2026, 12, 1)  # review dates are judged against this day, not the day the test runs


def check_output(pack: Path = PACK, workers: int = 1) -> str:
    """What `guide check PACK` prints, with the pack's folder written as PACK, then every
    article's reading level as `guide check --readability` gives it (each figure, not only the
    ones past the aim). Only the pack's own files: the bundled pack's are its own business."""
    from guide.packs.check import check_library, count_pack_files, readability_table
    from guide.packs.library import load_library

    root = pack.resolve()
    found = check_library(load_library([pack]), today=TODAY, workers=workers)
    problems = [p for p in found if p.path.resolve().is_relative_to(root)]
    errors = sum(p.severity == "error" for p in problems)
    lines = [str(p) for p in problems]
    lines.append(f"{count_pack_files([pack])} files checked: {errors} errors, {len(problems) - errors} warnings")
    library = load_library([pack])
    for lang, article_id, _, figure in readability_table(library):
        if library.article(article_id, lang).path.resolve().is_relative_to(root):  # not the bundled pages
            lines.append(f"{lang} {article_id}: {figure!r}")
    return "\n".join(lines).replace(str(pack), "PACK").replace(str(root), "PACK") + "\n"


def test_check_reports_what_it_reported_before_it_was_made_faster():
    expected = EXPECTED.read_text("utf-8")
    assert expected.count("\n") > 100  # the frozen list is all there
    assert check_output() == expected


def test_check_in_two_processes_reports_the_same(monkeypatch):
    from guide.packs import check

    pools = []

    class Counted(check.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(check, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(check, "PARALLEL_FROM", 10)  # the fixture's 60-odd articles (and the bundled ones)
    monkeypatch.setattr(check, "_CHUNK", 7)  # in many chunks, so the two workers share them
    assert check_output(workers=2) == EXPECTED.read_text("utf-8")
    assert pools == [(2,)]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    EXPECTED.write_text(check_output(), "utf-8")
    print(f"wrote {EXPECTED}")
