"""Guards for the performance work that are not timings (those live in benchmarks/)."""

from PySide6.QtCore import QTimer
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
