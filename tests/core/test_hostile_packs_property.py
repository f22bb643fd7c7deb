"""Property tests: hostile TOML and markdown of every kind a pack holds never stop the guide.

For every generated file: loading raises nothing, 911 and 988 stay on the panel, a file that
is certainly bad (nested too deep, invalid UTF-8, a value of the wrong type) is a Problem
naming it, and `guide check` and the renderer raise nothing either.
"""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.packs.check import check_library
from guide.packs.library import load_library
from guide.reader.render import Renderer

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "helplines.toml": (
        '[[helpline]]\nid = "clinic"\n'
        'contacts = [{ kind = "call", number = "217-555-0100", label = { en = "Call" } }]\n'
        'emergency = false\n[helpline.en]\nname = "Clinic"\n'
    ),
    "services.toml": '[[service]]\nid = "clinic"\nkind = "detox"\nname = "Detox"\nphone = "217-555-0180"\n',
    "synonyms.toml": 'benzos = ["benzodiazepines"]\n',
    "terms.toml": 'addict = "person with a substance use disorder"\n',
    "en/checklists/signs.toml": (
        'title = "Signs"\nintro = "Tick."\narticle = "home"\n[[groups]]\ntitle = "A"\n'
        '[[groups.items]]\nid = "one"\ntext = "One"\n[[bands]]\nmin = 0\nmax = 1\nmessage = "Talk to a nurse."\n'
    ),
}
# Values a key can hold in TOML, none of them what the guide wants where they are put.
WRONG = st.sampled_from(
    ["5", '["x"]', "[1, 2]", '"x"', "{ a = 1 }", "true", "1979-05-27", "3.5", "[{ kind = 5 }]", '"false"', "[[1]]"]
)
KEYS = {
    "helplines.toml": ["helpline", "contacts", "label", "number", "kind", "name", "emergency", "id"],
    "services.toml": ["service", "kind", "phone", "name", "languages", "last_checked", "id"],
    "synonyms.toml": ["benzos"],
    "terms.toml": ["addict"],
    "en/checklists/signs.toml": ["groups", "items", "bands", "min", "max", "title", "intro", "text", "id"],
}


def nesting_bomb(key: str, depth: int, table: bool) -> str:
    return f"{key} = " + ("{a = " * depth + "1" + "}" * depth if table else "[" * depth + "]" * depth) + "\n"


@st.composite
def hostile_toml(draw):
    """(relative path, bytes, certainly bad?) for one of the pack's TOML files."""
    relative = draw(st.sampled_from(sorted(VALID)))
    text = VALID[relative]
    how = draw(st.sampled_from(["bomb", "bytes", "wrong", "cut", "noise"]))
    if how == "bomb":
        key = draw(st.sampled_from(KEYS[relative]))
        return relative, nesting_bomb(key, draw(st.integers(400, 3000)), draw(st.booleans())).encode(), True
    if how == "bytes":
        at = draw(st.integers(0, len(text)))
        return relative, text[:at].encode() + b"\xff\xfe" + text[at:].encode(), True
    if how == "wrong":
        key = draw(st.sampled_from([k for k in KEYS[relative] if f"\n{k} = " in "\n" + text]))
        lines = [f"{key} = {draw(WRONG)}" if line.startswith(f"{key} = ") else line for line in text.splitlines()]
        return relative, ("\n".join(lines) + "\n").encode(), False  # some wrong values are still usable
    if how == "cut":
        return relative, text[: draw(st.integers(0, len(text)))].encode(), False
    noise = draw(st.text(alphabet=st.sampled_from(list("[]{}=\",\n abc1.#\\'")), max_size=300))
    return relative, noise.encode(), False


@st.composite
def hostile_article(draw):
    """(bytes, where the certain fault is: "load", "check" or None)."""
    header = "Title: Page\nSummary: A page.\n\n"
    kind = draw(st.sampled_from(["deep", "bytes", "noise", "links"]))
    if kind == "deep":
        depth = draw(st.integers(12, 1200))
        lead = draw(st.sampled_from(["\t", "    ", "> ", "\t> "]))
        return (header + "\n".join(lead * n + "- x" for n in range(depth))).encode(), "check"
    if kind == "bytes":
        body = draw(st.text(max_size=200))
        at = draw(st.integers(0, len(body)))
        where_bytes = draw(st.sampled_from(["header", "body"]))
        if where_bytes == "header":
            return b"Title: P\xff\n\n" + body.encode(), "load"
        return (header + body[:at]).encode() + b"\xc3\x28" + body[at:].encode(), "check"
    if kind == "links":
        target = draw(
            st.sampled_from(
                ["javascript:alert(1)", "file:///etc/passwd", "/etc/hostname", "images/../../../x", "data:,x"]
            )
        )
        shape = draw(st.sampled_from(["[a]({t})", "![a]({t})", "[a][r]\n\n[r]: {t}", "<{t}>", "![a][r]\n\n[r]: {t}"]))
        return (header + shape.format(t=target) + "\n").encode(), "check"
    alphabet = st.sampled_from(list("#>*-+`[]()!<>:\n\t 1.|_~=ab\\"))
    return (header + draw(st.text(alphabet=alphabet, max_size=600))).encode(), None


def load(files: dict[str, bytes]):
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder, load_library([folder])


def help_numbers(library) -> set[str]:
    return {c.number for h in library.helplines for c in h.contacts}


@SETTINGS
@given(hostile_toml())
def test_hostile_toml_never_stops_the_guide(case):
    relative, data, certainly_bad = case
    folder, library = load({relative: data, "en/articles/good.md": b"Title: Good\n\nWords.\n"})
    assert {"911", "988"} <= help_numbers(library)
    assert library.article("good") is not None
    problems = check_library(library)
    if certainly_bad:
        assert any(p.path == folder / relative for p in problems), problems


@SETTINGS
@given(hostile_article())
def test_hostile_markdown_never_stops_the_guide(case):
    data, fault = case
    folder, library = load({"en/articles/page.md": data})
    assert {"911", "988"} <= help_numbers(library)
    path = folder / "en/articles/page.md"
    if fault == "load":
        assert any(p.path == path for p in library.problems)
    html = Renderer(library).article_html("page", "en")
    assert str(folder) not in html
    problems = check_library(library)
    if fault is not None:
        assert any(p.path == path and p.severity == "error" for p in problems), problems
