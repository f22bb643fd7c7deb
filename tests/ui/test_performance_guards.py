"""Guards for the performance work that are not timings (those live in benchmarks/)."""

from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from guide.packs.records import Article
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


def test_a_warm_start_with_a_large_pack_opens_no_article_file(qtbot, make_pack, settle, monkeypatch):
    from helpers import article

    from guide.packs import headers as headers_module
    from guide.search.index import LARGE_PACK
    from guide.ui.reader.topic_tree import OPEN_ALL_UP_TO

    count = max(LARGE_PACK, OPEN_ALL_UP_TO) + 1  # its search index kept on disk, its topics closed
    pages = {f"en/articles/page-{i}.md": article(f"Page {i}", body=f"Only here: seen{i}.") for i in range(count)}
    pack = make_pack(pages)
    settle()
    args = ["--content", str(pack), "--article", "page-7"]
    first = create_window(args)  # the first start reads every header and builds the search index
    qtbot.addWidget(first)
    assert first.search.wait_built(30)
    opened = []
    original_header, original_body = headers_module.read_article_header, Article.read_body
    monkeypatch.setattr(
        headers_module, "read_article_header", lambda path, lang: opened.append(path) or original_header(path, lang)
    )
    monkeypatch.setattr(Article, "read_body", lambda self: opened.append(self.path) or original_body(self))
    window = create_window(args)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.search_ready, timeout=30_000)
    assert window.reader.toPlainText().startswith("Page 7")
    assert window.search.index.search("seen12 ", "en").titles() == ["Page 12"]
    assert opened == []  # headers from the cache, the page from the page cache, the index from disk


def test_start_up_does_not_load_what_the_first_page_does_not_need(qtbot):
    import subprocess
    import sys

    code = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "from guide.ui.app import create_window\nw = create_window([])\n"
        "late = ('guide.packs.check', 'guide.packs.readability', 'PySide6.QtNetwork', 'segno', 'sqlite3', 'difflib',\n"
        "        '_hashlib', 'guide.search.index', 'guide.ui.search.result_delegate',\n"
        "        'guide.ui.kinetic', 'guide.locator.page', 'guide.locator.facility')\n"
        "print(sorted(m for m in late if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr[-1000:]


def test_a_warm_start_loads_no_standard_module_the_first_screen_does_not_need(tmp_path):
    """Issue 23: html (2 ms: its entity table), uuid and gzip were loaded before the first frame,
    for escaping (guide/reader/markup.py does it), an answer's random key and the locator file."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "from guide.ui.app import create_window\nw = create_window([])\nw.show()\napp.processEvents()\n"
        "print(sorted(m for m in ('html', 'html.entities', 'uuid', 'gzip') if m in sys.modules))"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, env=env)  # fills the caches
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.stdout.strip().splitlines()[-1:] == ["[]"], result.stderr[-1000:]


def test_markdown_waits_for_the_first_paint_and_is_ready_for_the_first_click(tmp_path):
    # With the start page on disk the first paint needs no markdown; the converter is set up just
    # after it, so the first other page a visitor opens (rendered, never read from disk) doesn't wait.
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "from guide.ui.app import create_window\nw = create_window(['--article', 'clonazepam'])\n"
        "before = 'markdown' in sys.modules\nw.show()\n"
        "while not w.started:\n    app.processEvents()\n"
        "print(before, 'markdown' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)]
    runs.append(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env))
    said = [run.stdout.strip().splitlines()[-1:] for run in runs]
    assert said == [["True True"], ["False True"]], [run.stderr[-1000:] for run in runs]  # cold, then warm


def test_no_timer_repeats_while_a_kiosk_waits(window_factory, qtbot):
    window = window_factory("--kiosk", "--idle-seconds", "2")
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass  # the kiosk started over and now waits for the next visitor
    qtbot.wait(50)
    timers = [t for t in [*window.findChildren(QTimer), *QApplication.instance().findChildren(QTimer)] if t.isActive()]
    assert [t for t in timers if not t.isSingleShot()] == []
    assert not window.kiosk_mode.idle.armed  # asleep until someone touches the screen


def test_the_search_worker_waits_for_the_first_paint(qtbot):
    window = create_window(["--article", "clonazepam"])
    qtbot.addWidget(window)
    QApplication.processEvents()
    assert not window.started and not window.search._started  # built, not yet on screen
    with qtbot.waitSignal(window.firstPainted, timeout=5000):  # what app.run() freezes the collector on
        window.show()
    assert window.started
    qtbot.waitUntil(window.search_ready, timeout=10000)


def test_going_back_to_a_page_shows_it_without_parsing_it_again(window_factory, monkeypatch):
    from guide.ui.reader.reader import PageDocument

    window = window_factory("--article", "clonazepam")
    clonazepam = window.reader.document()
    parsed = []  # every page the reader parses goes through its PageDocument's setHtml
    original = PageDocument.setHtml
    monkeypatch.setattr(PageDocument, "setHtml", lambda self, html: parsed.append(html) or original(self, html))
    window.open_article("benzodiazepines")
    assert len(parsed) == 1 and window.reader.toPlainText().startswith("Benzodiazepines")  # the spy sees a parse
    window.go_back()
    assert window.reader.document() is clonazepam and window.reader.toPlainText().startswith("Clonazepam")
    window.go_forward()
    assert len(parsed) == 1  # both pages came back from the reader's kept pages, parsed once each


def test_what_start_up_built_is_frozen_once_the_first_page_is_painted(tmp_path):
    import subprocess
    import sys

    code = (
        "import gc, sys\nfrom guide.cli import main\n"
        f"code = main(['--screenshot', {str(tmp_path / 'shot.png')!r}, '--article', 'clonazepam'])\n"
        "print(code, gc.get_freeze_count(), gc.isenabled())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    code, frozen, collecting = result.stdout.split()
    assert code == "0" and int(frozen) > 10_000, result.stderr[-1000:]  # the collector won't walk them again
    assert collecting == "True"  # paused while the window was made, on again once it is painted


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
    # (A reset makes a new toolbar; the visit before it changes the same one all day long.)
    def receivers() -> list[int]:
        navigation = window.navigation
        actions = [navigation.home, navigation.back, navigation.forward, navigation.zoom_in, navigation.zoom_out]
        return [action.receivers(SIGNAL("changed()")) for action in actions]

    _visit_and_start_over(window, 1)
    before = receivers()
    for _ in range(20):
        window.open_article("clonazepam")
        window.go_back()
        window.set_language("es")
        window.set_language("en")
    assert receivers() == before


def test_a_reset_keeps_the_toolbar_icons_it_has(window):
    # Each new icon is drawn again into Qt's pixmap cache (up to 10 MiB of it in a day): the
    # toolbar made for each visitor shares the run's icons.
    def icons() -> list[int]:
        return [window.navigation.home.icon().cacheKey(), window.navigation.theme_button.icon().cacheKey()]

    first = icons()
    _visit_and_start_over(window, 3)
    assert icons() == first
    window.set_theme("dark")
    window.set_theme("light")
    window.reset_session()
    window.set_theme("dark")
    dark = window.navigation.home.icon().cacheKey()
    window.reset_session()
    window.set_theme("dark")
    assert window.navigation.home.icon().cacheKey() == dark  # a theme's icons are tinted once


def test_nothing_asks_for_a_scroll_area_viewport_before_the_first_paint(qtbot, monkeypatch):
    """PySide6's first viewport() call in a process costs 14-20 ms (benchmarks: issue 23); the
    topic tree's row heights asked for it while the window was built, before the first frame."""
    from PySide6.QtWidgets import QAbstractScrollArea

    from guide.ui.app import create_window
    from guide.ui.main_window import MainWindow

    asked, before_the_first_paint = [], []
    viewport, after_first_paint = QAbstractScrollArea.viewport, MainWindow.after_first_paint

    def spy(self):
        asked.append(f"{type(self).__name__} {self.objectName()}")
        return viewport(self)

    def first_paint_done(window):
        before_the_first_paint.extend(asked)  # the first frame is painted: what asked for it so far
        after_first_paint(window)

    monkeypatch.setattr(QAbstractScrollArea, "viewport", spy)
    monkeypatch.setattr(MainWindow, "after_first_paint", first_paint_done)
    window = create_window([])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=10_000)
    assert before_the_first_paint == [] and asked  # kinetic scrolling asks, once the frame is on screen
