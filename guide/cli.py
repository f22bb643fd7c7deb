"""The command line: `guide [options]` runs the guide; `guide check` lints content packs; the
staff's `guide kiosk`, `guide feedback`, `guide locator` and `guide speech`.

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

from guide.packs.library import load_library
from guide.startup import StartupError, default_config_path, default_data_path, parse_run_options


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
    from guide.locator.check import locator_summary
    from guide.packs.check import check_library, count_pack_files, readability_table  # the linter only for this command

    library = load_library(tuple(args.packs))
    if args.readability:
        print("| language | article | reading level |\n| --- | --- | --- |")
        for lang, article_id, _title, figure in readability_table(library):
            shown = f"Fernández-Huerta {figure:.0f}" if lang == "es" else f"grade {figure:.1f}"
            print(f"| {lang} | {article_id} | {shown} |")
        print()  # then the check itself: the table never hides a problem or the exit status
    if args.pytest:
        return _pack_ui_tests(args.packs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    problems = check_library(library, workers=min(cores, 8))  # no Qt in this process: it may fork
    if args.packs:  # a clinic checking its pack hears about its own files only
        roots = [folder.resolve() for folder in args.packs]
        problems = [p for p in problems if any(p.path.resolve().is_relative_to(root) for root in roots)]
    for problem in problems:
        print(problem)
    if summary := locator_summary(library, date.today()):
        print(summary)
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

    from guide.kiosk.rules import hash_pin, set_pin_in_config

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

    from guide.feedback.store import FeedbackStore

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
    from guide.packs import pack_tests

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
    if argv[:1] == ["speech"]:
        from guide.ui.speech.command import speech_main  # Qt, for QtTextToSpeech

        return speech_main(argv[1:])
    if argv[:1] == ["locator"]:
        from guide.locator.build import locator_main

        return locator_main(argv[1:])
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
