"""The help panel is on screen, whole, at every window size and zoom step."""

import re
from pathlib import Path

import pytest
from geometry import label_problems, layout_problems, readable, rect_in, words_problems, wrapped_lines
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton

from guide.help.overflow import PANEL_LIMIT, always_whole
from guide.session import ZOOM_STEPS

SIZES = [(800, 600), (1024, 768), (1280, 800), (1366, 768), (1920, 1080)]
# Sizes for the whole-lines guarantee: the smallest, the common, a tall narrow one, the large.
GUARANTEE_SIZES = [(800, 600), (1024, 768), (1280, 800), (800, 1000), (1920, 1080)]
BUSY_CLINIC = Path(__file__).resolve().parents[1] / "fixtures" / "busy-clinic" / "helplines.toml"


def rect_in_window(widget, window) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", SIZES)
def test_every_help_line_is_inside_the_window_at_every_zoom(window_factory, qtbot, size):
    window = window_factory("--article", "clonazepam", size=size)
    panel = window.help_panel
    entries = [f for f in panel.findChildren(QFrame) if f.property("role") == "helpline"]
    assert len(entries) == 5
    while window.session.can_zoom_out:
        window.on_zoom_out()
    for zoom in ZOOM_STEPS:
        assert window.session.zoom == zoom
        qtbot.wait(1)  # let the layout settle after the font change
        assert panel.isVisible()
        assert window.rect().contains(rect_in_window(panel, window))
        for entry in entries:
            assert entry.isVisible()
            assert rect_in_window(panel, window).contains(rect_in_window(entry, window)), entry.objectName()
            # not squeezed: every line of it has the room it asks for
            assert entry.height() >= entry.minimumSizeHint().height(), entry.objectName()
        window.on_zoom_in()


def test_the_panel_shows_the_us_help_lines_emergency_first(window):
    texts = window.help_panel.contact_texts()
    assert texts[:2] == ["Emergency", "Call 911"]
    for expected in [
        "Call 988",
        "Text 988",
        "Call 1-800-662-4357",
        "TTY 1-800-487-4889",
        "Text your ZIP code to 435748",
        "Call 1-800-222-1222",
        "Text HOME to 741741",
    ]:
        assert expected in texts


def test_the_panel_cannot_be_closed_or_moved_and_keeps_its_size_when_the_reader_zooms(window):
    panel = window.help_panel
    assert panel.parent() is window.centralWidget()  # a fixed column: no dock to close or float
    width, font = panel.width(), panel.font().pointSizeF()
    for _ in range(8):
        window.on_zoom_in()
    assert (panel.width(), panel.font().pointSizeF()) == (width, font)
    assert window.createPopupMenu() is None


def test_the_panel_is_on_every_view(window):
    for show in (lambda: window.open_article("clonazepam"), window.open_help, window.go_home):
        show()
        assert window.help_panel.isVisible()


@pytest.fixture
def clinic_pack(make_pack, locator_file):
    """Window arguments for a clinic pack that brings the help lines to `lines` in all, and
    SAMHSA's directory (so "Find treatment near you" asks for room on the panel too)."""

    def make(lines: int, locator: bool = True) -> list[str]:
        files: dict[str, str | bytes] = {"locator.json.gz": locator_file} if locator else {}
        if lines > 5:  # more than the bundled five
            head, *entries = BUSY_CLINIC.read_text(encoding="utf-8").split("\n[[helpline]]")
            files["helplines.toml"] = head + "".join("\n[[helpline]]" + entry for entry in entries[: lines - 5])
        if not files:
            return []
        return ["--content", str(make_pack(files, name=f"clinic-{lines}-{'locator' if locator else 'none'}"))]

    return make


def resize(window, qtbot, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    QApplication.processEvents()  # the layout requests the resize posted


def every_zoom(window):
    """Step the reader through every zoom level, smallest first, yielding each."""
    while window.session.can_zoom_out:
        window.on_zoom_out()
    for _ in ZOOM_STEPS:
        QApplication.processEvents()
        yield window.session.zoom
        window.on_zoom_in()


def panel_problems(window) -> list[str]:
    """Every name and shown number whole, inside the panel, overlapping nothing."""
    panel = window.help_panel
    frames = [f for f in panel.findChildren(QFrame) if f.property("role") == "helpline" and f.isVisibleTo(panel)]
    labels = [label for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]
    buttons = [b for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel)]
    problems = words_problems(labels, panel, buttons)
    problems += layout_problems([*frames, *buttons], panel)
    for frame in frames:
        problems += layout_problems([label for label in frame.findChildren(QLabel) if label.isVisibleTo(panel)], frame)
    if not window.rect().contains(rect_in(panel, window)):
        problems.append(f"the panel at {rect_in(panel, window)} is not inside the window")
    return problems


def rule_problems(window) -> list[str]:
    """The overflow rule of docs/CONTENT.md, checked against the pack's data."""
    panel = window.help_panel
    problems = []
    shown = {}
    for frame in panel.findChildren(QFrame):
        if frame.property("role") == "helpline" and frame.isVisibleTo(panel):
            contacts = [
                x for x in frame.findChildren(QLabel) if x.property("role") == "contact" and x.isVisibleTo(panel)
            ]
            shown[frame.objectName().removeprefix("helpline-")] = len(contacts)
    for helpline in window.library.helplines:
        if always_whole(helpline) and shown.get(helpline.id) != len(helpline.contacts):
            problems.append(
                f"{helpline.id} is not whole: {shown.get(helpline.id)} of {len(helpline.contacts)} contacts"
            )
        if shown.get(helpline.id, 1) < 1:
            problems.append(f"{helpline.id} shows no number")
    left_out = len(window.library.helplines) - len(shown)
    button = panel.findChild(QPushButton, "moreHelpButton").text()
    if left_out and str(left_out) not in re.findall(r"\d+", button):
        problems.append(f"{left_out} lines left off the panel, but its button says {button!r}")
    return problems


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("lines", [5, 8, 12])
def test_every_name_and_shown_number_is_whole_at_every_size_zoom_language_and_crisis(
    window_factory, clinic_pack, qtbot, lines, kiosk
):
    window = window_factory(*(["--kiosk"] if kiosk else []), *clinic_pack(lines), size=(800, 600))
    assert len(window.library.helplines) == lines
    window.open_checklist("clonazepam-signs")
    problems = []

    def check(where: str) -> None:
        nonlocal problems
        problems += [f"{where}: {p}" for p in panel_problems(window) + rule_problems(window)]

    for language in ("en", "es"):
        window.set_language(language)
        for crisis in (False, True):
            window.checklist_view.box("suicide-thoughts").setChecked(crisis)
            assert bool(window.help_panel.highlighted()) is crisis
            for size in GUARANTEE_SIZES:
                resize(window, qtbot, size)
                check(f"{language}, crisis {'on' if crisis else 'off'}, {size[0]}x{size[1]}")
    # The reader's zoom leaves the panel alone: every step, at the smallest and largest sizes
    # (zooming re-lays the page out, which is what costs time here).
    for size in (GUARANTEE_SIZES[0], GUARANTEE_SIZES[-1]):
        resize(window, qtbot, size)
        for zoom in every_zoom(window):
            check(f"es, crisis on, {size[0]}x{size[1]}, zoom {zoom}%")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(dict.fromkeys(problems))


def test_the_panel_shows_everything_it_can_and_gives_it_back_when_the_window_grows(window_factory, clinic_pack, qtbot):
    window = window_factory("--lang", "es", *clinic_pack(12), size=(1920, 1080))
    panel = window.help_panel
    shown_large = panel.contact_texts()
    resize(window, qtbot, (800, 600))
    shown_small = panel.contact_texts()
    assert "Llame al 988" in shown_small and "Llame al 911" in shown_small
    assert len(shown_small) < len(shown_large)  # something gave way...
    assert panel.findChild(QPushButton, "moreHelpButton").text().startswith("Ver ")
    resize(window, qtbot, (1920, 1080))
    assert panel.contact_texts() == shown_large  # ...and comes back: no state left behind
    # and the window can still be made small again: the panel never holds it open
    assert window.minimumSizeHint().height() <= 600


def test_the_bundled_lines_are_whole_at_800x600_in_both_languages_with_the_crisis_highlight(window_factory, qtbot):
    window = window_factory("--lang", "es", size=(800, 600))
    window.open_checklist("clonazepam-signs")
    window.checklist_view.box("suicide-thoughts").setChecked(True)
    for language in ("es", "en"):
        window.set_language(language)
        texts = window.help_panel.contact_texts()
        assert panel_problems(window) == []
        number = {"es": "Llame al 1-800-662-4357", "en": "Call 1-800-662-4357"}[language]
        assert number in texts  # SAMHSA keeps its number, whatever else gives way


def test_a_number_written_with_a_space_stays_on_one_line(window_factory, clinic_pack):
    window = window_factory("--lang", "es", *clinic_pack(8), size=(1920, 1080))
    words = "Recepción: (217) 555-0142"
    label = next(x for x in window.help_panel.findChildren(QLabel) if readable(x.text()) == words)
    assert len(wrapped_lines(label)) == 2  # too long for one line: it wraps, but not inside the number
    assert label_problems(label) == []
    assert words in window.help_panel.contact_texts()  # and it reads with plain spaces and hyphens


def test_the_panel_limit_is_what_fits_at_800x600_in_spanish(window_factory, clinic_pack, qtbot):
    """PANEL_LIMIT (what `guide check` warns past) is measured here, in the tightest case."""
    for lines, fits in ((PANEL_LIMIT, True), (PANEL_LIMIT + 1, False)):
        window = window_factory("--kiosk", "--lang", "es", *clinic_pack(lines), size=(800, 600))
        window.open_checklist("clonazepam-signs")
        window.checklist_view.box("suicide-thoughts").setChecked(True)
        QApplication.processEvents()
        names = [
            x for x in window.help_panel.findChildren(QLabel) if x.property("role") == "name" and x.isVisibleTo(window)
        ]
        assert (len(names) == lines) is fits, f"{len(names)} of {lines} help lines fit: set PANEL_LIMIT to match"
        assert panel_problems(window) == []
        window.close()


def test_find_treatment_is_on_the_panel_when_a_pack_has_the_directory(window_factory, clinic_pack, qtbot):
    plain = window_factory(size=(1280, 800))
    assert plain.help_panel.findChild(QPushButton, "findTreatmentButton").isVisibleTo(plain) is False
    window = window_factory("--lang", "es", *clinic_pack(5), size=(1280, 800))
    button = window.help_panel.findChild(QPushButton, "findTreatmentButton")
    assert button.isVisibleTo(window) and button.text() == "Busque tratamiento cerca"
    assert panel_problems(window) == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.locator_page.isVisible()


def test_find_treatment_gives_way_before_any_help_line(window_factory, clinic_pack, qtbot):
    """At 800x600 in Spanish with the crisis highlight, the clinic's lines keep the room they had
    without the directory; the button comes back when there is room again."""
    args = ("--kiosk", "--lang", "es")
    for lines in (5, PANEL_LIMIT, 12):
        without = window_factory(*args, *clinic_pack(lines, locator=False), size=(800, 600))
        window = window_factory(*args, *clinic_pack(lines), size=(800, 600))
        for each in (without, window):
            each.open_checklist("clonazepam-signs")
            each.checklist_view.box("suicide-thoughts").setChecked(True)
            QApplication.processEvents()
        button = window.help_panel.findChild(QPushButton, "findTreatmentButton")
        for size in ((800, 600), (1920, 1080)):
            for each in (without, window):
                resize(each, qtbot, size)
            assert window.help_panel.contact_texts() == without.help_panel.contact_texts(), f"{lines}, {size}"
            assert panel_problems(window) == []
            if lines > PANEL_LIMIT and size == (800, 600):
                assert not button.isVisibleTo(window)  # every pixel went to help lines
        if lines <= PANEL_LIMIT:
            assert button.isVisibleTo(window)  # back when there is room to spare
        without.close()
        window.close()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)], ids=["800x600", "1280x800"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("lines", [5, 8])
def test_the_panel_is_whole_in_the_first_frame_and_the_same_once_start_up_has_settled(
    qtbot, monkeypatch, clinic_pack, lines, language, size
):
    """Issue 23: what start-up leaves for after the first paint must not include the help
    panel. The first frame's panel (taken as the first paint's follow-up work begins, before
    any of it runs) is whole, and is the very picture of the settled one."""
    from guide.ui.app import create_window
    from guide.ui.main_window import MainWindow

    first = {}
    after_first_paint = MainWindow.after_first_paint

    def take_the_first_frame(window):
        first.update(image=window.help_panel.grab().toImage(), problems=panel_problems(window))
        first["texts"] = window.help_panel.contact_texts()
        after_first_paint(window)

    monkeypatch.setattr(MainWindow, "after_first_paint", take_the_first_frame)
    window = create_window(["--lang", language, *clinic_pack(lines)])
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=10_000)
    qtbot.waitUntil(window.search_ready, timeout=10_000)
    qtbot.wait(0)
    assert first["problems"] == []
    assert window.help_panel.contact_texts() == first["texts"]
    assert window.help_panel.grab().toImage() == first["image"]
