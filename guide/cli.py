"""The command line: `guide [options]` runs the guide; `guide check` lints content packs.

Every mistake a person can make here (a missing folder, an unknown article, a broken config)
ends with one line on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

from guide.config import IDLE_SECONDS, Config, ConfigError, load_config
from guide.languages import codes
from guide.library import Library, load_library


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
        epilog="Subcommands: 'guide check [DIR]...' lints content packs; 'guide kiosk set-pin' stores the staff PIN.",
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


def check_main(argv: list[str]) -> int:
    """`guide check [DIR]...`: print each Problem compiler-style; exit 1 on any error."""
    parser = argparse.ArgumentParser(prog="guide check", description="Check content packs.")
    parser.add_argument("packs", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--strict", action="store_true", help="warnings count as errors")
    parser.add_argument("--readability", action="store_true", help="print each article's reading level")
    parser.add_argument("--pytest", action="store_true", help="also run the generic checks as real UI tests")
    args = parser.parse_args(argv)
    for folder in args.packs:
        if not folder.is_dir():
            print(f"guide check: content folder not found: {folder}", file=sys.stderr)
            return 2
    from guide.check import check_library, count_pack_files, readability_table  # the linter only for this command

    library = load_library(tuple(args.packs))
    if args.readability:
        print("| language | article | reading level |\n| --- | --- | --- |")
        for lang, article_id, _title, figure in readability_table(library):
            shown = f"Fernández-Huerta {figure:.0f}" if lang == "es" else f"grade {figure:.1f}"
            print(f"| {lang} | {article_id} | {shown} |")
        return 0
    if args.pytest:
        return _pack_ui_tests(args.packs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    problems = check_library(library, workers=min(cores, 8))  # no Qt in this process: it may fork
    if args.packs:  # a clinic checking its pack hears about its own files only
        roots = [folder.resolve() for folder in args.packs]
        problems = [p for p in problems if any(p.path.resolve().is_relative_to(root) for root in roots)]
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    checked = count_pack_files(args.packs or [library.packs[0]])
    print(
        f"{checked} file{'s' if checked != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, "
        f"{len(problems) - errors} warning{'s' if len(problems) - errors != 1 else ''}"
    )
    failing = [p for p in problems if args.strict or p.severity == "error"]
    return 1 if failing else 0


def kiosk_main(argv: list[str]) -> int:
    """`guide kiosk set-pin [--config FILE]`: store a salted hash of a new staff PIN."""
    parser = argparse.ArgumentParser(prog="guide kiosk", description="Set up kiosk mode.")
    commands = parser.add_subparsers(dest="command", required=True)
    set_pin = commands.add_parser("set-pin", help="ask for a new staff PIN and store its hash")
    set_pin.add_argument("--config", type=Path, metavar="FILE", help="the config file to write")
    args = parser.parse_args(argv)
    import getpass

    from guide.kiosk import hash_pin, set_pin_in_config

    path = args.config or default_config_path()
    if sys.stdin.isatty():
        first, second = getpass.getpass("New staff PIN (4-12 digits): "), getpass.getpass("Again: ")
    else:  # for set-up scripts: two lines on standard input
        first, second = (sys.stdin.readline().strip(), sys.stdin.readline().strip())
    if first != second:
        print("guide kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
        return 1
    try:
        stored = hash_pin(first)
    except ValueError as error:
        print(f"guide kiosk: {error}; nothing was changed", file=sys.stderr)
        return 1
    try:
        set_pin_in_config(path, stored)
    except OSError as error:
        print(f"guide kiosk: cannot write {path}: {error.strerror}", file=sys.stderr)
        return 1
    except ValueError as error:  # not TOML, or a kiosk that is not a table: left as it was
        print(f"guide kiosk: {error}; nothing was changed", file=sys.stderr)
        return 1
    print(f"Staff PIN stored in {path}")
    return 0


def default_config_path() -> Path:
    """Where the guide reads its config when no --config is given (the platform's place)."""
    from PySide6.QtCore import QStandardPaths  # QtCore only: no window is opened

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / "recovery-guide" / "config.toml"


def default_data_path() -> Path:
    """Where the anonymous feedback store lives: the platform's data folder."""
    from PySide6.QtCore import QStandardPaths  # QtCore only: no window is opened

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(folder) / "recovery-guide" / "feedback.sqlite"


def pin_lockout_path() -> Path:
    """Where the staff PIN's wrong-try count and lock time are kept: the platform's data folder."""
    return default_data_path().with_name("pin-lockout.json")


def feedback_main(argv: list[str]) -> int:
    """`guide feedback export FILE.csv [--since DATE]` and `guide feedback summary`."""
    parser = argparse.ArgumentParser(prog="guide feedback", description="Anonymous page feedback, for staff.")
    parser.add_argument("--data", type=Path, metavar="FILE", help="the feedback database (default: the usual place)")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the answers to a CSV file")
    export.add_argument("csv", type=Path, metavar="FILE.csv")
    export.add_argument(
        "--since",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="only answers from this day on",
    )
    commands.add_parser("summary", help="per article: yes, no and the share helpful")
    args = parser.parse_args(argv)
    path = args.data or default_data_path()
    import sqlite3

    from guide.feedback import FeedbackStore

    store = FeedbackStore(path)
    problem = store.problem()  # answers that have not reached the database, and why
    if problem:
        print(f"guide feedback: {problem}", file=sys.stderr)
    if not path.is_file():
        if not problem:
            print(f"guide feedback: no feedback yet ({path} does not exist)", file=sys.stderr)
        return 1
    try:
        if args.command == "export":
            count = store.export_csv(args.csv, args.since)
            print(f"{count} answers written to {args.csv}")
            return 0
        print(f"{'article':<40} {'yes':>5} {'no':>5} {'helpful':>8}")
        for article_id, yes, no in store.summary():
            print(f"{article_id:<40} {yes:>5} {no:>5} {yes / (yes + no):>8.0%}")
        return 0
    except (OSError, sqlite3.Error) as error:
        print(f"guide feedback: {error}", file=sys.stderr)
        return 1


def _pack_ui_tests(packs: list[Path]) -> int:
    """`guide check --pytest DIR`: the generic pack checks, driven through the real window."""
    try:
        import pytest
    except ImportError:
        print("guide check: --pytest needs the test tools: pip install 'recovery-guide[test]'", file=sys.stderr)
        return 2
    from guide import pack_tests

    # `guide` is already imported here, so pytest can't rewrite its asserts: expected, not a fault.
    quiet = ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    args = [pack_tests.__file__, "-q", "-p", "no:cacheprovider", *quiet, *(f"--guide-pack={p}" for p in packs)]
    return int(pytest.main(args))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["check"]:
        return check_main(argv[1:])
    if argv[:1] == ["kiosk"]:
        return kiosk_main(argv[1:])
    if argv[:1] == ["feedback"]:
        return feedback_main(argv[1:])
    try:
        parse_run_options(argv)  # usage mistakes are reported before Qt is imported
    except StartupError as error:
        print(f"guide: error: {error}", file=sys.stderr)
        return 2
    # What start-up makes lives as long as the window: collecting garbage while making it is
    # wasted work (8 ms of a start, 17 ms with 5,000 articles). The first paint turns it back on.
    gc.disable()
    from guide.ui.app import run  # Qt is imported only when there is a window to show

    try:
        return run(argv)
    except StartupError as error:
        print(f"guide: error: {error}", file=sys.stderr)
        return 2
