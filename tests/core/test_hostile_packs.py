"""Hostile packs: whatever a pack holds, the guide starts with the rest and `guide check` says what is wrong.

Each case was a traceback, a hang or silence before (issue 17).
"""

import os
from pathlib import Path

import pytest
from helpers import article

from guide import files
from guide.cli import check_main
from guide.packs.check import check_library
from guide.packs.library import load_library
from guide.reader.render import Renderer

GOOD_LINE = """
[[helpline]]
id = "clinic"
contacts = [{ kind = "call", number = "217-555-0100" }]
[helpline.en]
name = "Clinic"
"""

GOOD_SERVICE = """
[[service]]
id = "clinic"
kind = "detox"
name = "Clinic detox"
phone = "217-555-0180"
"""


def checklist(items: int = 1) -> str:
    lines = ['title = "Signs"', 'intro = "Tick what fits."', "[[groups]]", 'title = "Signs"']
    for n in range(items):
        lines += ["[[groups.items]]", f'id = "item-{n}"', f'text = "Sign {n}"']
    lines += ["[[bands]]", "min = 0", f"max = {items}", 'message = "Talk to a nurse."']
    return "\n".join(lines) + "\n"


def problems_in(library, name):
    return [p for p in library.problems if p.path.name == name]


def numbers(library):
    return {c.number for h in library.helplines for c in h.contacts}


def bomb(depth: int, key: str = "x") -> str:
    return f"{key} = " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize(
    "relative",
    ["en/checklists/deep.toml", "helplines.toml", "synonyms.toml", "services.toml"],
)
@pytest.mark.parametrize("shape", ["array", "table"])
def test_toml_nested_thousands_deep_is_one_problem_and_the_rest_loads(make_pack, relative, shape):
    text = bomb(600) if shape == "array" else "x = " + "{a = " * 600 + "1" + "}" * 600 + "\n"
    pack = make_pack({relative: text, "en/articles/good.md": article("Good page")})
    library = load_library([pack])
    found = problems_in(library, Path(relative).name)
    assert len(found) == 1 and "nested too deeply" in found[0].message
    assert library.article("good").title == "Good page"
    assert {"911", "988"} <= numbers(library)


def test_terms_nested_thousands_deep_is_reported_by_check(make_pack):
    pack = make_pack({"terms.toml": bomb(600), "en/articles/good.md": article("Good page")})
    found = [p for p in check_library(load_library([pack])) if p.path.name == "terms.toml"]
    assert len(found) == 1 and "nested too deeply" in found[0].message


HELPLINE_TYPES = {
    "contacts = 5": GOOD_LINE.replace('contacts = [{ kind = "call", number = "217-555-0100" }]', "contacts = 5"),
    'contacts = ["x"]': GOOD_LINE.replace(
        'contacts = [{ kind = "call", number = "217-555-0100" }]', 'contacts = ["x"]'
    ),
    'helpline = "x"': 'helpline = "x"\n',
    "helpline = [1,2]": "helpline = [1, 2]\n",
    "label = [1,2]": GOOD_LINE.replace('"217-555-0100" }', '"217-555-0100", label = [1, 2] }'),
    "name = 5": GOOD_LINE.replace('name = "Clinic"', "name = 5"),
}


@pytest.mark.parametrize("case", sorted(HELPLINE_TYPES))
def test_wrong_types_in_helplines_are_a_problem_at_their_line(make_pack, case):
    text = HELPLINE_TYPES[case]
    pack = make_pack({"helplines.toml": text})
    library = load_library([pack])
    found = problems_in(library, "helplines.toml")
    assert found, case
    wanted = case.split(" = ")[0]
    lines = text.lstrip("\n").splitlines()
    assert any(wanted in lines[p.line - 1] for p in found), (case, found)
    assert {"911", "988"} <= numbers(library)


@pytest.mark.parametrize("text", ["service = 5\n", 'service = ["a"]\n', GOOD_SERVICE.replace('"detox"', "[1]")])
def test_wrong_types_in_services_are_a_problem_at_their_line(make_pack, text):
    pack = make_pack({"services.toml": text + GOOD_SERVICE.replace('"clinic"', '"other"') if "[[" in text else text})
    library = load_library([pack])
    found = problems_in(library, "services.toml")
    assert found
    lines = text.lstrip("\n").splitlines()
    key = "kind" if "[1]" in text else "service"
    assert any(key in lines[p.line - 1] for p in found if p.line <= len(lines)), found


def test_a_string_emergency_flag_is_a_problem_not_an_emergency_line(make_pack):
    pack = make_pack({"helplines.toml": GOOD_LINE.replace('id = "clinic"', 'id = "clinic"\nemergency = "false"')})
    library = load_library([pack])
    assert library.helplines[0].contacts[0].number == "911"
    clinic = next(h for h in library.helplines if h.id == "clinic")
    assert not clinic.emergency
    (found,) = problems_in(library, "helplines.toml")
    assert found.line == 3 and "emergency" in found.message and "true or false" in found.message


def _denied(pack: Path):
    """What a folder of mode 000 does to a non-root reader, for paths under `pack` (tests run as root)."""
    real = {"scandir": os.scandir, "stat": os.stat, "lstat": os.lstat, "open": os.open}

    def guard(name):
        def call(path, *args, **kwargs):
            if (
                isinstance(path, (str, os.PathLike))
                and Path(os.fspath(path)) != pack
                and Path(os.fspath(path)).is_relative_to(pack)
            ):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real[name](path, *args, **kwargs)

        return call

    return {name: guard(name) for name in real}


def test_a_pack_folder_of_mode_000_is_reported_and_the_rest_loads(make_pack, monkeypatch):
    pack = make_pack({"en/articles/good.md": article("Good"), "helplines.toml": GOOD_LINE})
    os.chmod(pack, 0)  # as root this changes nothing, so the refusals are simulated as well
    try:
        for name, call in _denied(pack).items():
            monkeypatch.setattr(os, name, call)
        library = load_library([pack])
    finally:
        monkeypatch.undo()
        os.chmod(pack, 0o755)
    assert any("Permission denied" in p.message for p in library.problems), library.problems
    assert library.article("clonazepam") is not None and {"911", "988"} <= numbers(library)


def test_an_unreadable_articles_folder_is_an_error_in_check(make_pack, monkeypatch, capsys):
    pack = make_pack({"en/articles/good.md": article("Good")})
    folder = pack / "en" / "articles"
    real = os.scandir

    def scandir(path="."):
        if Path(os.fspath(path)) == folder:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert check_main([str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{folder}:1: error: cannot read folder: Permission denied" in out


@pytest.mark.timeout(10)  # opening a FIFO for reading would wait for a writer for ever
@pytest.mark.parametrize("relative", ["en/articles/x.md", "helplines.toml", "en/checklists/x.toml"])
def test_a_fifo_is_refused_without_being_opened(make_pack, relative):
    pack = make_pack({"en/articles/good.md": article("Good")})
    fifo = pack / relative
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)  # opening it for reading would block for ever (the test's timeout catches that)
    library = load_library([pack])
    (found,) = problems_in(library, fifo.name)
    assert "not a regular file" in found.message
    assert library.article("good") is not None
    assert any(p.path == fifo for p in check_library(library))


def test_links_out_of_the_pack_are_refused_and_reported(make_pack, tmp_path):
    outside = make_pack(
        {
            "secret.md": article("Secret"),
            "articles/elsewhere.md": article("Elsewhere"),
            "helplines.toml": GOOD_LINE,
        },
        name="outside",
    )
    pack = make_pack({"en/articles/good.md": article("Good")})
    (pack / "en/articles/zero.md").symlink_to("/dev/zero")
    (pack / "en/articles/secret.md").symlink_to(outside / "secret.md")
    (pack / "es").mkdir()
    (pack / "es/articles").symlink_to(outside / "articles")
    (pack / "helplines.toml").symlink_to(outside / "helplines.toml")
    library = load_library([pack])
    assert library.article("good") is not None
    assert library.article("zero") is None and library.article("secret") is None
    assert library.article("elsewhere", "es") is None and "clinic" not in {h.id for h in library.helplines}
    said = {p.path.relative_to(pack).as_posix(): p.message for p in library.problems}
    assert "not a regular file" in said["en/articles/zero.md"] or "leaves the pack" in said["en/articles/zero.md"]
    for refused in ("en/articles/secret.md", "es/articles", "helplines.toml"):
        assert "leaves the pack" in said[refused], (refused, said)


def test_a_link_inside_the_pack_still_loads(make_pack):
    pack = make_pack({"en/articles/good.md": article("Good"), "shared/helplines.toml": GOOD_LINE})
    (pack / "helplines.toml").symlink_to(pack / "shared/helplines.toml")
    (pack / "en/articles/alias.md").symlink_to(pack / "en/articles/good.md")
    library = load_library([pack])
    assert "clinic" in {h.id for h in library.helplines}
    assert library.article("alias").title == "Good"
    assert library.problems == []


def test_oversized_files_are_reported_and_skipped(make_pack):
    big_article = article("Big", body="word " * (files.ARTICLE_LIMIT // 5 + 10))
    big_toml = GOOD_LINE + "# " + "x" * files.TOML_LIMIT + "\n"
    pack = make_pack(
        {"en/articles/big.md": big_article, "helplines.toml": big_toml, "en/articles/good.md": article("Good")}
    )
    library = load_library([pack])
    assert library.article("big") is None and "clinic" not in {h.id for h in library.helplines}
    for name in ("big.md", "helplines.toml"):
        (found,) = problems_in(library, name)
        assert "too large" in found.message


def test_invalid_utf8_in_a_body_is_reported_by_check_and_never_shows_a_path(make_pack, capsys):
    pack = make_pack({"en/articles/half.md": article("Half").encode() + b"Fine line.\nbad \xff byte\n"})
    library = load_library([pack])
    html = Renderer(library).article_html("half", "en")
    assert str(pack) not in html and "half.md" not in html
    assert check_main(["--strict", str(pack)]) == 1
    assert f"{pack / 'en/articles/half.md'}:5: error: not valid UTF-8" in capsys.readouterr().out


@pytest.mark.parametrize("depth", [300, 1000])
def test_deeply_nested_lists_render_bounded_and_check_reports_them(make_pack, depth):
    body = "\n".join("\t" * n + "- level" for n in range(depth))  # tabs: 1,000 levels in 500 KB
    pack = make_pack({"en/articles/deep.md": article("Deep", body=body)})
    library = load_library([pack])
    html = Renderer(library).article_html("deep", "en")
    assert html.count("<li>") == depth  # every item shown, at most ten deep
    found = [p for p in check_library(library) if p.path.name == "deep.md" and "nested" in p.message]
    assert found and found[0].line >= 3


def test_a_long_checklist_is_read_once(make_pack, monkeypatch):
    pack = make_pack({"en/checklists/long.toml": checklist(10_000)})
    target = pack / "en/checklists/long.toml"
    reads = []
    for name in ("read_text", "read_bytes", "open"):
        real = getattr(Path, name)

        def counted(self, *args, real=real, name=name, **kwargs):
            if self == target:
                reads.append(name)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, name, counted)
    real_open = os.open
    monkeypatch.setattr(
        os,
        "open",
        lambda p, *a, **k: (reads.append("os.open") if Path(p) == target else None, real_open(p, *a, **k))[1],
    )
    library = load_library([pack])
    assert len(library.checklist("long").items) == 10_000
    assert len(reads) == 1, reads


BODIES = {
    "reference javascript": "[run][r]\n\n[r]: javascript:alert(1)\n",
    "reference file": "[read][r]\n\n[r]: file:///etc/passwd\n",
    "http image": "![map](http://example.org/map.png)\n",
    "data image": "![map](data:image/png;base64,AAAA)\n",
    "file image": "![map](file:///etc/hostname)\n",
    "javascript image": "![map](javascript:alert(1))\n",
    "absolute image": "![map](/etc/hostname)\n",
    "image leaving": "![map](images/../../../x.png)\n",
    "autolink file": "See <file:///etc/passwd> now.\n",
    "autolink javascript": "See <javascript:alert(1)> now.\n",
    "tab in target": "[run](java\tscript:alert(1))\n",
}


@pytest.mark.parametrize("case", sorted(BODIES))
def test_check_reports_what_the_reader_refuses(make_pack, case):
    files = {"en/articles/x.md": article("X", body=BODIES[case]), "x.png": b"png", "en/images/a.png": b"png"}
    pack = make_pack(files)
    found = [p for p in check_library(load_library([pack])) if p.path.name == "x.md" and p.severity == "error"]
    line = 5 if case.startswith("reference") else 3  # where the target is written
    assert any(p.line == line and ("can't be opened" in p.message or "is not shown" in p.message) for p in found), found


def test_a_checklist_article_must_be_an_article_id(make_pack):
    text = checklist(1).replace(
        'intro = "Tick what fits."', 'intro = "Tick what fits."\narticle = "../../../etc/passwd"'
    )
    pack = make_pack({"en/checklists/signs.toml": text})
    library = load_library([pack])
    found = [p for p in check_library(library) if p.path.name == "signs.toml"]
    assert any(p.line == 3 and "article" in p.message for p in found), found


def test_check_ends_with_a_summary_line(make_pack, capsys):
    pack = make_pack({"en/articles/good.md": article("Good")})
    check_main([str(pack)])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "1 file checked: 5 errors, 1 warning"  # no Summary, Category... and no Spanish twin
    good = make_pack({}, name="empty")
    assert check_main([str(good)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 files checked: 0 errors, 0 warnings"


def test_a_bug_inside_check_is_reported_with_its_file(make_pack, monkeypatch, capsys):
    from guide.packs import check

    pack = make_pack({"en/articles/good.md": article("Good")})

    def broken(*args):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(check, "_check_overdose_names_naloxone", broken)
    assert check_main([str(pack)]) == 1
    out = capsys.readouterr().out
    good = pack / "en/articles/good.md"
    assert f"{good}:1: error: internal error while checking {good}: ZeroDivisionError: boom" in out
