"""Each widget built alone, as the window builds it, with no MainWindow around it (qutebrowser-style).

A fixture per widget: it is made with what its constructor needs, given the light theme's style
sheet (the one the window applies), registered with qtbot, shown and exposed. The tests drive it
with real clicks and keys and read what a person would see on it.
"""

from pathlib import Path

import pytest

from guide.packs.library import load_library

BUSY_CLINIC = Path(__file__).resolve().parents[2] / "fixtures" / "busy-clinic" / "helplines.toml"


def light_theme() -> str:
    from guide.themes import fill
    from guide.ui import resources_rc  # noqa: F401 (registers :/style)
    from guide.ui.theme import _resource

    return fill(_resource(":/style/guide.qss"), "light")


@pytest.fixture
def show(qtbot):
    """Style `widget` as the window does, register it with qtbot, show it (at `size`) and wait."""

    def shown(widget, size: tuple[int, int] | None = None):
        from guide.ui.theme import palette_for

        qtbot.addWidget(widget)
        widget.setStyleSheet(light_theme())
        widget.ensurePolished()
        widget.setPalette(palette_for("light"))
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown


@pytest.fixture
def find_bar(show, qtbot):
    """The bar in a plain host (it hides itself, and gives focus to its field, inside a window)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from guide.ui.reader.find_bar import FindBar

    host = QWidget()
    bar = FindBar(host)  # hidden until asked for, as in the window
    QVBoxLayout(host).addWidget(bar)
    show(host, (700, 60))
    host.activateWindow()
    qtbot.waitActive(host)
    bar.open_bar()
    yield bar  # (qtbot holds widgets weakly: the host lives as long as this fixture)


@pytest.fixture
def helplines(make_pack):
    """The help lines of a clinic with `count` in all: the bundled five, then the busy clinic's."""

    def make(count: int = 5):
        if count == 5:
            return load_library().helplines
        head, *entries = BUSY_CLINIC.read_text(encoding="utf-8").split("\n[[helpline]]")
        text = head + "".join("\n[[helpline]]" + entry for entry in entries[: count - 5])
        return load_library([make_pack({"helplines.toml": text}, name=f"clinic-{count}")]).helplines

    return make


@pytest.fixture
def help_panel(show, helplines):
    from guide.ui.help.help_panel import HelpPanel

    def make(count: int = 5, height: int = 700, language: str = "en"):
        panel = HelpPanel(helplines(count), language)
        return show(panel, (HelpPanel.WIDTH, height))

    return make


@pytest.fixture
def feedback_panel(show):
    from guide.ui.feedback.feedback_panel import FeedbackPanel

    return show(FeedbackPanel(), (700, 160))


@pytest.fixture
def navigation_bar(show):
    from guide.ui.navigation_bar import NavigationBar

    def make(language: str = "en", kiosk: bool = False):
        return show(NavigationBar(language, kiosk=kiosk), (1200, 56))

    return make


@pytest.fixture
def checklist():
    """A small checklist: two ordinary items, a long one, and a red flag; two result bands."""
    from guide.checklists.checklist import Band, Checklist, Group, Item

    items = (
        Item("sleep", "Trouble sleeping"),
        Item("worry", "Worry most of the day"),
        Item("long", "A sign with a long description " * 4 + "that wraps over several lines"),
        Item("harm", "Thoughts of harming yourself", red_flag=True),
    )
    bands = (Band(0, 1, "Few signs today."), Band(2, 4, "Several signs: talk to someone you trust."))
    return Checklist(
        "signs", "en", Path("signs.toml"), "Signs", "Tick what is true.", "", (Group("All", items),), bands
    )


@pytest.fixture
def checklist_view(show, checklist):
    """The view showing `checklist`, scored as its owner (the navigator) would on each tick."""
    from PySide6.QtWidgets import QApplication

    from guide.checklists.checklist import score
    from guide.ui.checklists.checklist_view import ChecklistView

    view = show(ChecklistView(), (640, 700))
    ticked: set[str] = set()

    def answer(item_id: str, on: bool) -> None:
        (ticked.add if on else ticked.discard)(item_id)
        view.show_result(score(checklist, ticked), "en")

    view.answerToggled.connect(answer)
    view.show_checklist(checklist, ticked, score(checklist, ticked), "en")
    QApplication.processEvents()  # the layout the new page asked for
    return view


@pytest.fixture
def check_item(show):
    from guide.ui.checklists.check_item import CheckItem

    def make(text: str, width: int):
        item = CheckItem(text)
        item.setProperty("role", "item")
        show(item)
        item.resize(width, item.heightForWidth(width))
        return item

    return make


@pytest.fixture
def search_results(show):
    from guide.ui.search.search_results import SearchResults

    return show(SearchResults(), (300, 500))
