"""`guide check`: one broken file per check, each reported at its line; good packs pass."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from guide.packs.check import check_library
from guide.packs.library import load_library

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-pack"

HEADER = """Title: {title}
Summary: A page.
Category: Tests
Reviewed: 2026-11-01
Review-due: {due}
Sources: SAMHSA. National Helpline.
    NIDA. Drug facts.

"""


def page(body, title="A page", due="2027-11-01"):
    return HEADER.format(title=title, due=due) + body


BROKEN = {
    "en/articles/no-meta.md": "Title: Bare\n\nJust words.\n",
    "en/articles/bad-date.md": page("Fine.\n").replace("Reviewed: 2026-11-01", "Reviewed: 2026-13-01"),
    "en/articles/overdue.md": page("Fine.\n", due="2025-01-01"),
    "en/articles/dead-links.md": page(
        "See [nothing](no-such-page.md).\n\nAnd [a list](checklist:no-such-list).\n\n"
        "And [a heading](clonazepam.md#no-such-heading).\n\nAnd [here](#not-here).\n"
    ),
    "en/articles/raw-html.md": page("Some <b>bold</b> words.\n"),
    "en/articles/bad-scheme.md": page("[Run](javascript:alert(1)) and [read](file:///etc/passwd).\n"),
    "en/articles/placeholder.md": page("Call for free at to discuss your options.\n"),
    "en/articles/dangling-list.md": page("Aftercare can involve:\n\nSomething else entirely.\n"),
    "en/articles/stigma.md": page("Nobody is just an addict.\n"),
    "en/articles/missing-image.md": page("![A map](images/map.png)\n"),
    "en/articles/not-a-picture.md": page("![Notes](images/notes.txt)\n"),
    "en/articles/huge-picture.md": page("![A photo](images/photo.png)\n"),
    "en/images/notes.txt": "staff notes\n",
    "en/images/photo.png": b"\x89PNG" + b"\0" * 2_000_001,
    "en/articles/Bad_Id.md": page("Fine.\n"),
    "en/checklists/bad-toml.toml": 'title = "Unclosed\n',
    "helplines.toml": """
[[helpline]]
id = "twice"
contacts = [{ kind = "call", number = "217-555-0100" }]
[helpline.en]
name = "One"

[[helpline]]
id = "twice"
contacts = [{ kind = "call", number = "217-555-0101" }]
[helpline.en]
name = "Two"

[[helpline]]
id = "no-number"
contacts = [{ kind = "call", number = "555" }]
[helpline.en]
name = "Gap"
""".lstrip(),
    "services.toml": """
[[service]]
id = "no-phone"
kind = "detox"
name = "Somewhere"
phone = "call us"
""".lstrip(),
}

# (file, line, words in the message, severity)
EXPECTED = [
    ("no-meta.md", 1, "no Summary", "error"),
    ("no-meta.md", 1, "no Sources", "error"),
    ("bad-date.md", 4, "not a date", "error"),
    ("overdue.md", 5, "review was due on 2025-01-01", "warning"),
    ("dead-links.md", 9, "missing article 'no-such-page'", "error"),
    ("dead-links.md", 11, "missing checklist 'no-such-list'", "error"),
    ("dead-links.md", 13, "missing heading '#no-such-heading' in 'clonazepam'", "error"),
    ("dead-links.md", 15, "missing heading '#not-here'", "error"),
    ("raw-html.md", 9, "raw HTML", "error"),
    ("bad-scheme.md", 9, "link 'javascript:alert(1)' can't be opened", "error"),
    ("bad-scheme.md", 9, "link 'file:///etc/passwd' can't be opened", "error"),
    ("placeholder.md", 9, "placeholder or a gap", "error"),
    ("dangling-list.md", 9, "no list follows", "error"),
    ("stigma.md", 9, "'addict' can hurt; say 'a person with a substance use disorder'", "warning"),
    ("missing-image.md", 9, "image 'images/map.png' not found", "error"),
    ("not-a-picture.md", 9, "image 'images/notes.txt' is not shown: only picture files", "error"),
    ("huge-picture.md", 9, "image 'images/photo.png' is not shown: too large", "error"),
    ("Bad_Id.md", 1, "invalid article id 'Bad_Id'", "error"),
    ("bad-toml.toml", 1, "not valid TOML", "error"),
    ("helplines.toml", 8, "'twice': the same id is used twice", "error"),
    ("helplines.toml", 14, "'555' is not a valid phone number", "error"),
    ("services.toml", 2, "'call us' is not a valid phone number", "error"),
    ("stigma.md", 1, "no es translation of 'stigma'", "warning"),
]


@pytest.fixture
def broken(make_pack):
    return make_pack(BROKEN, name="broken")


def test_each_check_reports_its_file_and_line(broken):
    found = check_library(load_library([broken]), today=date(2026, 11, 26))
    for name, line, words, severity in EXPECTED:
        assert any(
            p.path.name == name and p.line == line and words in p.message and p.severity == severity for p in found
        ), (name, line, words, [str(p) for p in found if p.path.name == name])


def test_guide_check_prints_compiler_style_and_exits_1(broken):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = "error: raw HTML is not allowed: it is shown as text; use markdown"
    assert f"{broken / 'en/articles/raw-html.md'}:9: {expected}" in lines
    assert all(line.startswith(str(broken)) for line in lines[:-1])  # only the clinic's own files
    assert re.fullmatch(r"\d+ files checked: \d+ errors, \d+ warnings", lines[-1])


def test_warnings_fail_only_with_strict(make_pack):
    pack = make_pack(
        {
            "en/articles/words.md": page("Nobody is just an addict.\n"),
            "es/articles/words.md": page("Hola.\n"),
        }
    )
    check = [sys.executable, str(ROOT / "main.py"), "check", str(pack)]
    assert subprocess.run(check, capture_output=True, timeout=60).returncode == 0
    assert subprocess.run([*check, "--strict"], capture_output=True, timeout=60).returncode == 1


def test_the_bundled_pack_passes_strict():
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert re.fullmatch(r"\d+ files checked: 0 errors, 0 warnings\n", result.stdout)


def test_the_example_pack_has_no_errors():
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "line",
    [
        "You do not need a referral to call us.",
        "For danger right now, call 911.",
        "Call us at 217-555-0142 to talk.",
        "Call the clinic at the front desk.",
        "Recovery can involve:\n\n- therapy\n- support groups",
    ],
)
def test_ordinary_sentences_pass(make_pack, line):
    pack = make_pack({"en/articles/fine.md": page(line + "\n"), "es/articles/fine.md": page("Bien.\n")})
    found = [
        p
        for p in check_library(load_library([pack]))
        if p.path.is_relative_to(pack) and "hard to read" not in p.message
    ]
    assert found == []  # (a one-line page's reading level says nothing: that check is tested on its own)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Watch for the signs.\n\nAn overdose can look like deep sleep. Call 911.\n"),
        ("es", "Fíjese en las señales.\n\nUna sobredosis puede parecer un sueño profundo. Llame al 911.\n"),
    ],
)
def test_an_overdose_page_that_never_names_naloxone_is_warned_at_its_first_overdose_line(make_pack, lang, body):
    pack = make_pack({f"{lang}/articles/overdose.md": page(body), "en/articles/other.md": page("Fine.\n")})
    found = [p for p in check_library(load_library([pack])) if p.path.name == "overdose.md"]
    (warning,) = [p for p in found if "naloxon" in p.message]
    assert (warning.line, warning.severity) == (11, "warning")
    assert "never names " + ("naloxone" if lang == "en" else "naloxona") in warning.message


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "An overdose can look like deep sleep. Call 911, and give naloxone if you have it.\n"),
        ("es", "Una sobredosis puede parecer un sueño profundo. Llame al 911 y dele naloxona.\n"),
        ("en", "Signs of withdrawal. Call 911 for a seizure.\n"),  # no overdose: nothing to say
    ],
)
def test_a_page_that_names_naloxone_or_has_no_overdose_is_not_warned(make_pack, lang, body):
    pack = make_pack({f"{lang}/articles/page.md": page(body)})
    assert not [p for p in check_library(load_library([pack])) if "naloxon" in p.message]


def test_more_help_lines_than_the_panel_holds_is_a_warning_at_the_packs_first_line(make_pack):
    from guide.help.overflow import PANEL_LIMIT

    entries = "".join(
        f'[[helpline]]\nid = "line-{n}"\ncontacts = [{{ kind = "call", number = "1-800-555-01{n:02}" }}]\n'
        f'[helpline.en]\nname = "Line {n}"\n\n'
        for n in range(PANEL_LIMIT - 5 + 1)  # the bundled five and these: one more than fits
    )
    pack = make_pack({"helplines.toml": "# Our lines\n\n" + entries})
    found = [p for p in check_library(load_library([pack])) if "help panel" in p.message]
    assert [(p.path, p.line, p.severity) for p in found] == [(pack / "helplines.toml", 4, "warning")]
    assert "'poison-help'" in found[0].message  # the lowest line that isn't a crisis line
    (pack / "helplines.toml").write_text("# Our lines\n\n" + entries.split("\n\n")[0] + "\n", encoding="utf-8")
    assert not [p for p in check_library(load_library([pack])) if "help panel" in p.message]
