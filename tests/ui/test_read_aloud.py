"""Read aloud with Qt's mock text-to-speech engine (the tester's kit picks it): what is given to
the engine for a page, in order, numbers digit by digit, the sentence marked, and when it stops."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QToolButton, QWidget

from guide.feedback.store import helpline_numbers
from guide.speech.script import html_script
from guide.ui.speech.read_aloud import speech_module

# make test installs the module (the test extra) and .ci/run its library (libpulse0): under CI a
# missing one fails these tests instead of skipping them.
pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and speech_module() is None,
    reason="QtTextToSpeech can't load (pip install 'recovery-guide[speech]'; Debian: libpulse0)",
)


def button(window) -> QToolButton:
    """The toolbar's button, laid out (the toolbar shows an action's button at its next layout)."""
    QApplication.processEvents()
    return window.navigation.findChild(QToolButton, "readAloudButton")


def numbers(window) -> frozenset[str]:
    return helpline_numbers(window.library.helplines)


def start_reading(window, qtbot) -> None:
    assert button(window).isVisible()
    qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.read_aloud.sent) >= 3, timeout=10_000)


def test_an_article_is_read_in_order_with_the_sentence_marked(window_factory, qtbot):
    window = window_factory("--article", "overdose-and-naloxone")
    start_reading(window, qtbot)
    expected = [u.spoken for u in html_script(window.navigator.page().html, numbers(window))]
    sent = list(window.read_aloud.sent)
    assert sent == expected[: len(sent)]
    assert sent[0] == "Overdose: what to do now"
    assert button(window).isChecked()
    now = window.read_aloud.script[len(window.read_aloud.sent) - 1].shown
    assert window.reader.spoken_mark() == now  # the sentence being read is marked in the page
    qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)  # pressed again: stops
    assert not window.read_aloud.reading and not button(window).isChecked()
    assert window.reader.spoken_mark() == ""


def test_help_line_numbers_are_given_digit_by_digit(window_factory, qtbot):
    window = window_factory()
    window.open_help()
    start_reading(window, qtbot)
    qtbot.waitUntil(lambda: any("9 1 1" in said for said in window.read_aloud.sent), timeout=10_000)
    assert not any("911" in said for said in window.read_aloud.sent)


@pytest.mark.parametrize("how", ["another page", "the other language", "a reset", "Ctrl+Shift+S"])
def test_reading_stops_when_the_page_or_visit_changes(window_factory, qtbot, how):
    window = window_factory("--article", "clonazepam")
    start_reading(window, qtbot)
    if how == "another page":
        window.open_article("benzodiazepines")
    elif how == "the other language":
        window.set_language("es")
    elif how == "a reset":
        window.reset_session()
    else:
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.read_aloud.reading
    if how == "a reset":
        assert window.read_aloud.sent == [] and window.read_aloud.script == []  # nothing kept of what was read
    count = len(window.read_aloud.sent)
    engine = window.read_aloud.engine()
    qtbot.waitUntil(lambda: engine.state().name == "Ready", timeout=2000)  # the engine has stopped...
    QApplication.processEvents()
    assert len(window.read_aloud.sent) == count  # ...and was given nothing more


def test_a_checklist_is_read_from_its_title_to_the_result_shown(window_factory, qtbot):
    window = window_factory()
    window.open_checklist("clonazepam-signs")
    script = window.speech_script()
    assert script[0].shown == window.navigator.page().checklist.title
    assert script[-1].shown in window.checklist_view.result_label.text()
    start_reading(window, qtbot)
    assert window.read_aloud.sent[0] == script[0].spoken


def test_no_button_without_a_voice_for_the_language(window_factory, qtbot):
    """Qt's mock engine has English voices only: in Spanish there is no button, never an English
    voice reading Spanish; back in English it returns."""
    window = window_factory("--lang", "es")
    assert not button(window).isVisible()
    window.set_language("en")
    assert button(window).isVisible()


def test_no_speech_module_or_engine_loses_nothing_else(window_factory, monkeypatch):
    from guide.ui.speech import read_aloud

    window = window_factory("--speech-engine", "no-such-engine")
    assert not button(window).isVisible()
    monkeypatch.setattr(read_aloud, "speech_module", lambda: None)  # PySide6-Essentials only
    plain = window_factory("--article", "clonazepam")
    assert not button(plain).isVisible()
    assert "Clonazepam" in plain.reader.toPlainText()


def _speechd_ready() -> str:
    """Why the real-engine test can't run here, or "" when it can. It is asked for by name: the
    engine starts a speech-dispatcher server, which make test (offline, no other programs) doesn't."""
    if os.environ.get("GUIDE_REAL_SPEECH") != "1":
        return "a real engine starts speech-dispatcher: run with GUIDE_REAL_SPEECH=1 (docs/SPEECH.md)"
    module = speech_module()
    if module is None or "speechd" not in module.QTextToSpeech.availableEngines():
        return "speech-dispatcher's engine is not installed (Debian: speech-dispatcher, espeak-ng)"
    return ""


@pytest.mark.skipif(bool(_speechd_ready()), reason=_speechd_ready() or "ready")
def test_a_real_engine_reads_a_spanish_page(window_factory, qtbot):
    """speech-dispatcher with espeak-ng: the Spanish help page is spoken, in a Spanish locale,
    sentence after sentence (the engine's own Ready moves it on)."""
    window = window_factory("--lang", "es", "--speech-engine", "speechd")
    engine = window.read_aloud.engine()
    qtbot.waitUntil(lambda: engine.state().name in ("Ready", "Error"), timeout=10_000)
    if engine.state().name == "Error":
        pytest.skip(f"speech-dispatcher could not start here: {engine.errorString()}")
    window.open_help()
    qtbot.waitUntil(lambda: button(window).isVisible(), timeout=5000)
    began = []
    engine.stateChanged.connect(lambda state: began.append(state.name == "Speaking"))
    qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: any(began), timeout=10_000)
    except qtbot.TimeoutError:
        window.read_aloud.stop()
        pytest.fail("speech-dispatcher never began speaking (docs/SPEECH.md: voices and audio)")
    qtbot.waitUntil(lambda: len(window.read_aloud.sent) >= 3, timeout=30_000)
    assert engine.locale().language().name == "Spanish"
    assert window.read_aloud.sent[0] == "Obtenga ayuda ahora"
    window.read_aloud.stop()


def test_the_bar_pauses_goes_on_slows_and_stops(window_factory, qtbot):
    window = window_factory("--article", "clonazepam")
    bar = window.findChild(QFrame, "speechBar")
    assert not bar.isVisible()
    start_reading(window, qtbot)
    assert bar.isVisible()
    engine = window.read_aloud.engine()
    qtbot.mouseClick(bar.findChild(QPushButton, "speechPauseButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: engine.state().name == "Paused", timeout=2000)
    count = len(window.read_aloud.sent)
    assert bar.findChild(QLabel, "speechStatus").text() == "Paused"
    qtbot.mouseClick(bar.findChild(QPushButton, "speechPauseButton"), Qt.MouseButton.LeftButton)  # "Go on"
    qtbot.waitUntil(lambda: len(window.read_aloud.sent) > count, timeout=10_000)
    for _ in range(5):
        qtbot.mouseClick(bar.findChild(QPushButton, "speechSlowerButton"), Qt.MouseButton.LeftButton)
    assert engine.rate() == -1.0 and window.session.speech_rate == -1.0
    assert not bar.findChild(QPushButton, "speechSlowerButton").isEnabled()  # as slow as it goes
    qtbot.mouseClick(bar.findChild(QPushButton, "speechStopButton"), Qt.MouseButton.LeftButton)
    assert not window.read_aloud.reading and not bar.isVisible() and not button(window).isChecked()
    window.reset_session()
    assert window.session.speech_rate == 0.0  # the visit's pace, forgotten


def test_a_red_flag_ticked_while_listening_is_heard_at_once(window_factory, qtbot):
    window = window_factory()
    window.open_checklist("clonazepam-signs")
    start_reading(window, qtbot)
    qtbot.mouseClick(window.checklist_view.box("suicide-thoughts"), Qt.MouseButton.LeftButton)
    assert window.checklist_view.crisis_banner.isVisible()
    qtbot.waitUntil(lambda: len(window.read_aloud.sent) >= 2, timeout=10_000)
    assert window.read_aloud.sent[0] == "Please get help now"  # the page gave way to the banner
    assert window.read_aloud.sent[1] == "Thoughts of suicide: call or text 9 8 8 now."
    script = window.speech_script()  # read from the top again: the banner first
    assert [u.shown for u in script[:2]] == ["Please get help now", "Thoughts of suicide: call or text 988 now."]


def test_nothing_speaks_unasked(window_factory, qtbot):
    window = window_factory()
    window.open_checklist("clonazepam-signs")
    qtbot.mouseClick(window.checklist_view.box("suicide-thoughts"), Qt.MouseButton.LeftButton)
    assert not window.read_aloud.reading and window.read_aloud.sent == []


def test_the_idle_warning_is_heard_by_a_visitor_listening(window_factory, pin_config, qtbot):
    window = window_factory("--kiosk", "--config", str(pin_config), "--idle-seconds", "3", "--article", "clonazepam")
    qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)
    assert window.read_aloud.sent[:1] == ["Clonazepam (Klonopin)"]
    warning = window.findChild(QWidget, "idleWarning")
    qtbot.waitUntil(warning.isVisible, timeout=5000)  # listening is not touching: the clock ran
    qtbot.waitUntil(lambda: window.read_aloud.sent[:1] == ["Are you still there?"], timeout=2000)
    with qtbot.waitSignal(window.sessionReset, timeout=5000):
        pass
    assert not window.read_aloud.reading and window.read_aloud.sent == []


def test_only_a_named_engine_is_made(monkeypatch):
    """With no engine named the guide makes none: speech-dispatcher's engine starts a program of
    its own (the real-display tests, which run the guide with no options, caught it starting
    speech-dispatcher), and Qt's default on a machine without it is the silent mock."""
    from guide.ui.speech import read_aloud

    made = []

    class Engine:
        def __init__(self, *args):
            made.append(args)
            self.stateChanged = type("Signal", (), {"connect": lambda self, slot: None})()

        @staticmethod
        def availableEngines():
            return ["speechd", "mock"]

    monkeypatch.setattr(read_aloud, "speech_module", lambda: type("Module", (), {"QTextToSpeech": Engine}))
    for named, expected in (("", None), ("mock", 2), ("speechd", 2), ("festival", None)):
        made.clear()
        reader = read_aloud.ReadAloud(named)
        reader.prepare()
        engine = reader.engine()
        assert (len(made[0]) if made else None) == expected, named  # (parent,) or (name, parent)
        assert (engine is not None) is (expected is not None)
        if expected == 2:
            assert made[0][0] == named
