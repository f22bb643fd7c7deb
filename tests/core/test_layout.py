"""The house a newcomer reads (issue 19): feature folders named the same on both sides of the Qt
line, and no module so long that it holds several concerns."""

from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "guide"
GENERATED = {"resources_rc.py"}  # pyside6-rcc's output
MAX_LINES = 450  # library.py was 759 lines and six concerns before it was split


def long_modules(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name not in GENERATED and (count := len(path.read_text("utf-8").splitlines())) > MAX_LINES:
            found.append(f"{path.relative_to(root)}: {count} lines")
    return found


def unmatched_widget_folders(root: Path) -> list[str]:
    """Folders of widgets (guide/ui/<name>/) with no core folder of the same name (guide/<name>/)."""
    ui = root / "ui"
    return sorted(
        folder.name
        for folder in ui.iterdir()
        if folder.is_dir() and (folder / "__init__.py").exists() and not (root / folder.name / "__init__.py").exists()
    )


def test_no_hand_written_module_is_longer_than_the_limit():
    assert long_modules(GUIDE) == []


def test_each_folder_of_widgets_has_its_core_folder_of_the_same_name():
    assert unmatched_widget_folders(GUIDE) == []
    assert {p.parent.name for p in (GUIDE / "ui").glob("*/__init__.py")} >= {"reader", "search", "kiosk"}


def test_the_checks_can_fail(tmp_path):
    (tmp_path / "ui" / "maps").mkdir(parents=True)
    (tmp_path / "ui" / "maps" / "__init__.py").write_text("")
    (tmp_path / "big.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "resources_rc.py").write_text("x = 1\n" * (MAX_LINES + 1))
    assert unmatched_widget_folders(tmp_path) == ["maps"]
    assert long_modules(tmp_path) == [f"big.py: {MAX_LINES + 1} lines"]
