"""`guide speech`: for staff setting up a kiosk, the voices the guide would read with, and a
sentence spoken through them, with the same engine and voice choice as "Read aloud".

    guide speech [--speech-engine NAME]                  each language: the locale and voice
    guide speech [--speech-engine NAME] --lang es TEXT   say TEXT, and wait until it is said

The engine is the one named, else the config's `[speech] engine`. Exit 0 when every language
(or the one asked) has a voice and TEXT was spoken; 1 otherwise, with the reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide import languages


def speech_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="guide speech", description="Try the voices that read pages aloud.")
    parser.add_argument("--speech-engine", metavar="NAME", help="the engine (default: the config's [speech] engine)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument("--lang", choices=languages.codes(), help="only this language")
    parser.add_argument("text", nargs="?", help="a sentence to say (with --lang)")
    args = parser.parse_args(argv)
    if args.text and not args.lang:
        parser.error("say a sentence in one language: add --lang")
    from guide.config import ConfigError, load_config
    from guide.startup import default_config_path

    path = args.config or default_config_path()
    try:  # no config at the usual place: the defaults, as the guide itself starts
        config = load_config(path if args.config or path.exists() else None)
    except ConfigError as error:
        print(f"guide speech: {error}", file=sys.stderr)
        return 2
    engine_name = args.speech_engine or config.speech.engine
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    from guide.ui.speech.read_aloud import ReadAloud, speech_module

    module = speech_module()
    if module is None:
        print("guide speech: QtTextToSpeech is not installed: pip install 'recovery-guide[speech]'", file=sys.stderr)
        return 1
    engines = list(module.QTextToSpeech.availableEngines())
    if not engine_name or engine_name not in engines:
        said = f"'{engine_name}' is not one of them" if engine_name else "none is named ([speech] engine)"
        print(f"guide speech: engines here: {', '.join(engines) or 'none'}; {said}", file=sys.stderr)
        return 1
    reader = ReadAloud(engine_name)
    reader.prepare()
    tts = reader.engine()
    wait = QDeadlineTimer(10_000)
    while tts.state().name not in ("Ready", "Error") and not wait.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
    if tts.state().name == "Error":
        print(f"guide speech: the {engine_name} engine failed: {tts.errorString()}", file=sys.stderr)
        return 1
    missing = 0
    for code in [args.lang] if args.lang else languages.codes():
        locale = reader.locale_for(code)
        if locale is None:
            print(f"{code}: no voice (the button is not shown in {languages.language(code).name})")
            missing += 1
            continue
        voice = reader.voice(code)
        print(f"{code}: {locale.name()}, {voice.name() if voice is not None else 'the engine default voice'}")
    if missing or not args.text:
        return 1 if missing else 0
    from guide.speech.script import utterances

    done: list[bool] = []
    reader.readingChanged.connect(lambda reading: done.append(True) if not reading else None)
    reader.read(utterances([("text", args.text)], ()), args.lang)
    wait = QDeadlineTimer(60_000)
    while not done and not wait.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
    if not done:
        print("guide speech: the engine did not finish within a minute", file=sys.stderr)
        return 1
    print(f"said: {' '.join(reader.sent)}")
    return 0
