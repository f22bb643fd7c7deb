"""QApplication set-up and `create_window()`, the door testers and the command line share."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from guide.config import Config
from guide.feedback.store import FeedbackStore
from guide.packs.records import Library
from guide.startup import (
    RunOptions,
    StartupError,
    default_config_path,
    default_data_path,
    load_for_run,
    parse_run_options,
)
from guide.ui import resources_rc  # noqa: F401 (registers the :/icons and :/style resources)
from guide.ui.main_window import MainWindow

APP_NAME = "Recovery Guide"
APP_ID = "recovery-guide"
SCREENSHOT_SIZE = (1280, 800)
WINDOW_SIZE = (1200, 780)


def cache_dir() -> Path:
    """Where article headers, rendered pages and a large pack's search index are kept between
    runs (the platform's cache folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(folder) / APP_ID


def create_window(args: Sequence[str] = ()) -> MainWindow:
    """Build the main window from command-line style options; needs a QApplication.

    Raises StartupError (one line, for a person) when the options name something missing.
    """
    options = parse_run_options(list(args))
    config, library = load_for_run(options, default_config_path(), cache_dir())
    return _build_window(options, config, library)


def _build_window(options: RunOptions, config: Config, library: Library) -> MainWindow:
    if options.speech_engine is not None:
        config = config._replace(speech=config.speech._replace(engine=options.speech_engine))
    window = MainWindow(
        library,
        config,
        options.lang or config.language,
        kiosk=options.kiosk or config.kiosk.enabled,
        cache_dir=cache_dir(),
        idle_seconds=options.idle_seconds,
        feedback=FeedbackStore(default_data_path()),
        start_article=options.article or "",
    )
    window.resize(*WINDOW_SIZE)
    # Pages other than the start page are rendered when opened, never read from the disk (guide/reader/render.py).
    window.firstPainted.connect(window.renderer.prepare)
    return window


def keep_from_starting_a_bus(environment: MutableMapping[str, str]) -> None:
    """With no D-Bus session bus given, make sure libdbus doesn't start one.

    Unset, DBUS_SESSION_BUS_ADDRESS means "autolaunch:" to libdbus, which under X11 runs
    `dbus-launch --autolaunch` (a program, and a bus daemon that outlives the guide). An address
    of a transport libdbus doesn't have fails at once, starting nothing; Qt's accessibility then
    has no bus, as with no bus at all. A session that wants screen readers provides a bus
    (docs/KIOSK.md). Call before the QApplication is made.
    """
    if not environment.get("DBUS_SESSION_BUS_ADDRESS"):
        environment["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"


def _quiet_offscreen_notice(mode: QtMsgType, context, message: str) -> None:
    # The offscreen platform reports this for every window; it says nothing about the guide.
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def run(argv: Sequence[str]) -> int:
    """Start the guide (or take a screenshot) as the command line asked."""
    options = parse_run_options(list(argv))
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    # Everything a person can get wrong is found here, before a window (or a display) is needed.
    config, library = load_for_run(options, default_config_path(), cache_dir())
    if options.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen_notice)
    keep_from_starting_a_bus(os.environ)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setDesktopFileName(APP_ID)
    window = _build_window(options, config, library)
    window.firstPainted.connect(_start_up_done)
    if options.screenshot:
        code = _screenshot(app, window, options.screenshot)
        _start_up_done()  # a screenshot ends once its page is painted: the same start-up, done
        return code
    window.show()  # a kiosk shows itself full screen (guide/ui/kiosk/kiosk_screen.py)
    return app.exec()


_started_up = False


def _start_up_done() -> None:
    """What start-up built lives until the guide closes: the garbage collector stops walking it
    (shorter pauses while a visitor reads, a faster exit) and starts collecting (the command line
    pauses it while the window is made). Once: later objects are a visitor's, and collected."""
    global _started_up
    if not _started_up:
        _started_up = True
        gc.freeze()
        gc.enable()


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    if not window.grab().save(str(path), "PNG"):
        raise StartupError(f"could not write the screenshot to {path}")
    window.close()
    return 0
