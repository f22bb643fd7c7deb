"""Read aloud: speaks a page's script (guide/speech/script.py) sentence by sentence.

QtTextToSpeech is optional (`pip install 'recovery-guide[speech]'`, the PySide6-Addons wheel): a
guide without it, or without an engine that has a voice for the visitor's language, shows no
"Read aloud" button and loses nothing else. The engine is `--speech-engine NAME` or
`[speech] engine` in the config ("speechd" on Linux; "mock" in tests: Qt's own, in the Addons
wheel); with none named there is no reading aloud, because the engine starts a program of its
own. One sentence is given to the engine at a time, so the
window can mark the one being read and a stop is immediate.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, Signal


def speech_module():
    """PySide6.QtTextToSpeech, or None when it isn't installed or can't load (no libpulse)."""
    # QtMultimedia, under it, says twice on stderr that it looks for PipeWire and uses PulseAudio
    # without it: true, harmless, and in front of staff at every start.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        return importlib.import_module("PySide6.QtTextToSpeech")
    except (ImportError, OSError):
        return None


# The voices the visitors would expect, among those of the locale: US English before another
# country's (espeak-ng lists "English (Caribbean)" first for en_US), Latin American Spanish.
VOICE_WORDS = {"en": ("America", "United States"), "es": ("Latin America", "Mexico", "United States")}


class ReadAloud(QObject):
    """`read(script, language)`, `stop()`; `sentenceStarted(index)` as each sentence begins,
    `readingChanged(bool)` when reading starts or ends."""

    sentenceStarted = Signal(int)  # an index into `script`
    readingChanged = Signal(bool)

    def __init__(self, engine: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine
        self._tts = None
        self._tried = False
        self._prepared = False  # no engine is made before the window's first paint (start-up time)
        self._locales: dict = {}  # language -> the engine's locale for it (None: none)
        self._voices: dict = {}  # language -> the voice chosen for it (voice_for)
        self._script: list = []
        self._index = -1
        self._reading = False
        self._speaking = False  # the engine began the sentence given last (its Ready ends that one)
        self._pending = False  # a sentence waits for the engine to finish stopping the last one
        self.sent: list[str] = []  # what was given to the engine, in order (tests; cleared at read)

    def prepare(self) -> None:
        """From now on the engine may be made (the window calls this after its first paint)."""
        self._prepared = True

    def engine(self):
        """The QTextToSpeech object, made the first time it is needed; None without one (or before
        `prepare`)."""
        if self._prepared and not self._tried:
            self._tried = True
            name = self._engine_name
            module = speech_module() if name else None  # with none named, not even loaded
            # Only an engine the config or --speech-engine names: speech-dispatcher is a program of
            # its own, and the guide starts none unasked. One named that isn't there: no speech,
            # rather than another voice (or Qt's silent mock, which it would pick on a machine
            # with no other).
            if name and module is not None and name in module.QTextToSpeech.availableEngines():
                self._tts = module.QTextToSpeech(name, self)
                self._tts.stateChanged.connect(self._on_state)
        return self._tts

    def locale_for(self, language: str):
        """The engine's locale for `language` ("en", "es"), the visitors' own first (en_US, then
        es_US, es_MX, es_419...), or None when it has none. speech-dispatcher names its voices'
        languages only through its locales (each voice says "C"), so locales are what is asked."""
        if language in self._locales:
            return self._locales[language]
        tts = self.engine()
        if tts is None:
            return None
        self._locales[language] = self._find_locale(tts, language)  # asked at every page: the engine once
        return self._locales[language]

    @staticmethod
    def _find_locale(tts, language: str):
        want = QLocale(language).language()
        found = [locale for locale in tts.availableLocales() if locale.language() == want]
        preferred = {"en": ("en_US", "en_GB"), "es": ("es_US", "es_MX", "es_419", "es_ES")}.get(language, ())
        found.sort(key=lambda locale: preferred.index(locale.name()) if locale.name() in preferred else 99)
        return found[0] if found else None

    def voice(self, language: str):
        """The voice `language` is read with (None: the engine's default for its locale), chosen
        once; call only when `can_read(language)`."""
        if language not in self._voices:
            tts = self.engine()
            tts.setLocale(self.locale_for(language))  # and the engine's first voice for it, maybe not the one wanted
            self._voices[language] = self.voice_for(tts, language)
        return self._voices[language]

    @staticmethod
    def voice_for(tts, language: str):
        """The locale's own voice rather than a variant of one ("English (America)", not
        "English (America)+Alex"), and of those the one its name says is the visitors' own."""
        voices = list(tts.availableVoices())
        plain = [voice for voice in voices if "+" not in voice.name()] or voices
        for words in VOICE_WORDS.get(language, ()):
            for voice in plain:
                if words in voice.name():
                    return voice
        return plain[0] if plain else None

    def can_read(self, language: str) -> bool:
        return self.locale_for(language) is not None

    @property
    def reading(self) -> bool:
        return self._reading

    @property
    def script(self) -> list:
        """What is being read, sentence by sentence ([] when nothing is)."""
        return self._script

    def read(self, script: list, language: str, rate: float = 0.0) -> None:
        self.stop()
        locale = self.locale_for(language)
        if locale is None or not script:
            return
        tts = self.engine()
        voice = self.voice(language)
        if voice is None or tts.voice() != voice:
            tts.setLocale(locale)
            if voice is not None:
                tts.setVoice(voice)
        tts.setRate(rate)
        self._script, self._index, self.sent = list(script), -1, []
        self._reading = True
        self.readingChanged.emit(True)
        self._next()

    def pause(self) -> None:
        if self._reading and self._tts is not None:
            self._tts.pause()

    def resume(self) -> None:
        if self._reading and self._tts is not None:
            self._tts.resume()

    def set_rate(self, rate: float) -> None:
        """From the next sentence: -1 (slowest) to 1 (fastest)."""
        if self._tts is not None:
            self._tts.setRate(rate)

    def stop(self) -> None:
        if not self._reading:
            return
        self._reading = False
        self._speaking = False
        self._script, self._index = [], -1
        if self._tts is not None:
            self._tts.stop()
        self.readingChanged.emit(False)

    def forget(self) -> None:
        """At the reset: stop, and keep nothing of what the last visitor had read."""
        self.stop()
        self.sent = []

    def _next(self) -> None:
        self._index += 1
        if self._index >= len(self._script):
            self.stop()
            return
        self._say()

    def _say(self) -> None:
        if self._tts.state().name in ("Speaking", "Paused", "Synthesizing"):
            self._pending = True  # what was stopped hasn't ended yet: its Ready says this one
            return
        self._pending = False
        utterance = self._script[self._index]
        self._speaking = False
        self.sent.append(utterance.spoken)
        self.sentenceStarted.emit(self._index)
        self._tts.say(utterance.spoken)

    def _on_state(self, state) -> None:
        name = state.name
        if name in ("Speaking", "Synthesizing"):
            self._speaking = True
        elif name == "Ready" and self._reading:
            if self._pending:
                self._say()
            elif self._speaking:
                self._next()
        elif name == "Error" and self._reading:
            self.stop()
