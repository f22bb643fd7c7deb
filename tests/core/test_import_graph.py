"""The layers of the code, read from its imports: no circle, no Qt in the core, and the core
never reaching into the widgets (issue 19). Every import counts, at the top of a file or in a
function: a circle closed by an import in a function is a circle too.

Imports made only for type annotations don't count. The core is `guide/` outside `guide/ui/`;
the window is `guide/ui/`. Two files stand between them: the command line (`guide/cli.py`),
which starts the window when there is one to show, and the tester's kit (`guide/testing.py`),
which drives it.
"""

import ast
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "guide"
# The ways from the core's command line to Qt: the window, and `guide speech` (QtTextToSpeech
# without a window, for staff trying the voices).
ENTRY = {"guide.cli": {"guide.ui.app", "guide.ui.speech.command"}}
UI_SIDE = {"guide.testing"}  # the tester's kit drives the window: Qt is its business
QT = ("PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = path.relative_to(GUIDE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, wherever the import is; not the names it imports only for
    type annotations (`if TYPE_CHECKING:`), which are never imported when it runs."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}  # "from guide import x"
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in GUIDE.rglob("*.py") if p.name != "resources_rc.py"}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle once, as the modules around it."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for other in sorted(edges[node]):
            if state.get(other) == "open":
                found.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def is_core(name: str) -> bool:
    return not name.startswith("guide.ui") and name not in UI_SIDE


def test_no_module_imports_itself_round_a_circle():
    assert circles(graph()) == []


def test_the_core_imports_no_qt():
    for path in GUIDE.rglob("*.py"):
        name = module_name(path)
        if is_core(name):
            assert not [m for m in imports_of(path) if m.split(".")[0] in QT], name


def test_the_core_never_imports_the_widgets():
    for name, imported in graph().items():
        if is_core(name):
            assert {m for m in imported if m.startswith("guide.ui")} <= ENTRY.get(name, set()), name


def test_the_check_sees_a_circle_and_a_broken_layer(tmp_path):
    """The walk itself can fail: a made-up circle and a core module with Qt are found."""
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    made_up = tmp_path / "guide" / "thing.py"
    made_up.parent.mkdir()
    made_up.write_text("def later():\n    from PySide6.QtCore import Qt\n    from guide.ui.app import run\n")
    assert {"PySide6.QtCore", "guide.ui.app"} <= imports_of(made_up)
