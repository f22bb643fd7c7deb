"""Read aloud with Qt's mock text-to-speech engine (the tester's kit picks it): what is given to
the engine for a page, in order, numbers digit by digit, the sentence marked, and when it stops."""

from __future__ import annotations

import array
import contextlib
import math
import os
import shutil
import signal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QToolButton, QWidget

from guide.feedback.store import helpline_numbers
from guide.speech.script import html_script
from guide.ui.speech.read_aloud import ReadAloud, speech_module

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


def test_the_locators_programs_are_read_nearest_first(window_factory, locator_file, make_pack, qtbot):
    pack = make_pack({"locator.json.gz": locator_file}, name="with-locator")
    window = window_factory("--content", str(pack))
    window.open_locator("62701")
    rows = window.navigator.page().locator.rows
    start_reading(window, qtbot)
    qtbot.waitUntil(lambda: len(window.read_aloud.sent) >= 5, timeout=10_000)
    sent = window.read_aloud.sent
    assert sent[:3] == ["Find treatment near you", "Call before you go: details change.", "Nearest to 6 2 7 0 1"]
    assert sent[3] == rows[0].name  # the nearest program first, then its distance
    assert sent[4] == rows[0].distance


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


def _speechd_missing() -> str:
    """Why the real-engine test can't run here, or "" when it can."""
    module = speech_module()
    if module is None or "speechd" not in module.QTextToSpeech.availableEngines():
        return "QtTextToSpeech's speech-dispatcher engine is not installed (pip install 'recovery-guide[speech]')"
    for program in ("speech-dispatcher", "espeak-ng"):
        if shutil.which(program) is None:
            return f"{program} is not installed (Debian: speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)"
    return ""


@pytest.fixture
def recorded_speech(tmp_path, monkeypatch):
    """speech-dispatcher as a kiosk runs it, with espeak-ng's voices, but its sound written to a
    file instead of a sound card (ALSA's file plugin over its null device): what a visitor would
    hear, to be measured. Everything it makes is under tmp_path, and the server it spawns is
    stopped after the test."""
    home, runtime = tmp_path / "home", tmp_path / "run"
    (home / ".config" / "speech-dispatcher").mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    heard = tmp_path / "heard.raw"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file slave.pcm "null" file "{heard}" format "raw" }}\n', encoding="utf-8"
    )
    (home / ".config" / "speech-dispatcher" / "speechd.conf").write_text(
        'AudioOutputMethod "alsa"\nDefaultModule espeak-ng\n'
        'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
        f'LogLevel 2\nLogDir "{tmp_path / "log"}"\n',
        encoding="utf-8",
    )
    for name, value in {"HOME": home, "XDG_CONFIG_HOME": home / ".config", "XDG_RUNTIME_DIR": runtime}.items():
        monkeypatch.setenv(name, str(value))
    yield heard
    pid_file = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    if pid_file.is_file():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)


def sound(path) -> tuple[float, float]:
    """Seconds of 16-bit mono sound at espeak-ng's 22,050 a second, and how loud (RMS)."""
    data = path.read_bytes() if path.exists() else b""
    samples = array.array("h", data[: len(data) // 2 * 2])
    loud = math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0
    return len(samples) / 22050, loud


def test_a_real_engine_speaks_each_language_with_its_own_voice(recorded_speech, window_factory, qtbot):
    """speech-dispatcher with espeak-ng: the Spanish help page is spoken with a Latin American
    Spanish voice, then an English article with a US English one, sentence after sentence (the
    engine's own Ready moves it on), and the sound is there to be heard."""
    if missing := _speechd_missing():  # CI installs them (.ci/run), and fails without them
        pytest.fail(missing) if os.environ.get("CI") else pytest.skip(missing)
    window = window_factory("--lang", "es", "--speech-engine", "speechd")
    engine = window.read_aloud.engine()
    qtbot.waitUntil(lambda: engine.state().name in ("Ready", "Error"), timeout=10_000)
    assert engine.state().name == "Ready", engine.errorString()
    heard = []
    for language, show, voice in (
        ("es", window.open_help, "Spanish (Latin America)"),
        ("en", lambda: window.open_article("overdose-and-naloxone"), "English (America)"),
    ):
        window.set_language(language)
        show()
        qtbot.waitUntil(lambda: button(window).isVisible(), timeout=5000)
        qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(window.read_aloud.sent) >= 4, timeout=30_000)  # three spoken through
        assert engine.voice().name() == voice
        assert engine.locale().language().name == {"es": "Spanish", "en": "English"}[language]
        window.read_aloud.stop()
        heard.append(sound(recorded_speech))
    (spanish, _), (both, loud) = heard
    assert spanish > 2.0, f"only {spanish:.1f} s of sound for three Spanish sentences"
    assert both - spanish > 2.0, f"only {both - spanish:.1f} s of sound for three English sentences"
    assert loud > 300, f"the sound is near silence (RMS {loud:.0f})"


def test_the_voice_is_the_visitors_own_not_the_first_the_engine_lists():
    class Voice:
        def __init__(self, name):
            self._name = name

        def name(self):
            return self._name

    class Engine:  # what speech-dispatcher's espeak-ng lists for en_US and es_419
        def __init__(self, *names):
            self.voices = [Voice(name) for name in names]

        def availableVoices(self):
            return self.voices

    english = Engine("English (Caribbean)", "English (Caribbean)+Adam", "English (America)", "English (America)+Alex")
    assert ReadAloud.voice_for(english, "en").name() == "English (America)"
    spanish = Engine("Spanish (Latin America)+Adam", "Spanish (Latin America)")
    assert ReadAloud.voice_for(spanish, "es").name() == "Spanish (Latin America)"
    assert ReadAloud.voice_for(Engine("Bob", "Anne"), "en").name() == "Bob"  # Qt's mock: its first
    assert ReadAloud.voice_for(Engine(), "en") is None


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
