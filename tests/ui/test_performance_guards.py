"""Guards for the performance work that are not timings (those live in benchmarks/)."""

from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from guide.library import Article
from guide.ui.app import create_window


def test_a_start_with_warm_caches_reads_no_article_body(qtbot, monkeypatch):
    first = create_window(["--article", "clonazepam"])  # fills the page cache, as the first start does
    qtbot.addWidget(first)
    reads = []
    original = Article.read_body
    monkeypatch.setattr(Article, "read_body", lambda self: reads.append(self.id) or original(self))
    window = create_window(["--article", "clonazepam"])
    qtbot.addWidget(window)
    assert window.reader.toPlainText().startswith("Clonazepam")
    assert reads == []  # the header was read at start-up; the page came from the cache


def test_start_up_does_not_load_the_linter_or_the_network(qtbot):
    import subprocess
    import sys

    code = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "from guide.ui.app import create_window\nw = create_window([])\n"
        "late = ('guide.check', 'guide.readability', 'PySide6.QtNetwork', 'segno')\n"
        "print(sorted(m for m in late if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr[-1000:]


def test_no_timer_repeats_while_a_kiosk_waits(window_factory, qtbot):
    window = window_factory("--kiosk", "--idle-seconds", "2")
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass  # the kiosk started over and now waits for the next visitor
    qtbot.wait(50)
    timers = [t for t in [*window.findChildren(QTimer), *QApplication.instance().findChildren(QTimer)] if t.isActive()]
    assert [t for t in timers if not t.isSingleShot()] == []
    assert not window.kiosk_mode.idle.armed  # asleep until someone touches the screen


def _visit_and_start_over(window, rounds: int) -> None:
    """What a kiosk's day repeats: pages, back and forward, the other language, a reset."""
    for _ in range(rounds):
        window.open_article("clonazepam")
        window.open_checklist("clonazepam-signs")
        window.go_back()
        window.go_forward()
        window.set_language("es")
        window.set_language("en")
        window.reset_session()


def test_a_day_of_visits_leaves_no_objects_behind(window):
    def live() -> tuple[int, int]:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old checklist pages
        return len(window.findChildren(QObject)), len(QApplication.allWidgets())

    _visit_and_start_over(window, 1)
    before = live()
    _visit_and_start_over(window, 20)
    assert live() == before


def test_toolbar_buttons_stay_connected_once_however_often_their_actions_change(window):
    # Qt 6.11's QToolButton connects its default action's changed() to itself again on every
    # change (back enabled, words in another language): memory and work grew with each one.
    navigation = window.navigation
    actions = [navigation.home, navigation.back, navigation.forward, navigation.zoom_in, navigation.zoom_out]
    _visit_and_start_over(window, 1)
    before = [action.receivers(SIGNAL("changed()")) for action in actions]
    _visit_and_start_over(window, 20)
    assert [action.receivers(SIGNAL("changed()")) for action in actions] == before


def test_a_reset_keeps_the_toolbar_icons_it_has(window):
    # Each new icon is drawn again into Qt's pixmap cache (up to 10 MiB of it in a day).
    navigation = window.navigation
    icons = [navigation.home.icon().cacheKey(), navigation.theme_button.icon().cacheKey()]
    _visit_and_start_over(window, 3)
    assert [navigation.home.icon().cacheKey(), navigation.theme_button.icon().cacheKey()] == icons
    window.set_theme("dark")
    window.set_theme("light")
    window.reset_session()
    window.set_theme("dark")
    dark = navigation.home.icon().cacheKey()
    window.reset_session()
    window.set_theme("dark")
    assert navigation.home.icon().cacheKey() == dark  # a theme's icons are tinted once
