"""Starting the guide: the run options, the config and content they name, and the platform's
folders. Qt-free: the command line (guide/cli.py) and the window (guide/ui/app.py) both use it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NamedTuple

from guide.config import IDLE_SECONDS, Config, ConfigError, load_config
from guide.languages import codes
from guide.packs.library import load_library
from guide.packs.records import Library


class StartupError(Exception):
    """The guide can't start as asked; the message says why in one line."""


class RunOptions(NamedTuple):
    kiosk: bool = False
    config: Path | None = None
    content: tuple[Path, ...] = ()
    lang: str | None = None
    article: str | None = None
    idle_seconds: int | None = None
    screenshot: Path | None = None
    speech_engine: str | None = None


def version() -> str:
    """The installed package's version (the source tree's, when run from a checkout)."""
    import importlib.metadata  # 20 ms: only when the version is asked for

    try:
        return importlib.metadata.version("recovery-guide")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for (reading package metadata is slow)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {version()}")
        parser.exit()


def _run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guide",
        description="Recovery Guide: an offline guide about substance use, treatment and help.",
        epilog=(
            "Subcommands: 'guide check [DIR]...' lints content packs; 'guide kiosk set-pin' stores the staff PIN; "
            "'guide feedback', 'guide locator import' and 'guide speech' (try the voices) are for staff."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--kiosk", action="store_true", help="run full screen as a clinic kiosk")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument(
        "--content",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a content pack laid over the bundled one (repeatable)",
    )
    parser.add_argument("--lang", choices=codes(), help="language to start in")
    parser.add_argument("--article", metavar="ID", help="open this article first")
    parser.add_argument("--idle-seconds", type=int, metavar="N", help="kiosk: reset after N seconds without input")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit")
    parser.add_argument("--speech-engine", metavar="NAME", help="read aloud with this engine (tests: mock)")
    return parser


def parse_run_options(argv: list[str] | tuple[str, ...]) -> RunOptions:
    """Parse the run options; raises StartupError instead of exiting, for create_window."""
    parser = _run_parser()
    parser.exit_on_error = False
    try:
        args, unknown = parser.parse_known_args(list(argv))
    except argparse.ArgumentError as error:
        raise StartupError(str(error)) from error
    if unknown:
        raise StartupError(f"unrecognised arguments: {' '.join(unknown)}")
    if args.idle_seconds is not None and not 2 <= args.idle_seconds <= IDLE_SECONDS[1]:
        # 2 s is allowed here (not in a config) for trying the idle reset out
        raise StartupError(f"--idle-seconds must be a whole number from 2 to {IDLE_SECONDS[1]}")
    return RunOptions(
        kiosk=args.kiosk,
        config=args.config,
        content=tuple(args.content),
        lang=args.lang,
        article=args.article,
        idle_seconds=args.idle_seconds,
        screenshot=args.screenshot,
        speech_engine=args.speech_engine,
    )


def load_for_run(
    options: RunOptions, default_config: Path | None = None, cache_dir: Path | None = None
) -> tuple[Config, Library]:
    """Read the config and the content the options name; StartupError on anything missing.

    With `cache_dir`, article headers are remembered there between runs (see load_library)."""
    config_path = options.config
    if config_path is not None and not config_path.exists():
        raise StartupError(f"config file not found: {config_path}")
    if config_path is None and default_config is not None and default_config.exists():
        config_path = default_config  # there, but a folder or a pipe: an error, not "no config"
    if config_path is not None and not config_path.is_file():
        kind = "a folder" if config_path.is_dir() else "not a regular file"
        raise StartupError(f"{config_path} is {kind}, not a config file")
    try:
        config = load_config(config_path)
    except ConfigError as error:
        raise StartupError(str(error)) from error
    if config.kiosk.admin_pin_sha256:
        _warn_if_others_can_read(config_path)
    for folder in options.content:
        if not folder.is_dir():
            raise StartupError(f"content folder not found: {folder}")
    library = load_library((*config.content, *options.content), cache_dir)
    if options.article and not library.has_article(options.article):
        raise StartupError(f"no article with id '{options.article}' (see 'guide check')")
    return config, library


def _warn_if_others_can_read(path: Path) -> None:
    """One line on standard error when a config holding the PIN's hash is group or world readable."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        print(
            f"guide: warning: {path} holds the staff PIN's hash and other users can read it; "
            f"make it private with: chmod 600 {path}",
            file=sys.stderr,
        )


def _platform_folder(xdg: str, xdg_default: str, mac: str) -> Path:
    """The platform's folder, where Qt's QStandardPaths puts it (Generic*Location), without Qt."""
    if sys.platform == "darwin":
        return Path.home() / mac
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    value = os.environ.get(xdg, "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / xdg_default


def default_config_path() -> Path:
    """Where the guide reads its config when no --config is given (the platform's place)."""
    return _platform_folder("XDG_CONFIG_HOME", ".config", "Library/Preferences") / "recovery-guide" / "config.toml"


def default_data_path() -> Path:
    """Where the anonymous feedback store lives: the platform's data folder."""
    folder = _platform_folder("XDG_DATA_HOME", ".local/share", "Library/Application Support")
    return folder / "recovery-guide" / "feedback.sqlite"


def pin_lockout_path() -> Path:
    """Where the staff PIN's wrong-try count and lock time are kept: the platform's data folder."""
    return default_data_path().with_name("pin-lockout.json")
