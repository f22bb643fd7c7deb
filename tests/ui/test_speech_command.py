"""`guide speech`: staff see the voices the guide would read with, and hear a sentence through
them, with the same engine and voice choice as the "Read aloud" button."""

import pytest

from guide.cli import main
from guide.ui.speech.read_aloud import speech_module

pytestmark = pytest.mark.skipif(speech_module() is None, reason="QtTextToSpeech can't load")


def test_each_language_says_which_voice_reads_it_or_that_none_does(capsys, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[speech]\nengine = "mock"\n', encoding="utf-8")
    assert main(["speech", "--config", str(config)]) == 1  # Qt's mock engine has no Spanish voice
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("en: en_US, ")
    assert lines[1] == "es: no voice (the button is not shown in Español)"


def test_a_sentence_is_spoken_and_waited_for(capsys):
    assert main(["speech", "--speech-engine", "mock", "--lang", "en", "Call 988 now."]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "said: Call 988 now."


@pytest.mark.parametrize(("args", "why"), [([], "none is named ([speech] engine)"),
                                           (["--speech-engine", "nope"], "'nope' is not one of them")])  # fmt: skip
def test_without_an_engine_it_says_which_there_are(capsys, tmp_path, monkeypatch, args, why):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no config at the usual place
    assert main(["speech", *args]) == 1
    error = capsys.readouterr().err
    assert error.startswith("guide speech: engines here: ") and "mock" in error and error.rstrip().endswith(why)
